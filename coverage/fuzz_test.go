package coverage

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzPercentOf checks PercentOf, Need and Gap against big-number
// references over the whole int64 range, and the text round trip.
func FuzzPercentOf(f *testing.F) {
	for _, s := range [][3]int64{{18726, 19662, 9800}, {1, 32, 5000}, {math.MaxInt64, math.MaxInt64, 10000}, {0, 1, 0},
		{math.MaxInt64 / 2, 3, 9999}, {489382, 516047, 9800}, {5, 0, 1}, {-1, 7, -3}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, with, required, target int64) {
		p, err := PercentOf(with, required)
		switch {
		case with < 0 || required <= 0:
			require.ErrorIs(t, err, ErrInvalid)
			return
		case err != nil:
			require.ErrorIs(t, err, ErrRange)
			require.Equal(t, 1, refPercent(with, required).Cmp(big.NewInt(math.MaxInt64)))
			return
		}
		require.Equal(t, refPercent(with, required).Int64(), int64(p), "%d/%d", with, required)
		back, err := ParsePercent(p.String())
		if p < 1e15 {
			require.NoError(t, err)
			require.Equal(t, p, back)
			back, err = ParsePercent(p.In(adminduk.Indonesian))
			require.NoError(t, err)
			require.Equal(t, p, back)
		}
		// Need: ceil(target x required / 10000) for a target in 0-100 %.
		tg := Percent(target % 10001)
		if tg < 0 {
			tg = -tg
		}
		c := Counts{Required: required, With: with}
		want := new(big.Int).Mul(big.NewInt(required), big.NewInt(int64(tg)))
		want.Add(want, big.NewInt(9999)).Quo(want, big.NewInt(10000))
		require.Equal(t, want.Int64(), c.Need(tg))
		gap := new(big.Int).Sub(want, big.NewInt(with))
		if gap.Sign() < 0 {
			gap.SetInt64(0)
		}
		require.Equal(t, gap.Int64(), c.Gap(tg))
		// Meets agrees with the exact comparison with x 10000 >= t x required.
		l := new(big.Int).Mul(big.NewInt(with), big.NewInt(10000))
		r := new(big.Int).Mul(big.NewInt(int64(tg)), big.NewInt(required))
		require.Equal(t, l.Cmp(r) >= 0, c.Meets(tg))
	})
}

// refRow is what the slow reference reads from a line.
type refRow struct {
	birth, aktaDate, kiaDate int32
	female, hasAkta, hasKIA  bool
	district                 uint32
	mismatch                 bool
}

var refHeader = strings.Split("nik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued,note", ",")

// refParse is the slow reference of the row parser: encoding/csv for the
// fields, time.Parse for dates, adminduk.Parser.ParseNIK, maps for the
// words. It returns the column at fault ("" for the row) or the row.
func refParse(line string, asOf adminduk.Date) (refRow, string, bool) {
	r := csv.NewReader(strings.NewReader(line))
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil {
		return refRow{}, "", false
	}
	if _, err := r.Read(); err != io.EOF {
		return refRow{}, "", false // more than one record: not a single line
	}
	if len(rec) != len(refHeader) {
		return refRow{}, "", true
	}
	f := map[string]string{}
	for i, name := range refHeader {
		f[name] = strings.Trim(rec[i], " \t")
	}
	date := func(s string) (int32, bool) {
		for _, layout := range []string{"2006-01-02", "02-01-2006", "02/01/2006"} {
			if len(s) != 10 {
				break
			}
			if t, err := time.Parse(layout, s); err == nil && t.Year() >= 1800 {
				return int32(t.Year()*10000 + int(t.Month())*100 + t.Day()), true
			}
		}
		return 0, false
	}
	var out refRow
	nik, err := adminduk.NewParser(adminduk.Options{AsOf: asOf}).ParseNIK(f["nik"])
	if err != nil {
		return out, "nik", true
	}
	y, m, d := nik.Birth()
	nikKey := int32(y%100*10000 + int(m)*100 + d)
	if s := f["birth_date"]; s != "" {
		k, ok := date(s)
		if !ok {
			return out, "birth_date", true
		}
		out.birth, out.mismatch = k, k%1000000 != nikKey
	} else {
		out.birth = int32(y*10000 + int(m)*100 + d)
	}
	out.female = nik.Sex() == adminduk.Female
	if s := strings.ToLower(f["sex"]); s != "" {
		female, ok := map[string]bool{"l": false, "m": false, "1": false, "laki-laki": false, "male": false, "pria": false,
			"p": true, "f": true, "w": true, "2": true, "perempuan": true, "female": true, "wanita": true}[s]
		if !ok {
			return out, "sex", true
		}
		out.mismatch = out.mismatch || female != out.female
		out.female = female
	}
	ds := strings.ReplaceAll(f["district"], ".", "")
	if len(f["district"]) == 8 && (f["district"][2] != '.' || f["district"][5] != '.') || len(ds) != 6 ||
		(len(f["district"]) != 8 && len(f["district"]) != 6) || strings.Trim(ds, "0123456789") != "" ||
		ds[0:2] == "00" || ds[2:4] == "00" || ds[4:6] == "00" {
		return out, "district", true
	}
	code := wilayah.MustParseCode(ds)
	out.district = districtKey(code)
	flag := func(s string) (bool, bool) {
		v, ok := map[string]bool{"1": true, "y": true, "ya": true, "yes": true, "true": true,
			"0": false, "n": false, "tidak": false, "no": false, "false": false}[strings.ToLower(s)]
		return v, ok
	}
	var ok bool
	if out.hasAkta, ok = flag(f["has_akta"]); !ok {
		return out, "has_akta", true
	}
	if s := f["akta_registered"]; s != "" {
		if out.aktaDate, ok = date(s); !ok {
			return out, "akta_registered", true
		}
	}
	if out.hasKIA, ok = flag(f["has_kia"]); !ok {
		return out, "has_kia", true
	}
	if s := f["kia_issued"]; s != "" {
		if out.kiaDate, ok = date(s); !ok {
			return out, "kia_issued", true
		}
	}
	for _, c := range []struct {
		has  bool
		date int32
		col  string
	}{{out.hasAkta, out.aktaDate, "akta_registered"}, {out.hasKIA, out.kiaDate, "kia_issued"}} {
		if c.date != 0 && (!c.has || c.date < out.birth) {
			return out, c.col, true
		}
	}
	if _, known := wilayah.Lookup(code); !known {
		return out, "district", true
	}
	return out, "", true
}

// FuzzParseLine checks the fast row parser against refParse: where
// encoding/csv reads the line, both accept the same rows with the same
// values and reject the others at the same column.
func FuzzParseLine(f *testing.F) {
	for _, l := range strings.Split(smallCSV, "\n")[1:] {
		f.Add(strings.TrimRight(l, "\r"))
	}
	f.Add(`3604095503150001,15/03/2015,perempuan,360409,YA,02-04-2015,True,2019-07-01,"a ""quoted"" note, with comma"`)
	f.Add(`3604091503150001, 2015-03-15 ,M,36.04.09,no,,0,,`)
	f.Add(`3604091503150001,2015-03-15,M,36.04.09,1,2015-03-14,0,,before birth`)
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
		require.NoError(t, err)
		require.NoError(t, a.Line(1, []byte(strings.Join(refHeader, ","))))
		rw, _, rerr := a.parseLine(2, []byte(line))
		want, col, comparable := refParse(line, asOf2025)
		if !comparable {
			return
		}
		if col != "" || rerr != nil {
			require.NotNil(t, rerr, "reference rejects %q at %s", line, col)
			require.Equal(t, col, rerr.Column, "%q: %v", line, rerr)
			require.True(t, errors.Is(rerr, ErrSyntax) || errors.Is(rerr, ErrInvalid) || errors.Is(rerr, ErrUnknownRegion))
			return
		}
		got := refRow{birth: dateKey(rw.birth), aktaDate: dateKey(rw.akta.date), kiaDate: dateKey(rw.kia.date), female: rw.female,
			hasAkta: rw.akta.has, hasKIA: rw.kia.has, district: rw.district, mismatch: rw.mismatch}
		require.Equal(t, want, got, line)
	})
}

// FuzzReadCSV feeds arbitrary bytes: no panic, every data row is counted,
// skipped or born after the reference date, and a skipped row has a line.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(smallCSV))
	f.Add([]byte("nik,district,has_akta\n6208011503200001,62.08.01,1\n\"unterminated\n"))
	f.Add([]byte("6208011503200001,2020-03-15,L,62.08.01,1,2020-04-01,1,2021-01-10\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := NewAggregator(AggregateOptions{AsOf: asOf2025, MaxErrors: 5})
		require.NoError(t, err)
		if err := a.ReadCSV(bytes.NewReader(data)); err != nil {
			require.ErrorIs(t, err, ErrSyntax)
			return
		}
		rep, err := a.Report(wilayah.LevelRegency)
		require.NoError(t, err)
		s := rep.Stats
		require.Equal(t, s.Rows, s.Counted+s.Malformed+s.Future)
		require.LessOrEqual(t, s.Rows, s.Lines)
		for _, e := range rep.Errors {
			require.Positive(t, e.Line)
			require.LessOrEqual(t, int64(e.Line), s.Lines)
		}
		var sum Counts
		for _, r := range rep.Regions {
			if r.Akta != nil {
				sum = sum.Add(r.Akta.Counts)
			}
		}
		if rep.Total.Akta != nil {
			assert.Equal(t, rep.Total.Akta.Counts, sum)
		}
	})
}

// dateKey returns d as the number yyyymmdd, 0 for the zero Date.
func dateKey(d adminduk.Date) int32 {
	return int32(d.Year()*10000 + int(d.Month())*100 + d.Day())
}
