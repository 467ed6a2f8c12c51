package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/coverage/chart"
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
		out := struct {
			Percent     coverage.Percent   `json:"percent"`
			Target      *coverage.Percent  `json:"target"`
			Gap         *int64             `json:"gap"`
			MeetsTarget *bool              `json:"meets_target"`
			Consistent  bool               `json:"consistent"`
			Warnings    []coverage.Warning `json:"warnings"`
		}{Percent: r.Percent, Target: r.Target, Consistent: r.Consistent(), Warnings: r.Warnings}
		if out.Warnings == nil {
			out.Warnings = []coverage.Warning{}
		}
		if r.Target != nil {
			out.Gap, out.MeetsTarget = &r.Gap, &r.Meets
		}
		if err := json.NewEncoder(e.stdout).Encode(out); err != nil {
			return err
		}
	} else {
		printResult(e.stdout, r, l)
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

// printResult writes a checked figure as aligned lines.
func printResult(w io.Writer, r coverage.Result, l adminduk.Lang) {
	id := l == adminduk.Indonesian
	word := func(en, in string) string {
		if id {
			return in
		}
		return en
	}
	n := func(v int64) string { return groupInt(v, l) }
	if r.Label != "" {
		fmt.Fprintln(w, r.Label)
	}
	fmt.Fprintf(w, "%-13s %s\n", word("required", "wajib"), n(r.Required))
	fmt.Fprintf(w, "%-13s %s\n", word("with", "memiliki"), n(r.With))
	fmt.Fprintf(w, "%-13s %s\n", word("without", "belum"), n(r.Without()))
	fmt.Fprintf(w, "%-13s %s\n", word("percent", "cakupan"), r.Percent.In(l))
	if r.Target != nil {
		met := word("no", "belum")
		if r.Meets {
			met = word("yes", "ya")
		}
		fmt.Fprintf(w, "%-13s %s\n", "target", r.Target.In(l))
		fmt.Fprintf(w, "%-13s %s\n", word("need", "dibutuhkan"), n(r.Need))
		fmt.Fprintf(w, "%-13s %s\n", word("gap", "kekurangan"), n(r.Gap))
		fmt.Fprintf(w, "%-13s %s\n", word("meets target", "tercapai"), met)
	}
	ok := word("yes", "ya")
	if !r.Consistent() {
		ok = word("no", "tidak")
	}
	fmt.Fprintf(w, "%-13s %s\n", word("consistent", "konsisten"), ok)
	for _, x := range r.Warnings {
		fmt.Fprintf(w, "%s: %s\n", word("warning", "peringatan"), x.In(l))
	}
}

// groupInt writes n with digit grouping in the language's way.
func groupInt(n int64, l adminduk.Lang) string { return coverage.FormatCount(n, l) }

// runCoverageAggregate tallies a CSV of people and reports coverage. It exits
// 1 after printing the report when rows were skipped (each is reported with
// its line number), or when the file cannot be read or has no usable header.
func runCoverageAggregate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "coverage aggregate")
	in := fs.String("in", "", "CSV of people (`FILE`, - for standard input); columns: "+strings.Join(coverage.Columns, ","))
	asOf := fs.String("as-of", "", "reference date `YYYY-MM-DD` (required)")
	by := fs.String("by", "district", "roll up to district (kecamatan), regency (kab/kota) or province")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	asCSV := fs.Bool("csv", false, "print the report as CSV (one row per region, indicator, sex and age band)")
	svg := fs.String("svg", "", "write the chart as SVG to `FILE` (- for standard output)")
	png := fs.String("png", "", "write the chart as PNG to `FILE` (- for standard output)")
	lang := fs.String("lang", "id", "language of the text and the chart: id or en")
	breakdown := fs.Bool("breakdown", false, "text: add the total by sex, age band and birth year")
	title := fs.String("title", "", "chart title")
	targetAkta := fs.String("target-akta", "", "akta target `P`, replacing the national one of the year")
	targetKIA := fs.String("target-kia", "", "KIA target `P`, replacing the national one of the year")
	targetsFile := fs.String("targets", "", "JSON `FILE` of targets added to the national table ([{\"indicator\":\"kia\",\"year\":2025,\"percent\":80}])")
	aktaAges := fs.String("akta-ages", coverage.DefaultAktaAges.String(), "akta ages in completed years (0-17 is under 18)")
	kiaAges := fs.String("kia-ages", coverage.DefaultKIAAges.String(), "KIA ages in completed years (0-16 is under 17)")
	cbr := fs.String("cbr", "16", "crude birth rate, births per 1,000 a year, for completeness")
	window := fs.Int("window", coverage.DefaultWindow, "projection window in `MONTHS`")
	lenient := fs.Bool("lenient", false, "accept NIKs whose region is in range but in no edition")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 1 && *in == "" {
		*in = pos[0]
	} else if len(pos) != 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *in == "" {
		return usagef("want --in FILE (or - for standard input)")
	}
	if *asJSON && *asCSV {
		return usagef("give --json or --csv, not both")
	}
	if *svg == "-" && *png == "-" || (*svg == "-" || *png == "-") && (*asJSON || *asCSV) {
		return usagef("only one output can go to standard output")
	}
	l, err := parseLang(*lang)
	if err != nil {
		return err
	}
	if *asOf == "" {
		return usagef("want --as-of YYYY-MM-DD: the reference date of the report")
	}
	day, err := time.Parse(time.DateOnly, *asOf)
	if err != nil {
		return usagef("--as-of %q: want YYYY-MM-DD", *asOf)
	}
	level, err := coverage.ParseLevel(*by)
	if err != nil {
		return usagef("--by: %v", err)
	}
	o := coverage.Options{AsOf: day, Window: *window, LenientNIK: *lenient}
	if o.AktaAges, err = coverage.ParseAgeRange(*aktaAges); err != nil {
		return usagef("--akta-ages: %v", err)
	}
	if o.KIAAges, err = coverage.ParseAgeRange(*kiaAges); err != nil {
		return usagef("--kia-ages: %v", err)
	}
	rate, err := coverage.ParsePercent(*cbr) // per mille with two decimals, as hundredths
	if err != nil || rate <= 0 {
		return usagef("--cbr %q: want births per 1,000 a year, such as 16 or 16.5", *cbr)
	}
	o.CBR = int64(rate) // hundredths of a per mille are births per 100,000
	targets := coverage.DefaultTargets()
	if *targetsFile != "" {
		f, err := os.Open(*targetsFile)
		if err != nil {
			return err
		}
		more, err := coverage.ReadTargets(f)
		f.Close()
		if err != nil { // the file's content is input data: exit 1, as pks --targets
			return fmt.Errorf("--targets %s: %w", *targetsFile, err)
		}
		targets = targets.With(more...)
	}
	for _, tf := range []struct {
		s   string
		ind coverage.Indicator
	}{{*targetAkta, coverage.Akta}, {*targetKIA, coverage.KIA}} {
		if tf.s == "" {
			continue
		}
		p, err := coverage.ParsePercent(tf.s)
		if err == nil {
			err = coverage.ValidateTarget(p)
		}
		if err != nil {
			return usagef("--target-%s: %v", tf.ind, err)
		}
		targets = targets.With(coverage.Target{Indicator: tf.ind, Year: day.Year(), Percent: p, Source: "given on the command line"})
	}
	o.Targets = targets
	a, err := coverage.NewAggregator(o)
	if err != nil {
		return usagef("%v", err)
	}
	input, err := openInput(e, *in)
	if err != nil {
		return err
	}
	defer input.close()
	r := input.r
	if bar := progressFor(e, input.size); bar != nil {
		bar.Describe("aggregating")
		r = io.TeeReader(r, bar)
		defer bar.Finish()
	}
	if err := a.ReadCSV(&ctxReader{ctx: ctx, r: r}); err != nil {
		return err
	}
	rep, err := a.Report(level)
	if err != nil {
		return err
	}
	co := chart.Options{Lang: l, Title: *title}
	stdoutUsed := false
	for _, c := range []struct {
		file  string
		write func(io.Writer, *coverage.Report, chart.Options) error
	}{{*svg, chart.WriteSVG}, {*png, chart.WritePNG}} {
		if c.file == "" {
			continue
		}
		if c.file == "-" {
			stdoutUsed = true
			if err := c.write(e.stdout, rep, co); err != nil {
				return err
			}
			continue
		}
		if err := writeFile(c.file, func(w io.Writer) error { return c.write(w, rep, co) }); err != nil {
			return err
		}
	}
	switch {
	case *asJSON:
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	case *asCSV:
		err = coverage.WriteReportCSV(e.stdout, rep)
	case !stdoutUsed:
		err = coverage.WriteText(e.stdout, rep, coverage.TextOptions{Lang: l, Breakdown: *breakdown})
	}
	if err != nil {
		return err
	}
	if rep.Stats.Malformed > 0 {
		fmt.Fprintf(e.stderr, "adminduk coverage aggregate: %s rows skipped", groupInt(rep.Stats.Malformed, adminduk.English))
		if len(rep.Errors) > 0 {
			fmt.Fprint(e.stderr, "; first:")
		}
		fmt.Fprintln(e.stderr)
		for i, re := range rep.Errors {
			if i == maxWarnings {
				break
			}
			fmt.Fprintf(e.stderr, "  %s\n", strings.TrimPrefix(re.Error(), "coverage: "))
		}
		return errInvalid
	}
	return nil
}

// ctxReader stops a long read when the context is cancelled (Ctrl-C).
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// writeFile writes a file through a buffer and reports the first error,
// closing included.
func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

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
	day, err := time.Parse(time.DateOnly, *asOf)
	if err != nil {
		return usagef("--as-of %q: want YYYY-MM-DD", *asOf)
	}
	if *rows < 0 {
		return usagef("--rows must not be negative")
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
	if *out == "-" {
		err = write(e.stdout)
	} else {
		err = writeFile(*out, write)
	}
	if err != nil {
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
