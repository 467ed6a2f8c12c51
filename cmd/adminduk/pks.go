package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

func init() {
	register("pks", "report on PKS partnership agreements kept in a CSV file", runPKS)
}

// pksUsage documents `adminduk pks report`, including its exit status.
const pksUsage = `usage: adminduk pks report --in FILE [--as-of YYYY-MM-DD] [--json] [--within N]
       [--term 2y] [--region KABKOTA]... [--stated KEY=N]... [--targets FILE] [--lang en|id]

Reads agreements from a CSV file (columns number,partner,category,district,
services,signed,start,end,status, separated by commas, semicolons or tabs;
"-" reads standard input, copied to a temporary file removed after, as the
report reads its input more than once) and reports their
status on the --as-of date (default: today in WIB), what expires within N
days, counts by category and year signed, targets, kecamatan without a health
partner, warnings, and every rejected row with its line and reason.

Exit status: 0 when every row was accepted, 1 when some row was rejected (the
full report is printed first) or the file or --targets cannot be read, 2 on a
usage error (a bad flag value, --within outside 1-36525).
Unmet targets and warnings do not change the exit status.

`

func runPKS(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "report")
	if err != nil {
		return err
	}
	switch verb {
	case "report":
		return runPKSReport(ctx, e, rest)
	}
	return nil
}

// pksList is a repeatable string flag.
type pksList []string

func (l *pksList) String() string     { return strings.Join(*l, ",") }
func (l *pksList) Set(s string) error { *l = append(*l, s); return nil }

// pksGCPercent is the GOGC of `pks report`.
const pksGCPercent = 40

func runPKSReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "pks report")
	fs.Usage = func() { fmt.Fprint(e.stderr, pksUsage); fs.PrintDefaults() }
	in := fs.String("in", "", "CSV `file` of agreements (\"-\" for standard input)")
	asOfFlag := fs.String("as-of", "", "report `date` YYYY-MM-DD (default today in WIB)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	within := fs.Int("within", partnership.DefaultWithin, "expiring-soon window in `days`")
	termFlag := fs.String("term", partnership.DefaultTerm.String(), "`term` of rows without an end date (2y, 24m, 1y6m)")
	targetsFile := fs.String("targets", "", "JSON `file` with the targets to measure (default: the national ones)")
	lang := fs.String("lang", "en", "language of the text output: en or id")
	var regions, stated pksList
	fs.Var(&regions, "region", "kab/kota `code` whose kecamatan must all have a health partner (repeatable; default: every kab/kota in the file)")
	fs.Var(&stated, "stated", "a published total `KEY=N` to check, KEY a group (health, education, benefit, other), a category or all (repeatable)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *in == "" && len(pos) == 1 {
		*in, pos = pos[0], nil
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *in == "":
		return usagef("want --in FILE")
	case *within < 1 || *within > partnership.MaxWithin:
		return usagef("--within %d: want a number of days from 1 to %d", *within, partnership.MaxWithin)
	}
	opts := partnership.ReportOptions{Within: *within}
	if *asOfFlag == "" {
		opts.AsOf = adminduk.Today()
	} else if opts.AsOf, err = adminduk.ParseDate(*asOfFlag); err != nil {
		return usagef("--as-of %q: want a date YYYY-MM-DD", *asOfFlag)
	}
	term, err := partnership.ParseTerm(*termFlag)
	if err != nil {
		return usagef("--term %q: want 2y, 24m or 1y6m", *termFlag)
	}
	for _, r := range regions {
		c, err := wilayah.ParseCode(r)
		if err != nil || c.Level() != wilayah.LevelRegency || !wilayah.Known(c) {
			return usagef("--region %q: want a known kab/kota code such as 36.04", r)
		}
		opts.Regions = append(opts.Regions, c)
	}
	for _, s := range stated {
		c, err := partnership.ParseStatedTotal(s)
		if err != nil {
			return usagef("--stated %q: want KEY=N, e.g. health=46; KEY all, a group (health, education, benefit, other) or a category", s)
		}
		opts.StatedTotals = append(opts.StatedTotals, c)
	}
	l, err := parseLang(*lang)
	if err != nil {
		return err
	}
	if *targetsFile != "" {
		f, err := os.Open(*targetsFile)
		if err != nil {
			return err
		}
		opts.Targets, err = partnership.ReadCountTargets(f)
		f.Close()
		if err != nil { // the file's content is input data: exit 1
			return fmt.Errorf("%s: %w", *targetsFile, err)
		}
	}

	src, name, done, err := pksInput(*in, e.stdin)
	if err != nil {
		return err
	}
	defer done()
	if err := ctx.Err(); err != nil {
		return err
	}
	// The streamed report holds some 70-90 bytes a row (a million rows:
	// 65-90 MB); the default GOGC=100 lets the heap grow to twice that
	// before collecting. Collect sooner unless the user chose GOGC.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(pksGCPercent))
	}
	res, err := partnership.StreamReport(src, partnership.StreamOptions{Report: opts, CSV: partnership.CSVOptions{Term: term},
		Name: name, JSON: *asJSON, Lang: l}, e.stdout)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if res.Rejected > 0 {
		fmt.Fprintf(e.stderr, "adminduk pks: %d of %d rows rejected\n", res.Rejected, res.Rows)
		return errInvalid
	}
	return nil
}

// pksInput opens the CSV file the report reads more than once: a regular
// file itself; standard input ("-") or another stream (a pipe, a device)
// copied to a temporary file, created 0600 and removed by done.
func pksInput(in string, stdin io.Reader) (src io.ReadSeeker, name string, done func(), err error) {
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return nil, "", nil, err
		}
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return f, in, func() { f.Close() }, nil
		}
		defer f.Close()
		src, _, done, err := spool(f, in)
		return src, in, done, err
	}
	return spool(stdin, "standard input")
}

// spool copies r, named name, to a temporary file.
func spool(r io.Reader, name string) (src io.ReadSeeker, _ string, done func(), err error) {
	f, err := os.CreateTemp("", "adminduk-pks-*.csv")
	if err != nil {
		return nil, "", nil, err
	}
	done = func() {
		f.Close()
		os.Remove(f.Name())
	}
	if _, err := io.Copy(f, r); err != nil {
		done()
		return nil, "", nil, fmt.Errorf("%s: %w", name, err)
	}
	return f, name, done, nil
}
