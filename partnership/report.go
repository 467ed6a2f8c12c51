package partnership

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// DefaultWithin is the default window, in days, for "expiring soon".
const DefaultWithin = 60

// MaxWithin is the longest "expiring soon" window, in days: a century, longer
// than any term (at most 99 years). Windows reaching past [adminduk.LastDate] end there.
const MaxWithin = 36525

// ReportOptions configures [NewReport].
type ReportOptions struct {
	// AsOf is the day the report is for; required. The library never reads
	// the clock.
	AsOf adminduk.Date
	// Within is the "expiring soon" window in days, at most [MaxWithin]; 0
	// means [DefaultWithin].
	Within int
	// Targets to measure; nil means [DefaultCountTargets], an empty non-nil slice
	// none.
	Targets []CountTarget
	// Regions are the kab/kota whose kecamatan must be covered; nil means
	// every kab/kota an agreement's partner is in.
	Regions []wilayah.Code
	// StatedTotals are published figures to check against the data.
	StatedTotals []StatedTotal
}

// Item is one agreement of a report with what the report derived for it.
type Item struct {
	Agreement *Agreement
	// Status is the state on the report date (see [Agreement.StatusOn]).
	Status State
	// DaysLeft is the number of days from the report date to the end (0 on
	// the last day, negative after it); valid when HasDaysLeft.
	DaysLeft    int
	HasDaysLeft bool
}

// Report is the state of a set of agreements on one day: statuses, what
// expires soon, counts, targets, the roll-out gap and warnings.
type Report struct {
	AsOf   adminduk.Date
	Within int
	// Items holds every agreement, in the order given.
	Items []Item
	// Expiring holds the agreements in force whose term ends within Within
	// days, soonest first.
	Expiring []Item
	// ByCategory counts the agreements in force on AsOf by category; every
	// category has an entry.
	ByCategory map[Category]int
	// ByYear counts the agreements signed on or before AsOf by year.
	ByYear map[int]int
	// Targets holds the measured targets.
	Targets []CountTargetResult
	// Regions are the kab/kota whose coverage was measured.
	Regions []wilayah.Code
	// Uncovered lists the kecamatan of Regions with no health partner in
	// force on AsOf.
	Uncovered []wilayah.Region
	// Warnings about single agreements, renewals and claims.
	Warnings []Warning

	source string  // see WithImport
	im     *Import // see WithImport
}

// InForce returns the number of agreements in force on the report date whose
// partner is in group g, all of them when g is 0.
func (r *Report) InForce(g Group) int {
	n := 0
	for c, k := range r.ByCategory {
		if g == 0 || c.Group() == g {
			n += k
		}
	}
	return n
}

// NewReport builds the report of the agreements on o.AsOf. The report points
// into as. It fails only on bad options (no date, an invalid target).
func NewReport(as []Agreement, o ReportOptions) (*Report, error) {
	r, o, err := newReport(o, len(as))
	if err != nil {
		return nil, err
	}
	d := r.AsOf
	limit := d.AddDaysClamped(o.Within)
	byID := newIDIndex(as)
	for i := range as {
		a := &as[i]
		it := Item{Agreement: a, Status: a.StatusOn(d)}
		it.DaysLeft, it.HasDaysLeft = a.DaysLeft(d)
		r.Items[i] = it
		s, ok := byID.find(a.Successor)
		if !ok {
			s = nil
		}
		if r.add(it, s, limit) {
			r.Expiring = append(r.Expiring, it)
		}
	}
	slices.SortStableFunc(r.Expiring, func(x, y Item) int {
		if c := x.Agreement.End.Compare(y.Agreement.End); c != 0 {
			return c
		}
		return cmp.Compare(x.Agreement.Number, y.Agreement.Number)
	})

	cur := currentDistricts(as)
	at := func(i int) *Agreement { return &as[i] }
	if err := r.finish(o, len(as), at, func(i int) wilayah.Code { return cur[i] }); err != nil {
		return nil, err
	}
	return r, nil
}

// newReport returns an empty report of the options, checked and defaulted,
// with room for n items.
func newReport(o ReportOptions, n int) (*Report, ReportOptions, error) {
	if o.AsOf.IsZero() {
		return nil, o, invalid("report options", "/as_of", adminduk.CodeRequired, "tanggal laporan kosong", "no report date", nil)
	}
	if o.Within == 0 {
		o.Within = DefaultWithin
	}
	if o.Within < 0 || o.Within > MaxWithin {
		n := strconv.Itoa(o.Within)
		return nil, o, invalid("report options", "/within", adminduk.CodeRange, n+" hari di luar 1-"+strconv.Itoa(MaxWithin), n+" days is outside 1-"+strconv.Itoa(MaxWithin), nil)
	}
	if o.Targets == nil {
		o.Targets = DefaultCountTargets()
	}
	r := &Report{
		AsOf: o.AsOf, Within: o.Within, Items: make([]Item, n),
		ByCategory: make(map[Category]int, len(categoryInfo)), ByYear: make(map[int]int),
	}
	for _, c := range Categories() {
		r.ByCategory[c] = 0
	}
	return r, o, nil
}

// add counts the item it in the report and warns about it; s is its
// successor (nil when none is found) and limit the last day of the
// "expiring soon" window. It reports whether the item expires within the
// window.
func (r *Report) add(it Item, s *Agreement, limit adminduk.Date) bool {
	a, st, d := it.Agreement, it.Status, r.AsOf
	expiring := false
	if st == Active {
		r.ByCategory[a.Partner.Category]++
		if !a.End.IsZero() && !a.End.After(limit) {
			expiring = true
			if a.Successor == "" {
				r.warn(a, WarnRenewalDue, "ends on "+a.End.String()+" ("+days(it.DaysLeft)+") and no successor is signed",
					"berakhir "+a.End.String()+" ("+hari(it.DaysLeft)+") dan belum ada perjanjian penerus")
			}
		}
	}
	if a.State != Draft && !a.Signed.IsZero() && !a.Signed.After(d) {
		r.ByYear[a.Signed.Year()]++
	}
	r.checkStatus(a, st)
	if s != nil && a.Successor != "" && !a.End.IsZero() && a.End != adminduk.LastDate && s.Start.After(a.End.AddDays(1)) {
		gap := strconv.Itoa(a.End.DaysUntil(s.Start) - 1)
		r.warn(a, WarnRenewalGap, "successor "+strconv.Quote(s.Number)+" starts on "+s.Start.String()+
			": "+gap+" days without agreement after "+a.End.String(),
			"penerus "+strconv.Quote(s.Number)+" mulai "+s.Start.String()+": "+gap+" hari tanpa perjanjian setelah "+a.End.String())
	}
	return expiring
}

// finish measures coverage and targets and checks the stated totals, once
// every agreement is added: n agreements, at(i) the i-th, cur(i) its
// current kecamatan.
func (r *Report) finish(o ReportOptions, n int, at func(int) *Agreement, cur func(int) wilayah.Code) error {
	d := r.AsOf
	r.Regions = o.Regions
	if r.Regions == nil {
		r.Regions = regenciesOf(n, cur)
	}
	covered := coveredDistricts(n, at, cur, d, func(a *Agreement) bool { return a.Partner.Group() == GroupHealth })
	for _, reg := range r.Regions {
		r.Uncovered = append(r.Uncovered, uncoveredIn(reg, covered)...)
	}
	var err error
	if r.Targets, err = evaluate(n, at, cur, d, o.Targets, r.Regions); err != nil {
		return err
	}
	for _, c := range o.StatedTotals {
		for _, e := range c.check(d, r.ByCategory) {
			r.Warnings = append(r.Warnings, Warning{Kind: WarnStatedTotal, Msg: strings.TrimPrefix(e.Error(), "partnership: ")})
		}
	}
	return nil
}

// checkStatus warns when the recorded state contradicts the dates.
func (r *Report) checkStatus(a *Agreement, st State) {
	switch {
	case (a.State == Active || a.State == Suspended) && st == Expired:
		r.warn(a, WarnStatusMismatch, "recorded "+a.State.String()+" but its term ended on "+a.End.String()+"; record the expiry",
			"tercatat "+a.State.String()+" padahal masa berlakunya berakhir "+a.End.String()+"; catat berakhirnya")
	case a.State == Active && st == Signed:
		r.warn(a, WarnStatusMismatch, "recorded active but its term begins on "+a.Start.String(),
			"tercatat active padahal masa berlakunya mulai "+a.Start.String())
	case a.State == Expired && !a.End.IsZero() && !a.End.Before(r.AsOf):
		r.warn(a, WarnStatusMismatch, "recorded expired but its term runs until "+a.End.String()+"; terminated early?",
			"tercatat expired padahal masa berlakunya sampai "+a.End.String()+"; diakhiri lebih awal?")
	}
}

func (r *Report) warn(a *Agreement, k WarningKind, msg, id string) {
	r.Warnings = append(r.Warnings, Warning{Number: a.Number, Kind: k, Msg: msg, msgID: id})
}

func hari(n int) string {
	switch n {
	case 0:
		return "hari ini"
	case 1:
		return "besok"
	}
	return "dalam " + strconv.Itoa(n) + " hari"
}

func days(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "in 1 day"
	}
	return "in " + strconv.Itoa(n) + " days"
}
