package coverage

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Report is coverage rolled up to one level of regions on the reference
// date: per region and in total, per indicator, by sex and age band, with
// targets, gaps, projections, timeliness and completeness, and what was
// skipped or looks wrong in the input.
type Report struct {
	AsOf  adminduk.Date
	Level wilayah.Level
	// Window is the projection window in months and CBR the crude birth
	// rate (births per 100,000 a year) used for completeness.
	Window int
	CBR    int64
	// Indicators are those measured, in order.
	Indicators []IndicatorSpec
	// Regions are sorted by code; Total covers every record.
	Regions []RegionReport
	Total   RegionReport
	Stats   Stats
	// Errors are the first rows skipped (Stats.Malformed counts them all).
	Errors   []*RowError
	Warnings []Warning
}

// IndicatorSpec is how an indicator was measured.
type IndicatorSpec struct {
	Indicator Indicator
	Ages      AgeRange
	// Target is the target applied, nil when the table has none for the
	// year; a target of an earlier year is flagged in the warnings.
	Target *Target
	// Dated reports whether the document's dates were read, which the
	// projection needs.
	Dated bool
}

// RegionReport is the coverage of one region (or of all records, with the
// zero Code, in [Report].Total).
type RegionReport struct {
	Code wilayah.Code
	Name string
	// Population is the region's population used for completeness, 0 when
	// unknown (a kecamatan, unless AggregateOptions.Population knows it).
	Population int64
	// Akta and KIA are nil when not measured.
	Akta, KIA *Measure
	// Cohorts is the timeliness of akta registration by birth year, newest
	// first; nil when akta registration dates were not read.
	Cohorts []Cohort
	// Completeness is nil without population or registration dates.
	Completeness *Completeness
}

// Measure returns the measure of ind, nil when not measured.
func (r *RegionReport) Measure(ind Indicator) *Measure {
	switch ind {
	case Akta:
		return r.Akta
	case KIA:
		return r.KIA
	}
	return nil
}

// Measure is one indicator in one region.
type Measure struct {
	Indicator Indicator
	Counts
	// Target is the target applied, nil when none.
	Target *Percent
	// Male and Female split Counts by sex; Bands by age band (the bands of
	// the options cut to the indicator's ages).
	Male, Female Counts
	Bands        []Band
	// Projection is nil without a target or the document's dates.
	Projection *Projection
}

// Band is the counts of one age band.
type Band struct {
	Ages AgeRange
	Counts
}

// TargetGap returns the gap to the measure's target, 0 without one.
func (m *Measure) TargetGap() int64 {
	if m.Target == nil {
		return 0
	}
	return m.Gap(*m.Target)
}

// TargetMet reports whether the measure's target is met; false without one.
func (m *Measure) TargetMet() bool { return m.Target != nil && m.Meets(*m.Target) }

// countsJSON writes counts with their percent (null when undefined).
type countsJSON struct {
	Required int64    `json:"required"`
	With     int64    `json:"with"`
	Without  int64    `json:"without"`
	Percent  *Percent `json:"percent"`
}

func toCountsJSON(c Counts) countsJSON {
	return countsJSON{Required: c.Required, With: c.With, Without: c.Without(), Percent: optPercent(c.Percent())}
}

// MarshalJSON writes the measure with its derived figures: percent, need,
// gap, meets_target.
func (m *Measure) MarshalJSON() ([]byte, error) {
	type band struct {
		Ages string `json:"ages"`
		countsJSON
	}
	type out struct {
		Indicator Indicator `json:"indicator"`
		countsJSON
		Target      *Percent    `json:"target"`
		Need        *int64      `json:"need"`
		Gap         *int64      `json:"gap"`
		MeetsTarget *bool       `json:"meets_target"`
		Male        countsJSON  `json:"male"`
		Female      countsJSON  `json:"female"`
		Bands       []band      `json:"bands"`
		Projection  *Projection `json:"projection"`
	}
	o := out{Indicator: m.Indicator, countsJSON: toCountsJSON(m.Counts), Target: m.Target,
		Male: toCountsJSON(m.Male), Female: toCountsJSON(m.Female), Projection: m.Projection, Bands: []band{}}
	if m.Target != nil {
		need, gap, meets := m.Need(*m.Target), m.TargetGap(), m.TargetMet()
		o.Need, o.Gap, o.MeetsTarget = &need, &gap, &meets
	}
	for _, b := range m.Bands {
		o.Bands = append(o.Bands, band{b.Ages.String(), toCountsJSON(b.Counts)})
	}
	return json.Marshal(o)
}

// MarshalJSON writes the region with its code and name.
func (r RegionReport) MarshalJSON() ([]byte, error) {
	type out struct {
		Code         string        `json:"code"`
		Name         string        `json:"name"`
		Population   int64         `json:"population,omitempty"`
		Akta         *Measure      `json:"akta,omitempty"`
		KIA          *Measure      `json:"kia,omitempty"`
		Cohorts      []Cohort      `json:"cohorts,omitempty"`
		Completeness *Completeness `json:"completeness,omitempty"`
	}
	return json.Marshal(out{Code: r.Code.String(), Name: r.Name, Population: r.Population, Akta: r.Akta, KIA: r.KIA,
		Cohorts: r.Cohorts, Completeness: r.Completeness})
}

// MarshalJSON writes the report; dates as YYYY-MM-DD, percents as numbers
// with two decimals.
func (r Report) MarshalJSON() ([]byte, error) {
	type spec struct {
		Indicator Indicator `json:"indicator"`
		Ages      string    `json:"ages"`
		Target    *Target   `json:"target"`
		Dated     bool      `json:"dated"`
	}
	type out struct {
		AsOf       string         `json:"as_of"`
		Level      string         `json:"level"`
		Window     int            `json:"window_months"`
		CBR        int64          `json:"cbr_per_100000"`
		Indicators []spec         `json:"indicators"`
		Regions    []RegionReport `json:"regions"`
		Total      RegionReport   `json:"total"`
		Stats      Stats          `json:"stats"`
		Errors     []rowErrorJSON `json:"errors"`
		Warnings   []Warning      `json:"warnings"`
	}
	o := out{AsOf: r.AsOf.String(), Level: levelKey(r.Level), Window: r.Window, CBR: r.CBR, Regions: r.Regions,
		Total: r.Total, Stats: r.Stats, Errors: []rowErrorJSON{}, Warnings: r.Warnings}
	for _, s := range r.Indicators {
		o.Indicators = append(o.Indicators, spec{s.Indicator, s.Ages.String(), s.Target, s.Dated})
	}
	for _, e := range r.Errors {
		o.Errors = append(o.Errors, rowErrorJSON{Line: e.Line, Column: e.Column, Input: e.Input, Message: e.Field.English})
	}
	if o.Warnings == nil {
		o.Warnings = []Warning{}
	}
	if o.Regions == nil {
		o.Regions = []RegionReport{}
	}
	return json.Marshal(o)
}

// rowErrorJSON is a skipped row in the JSON report.
type rowErrorJSON struct {
	Line    int    `json:"line"`
	Column  string `json:"column,omitempty"`
	Input   string `json:"input,omitempty"`
	Message string `json:"message"`
}

// levelKey names a level in English for JSON and CSV.
func levelKey(l wilayah.Level) string {
	switch l {
	case wilayah.LevelProvince:
		return "province"
	case wilayah.LevelRegency:
		return "regency"
	case wilayah.LevelDistrict:
		return "district"
	}
	return "total"
}

// Report rolls the counts up to level (kecamatan, kab/kota or province)
// and measures them against the targets of the reference year. It may be
// called more than once; the aggregator is not changed.
func (a *Aggregator) Report(level wilayah.Level) (*Report, error) {
	if level < wilayah.LevelProvince || level > wilayah.LevelDistrict {
		return nil, invalid("level", adminduk.CodeInvalid, "want province, regency or district", "seharusnya provinsi, kab/kota atau kecamatan", nil)
	}
	rep := &Report{AsOf: a.asOf, Level: level, Window: a.opt.Window, CBR: a.opt.CBR, Stats: a.stats}
	for _, e := range a.errs {
		rep.Errors = append(rep.Errors, &e)
	}
	year := a.asOf.Year()
	for i, ind := range Indicators {
		if !a.measured[i] {
			continue
		}
		s := IndicatorSpec{Indicator: ind, Ages: a.ranges[i], Dated: a.dated[i]}
		if t, ok := a.opt.Targets.For(ind, year); ok {
			s.Target = &t
			if t.Year != year {
				w := Warning{Kind: WarnTargetCarried, Label: ind.String(), Stated: int64(year), Computed: int64(t.Year)}
				w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
					return pick(l, "no target for ", "tidak ada target untuk ") + strconv.Itoa(year) + pick(l, "; using ", "; memakai target ") +
						strconv.Itoa(t.Year) + pick(l, "'s ", " ") + t.Percent.In(l)
				})
				rep.Warnings = append(rep.Warnings, w)
			}
		}
		rep.Indicators = append(rep.Indicators, s)
	}
	rep.Warnings = append(rep.Warnings, a.header...)
	rep.Warnings = append(rep.Warnings, a.rowWarnings()...)

	groups := map[wilayah.Code]*tally{}
	regencies := map[wilayah.Code]map[wilayah.Code]bool{} // region -> kab/kota touched
	total := a.newTally(wilayah.Code{})
	allRegencies := map[wilayah.Code]bool{}
	for c, t := range a.tallies {
		g := c.Truncate(level)
		gt := groups[g]
		if gt == nil {
			gt = a.newTally(g)
			groups[g] = gt
			regencies[g] = map[wilayah.Code]bool{}
		}
		gt.add(t)
		total.add(t)
		regencies[g][c.Regency()] = true
		allRegencies[c.Regency()] = true
	}
	codes := make([]wilayah.Code, 0, len(groups))
	for c := range groups {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, wilayah.Code.Compare)
	for _, c := range codes {
		rr := a.regionReport(rep, groups[c])
		if r, ok := wilayah.Lookup(c); ok {
			rr.Name = r.Name
		}
		rr.Population = a.population(c, regencies[c])
		a.complete(&rr, groups[c])
		rep.Regions = append(rep.Regions, rr)
	}
	rep.Total = a.regionReport(rep, total)
	rep.Total.Name = "Total"
	rep.Total.Population = a.population(wilayah.Code{}, allRegencies)
	a.complete(&rep.Total, total)
	return rep, nil
}

// add sums o into t.
func (t *tally) add(o *tally) {
	for s := range 2 {
		for i := range t.ages[s] {
			t.ages[s][i].n += o.ages[s][i].n
			t.ages[s][i].akta += o.ages[s][i].akta
			t.ages[s][i].kia += o.ages[s][i].kia
		}
	}
	for i := range t.cohorts {
		x, y := &t.cohorts[i], o.cohorts[i]
		x.births += y.births
		x.registered += y.registered
		x.within60 += y.within60
		x.within1y += y.within1y
		x.undated += y.undated
	}
	for i := range 2 {
		t.start[i] = t.start[i].Add(o.start[i])
	}
}

// population returns the population of region c: AggregateOptions.Population's
// answer, else for a province or the total the sum of the embedded
// populations of the kab/kota the data touches (so a file of one kab/kota
// is measured against that kab/kota, not its whole province), else the
// embedded figure of a kab/kota; 0 when unknown.
func (a *Aggregator) population(c wilayah.Code, regencies map[wilayah.Code]bool) int64 {
	if a.opt.Population != nil && c.IsValid() {
		if n, ok := a.opt.Population(c); ok {
			return n
		}
	}
	if c.Level() == wilayah.LevelDistrict {
		return 0
	}
	var sum int64
	for r := range regencies {
		n, ok := int64(0), false
		if a.opt.Population != nil {
			n, ok = a.opt.Population(r)
		}
		if !ok {
			var p Population
			p, ok = PopulationOf(r)
			n = p.Total
		}
		if !ok {
			return 0
		}
		sum += n
	}
	return sum
}

// regionReport measures the indicators of one group of kecamatan.
func (a *Aggregator) regionReport(rep *Report, t *tally) RegionReport {
	rr := RegionReport{Code: t.code}
	for _, s := range rep.Indicators {
		i := int(s.Indicator) - 1
		m := &Measure{Indicator: s.Indicator}
		if s.Target != nil {
			p := s.Target.Percent
			m.Target = &p
		}
		sum := func(sex int, r AgeRange) Counts {
			var c Counts
			for age := r.From; age < min(r.To, a.maxAge); age++ {
				x := t.ages[sex][age]
				c.Required += x.n
				if i == 0 {
					c.With += x.akta
				} else {
					c.With += x.kia
				}
			}
			return c
		}
		m.Male, m.Female = sum(0, s.Ages), sum(1, s.Ages)
		m.Counts = m.Male.Add(m.Female)
		for j, lo := range a.opt.Bands {
			hi := MaxAge
			if j+1 < len(a.opt.Bands) {
				hi = a.opt.Bands[j+1]
			}
			r := AgeRange{max(lo, s.Ages.From), min(hi, s.Ages.To)}
			if r.From >= r.To {
				continue
			}
			m.Bands = append(m.Bands, Band{Ages: r, Counts: sum(0, r).Add(sum(1, r))})
		}
		if m.Target != nil && s.Dated {
			p, err := Project(Snapshot{Date: a.start, Counts: t.start[i]}, Snapshot{Date: a.asOf, Counts: m.Counts}, *m.Target)
			if err == nil {
				m.Projection = &p
			}
		}
		if i == 0 {
			rr.Akta = m
		} else {
			rr.KIA = m
		}
	}
	return rr
}

// complete fills in the cohorts and completeness of a region.
func (a *Aggregator) complete(rr *RegionReport, t *tally) {
	if !a.measured[0] || !a.dated[0] {
		return
	}
	y := a.asOf.Year()
	for k, c := range t.cohorts {
		year := y - k
		dec31, _ := adminduk.NewDate(year, time.December, 31)
		rr.Cohorts = append(rr.Cohorts, Cohort{Year: year, Births: c.births, Registered: c.registered,
			Within60: c.within60, Within1y: c.within1y, Undated: c.undated,
			Closed60: dec31.DaysUntil(a.asOf) >= 60, Closed1y: !a.asOf.Before(adminduk.MustDate(year+1, time.December, 30))})
	}
	if rr.Population <= 0 {
		return
	}
	for _, c := range rr.Cohorts {
		if !c.Closed1y {
			continue
		}
		est, _ := roundRatio(uint64(rr.Population), 100000, uint64(a.opt.CBR))
		rr.Completeness = &Completeness{Year: c.Year, Population: rr.Population, CBR: a.opt.CBR, Estimated: int64(est),
			Within60: c.Within60, Within1y: c.Within1y, Registered: c.Registered}
		return
	}
}

// rowWarnings turns the row counters into warnings, in a fixed order.
func (a *Aggregator) rowWarnings() []Warning {
	var ws []Warning
	var retired []*note
	for _, e := range a.lookup {
		if e.retired != nil && e.retired.rows > 0 {
			retired = append(retired, e.retired)
		}
	}
	slices.SortFunc(retired, func(x, y *note) int { return x.from.Compare(y.from) })
	for _, n := range retired {
		w := Warning{Kind: WarnRetiredDistrict, Region: n.region, Rows: n.rows, Line: n.firstLine}
		w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
			msg := group(n.rows, l) + pick(l, " rows name the retired kecamatan ", " baris memuat kode kecamatan lama ") + n.from.String()
			if n.region.IsValid() {
				msg += pick(l, "; counted for its successor ", "; dihitung untuk penggantinya ") + n.region.String()
			} else {
				msg += pick(l, ", which has no successor; counted under it", " yang tidak punya pengganti; dihitung di kode itu")
			}
			return msg + firstLine(n.firstLine, l)
		})
		ws = append(ws, w)
	}
	keys := make([]noteKey, 0, len(a.notes))
	for k := range a.notes {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y noteKey) int { return cmp.Or(cmp.Compare(x.kind, y.kind), cmp.Compare(x.ind, y.ind)) })
	for _, k := range keys {
		n := a.notes[k]
		label := ""
		if k.ind != 0 {
			label = k.ind.String()
		}
		w := Warning{Kind: k.kind, Label: label, Rows: n.rows, Line: n.firstLine}
		w.Msg, w.msgID = bilingual(func(l adminduk.Lang) string {
			rows := group(n.rows, l) + pick(l, " rows", " baris")
			var msg string
			switch k.kind {
			case WarnNIKMismatch:
				msg = rows + pick(l, " have a birth date or sex that differs from their NIK's (legitimate after a correction); the columns are used",
					" memiliki tanggal lahir atau jenis kelamin yang berbeda dari NIK-nya (sah setelah perbaikan); kolomnya yang dipakai")
			case WarnBornAfterAsOf:
				msg = rows + pick(l, " are born after the reference date; not counted", " lahir setelah tanggal acuan; tidak dihitung")
			case WarnIssuedAfterAsOf:
				msg = rows + pick(l, " have "+docName(k.ind)+" dated after the reference date; counted as without it",
					" memiliki "+k.ind.String()+" bertanggal setelah tanggal acuan; dihitung belum memiliki")
			case WarnUndated:
				msg = rows + pick(l, " hold "+docName(k.ind)+" without its date; counted as holders, left out of timeliness, held at the window's start",
					" memiliki "+k.ind.String()+" tanpa tanggal; dihitung memiliki, tidak masuk ketepatan waktu, dianggap memiliki sejak awal jendela")
			}
			return msg + firstLine(n.firstLine, l)
		})
		ws = append(ws, w)
	}
	return ws
}

func docName(i Indicator) string {
	if i == Akta {
		return "an akta"
	}
	return "a KIA"
}

func firstLine(n int, l adminduk.Lang) string {
	if n <= 0 {
		return ""
	}
	return pick(l, " (first on line ", " (pertama di baris ") + strconv.Itoa(n) + ")"
}
