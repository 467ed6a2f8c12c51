package coverage

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Confidence grades a source as DOMAIN.md does.
type Confidence uint8

// Confidence levels.
const (
	// High: a regulation or an official page, checked on data.
	High Confidence = 1 + iota
	// Medium: consistent practice, or one good source (press figures
	// quoting a regulation).
	Medium
	// Low: inferred, or a weaker source.
	Low
)

var confidenceKeys = [...]string{High: "H", Medium: "M", Low: "L"}

// IsValid reports whether c is High, Medium or Low.
func (c Confidence) IsValid() bool { return c > 0 && int(c) < len(confidenceKeys) }

// String returns "H", "M" or "L"; "Confidence(n)" for a number that names
// nothing.
func (c Confidence) String() string {
	if !c.IsValid() {
		return unknown("Confidence", int(c))
	}
	return confidenceKeys[c]
}

var confidenceText = [...][2]string{High: {"tinggi", "high"}, Medium: {"sedang", "medium"}, Low: {"rendah", "low"}}

// Text returns the grade in words in l: "tinggi" or "high"; "" when c is not
// valid.
func (c Confidence) Text(l adminduk.Lang) string { return text(confidenceText[:], int(c), l) }

// MarshalText implements [encoding.TextMarshaler].
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads "H", "M" or "L".
func (c *Confidence) UnmarshalText(b []byte) error {
	for v := High; int(v) < len(confidenceKeys); v++ {
		if confidenceKeys[v] == string(b) {
			*c = v
			return nil
		}
	}
	return &ParseError{What: "confidence", Input: string(b), Msg: "want H, M or L"}
}

// Target is a coverage target for one indicator and year. Targets are data,
// not constants: [DefaultTargets] holds the national ones, and a Dinas
// replaces or extends them ([Targets.With], [ReadTargets]).
type Target struct {
	Indicator  Indicator  `json:"indicator"`
	Year       int        `json:"year"`
	Percent    Percent    `json:"percent"`
	Confidence Confidence `json:"confidence,omitzero"`
	Source     string     `json:"source,omitempty"`
}

// Validate checks the indicator, a year in 1900-9999 and a percent in
// 0-100 %, and reports every problem at once as a
// *[adminduk.ValidationError] with pointers into the target's JSON
// ("/year").
func (t Target) Validate() error {
	c := adminduk.Checker{What: "coverage: invalid target"}
	t.validate(&c, -1)
	return c.Err()
}

// validate checks t, element i of a table (-1: t alone); it allocates
// nothing for a valid target.
func (t Target) validate(c *adminduk.Checker, i int) {
	if !t.Indicator.IsValid() {
		c.Add(targetError(i, "indicator", adminduk.CodeInvalid, "want akta or kia", "seharusnya akta atau kia"))
	}
	if t.Year < 1900 || t.Year > 9999 {
		y := strconv.Itoa(t.Year)
		c.Add(targetError(i, "year", adminduk.CodeRange, y+" is out of range", y+" di luar jangkauan"))
	}
	if ValidateTarget(t.Percent) != nil {
		c.Add(targetError(i, "percent", adminduk.CodeRange, t.Percent.String()+" is outside 0-100 %", t.Percent.In(adminduk.Indonesian)+" di luar 0-100 %"))
	}
}

// targetError is the FieldError of key of element i of a target table, of
// the target alone for i -1, or of the element itself for key "".
func targetError(i int, key string, code adminduk.Code, en, id string) adminduk.FieldError {
	var p adminduk.Pointer
	if i >= 0 {
		p = p.Index(i)
	}
	if key != "" {
		p = p.Key(key)
	}
	return adminduk.FieldError{Pointer: p, Code: code, English: en, Indonesian: id, Err: ErrInvalid}
}

// Targets is a table of targets, at most one per indicator and year.
type Targets []Target

const (
	srcRPJMN = "Perpres 2/2015 (RPJMN 2015-2019): 75 % in 2015 rising by 2.5 points a year to 85 % in 2019, " +
		"as quoted by Ditjen Dukcapil (Kontan, Republika, 24 Sep 2020)"
	src2020 = "Ditjen Dukcapil, Sep 2020: provinces below 92 % marked red; the threshold in use, " +
		"no RPJMN 2020-2024 year figure at hand"
	srcAkta98 = "national akta target quoted by Dinas reports (Sukamara Aug 2023, Serang 2023-2024)"
	srcKIA    = "national KIA target quoted by Dinas reports"
)

// DefaultTargets returns the national targets known to the package, one
// entry per documented year:
//
//	akta  2015 75.00 %, 2016 77.50 %, 2017 80.00 %, 2018 82.50 %, 2019 85.00 %  (Perpres 2/2015, M)
//	akta  2020 92.00 %  (Dukcapil's "red" threshold in Sep 2020, L)
//	akta  2023 98.00 %, 2024 98.00 %  (quoted by Dinas reports, M)
//	kia   2022 40.00 % (M), 2023 50.00 % (M), 2024 75.00 % (weaker source, L)
//
// Years without an entry (akta 2021-2022, both indicators 2025) take the
// latest earlier figure ([Targets.For]), which a report flags with
// [WarnTargetCarried]. The slice is new on each call.
func DefaultTargets() Targets {
	rp := func(y int, p Percent) Target {
		return Target{Indicator: Akta, Year: y, Percent: p, Confidence: Medium, Source: srcRPJMN}
	}
	return Targets{
		rp(2015, 7500), rp(2016, 7750), rp(2017, 8000), rp(2018, 8250), rp(2019, 8500),
		{Indicator: Akta, Year: 2020, Percent: 9200, Confidence: Low, Source: src2020},
		{Indicator: Akta, Year: 2023, Percent: 9800, Confidence: Medium, Source: srcAkta98},
		{Indicator: Akta, Year: 2024, Percent: 9800, Confidence: Medium, Source: srcAkta98 + ", still quoted in 2024"},
		{Indicator: KIA, Year: 2022, Percent: 4000, Confidence: Medium, Source: srcKIA},
		{Indicator: KIA, Year: 2023, Percent: 5000, Confidence: Medium, Source: srcKIA + " (Sukamara, Serang 2023)"},
		{Indicator: KIA, Year: 2024, Percent: 7500, Confidence: Low, Source: srcKIA + "; weaker source"},
	}
}

// For returns the target of the indicator for the year, or the latest
// earlier one when the year has none (its Year then differs from year), and
// false when there is neither.
func (ts Targets) For(ind Indicator, year int) (Target, bool) {
	var best Target
	found := false
	for _, t := range ts {
		if t.Indicator == ind && t.Year <= year && (!found || t.Year > best.Year) {
			best, found = t, true
		}
	}
	return best, found
}

// With returns a new table with ts's entries and the given ones, which
// replace entries of the same indicator and year; sorted by indicator and
// year.
func (ts Targets) With(add ...Target) Targets {
	out := make(Targets, 0, len(ts)+len(add))
	for _, t := range ts {
		if !slices.ContainsFunc(add, func(a Target) bool { return a.Indicator == t.Indicator && a.Year == t.Year }) {
			out = append(out, t)
		}
	}
	out = append(out, add...)
	slices.SortStableFunc(out, func(a, b Target) int {
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// Validate checks every entry and that no indicator and year appears twice,
// and reports every problem at once as a *[adminduk.ValidationError] with
// pointers into the JSON array ("/2/year" for the third target).
func (ts Targets) Validate() error {
	c := adminduk.Checker{What: "coverage: invalid targets"}
	for i, t := range ts {
		t.validate(&c, i)
		for _, u := range ts[:i] {
			if u.Indicator == t.Indicator && u.Year == t.Year {
				k := t.Indicator.String() + " " + strconv.Itoa(t.Year)
				c.Add(targetError(i, "", adminduk.CodeDuplicate, k+" appears twice", k+" muncul dua kali"))
				break
			}
		}
	}
	return c.Err()
}

// ReadTargets reads a JSON array of targets, such as
// [{"indicator":"kia","year":2025,"percent":80,"source":"Renstra"}], and
// validates it.
func ReadTargets(r io.Reader) (Targets, error) {
	var ts Targets
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ts); err != nil {
		return nil, &ParseError{What: "targets", Input: "JSON", Msg: err.Error()}
	}
	if err := ts.Validate(); err != nil {
		return nil, err
	}
	return ts, nil
}
