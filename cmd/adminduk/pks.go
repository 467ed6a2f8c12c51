package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

func init() {
	register("pks", "report on PKS partnership agreements kept in a CSV file", runPKS)
}

// pksUsage documents `adminduk pks report`, including its exit status.
const pksUsage = `usage: adminduk pks report --in FILE [--as-of YYYY-MM-DD] [--json] [--within N]
       [--term 2y] [--region KABKOTA]... [--stated KEY=N]... [--targets FILE]

Reads agreements from a CSV file (columns number,partner,category,district,
services,signed,start,end,status; "-" reads standard input) and reports their
status on the --as-of date (default: today in WIB), what expires within N
days, counts by category and year signed, targets, kecamatan without a health
partner, warnings, and every rejected row with its line and reason.

Exit status: 0 when every row was accepted, 1 when some row was rejected (the
full report is printed first) or the file cannot be read, 2 on a usage error.
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

// pksWIB is the zone "today" is taken in when --as-of is not given.
var pksWIB = time.FixedZone("WIB", 7*60*60)

func runPKSReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "pks report")
	fs.Usage = func() { fmt.Fprint(e.stderr, pksUsage); fs.PrintDefaults() }
	in := fs.String("in", "", "CSV `file` of agreements (\"-\" for standard input)")
	asOfFlag := fs.String("as-of", "", "report `date` YYYY-MM-DD (default today in WIB)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	within := fs.Int("within", partnership.DefaultWithin, "expiring-soon window in `days`")
	termFlag := fs.String("term", partnership.DefaultTerm.String(), "`term` of rows without an end date (2y, 24m, 1y6m)")
	targetsFile := fs.String("targets", "", "JSON `file` with the targets to measure (default: the national ones)")
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
		opts.AsOf = partnership.DateOf(time.Now().In(pksWIB))
	} else if opts.AsOf, err = partnership.ParseDate(*asOfFlag); err != nil {
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
		c, err := pksParseClaim(s)
		if err != nil {
			return err
		}
		opts.Claims = append(opts.Claims, c)
	}
	if *targetsFile != "" {
		if opts.Targets, err = pksReadTargets(*targetsFile); err != nil {
			return err
		}
	}

	var src io.Reader = e.stdin
	name := "standard input"
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		src, name = f, *in
	}
	im, err := partnership.ReadCSV(src, partnership.CSVOptions{Term: term})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	rep, err := partnership.NewReport(im.Agreements, opts)
	if err != nil {
		return err
	}
	out := pksBuild(name, im, rep)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else if err := pksWriteText(e.stdout, out); err != nil {
		return err
	}
	if len(im.Errors) > 0 {
		fmt.Fprintf(e.stderr, "adminduk pks: %d of %d rows rejected\n", len(im.Errors), im.Rows)
		return errInvalid
	}
	return nil
}

// pksParseClaim parses KEY=N for --stated.
func pksParseClaim(s string) (partnership.Claim, error) {
	k, v, ok := strings.Cut(s, "=")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if !ok || err != nil || n < 0 {
		return partnership.Claim{}, usagef("--stated %q: want KEY=N, e.g. health=46", s)
	}
	k = strings.TrimSpace(k)
	c := partnership.Claim{Label: k, Total: n}
	if strings.EqualFold(k, "all") {
		return c, nil
	}
	if g, err := partnership.ParseGroup(k); err == nil {
		c.Group = g
		return c, nil
	}
	if cat, err := partnership.ParseCategory(k); err == nil {
		c.Category = cat
		c.Label = cat.String()
		return c, nil
	}
	return partnership.Claim{}, usagef("--stated %q: KEY must be all, a group (health, education, benefit, other) or a category", s)
}

// pksReadTargets reads a JSON array of targets.
func pksReadTargets(path string) ([]partnership.Target, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ts []partnership.Target
	if err := json.Unmarshal(b, &ts); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if ts == nil {
		ts = []partnership.Target{}
	}
	for i := range ts {
		if err := ts[i].Validate(); err != nil {
			return nil, fmt.Errorf("%s: target %d: %w", path, i+1, err)
		}
	}
	return ts, nil
}

// The JSON shape of `adminduk pks report --json`.
type (
	pksOut struct {
		AsOf       string            `json:"as_of"`
		Source     pksSource         `json:"source"`
		Within     int               `json:"within"`
		Agreements []pksAgreement    `json:"agreements"`
		Expiring   []pksAgreement    `json:"expiring"`
		ByCategory map[string]int    `json:"by_category"`
		ByGroup    map[string]int    `json:"by_group"`
		ByYear     map[string]int    `json:"by_year"`
		Targets    []pksTarget       `json:"targets"`
		Uncovered  []pksDistrict     `json:"uncovered_districts"`
		Warnings   []pksWarning      `json:"warnings"`
		Errors     []pksRowError     `json:"errors"`
		lines      map[string]int    // number -> line
		regions    map[string]string // code -> name, for text output
	}
	pksSource struct {
		Name     string `json:"name"`
		Rows     int    `json:"rows"`
		Accepted int    `json:"accepted"`
		Rejected int    `json:"rejected"`
	}
	pksAgreement struct {
		Line           int      `json:"line"`
		Number         string   `json:"number"`
		Partner        string   `json:"partner"`
		Category       string   `json:"category"`
		Group          string   `json:"group"`
		District       string   `json:"district"`
		DistrictName   string   `json:"district_name,omitempty"`
		Services       []string `json:"services"`
		Signed         string   `json:"signed,omitempty"`
		Start          string   `json:"start,omitempty"`
		End            string   `json:"end,omitempty"`
		RecordedStatus string   `json:"recorded_status"`
		Status         string   `json:"status"`
		DaysLeft       *int     `json:"days_left"`
		Predecessor    string   `json:"predecessor,omitempty"`
		Successor      string   `json:"successor,omitempty"`
	}
	pksTarget struct {
		Name       string   `json:"name"`
		Kind       string   `json:"kind"`
		Min        int      `json:"min"`
		Service    string   `json:"service,omitempty"`
		Group      string   `json:"group,omitempty"`
		Category   string   `json:"category,omitempty"`
		Year       int      `json:"year,omitempty"`
		Region     string   `json:"region,omitempty"`
		RegionName string   `json:"region_name,omitempty"`
		Count      int      `json:"count"`
		Of         int      `json:"of,omitempty"`
		Met        bool     `json:"met"`
		Partial    bool     `json:"partial,omitempty"`
		Missing    []string `json:"missing,omitempty"`
	}
	pksDistrict struct {
		Code        string `json:"code"`
		Name        string `json:"name"`
		Regency     string `json:"regency"`
		RegencyName string `json:"regency_name"`
	}
	pksWarning struct {
		Line    int    `json:"line,omitempty"`
		Number  string `json:"number,omitempty"`
		Kind    string `json:"kind"`
		Message string `json:"message"`
	}
	pksRowError struct {
		Line   int    `json:"line"`
		Reason string `json:"reason"`
	}
)

func pksRegionName(c wilayah.Code) string {
	if r, ok := wilayah.Lookup(c); ok {
		return r.Name
	}
	return ""
}

func pksBuild(name string, im *partnership.Import, rep *partnership.Report) *pksOut {
	out := &pksOut{
		AsOf: rep.AsOf.String(), Within: rep.Within,
		Source:     pksSource{Name: name, Rows: im.Rows, Accepted: len(im.Agreements), Rejected: len(im.Errors)},
		Agreements: make([]pksAgreement, 0, len(rep.Items)), Expiring: []pksAgreement{},
		ByCategory: map[string]int{}, ByGroup: map[string]int{}, ByYear: map[string]int{},
		Targets: []pksTarget{}, Uncovered: []pksDistrict{}, Warnings: []pksWarning{}, Errors: []pksRowError{},
		lines: make(map[string]int, len(im.Agreements)), regions: map[string]string{},
	}
	for i := range im.Agreements {
		out.lines[im.Agreements[i].Number] = im.Lines[i]
	}
	names := map[wilayah.Code]string{}
	districtName := func(c wilayah.Code) string {
		n, ok := names[c]
		if !ok {
			n = pksRegionName(c)
			names[c] = n
		}
		return n
	}
	item := func(it partnership.Item) pksAgreement {
		a := it.Agreement
		j := pksAgreement{
			Line: out.lines[a.Number], Number: a.Number, Partner: a.Partner.Name, Category: a.Partner.Category.String(),
			Group: a.Partner.Group().String(), District: a.Partner.District.String(), DistrictName: districtName(a.Partner.District),
			Services: a.Scope.Services.Keys(), Signed: a.Signed.String(), Start: a.Start.String(), End: a.End.String(),
			RecordedStatus: a.State.String(), Status: it.Status.String(), Predecessor: a.Predecessor, Successor: a.Successor,
		}
		if it.HasDaysLeft {
			d := it.DaysLeft
			j.DaysLeft = &d
		}
		return j
	}
	for _, it := range rep.Items {
		out.Agreements = append(out.Agreements, item(it))
	}
	for _, it := range rep.Expiring {
		out.Expiring = append(out.Expiring, item(it))
	}
	for c, n := range rep.ByCategory {
		out.ByCategory[c.String()] = n
	}
	for _, g := range partnership.Groups() {
		out.ByGroup[g.String()] = rep.InForce(g)
	}
	for y, n := range rep.ByYear {
		out.ByYear[strconv.Itoa(y)] = n
	}
	for _, t := range rep.Targets {
		j := pksTarget{Name: t.Target.Name, Kind: t.Target.Kind.String(), Min: t.Target.Min, Year: t.Year,
			Count: t.Count, Of: t.Of, Met: t.Met, Partial: t.Partial}
		if t.Target.Service != 0 {
			j.Service = t.Target.Service.String()
		}
		if t.Target.Group != 0 {
			j.Group = t.Target.Group.String()
		}
		if t.Target.Category != 0 {
			j.Category = t.Target.Category.String()
		}
		if t.Region.IsValid() {
			j.Region, j.RegionName = t.Region.String(), pksRegionName(t.Region)
			out.regions[j.Region] = j.RegionName
		}
		for _, m := range t.Missing {
			j.Missing = append(j.Missing, m.Code.String())
		}
		out.Targets = append(out.Targets, j)
	}
	for _, u := range rep.Uncovered {
		reg := u.Code.Regency()
		out.Uncovered = append(out.Uncovered, pksDistrict{Code: u.Code.String(), Name: u.Name, Regency: reg.String(), RegencyName: pksRegionName(reg)})
	}
	for _, w := range im.Warnings {
		out.Warnings = append(out.Warnings, pksWarning{Line: w.Line, Number: w.Number, Kind: w.Kind.String(), Message: w.Msg})
	}
	for _, w := range rep.Warnings {
		out.Warnings = append(out.Warnings, pksWarning{Line: out.lines[w.Number], Number: w.Number, Kind: w.Kind.String(), Message: w.Msg})
	}
	// Row warnings in line order; warnings about no single row last.
	slices.SortStableFunc(out.Warnings, func(a, b pksWarning) int {
		switch {
		case a.Line == b.Line:
			return 0
		case a.Line == 0:
			return 1
		case b.Line == 0:
			return -1
		}
		return a.Line - b.Line
	})
	for _, re := range im.Errors {
		out.Errors = append(out.Errors, pksRowError{Line: re.Line, Reason: re.Reason()})
	}
	return out
}

// pksWriteText prints the report as aligned tables.
func pksWriteText(w io.Writer, r *pksOut) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	section := func(title string) {
		tw.Flush()
		fmt.Fprintf(w, "\n%s\n", title)
	}
	fmt.Fprintf(w, "PKS report as of %s: %s, %d rows, %d accepted, %d rejected\n",
		r.AsOf, r.Source.Name, r.Source.Rows, r.Source.Accepted, r.Source.Rejected)

	section(fmt.Sprintf("AGREEMENTS (%d)", len(r.Agreements)))
	agreements := func(list []pksAgreement, withSuccessor bool) {
		fmt.Fprint(tw, "LINE\tNUMBER\tPARTNER\tCATEGORY\tDISTRICT\tSIGNED\tSTART\tEND\tSTATUS\tDAYS LEFT")
		if withSuccessor {
			fmt.Fprint(tw, "\tSUCCESSOR")
		}
		fmt.Fprintln(tw)
		for _, a := range list {
			left := "-"
			if a.DaysLeft != nil {
				left = strconv.Itoa(*a.DaysLeft)
			}
			status := a.Status
			if a.Status != a.RecordedStatus && a.RecordedStatus != "signed" {
				status += " (recorded " + a.RecordedStatus + ")"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", a.Line, a.Number, a.Partner, a.Category, a.District,
				pksDash(a.Signed), pksDash(a.Start), pksDash(a.End), status, left)
			if withSuccessor {
				fmt.Fprintf(tw, "\t%s", pksDash(a.Successor))
			}
			fmt.Fprintln(tw)
		}
	}
	agreements(r.Agreements, false)

	section(fmt.Sprintf("EXPIRING WITHIN %d DAYS (%d)", r.Within, len(r.Expiring)))
	if len(r.Expiring) == 0 {
		fmt.Fprintln(tw, "none")
	} else {
		agreements(r.Expiring, true)
	}

	section("IN FORCE ON " + r.AsOf + " BY CATEGORY")
	fmt.Fprintln(tw, "GROUP\tCATEGORY\tCOUNT")
	total := 0
	for _, g := range partnership.Groups() {
		n := 0
		for _, c := range partnership.Categories() {
			if c.Group() != g {
				continue
			}
			if k := r.ByCategory[c.String()]; k > 0 {
				fmt.Fprintf(tw, "%s\t%s\t%d\n", g, c, k)
				n += k
			}
		}
		if n > 0 {
			fmt.Fprintf(tw, "%s\ttotal\t%d\n", g, n)
		}
		total += n
	}
	fmt.Fprintf(tw, "all\ttotal\t%d\n", total)

	section("SIGNED BY YEAR")
	years := make([]string, 0, len(r.ByYear))
	for y := range r.ByYear {
		years = append(years, y)
	}
	slices.Sort(years)
	fmt.Fprintln(tw, "YEAR\tCOUNT")
	for _, y := range years {
		fmt.Fprintf(tw, "%s\t%d\n", y, r.ByYear[y])
	}

	section("TARGETS")
	if len(r.Targets) == 0 {
		fmt.Fprintln(tw, "none")
	}
	for _, t := range r.Targets {
		verdict := "met"
		switch {
		case t.Partial:
			verdict = "in progress"
		case !t.Met:
			verdict = "NOT MET"
		}
		if t.Kind == "per_year" {
			fmt.Fprintf(tw, "%s\t%s\t%d: %d signed, want at least %d\n", verdict, t.Name, t.Year, t.Count, t.Min)
			continue
		}
		msg := fmt.Sprintf("%s %s: %d of %d kecamatan have at least %d", t.Region, t.RegionName, t.Count, t.Of, t.Min)
		for i, m := range t.Missing {
			sep := ", "
			if i == 0 {
				sep = "; missing "
			}
			msg += sep + m
			if c, err := wilayah.ParseCode(m); err == nil {
				msg += " " + pksRegionName(c)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", verdict, t.Name, msg)
	}

	section(fmt.Sprintf("KECAMATAN WITHOUT A HEALTH PARTNER IN FORCE (%d)", len(r.Uncovered)))
	if len(r.Uncovered) == 0 {
		fmt.Fprintln(tw, "none")
	}
	for _, u := range r.Uncovered {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Code, u.Name, u.RegencyName)
	}

	section(fmt.Sprintf("WARNINGS (%d)", len(r.Warnings)))
	if len(r.Warnings) == 0 {
		fmt.Fprintln(tw, "none")
	}
	for _, wn := range r.Warnings {
		where := "-"
		if wn.Line > 0 {
			where = "line " + strconv.Itoa(wn.Line)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", where, pksDash(wn.Number), wn.Kind, wn.Message)
	}

	section(fmt.Sprintf("REJECTED ROWS (%d)", len(r.Errors)))
	if len(r.Errors) == 0 {
		fmt.Fprintln(tw, "none")
	}
	for _, re := range r.Errors {
		fmt.Fprintf(tw, "line %d\t%s\n", re.Line, re.Reason)
	}
	return tw.Flush()
}

func pksDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
