package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/coverage/chart"
)

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
	day, err := adminduk.ParseDate(*asOf)
	if err != nil {
		return usagef("--as-of %q: want YYYY-MM-DD", *asOf)
	}
	level, err := wilayah.ParseLevel(*by)
	if err != nil || level == wilayah.LevelVillage {
		return usagef("--by %q: want district, regency or province", *by)
	}
	o := coverage.AggregateOptions{AsOf: day, Window: *window, Lenient: *lenient}
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
	for _, f := range []string{*svg, *png} {
		if f != "" {
			if err := checkOutput(f); err != nil {
				return err
			}
		}
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
		stdoutUsed = stdoutUsed || c.file == "-"
		if err := writeTo(e, c.file, func(w io.Writer) error { return c.write(w, rep, co) }); err != nil {
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
