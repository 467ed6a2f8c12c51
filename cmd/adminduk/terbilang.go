package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

func init() {
	register("terbilang", "spell a number or a date in Indonesian or English words", runTerbilang)
}

func runTerbilang(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "terbilang")
	lang := fs.String("lang", "id", "language: id or en")
	date := fs.String("date", "", "spell the date `YYYY-MM-DD` instead of a number")
	ordinal := fs.Bool("ordinal", false, "spell the ordinal (kedua, second) instead of the cardinal")
	upper := fs.Bool("upper", false, "print in capitals, as on an akta")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	var l adminduk.Lang
	switch *lang {
	case "id":
		l = adminduk.Indonesian
	case "en":
		l = adminduk.English
	default:
		return usagef("--lang %q: want id or en", *lang)
	}
	var words string
	switch {
	case *date != "":
		if len(pos) != 0 {
			return usagef("give either --date or a number")
		}
		t, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			return usagef("--date %q: want YYYY-MM-DD", *date)
		}
		words = adminduk.DateWords(adminduk.DateOf(t), l)
	case len(pos) == 1:
		n, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil {
			fmt.Fprintf(e.stderr, "adminduk terbilang: %q is not a whole number between %d and %d\n", pos[0], int64(-1<<63), int64(1<<63-1))
			return errInvalid
		}
		if *ordinal {
			words = adminduk.Ordinal(n, l)
		} else {
			words = adminduk.Words(n, l)
		}
	default:
		return usagef("want one number, or --date YYYY-MM-DD")
	}
	if *upper {
		words = strings.ToUpper(words)
	}
	_, err = fmt.Fprintln(e.stdout, words)
	return err
}
