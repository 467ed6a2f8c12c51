package partnership

import (
	"slices"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// A report view is what [Report.WriteJSON] and [Report.WriteText] print:
// the report with the lines, warnings and rejected rows of the [Import] it
// was built from (see [Report.WithImport]).

// source describes the input of a report.
type source struct {
	Name     string `json:"name"`
	Rows     int    `json:"rows"`
	Accepted int    `json:"accepted"`
	Rejected int    `json:"rejected"`
}

// WithImport records where the report's agreements came from: the name of
// the source, and the import whose Agreements the report was built from
// (its lines, warnings and rejected rows are printed with the report). It
// returns r.
func (r *Report) WithImport(name string, im *Import) *Report {
	r.source, r.im = name, im
	return r
}

// viewAgreement is one agreement in the JSON view.
type viewAgreement struct {
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

type viewTarget struct {
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

type viewDistrict struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Regency     string `json:"regency"`
	RegencyName string `json:"regency_name"`
}

type viewWarning struct {
	Line    int         `json:"line,omitempty"`
	Number  string      `json:"number,omitempty"`
	Kind    WarningKind `json:"kind"`
	Message string      `json:"message"`
	w       Warning
}

type viewRowError struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	err    *RowError
}

// view holds what both views need beyond the report, built once.
type view struct {
	r     *Report
	names map[wilayah.Code]string
	// lines[i] is the line of r.Items[i]; nil without an import.
	lines []int
	index map[*Agreement]int // Items index of an agreement, for Expiring
}

func newView(r *Report) *view {
	v := &view{r: r, names: map[wilayah.Code]string{}}
	if r.im != nil && len(r.im.Lines) == len(r.Items) {
		v.lines = r.im.Lines
	}
	return v
}

func (v *view) regionName(c wilayah.Code) string {
	n, ok := v.names[c]
	if !ok {
		if reg, found := wilayah.Lookup(c); found {
			n = reg.Name
		}
		v.names[c] = n
	}
	return n
}

// line returns the line of Items[i].
func (v *view) line(i int) int {
	if v.lines == nil || i < 0 {
		return 0
	}
	return v.lines[i]
}

// lineOf returns the line of the agreement a points to.
func (v *view) lineOf(a *Agreement) int {
	if v.lines == nil {
		return 0
	}
	if v.index == nil {
		v.index = make(map[*Agreement]int, len(v.r.Expiring))
		for _, it := range v.r.Expiring {
			v.index[it.Agreement] = -1
		}
		for i := range v.r.Items {
			if _, ok := v.index[v.r.Items[i].Agreement]; ok {
				v.index[v.r.Items[i].Agreement] = i
			}
		}
	}
	if i, ok := v.index[a]; ok {
		return v.line(i)
	}
	return 0
}

func (v *view) agreement(it Item, line int) viewAgreement {
	a := it.Agreement
	j := viewAgreement{
		Line: line, Number: a.Number, Partner: a.Partner.Name, Category: a.Partner.Category.String(),
		Group: a.Partner.Group().String(), District: a.Partner.District.String(), DistrictName: v.regionName(a.Partner.District),
		Services: a.Scope.Services.Keys(), Signed: a.Signed.String(), Start: a.Start.String(), End: a.End.String(),
		RecordedStatus: a.State.String(), Status: it.Status.String(), Predecessor: a.Predecessor, Successor: a.Successor,
	}
	if it.HasDaysLeft {
		d := it.DaysLeft
		j.DaysLeft = &d
	}
	return j
}

func (v *view) source() source {
	s := source{Name: v.r.source, Accepted: len(v.r.Items)}
	if v.r.im != nil {
		s.Rows, s.Rejected = v.r.im.Rows, len(v.r.im.Errors)
	} else {
		s.Rows = len(v.r.Items)
	}
	return s
}

func (v *view) byCategory() map[string]int {
	out := make(map[string]int, len(v.r.ByCategory))
	for c, n := range v.r.ByCategory {
		out[c.String()] = n
	}
	return out
}

func (v *view) byGroup() map[string]int {
	out := map[string]int{}
	for _, g := range Groups() {
		out[g.String()] = v.r.InForce(g)
	}
	return out
}

// reportData is what the views print: the report's figures through the
// view, with the agreements and expiring ones as sequences that may be
// visited more than once (the text view visits them twice, to align them).
type reportData struct {
	v                *view
	src              source
	nItems, nExpired int
	items, expiring  func(visit func(viewAgreement)) error
	nWarnings        int
	warnings         func(visit func(viewWarning)) error // in the order view.warnings sorts them
	errors           []viewRowError
}

// data returns what the views print of a report built in memory.
func (v *view) data() *reportData {
	r := v.r
	d := &reportData{
		v: v, src: v.source(), nItems: len(r.Items), nExpired: len(r.Expiring),
		items: func(visit func(viewAgreement)) error {
			for i := range r.Items {
				visit(v.agreement(r.Items[i], v.line(i)))
			}
			return nil
		},
		expiring: func(visit func(viewAgreement)) error {
			for _, it := range r.Expiring {
				visit(v.agreement(it, v.lineOf(it.Agreement)))
			}
			return nil
		},
		errors: v.rowErrors(),
	}
	ws := v.warnings()
	d.nWarnings = len(ws)
	d.warnings = func(visit func(viewWarning)) error {
		for _, w := range ws {
			visit(w)
		}
		return nil
	}
	return d
}

func toView(w Warning) viewWarning {
	return viewWarning{Line: w.Line, Number: w.Number, Kind: w.Kind, Message: w.Msg, w: w}
}

func (v *view) byYear() map[string]int {
	out := make(map[string]int, len(v.r.ByYear))
	for y, n := range v.r.ByYear {
		out[strconv.Itoa(y)] = n
	}
	return out
}

func (v *view) targets() []viewTarget {
	out := make([]viewTarget, 0, len(v.r.Targets))
	for _, t := range v.r.Targets {
		j := viewTarget{Name: t.Target.Name, Kind: t.Target.Kind.String(), Min: t.Target.Min, Year: t.Year,
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
			j.Region, j.RegionName = t.Region.String(), v.regionName(t.Region)
		}
		for _, m := range t.Missing {
			j.Missing = append(j.Missing, m.Code.String())
		}
		out = append(out, j)
	}
	return out
}

func (v *view) uncovered() []viewDistrict {
	out := make([]viewDistrict, 0, len(v.r.Uncovered))
	for _, u := range v.r.Uncovered {
		reg := u.Code.Regency()
		out = append(out, viewDistrict{Code: u.Code.String(), Name: u.Name, Regency: reg.String(), RegencyName: v.regionName(reg)})
	}
	return out
}

// warnings returns the import's and the report's warnings: row warnings in
// line order, warnings about no single row last.
func (v *view) warnings() []viewWarning {
	var out []viewWarning
	if v.r.im != nil {
		for _, w := range v.r.im.Warnings {
			out = append(out, viewWarning{Line: w.Line, Number: w.Number, Kind: w.Kind, Message: w.Msg, w: w})
		}
	}
	if len(v.r.Warnings) > 0 {
		lines := map[string]int{}
		for _, w := range v.r.Warnings {
			if w.Number != "" {
				lines[w.Number] = 0
			}
		}
		if v.lines != nil {
			for i := range v.r.Items {
				n := v.r.Items[i].Agreement.Number
				if _, ok := lines[n]; ok {
					lines[n] = v.lines[i] // the last of equal numbers, as before
				}
			}
		}
		for _, w := range v.r.Warnings {
			w.Line = lines[w.Number]
			out = append(out, viewWarning{Line: w.Line, Number: w.Number, Kind: w.Kind, Message: w.Msg, w: w})
		}
	}
	sortWarnings(out)
	return out
}

// sortWarnings sorts warnings by line, stably, those of no line last.
func sortWarnings(out []viewWarning) {
	slices.SortStableFunc(out, func(a, b viewWarning) int {
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
}

func (v *view) rowErrors() []viewRowError {
	if v.r.im == nil {
		return nil
	}
	out := make([]viewRowError, 0, len(v.r.im.Errors))
	for _, re := range v.r.im.Errors {
		out = append(out, viewRowError{Line: re.Line, Reason: re.Reason(adminduk.English), err: re})
	}
	return out
}
