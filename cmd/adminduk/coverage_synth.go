package main

import (
	"fmt"
	"io"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
)

// runCoverageSynth writes a synthetic population of children for a kab/kota.
func runCoverageSynth(e *env, args []string) error {
	fs := newFlags(e, "coverage synth")
	regency := fs.String("regency", "", "kab/kota `CODE` such as 62.08 (Sukamara) or 36.04 (Serang)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same file")
	out := fs.String("out", "-", "output `FILE`, - for standard output")
	asOf := fs.String("as-of", synthAsOf, "reference date `YYYY-MM-DD` of the population")
	rows := fs.Int64("rows", 0, "number of children (default: the kab/kota's estimated children 0-18)")
	aktaLevel := fs.String("akta-level", "", "akta coverage `P` to draw around (default: published figure, else 92)")
	kiaLevel := fs.String("kia-level", "", "KIA coverage `P` to draw around (default: published figure, else 55)")
	clean := fs.Bool("clean", false, "leave out corrected birth dates and undated old akta")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *regency == "" {
		return usagef("want --regency CODE, such as 62.08")
	}
	code, err := wilayah.ParseCode(*regency)
	if err != nil || code.Level() != wilayah.LevelRegency {
		return usagef("--regency %q: want a kab/kota code such as 62.08", *regency)
	}
	day, err := adminduk.ParseDate(*asOf)
	if err != nil {
		return usagef("--as-of %q: want YYYY-MM-DD", *asOf)
	}
	if *rows < 0 {
		return usagef("--rows must not be negative")
	}
	if err := checkOutput(*out); err != nil {
		return err
	}
	o := coverage.SynthOptions{Regency: code, Seed: *seed, AsOf: day, Rows: *rows, Clean: *clean}
	for _, lv := range []struct {
		s   string
		dst *coverage.Percent
		n   string
	}{{*aktaLevel, &o.AktaLevel, "akta-level"}, {*kiaLevel, &o.KIALevel, "kia-level"}} {
		if lv.s == "" {
			continue
		}
		p, err := coverage.ParsePercent(lv.s)
		if err == nil {
			err = coverage.ValidateTarget(p)
		}
		if err != nil {
			return usagef("--%s: %v", lv.n, err)
		}
		*lv.dst = p
	}
	var sum coverage.SynthSummary
	write := func(w io.Writer) error {
		var err error
		sum, err = coverage.Synthesize(w, o)
		return err
	}
	if err := writeTo(e, *out, write); err != nil {
		return err
	}
	name := code.String()
	if r, ok := wilayah.Lookup(code); ok {
		name = r.Name
	}
	fmt.Fprintf(e.stderr, "%s children of %s (%d kecamatan) as of %s, seed %d, drawn around akta %s and KIA %s\n",
		groupInt(sum.Rows, adminduk.English), name, len(sum.Districts), *asOf, *seed, sum.AktaLevel, sum.KIALevel)
	return nil
}
