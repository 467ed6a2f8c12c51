package coverage

import (
	"slices"
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Defaults of [AggregateOptions].
const (
	// DefaultWindow is the projection window in months: the pace is the
	// change in the gap over the last 12 months.
	DefaultWindow = 12
	// DefaultMaxErrors is how many row errors a report keeps; all are
	// counted.
	DefaultMaxErrors = 100
	// DefaultCBR is the crude birth rate used for completeness, in births
	// per 100,000 people a year: 1,600 is 16.0 per 1,000, Indonesia's rate
	// in the early 2020s (UN World Population Prospects and World Bank
	// estimates put it between 15.5 and 16.5). Sukamara's published
	// denominators imply 16.5 (one cohort of 1,109 among 67,234 people).
	// Use the BPS rate of the province where one is known.
	DefaultCBR = 1600
)

// DefaultBands are the default lower bounds of the age bands in completed
// years: under 1 (bayi), 1-4 (balita), 5-6 (PAUD/TK), 7-12 (SD), 13-15
// (SMP), 16 and over (SMA) — the ages of the school PKS.
var DefaultBands = []int{0, 1, 5, 7, 13, 16}

// AggregateOptions configure an [Aggregator].
type AggregateOptions struct {
	// AsOf is the reference date: ages, holding and the report are taken
	// on this calendar date. Required (from the year 1800); the package
	// never reads the clock.
	AsOf adminduk.Date
	// AktaAges and KIAAges are the age ranges of the indicators; zero
	// values mean [DefaultAktaAges] and [DefaultKIAAges].
	AktaAges, KIAAges AgeRange
	// Bands are the lower bounds of the age bands, increasing from 0; nil
	// means [DefaultBands].
	Bands []int
	// Window is the projection window in months; 0 means [DefaultWindow].
	Window int
	// Targets is the target table; nil means [DefaultTargets]. The targets
	// of AsOf's year are used (or the latest earlier, flagged).
	Targets Targets
	// CBR is the crude birth rate in births per 100,000 people a year for
	// completeness; 0 means [DefaultCBR].
	CBR int64
	// Population gives the population of a region for completeness, before
	// the embedded table ([PopulationOf]) is asked; it may be nil. Only it
	// can answer for a kecamatan.
	Population func(wilayah.Code) (int64, bool)
	// MaxErrors is how many row errors to keep; 0 means [DefaultMaxErrors].
	MaxErrors int
	// Lenient accepts a NIK whose region is in range but appears in no
	// edition (see adminduk.Options.Lenient).
	Lenient bool
}

// validate checks the options and fills in the defaults.
func (o *AggregateOptions) validate() error {
	if o.AsOf.IsZero() {
		return invalid("as_of", adminduk.CodeRequired, "no reference date", "tanggal acuan kosong", nil)
	}
	if o.AsOf.Year() < minYear {
		return invalid("as_of", adminduk.CodeRange, "year out of range", "tahun di luar jangkauan", nil)
	}
	if o.AktaAges == (AgeRange{}) {
		o.AktaAges = DefaultAktaAges
	}
	if o.KIAAges == (AgeRange{}) {
		o.KIAAges = DefaultKIAAges
	}
	for _, r := range []AgeRange{o.AktaAges, o.KIAAges} {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	if o.Bands == nil {
		o.Bands = DefaultBands
	}
	if len(o.Bands) == 0 || o.Bands[0] != 0 || o.Bands[len(o.Bands)-1] >= MaxAge {
		return invalid("bands", adminduk.CodeInvalid, "want increasing lower bounds starting at 0", "batas bawah harus naik mulai dari 0", nil)
	}
	for i := 1; i < len(o.Bands); i++ {
		if o.Bands[i] <= o.Bands[i-1] {
			return invalid("bands", adminduk.CodeInvalid, "want increasing lower bounds starting at 0", "batas bawah harus naik mulai dari 0", nil)
		}
	}
	if o.Window == 0 {
		o.Window = DefaultWindow
	}
	if o.Window < 1 || o.Window > 120 {
		return invalid("window", adminduk.CodeRange, strconv.Itoa(o.Window)+" months is outside 1-120", strconv.Itoa(o.Window)+" bulan di luar 1-120", nil)
	}
	if o.Targets == nil {
		o.Targets = DefaultTargets()
	}
	if err := o.Targets.Validate(); err != nil {
		return err
	}
	if o.CBR == 0 {
		o.CBR = DefaultCBR
	}
	if o.CBR < 0 || o.CBR > 10000 {
		return invalid("cbr", adminduk.CodeRange, "want 1 to 10,000 births per 100,000 a year", "seharusnya 1 sampai 10.000 kelahiran per 100.000 penduduk setahun", nil)
	}
	if o.MaxErrors == 0 {
		o.MaxErrors = DefaultMaxErrors
	}
	return nil
}

// Aggregator tallies records into counts per kecamatan in memory that does
// not grow with the number of records: a few counters per kecamatan and age
// year, per birth year, and the first MaxErrors row errors. It reads CSV
// ([Aggregator.ReadCSV]) or takes records ([Aggregator.Add]); partial
// aggregators over parts of a file combine with [Aggregator.Merge].
// [Aggregator.Report] rolls the counts up. An Aggregator is not safe for
// concurrent use.
type Aggregator struct {
	opt     AggregateOptions
	parser  adminduk.Parser
	asOf    adminduk.Date
	start   adminduk.Date // start of the projection window
	ranges  [2]AgeRange
	maxAge  int // ages tallied: 0..maxAge-1
	cohorts int // birth years tallied: asOf year - k, k < cohorts

	tallies map[wilayah.Code]*tally
	lookup  map[uint32]districtEntry
	lastKey uint32
	last    districtEntry

	// CSV state of the current ReadCSV call.
	cols     []column
	present  [numCols]bool
	measured [2]bool // indicators whose has_ column was read

	stats  Stats
	errs   []RowError
	dated  [2]bool // indicators whose date column was read
	notes  map[noteKey]*note
	header []Warning // about the header of each file
}

// districtEntry is a district code as read, resolved.
type districtEntry struct {
	t       *tally // nil: unknown code
	retired *note  // non-nil for a retired code
}

// note counts rows that share a warning.
type note struct {
	rows      int64
	firstLine int
	region    wilayah.Code // WarnRetiredDistrict: the successor
	from      wilayah.Code // WarnRetiredDistrict: the retired code
}

// Stats counts what an aggregation read.
type Stats struct {
	Lines     int64 `json:"lines"`     // lines read, with headers and blank lines
	Rows      int64 `json:"rows"`      // data rows
	Counted   int64 `json:"counted"`   // rows tallied
	Malformed int64 `json:"malformed"` // rows skipped with a RowError
	Future    int64 `json:"future"`    // rows born after the reference date, skipped
	Older     int64 `json:"older"`     // rows counted but past every age range on the reference date
}

// cell counts the children of one sex and age year in a kecamatan.
type cell struct {
	n, akta, kia int64
}

// cohort counts the births of one year in a kecamatan and when their akta
// was registered.
type cohortCell struct {
	births, registered, within60, within1y, undated int64
}

// tally is the counters of one kecamatan.
type tally struct {
	code    wilayah.Code
	ages    [2][]cell // [female][age]
	cohorts []cohortCell
	start   [2]Counts // [indicator-1] at the start of the projection window
}

// NewAggregator returns an aggregator with the options, or an error that
// unwraps to [ErrInvalid] for invalid options.
func NewAggregator(o AggregateOptions) (*Aggregator, error) {
	o.Bands = slices.Clone(o.Bands)
	if err := o.validate(); err != nil {
		return nil, err
	}
	a := &Aggregator{opt: o, asOf: o.AsOf, tallies: map[wilayah.Code]*tally{},
		lookup: map[uint32]districtEntry{}, notes: map[noteKey]*note{}}
	a.parser = adminduk.NewParser(adminduk.Options{AsOf: a.asOf, Lenient: o.Lenient})
	a.start = a.asOf.AddMonths(-o.Window)
	a.ranges = [2]AgeRange{o.AktaAges, o.KIAAges}
	a.maxAge = max(o.AktaAges.To, o.KIAAges.To)
	a.cohorts = o.AktaAges.To + 1
	return a, nil
}

// Add tallies one record, as a CSV row would be (line is the line number
// for warnings, 0 when not from a file). It returns a *[RowError] for a
// record the CSV reader would skip; the record is then not counted.
func (a *Aggregator) Add(r Record, line int) error {
	a.measured, a.dated = [2]bool{true, true}, [2]bool{true, true}
	a.stats.Rows++
	rw := row{akta: doc{r.HasAkta, r.AktaDate}, kia: doc{r.HasKIA, r.KIADate}}
	fail := func(col column, msg string, err error) error {
		name := ""
		if col < numCols {
			name = Columns[col]
		}
		re := fieldError(line, name, "", msg, err)
		a.reject(re)
		return &re
	}
	if !r.NIK.IsValid() {
		return fail(colNIK, "no NIK", ErrSyntax)
	}
	nikBirth := r.NIK.BirthDate()
	rw.birth = nikBirth
	if !r.BirthDate.IsZero() {
		rw.birth = r.BirthDate
		if rw.birth.Year() < minYear {
			return fail(colBirth, "year out of range", ErrSyntax)
		}
		rw.mismatch = yymmdd(rw.birth) != yymmdd(nikBirth)
	}
	rw.female = r.NIK.Sex() == adminduk.Female
	if r.Sex != 0 {
		rw.mismatch = rw.mismatch || rw.female != (r.Sex == adminduk.Female)
		rw.female = r.Sex == adminduk.Female
	}
	if r.District.Level() != wilayah.LevelDistrict {
		return fail(colDistrict, "not a kecamatan code", ErrSyntax)
	}
	rw.district = districtKey(r.District)
	if err := a.checkDocs(&rw, line); err != nil {
		a.reject(*err)
		return err
	}
	e, err := a.district(rw.district, line)
	if err != nil {
		a.reject(*err)
		return err
	}
	a.tally(&rw, e, line)
	return nil
}

// checkDocs rejects a document date before the birth, or a date for a
// document not held.
func (a *Aggregator) checkDocs(rw *row, line int) *RowError {
	for i, d := range [2]doc{rw.akta, rw.kia} {
		col := [2]column{colAktaDate, colKIADate}[i]
		switch {
		case d.date.IsZero():
		case !d.has:
			re := fieldError(line, Columns[col], "", "dated, but "+Columns[col-1]+" is 0", ErrInvalid)
			return &re
		case d.date.Before(rw.birth):
			re := fieldError(line, Columns[col], "", "before the birth date", ErrInvalid)
			return &re
		}
	}
	return nil
}

// reject counts a skipped row and keeps its error while there is room.
func (a *Aggregator) reject(e RowError) {
	a.stats.Malformed++
	if len(a.errs) < a.opt.MaxErrors {
		a.errs = append(a.errs, e)
	}
}

// district resolves a ppkkcc number to its tally, caching the answer.
func (a *Aggregator) district(key uint32, line int) (districtEntry, *RowError) {
	if key == a.lastKey && key != 0 {
		return a.last, nil
	}
	e, ok := a.lookup[key]
	if !ok {
		e = a.resolve(key)
		a.lookup[key] = e
	}
	if e.t == nil {
		c := wilayah.CodeFrom(int(key/10000), int(key/100%100), int(key%100), 0)
		re := fieldError(line, "district", c.String(), "no such kecamatan in any edition", ErrUnknownRegion)
		return e, &re
	}
	a.lastKey, a.last = key, e
	return e, nil
}

func (a *Aggregator) resolve(key uint32) districtEntry {
	c := wilayah.CodeFrom(int(key/10000), int(key/100%100), int(key%100), 0)
	reg, ok := wilayah.Lookup(c)
	if !ok {
		return districtEntry{}
	}
	var e districtEntry
	if !reg.Current() {
		if r, ok := wilayah.Resolve(c); ok && r.Code != c {
			e.retired = &note{region: r.Code, from: c}
			c = r.Code
		} else {
			e.retired = &note{from: c}
		}
	}
	t := a.tallies[c]
	if t == nil {
		t = a.newTally(c)
		a.tallies[c] = t
	}
	e.t = t
	return e
}

func (a *Aggregator) newTally(c wilayah.Code) *tally {
	t := &tally{code: c, cohorts: make([]cohortCell, a.cohorts)}
	cells := make([]cell, 2*a.maxAge)
	t.ages[0], t.ages[1] = cells[:a.maxAge], cells[a.maxAge:]
	return t
}

// noteKey says what rows a note counts; ind is 0 unless the warning is
// about one indicator.
type noteKey struct {
	kind WarningKind
	ind  Indicator
}

func (a *Aggregator) count(k WarningKind, ind Indicator, line int) {
	n := a.notes[noteKey{k, ind}]
	if n == nil {
		n = &note{firstLine: line}
		a.notes[noteKey{k, ind}] = n
	}
	n.rows++
}

// tally adds a checked row to its kecamatan.
func (a *Aggregator) tally(r *row, e districtEntry, line int) {
	if r.birth.After(a.asOf) {
		a.stats.Future++
		a.count(WarnBornAfterAsOf, 0, line)
		return
	}
	a.stats.Counted++
	if e.retired != nil {
		if e.retired.rows == 0 {
			e.retired.firstLine = line
		}
		e.retired.rows++
	}
	if r.mismatch {
		a.count(WarnNIKMismatch, 0, line)
	}
	t := e.t
	asOf := a.asOf
	aktaNow := r.akta.has && !r.akta.date.After(asOf)
	kiaNow := r.kia.has && !r.kia.date.After(asOf)
	for i, d := range [2]doc{r.akta, r.kia} {
		switch {
		case !d.has:
		case d.date.IsZero() && a.dated[i]:
			a.count(WarnUndated, Indicator(i+1), line)
		case d.date.After(asOf):
			a.count(WarnIssuedAfterAsOf, Indicator(i+1), line)
		}
	}
	sex := 0
	if r.female {
		sex = 1
	}
	if age := r.birth.YearsAt(asOf); age < a.maxAge {
		c := &t.ages[sex][age]
		c.n++
		if aktaNow {
			c.akta++
		}
		if kiaNow {
			c.kia++
		}
	} else {
		a.stats.Older++
	}
	if k := asOf.Year() - r.birth.Year(); k < len(t.cohorts) {
		c := &t.cohorts[k]
		c.births++
		if aktaNow {
			c.registered++
			switch {
			case r.akta.date.IsZero():
				c.undated++
			case r.birth.YearsAt(r.akta.date) < 1: // before the first birthday
				c.within1y++
				if within60(r.birth, r.akta.date) {
					c.within60++
				}
			}
		}
	}
	if start := a.start; !r.birth.After(start) {
		age0 := r.birth.YearsAt(start)
		for i, d := range [2]doc{r.akta, r.kia} {
			if a.ranges[i].Contains(age0) {
				t.start[i].Required++
				if d.has && !d.date.After(start) {
					t.start[i].With++
				}
			}
		}
	}
}

// Merge adds the counts, row errors and warnings of o, an aggregator with
// the same options that read another part of the input, to a. Row errors
// stay ordered by line if o read later lines than a.
func (a *Aggregator) Merge(o *Aggregator) {
	for c, ot := range o.tallies {
		t := a.tallies[c]
		if t == nil {
			t = a.newTally(c)
			a.tallies[c] = t
		}
		for s := range 2 {
			for i := range min(len(t.ages[s]), len(ot.ages[s])) {
				t.ages[s][i].n += ot.ages[s][i].n
				t.ages[s][i].akta += ot.ages[s][i].akta
				t.ages[s][i].kia += ot.ages[s][i].kia
			}
		}
		for i := range min(len(t.cohorts), len(ot.cohorts)) {
			x, y := &t.cohorts[i], ot.cohorts[i]
			x.births += y.births
			x.registered += y.registered
			x.within60 += y.within60
			x.within1y += y.within1y
			x.undated += y.undated
		}
		for i := range 2 {
			t.start[i] = t.start[i].Add(ot.start[i])
		}
	}
	for key, oe := range o.lookup {
		if oe.retired == nil || oe.retired.rows == 0 {
			continue
		}
		e, ok := a.lookup[key]
		if !ok {
			e = a.resolve(key)
			a.lookup[key] = e
		}
		if e.retired.rows == 0 || oe.retired.firstLine < e.retired.firstLine {
			e.retired.firstLine = oe.retired.firstLine
		}
		e.retired.rows += oe.retired.rows
	}
	for k, on := range o.notes {
		n := a.notes[k]
		if n == nil {
			cp := *on
			a.notes[k] = &cp
			continue
		}
		n.rows += on.rows
		n.firstLine = min(n.firstLine, on.firstLine)
	}
	a.stats.Lines += o.stats.Lines
	a.stats.Rows += o.stats.Rows
	a.stats.Counted += o.stats.Counted
	a.stats.Malformed += o.stats.Malformed
	a.stats.Future += o.stats.Future
	a.stats.Older += o.stats.Older
	for _, e := range o.errs {
		if len(a.errs) < a.opt.MaxErrors {
			a.errs = append(a.errs, e)
		}
	}
	for i := range 2 {
		a.measured[i] = a.measured[i] || o.measured[i]
		a.dated[i] = a.dated[i] || o.dated[i]
	}
	a.header = append(a.header, o.header...)
}

// within60 reports whether b, not before a, is at most 60 days after it:
// a.DaysUntil(b) <= 60 counted by months, without day numbers, as the tally
// asks it of most rows.
func within60(a, b adminduk.Date) bool {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if m >= 4 { // at least 3 whole months apart: more than 60 days
		return false
	}
	days := b.Day() - a.Day()
	y, mo := a.Year(), a.Month()
	for range m {
		days += adminduk.DaysIn(y, mo)
		if mo++; mo > time.December {
			mo, y = time.January, y+1
		}
	}
	return days <= 60
}
