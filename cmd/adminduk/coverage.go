package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/coverage"
)

func init() {
	register("coverage", "akta and KIA coverage: check figures, aggregate records, synthesize a population", runCoverage)
}

// synthAsOf is the reference date of `coverage synth` when none is given: the
// middle of the population figures' year, so that the output does not depend
// on the day it is run.
const synthAsOf = "2025-06-30"

// runCoverage checks published figures, or runs `coverage aggregate` and
// `coverage synth`.
//
// `adminduk coverage --required N --with N [--without N] [--target P]
// [--claimed P] [--json]` exits 1 when the figures are inconsistent (with +
// without is not required, or the claimed percent is not what the counts
// give, or --parts do not sum to required) or cannot be computed (required
// 0), after printing; a target not met is a result, not an error (exit 0).
func runCoverage(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "aggregate":
			return runCoverageAggregate(ctx, e, args[1:])
		case "synth":
			return runCoverageSynth(e, args[1:])
		}
	}
	fs := newFlags(e, "coverage")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: adminduk coverage --required N --with N [--without N] [--target P] [--claimed P] [--json]\n"+
			"       adminduk coverage aggregate --in people.csv --as-of YYYY-MM-DD [--by district|regency|province] [--json|--csv] [--svg FILE] [--png FILE]\n"+
			"       adminduk coverage synth --regency 62.08 --seed N [--out people.csv]")
		fs.PrintDefaults()
	}
	var required, with, without optInt64
	fs.Var(&required, "required", "children required to hold the document (wajib), `N`")
	fs.Var(&with, "with", "children who hold it, `N`")
	fs.Var(&without, "without", "children without it as published, `N`, checked against required - with")
	target := fs.String("target", "", "target percent `P` (98, 98.5, \"98,5 %\"); default: the national target of --year")
	claimed := fs.String("claimed", "", "the published percent `P`, checked at its own precision")
	indicator := fs.String("indicator", "akta", "akta or kia: picks the national target of --year")
	year := fs.Int("year", 0, "take the target from the national table for this year (when --target is not given)")
	label := fs.String("label", "", "what is counted, for messages")
	parts := fs.String("parts", "", "published parts of required `N,N,...` (per kecamatan, per age), checked to sum to it")
	asJSON := fs.Bool("json", false, `print {"percent","target","gap","meets_target","consistent","warnings"}`)
	lang := fs.String("lang", "id", "language of the text output: id or en")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return usagef("unexpected argument %q (subcommands: aggregate, synth)", pos[0])
	}
	l, err := parseLang(*lang)
	if err != nil {
		return err
	}
	if !required.set || !with.set {
		return usagef("want --required N and --with N")
	}
	for _, c := range []struct {
		name string
		o    optInt64
	}{{"required", required}, {"with", with}, {"without", without}} {
		if c.o.set && c.o.v < 0 {
			return usagef("--%s %d: want a count, 0 or more", c.name, c.o.v)
		}
	}
	f := coverage.Figures{Label: *label, Required: required.v, With: with.v}
	if without.set {
		f.Without = &without.v
	}
	if *claimed != "" {
		c, err := coverage.ParseClaimedPercent(*claimed)
		if err != nil {
			return usagef("--claimed: %v", err)
		}
		f.Claimed = &c
	}
	if *parts != "" {
		for _, p := range strings.Split(*parts, ",") {
			n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
			if err != nil || n < 0 {
				return usagef("--parts: %q is not a count (a whole number, 0 or more)", p)
			}
			f.Parts = append(f.Parts, coverage.Part{N: n})
		}
	}
	ind, err := coverage.ParseIndicator(*indicator)
	if err != nil {
		return usagef("--indicator: %v", err)
	}
	switch {
	case *target != "":
		p, err := coverage.ParsePercent(*target)
		if err == nil {
			err = coverage.ValidateTarget(p)
		}
		if err != nil {
			return usagef("--target: %v", err)
		}
		f.Target = &p
	case *year != 0:
		t, ok := coverage.DefaultTargets().For(ind, *year)
		if !ok {
			return usagef("no national %s target for %d or earlier; give --target", ind, *year)
		}
		if t.Year != *year {
			fmt.Fprintf(e.stderr, "adminduk coverage: no %s target for %d; using %d's %s\n", ind, *year, t.Year, t.Percent)
		}
		f.Target = &t.Percent
	}
	r, err := f.Check()
	if err != nil {
		fmt.Fprintf(e.stderr, "adminduk coverage: %v\n", err)
		return errInvalid
	}
	if *asJSON {
		err = r.WriteSummaryJSON(e.stdout)
	} else {
		err = r.WriteText(e.stdout, l)
	}
	if err != nil {
		return err
	}
	if !r.Consistent() {
		return errInvalid
	}
	return nil
}

// optInt64 is an integer flag that knows whether it was given.
type optInt64 struct {
	v   int64
	set bool
}

func (o *optInt64) String() string {
	if o == nil || !o.set {
		return ""
	}
	return strconv.FormatInt(o.v, 10)
}

func (o *optInt64) Set(s string) error {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return errors.New("want a whole number")
	}
	o.v, o.set = v, true
	return nil
}

func parseLang(s string) (adminduk.Lang, error) {
	switch s {
	case "id":
		return adminduk.Indonesian, nil
	case "en":
		return adminduk.English, nil
	}
	return 0, usagef("--lang %q: want id or en", s)
}

// groupInt writes n with digit grouping in the language's way.
func groupInt(n int64, l adminduk.Lang) string { return coverage.FormatCount(n, l) }
