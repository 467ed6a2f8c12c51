package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func init() {
	register("nik", "parse or bulk-validate NIKs (nik parse, nik validate)", runNIK)
}

func runNIK(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "parse", "validate")
	if err != nil {
		return err
	}
	if verb == "validate" {
		return runNIKValidate(ctx, e, rest)
	}
	return runNumberParse(e, "nik parse", rest)
}

// parserFlags adds --as-of and --lenient to fs and returns a function that
// builds the parser once the flags are parsed.
func parserFlags(fs interface {
	String(name, value, usage string) *string
	Bool(name string, value bool, usage string) *bool
}, lenientFlag bool) func() (adminduk.Parser, error) {
	asOf := fs.String("as-of", "", "reference date YYYY-MM-DD for the two-digit year, between 0200-01-01 and 4000-12-31 (default today, WIB)")
	lenient := new(bool)
	if lenientFlag {
		lenient = fs.Bool("lenient", false, "check only the province and number ranges of the region code")
	}
	return func() (adminduk.Parser, error) {
		o := adminduk.Options{Lenient: *lenient}
		if *asOf != "" {
			t, err := time.Parse(time.DateOnly, *asOf)
			if err != nil {
				return adminduk.Parser{}, usagef("--as-of %q: want YYYY-MM-DD", *asOf)
			}
			if t.Year() < minAsOfYear || t.Year() > maxAsOfYear {
				return adminduk.Parser{}, usagef("--as-of %s: want a date between %04d-01-01 and %04d-12-31", *asOf, minAsOfYear, maxAsOfYear)
			}
			o.AsOf = adminduk.DateOf(t)
		}
		return adminduk.NewParser(o), nil
	}
}

// The reference years the parser honours; it would clamp others (and take
// year 1, the zero time, as "today"), so the CLI refuses them.
const (
	minAsOfYear = 200
	maxAsOfYear = 4000
)

// regionJSON describes the region code of a NIK or KK number. For a retired
// code (one that appears in some edition but not the current one) the names
// are those of its current successor; a code no edition has, accepted by
// --lenient, is marked unknown and has no names.
type regionJSON struct {
	Code      string `json:"code"`
	Name      string `json:"name,omitempty"`
	Regency   string `json:"regency,omitempty"`
	Province  string `json:"province,omitempty"`
	Current   bool   `json:"current"`
	Unknown   bool   `json:"unknown,omitempty"`
	Successor string `json:"successor,omitempty"`
}

func describeRegion(c wilayah.Code) *regionJSON {
	out := &regionJSON{Code: c.String()}
	own, ok := wilayah.Lookup(c)
	if !ok {
		out.Unknown = true // lenient mode: the code is in range but in no edition
		return out
	}
	out.Current = own.Current()
	if own.Successor.IsValid() {
		out.Successor = own.Successor.String()
	}
	r, _ := wilayah.Resolve(c)
	out.Name = r.Name
	if reg, ok := wilayah.Lookup(r.Code.Regency()); ok {
		out.Regency = reg.Name
	}
	if prov, ok := wilayah.Lookup(r.Code.Province()); ok {
		out.Province = prov.Name
	}
	return out
}

// numberJSON is one line of `nik parse --json` and `kk parse --json`.
type numberJSON struct {
	Input      string      `json:"input"`
	Valid      bool        `json:"valid"`
	Reason     string      `json:"reason,omitempty"`
	Error      string      `json:"error,omitempty"`
	Sex        string      `json:"sex,omitempty"`
	BirthDate  string      `json:"birth_date,omitempty"`
	RecordDate string      `json:"record_date,omitempty"`
	Serial     int         `json:"serial,omitempty"`
	Region     *regionJSON `json:"region,omitempty"`
}

func runNumberParse(e *env, name string, args []string) error {
	fs := newFlags(e, name)
	isNIK := name == "nik parse"
	parser := parserFlags(fs, true)
	asJSON := fs.Bool("json", false, "print one JSON object per number")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("want at least one number")
	}
	p, err := parser()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	invalid := false
	for _, s := range pos {
		out := numberJSON{Input: s}
		var perr error
		if isNIK {
			n, err := p.ParseNIK(s)
			perr = err
			if err == nil {
				out.Sex, out.BirthDate, out.Serial = n.Sex().String(), n.BirthDate().String(), n.Serial()
				out.Region = describeRegion(n.Region())
			}
		} else {
			k, err := p.ParseKK(s)
			perr = err
			if err == nil {
				out.RecordDate, out.Serial = k.RecordDate().String(), k.Serial()
				out.Region = describeRegion(k.Region())
			}
		}
		out.Valid = perr == nil
		if pe := (*adminduk.ParseError)(nil); errors.As(perr, &pe) {
			out.Reason, out.Error = pe.Reason.String(), pe.Error()
		}
		invalid = invalid || !out.Valid
		if *asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
		} else {
			printNumberText(e, out)
		}
	}
	if invalid {
		return errInvalid
	}
	return nil
}

func printNumberText(e *env, o numberJSON) {
	if !o.Valid {
		fmt.Fprintf(e.stdout, "%s\tinvalid (%s): %s\n", safe(o.Input), o.Reason, safe(o.Error))
		return
	}
	date := o.BirthDate
	if date == "" {
		date = o.RecordDate
	}
	r := o.Region
	place := r.Name
	if r.Regency != "" {
		place += ", " + r.Regency + ", " + r.Province
	}
	status := ""
	switch {
	case r.Unknown:
		status = " (unknown code, in no edition; accepted by --lenient)"
	case !r.Current:
		status = " (retired code"
		if r.Successor != "" {
			status += ", now " + r.Successor
		}
		status += ")"
	}
	region := r.Code
	if place != "" {
		region += " " + place
	}
	fmt.Fprintf(e.stdout, "%s\tvalid\t%s %s serial %04d\tregion %s%s\n", safe(o.Input), o.Sex, date, o.Serial, region, status)
}

// safe replaces tabs, control characters and invalid UTF-8 in s by '?', so
// that printed input cannot drive the terminal.
func safe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || r == '\t' || !unicode.IsPrint(r) {
			return '?'
		}
		return r
	}, s)
}
