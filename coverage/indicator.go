package coverage

import (
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Indicator is what a coverage figure counts.
type Indicator uint8

// The indicators.
const (
	// Akta: children holding a birth certificate (akta kelahiran), among
	// children of [DefaultAktaAges].
	Akta Indicator = 1 + iota
	// KIA: children holding a printed child identity card (Kartu Identitas
	// Anak), among children of [DefaultKIAAges]. A married child under 17 is
	// not required to hold one; person records carry no marital status, so
	// the few married children count as required.
	KIA
)

// Indicators lists the indicators in order.
var Indicators = []Indicator{Akta, KIA}

var indicatorKeys = [...]string{Akta: "akta", KIA: "kia"}

// IsValid reports whether i is one of the indicators.
func (i Indicator) IsValid() bool { return i > 0 && int(i) < len(indicatorKeys) }

// String returns "akta" or "kia"; "Indicator(n)" for a number that names
// nothing. See [Indicator.Text] for the name.
func (i Indicator) String() string {
	if !i.IsValid() {
		return unknown("Indicator", int(i))
	}
	return indicatorKeys[i]
}

var indicatorText = [...][2]string{Akta: {"Akta kelahiran", "Birth certificate"}, KIA: {"KIA", "Child ID card (KIA)"}}

// Text returns the name of the document in l: "Akta kelahiran" or "Birth
// certificate", "KIA" or "Child ID card (KIA)"; "" when i is not valid.
func (i Indicator) Text(l adminduk.Lang) string { return text(indicatorText[:], int(i), l) }

// DefaultAges returns the default age range of the indicator:
// [DefaultAktaAges] or [DefaultKIAAges].
func (i Indicator) DefaultAges() AgeRange {
	if i == KIA {
		return DefaultKIAAges
	}
	return DefaultAktaAges
}

// ParseIndicator reads "akta" or "kia" in any case.
func ParseIndicator(s string) (Indicator, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for i := Akta; int(i) < len(indicatorKeys); i++ {
		if indicatorKeys[i] == k {
			return i, nil
		}
	}
	return 0, &ParseError{What: "indicator", Input: s, Msg: "want akta or kia"}
}

// MarshalText implements [encoding.TextMarshaler].
func (i Indicator) MarshalText() ([]byte, error) { return []byte(i.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (i *Indicator) UnmarshalText(b []byte) error {
	v, err := ParseIndicator(string(b))
	if err != nil {
		return err
	}
	*i = v
	return nil
}

// AgeRange is a half-open range of ages in completed years: From <= age <
// To. A child's age on a day is the number of birthdays it has had; a child
// born on 29 February has its birthday on 1 March in other years.
type AgeRange struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// MaxAge bounds the ages the package tallies.
const MaxAge = 120

// The default age ranges. Reports write "0-18" for the akta and "0-17" for
// the KIA; both mean "under": a child is a person under 18 (UU 35/2014
// art. 1) and a KIA is for children under 17 (Permendagri 2/2016). The
// published figures agree: Sukamara's akta denominator (19,662) exceeds its
// KIA denominator (18,553) by 1,109, one year's births (16.5 per 1,000 of
// its 67,234 people), not two; and 80.28 million "children 0-18" in 2017
// are 18 annual cohorts of Indonesia's 4.5 million births.
var (
	DefaultAktaAges = AgeRange{From: 0, To: 18}
	DefaultKIAAges  = AgeRange{From: 0, To: 17}
)

// Contains reports whether age (in completed years) is in the range.
func (r AgeRange) Contains(age int) bool { return age >= r.From && age < r.To }

// String returns the range as inclusive completed years: "0-17" for ages
// 0 to under 18, "0" for a single year.
func (r AgeRange) String() string {
	if r.To == r.From+1 {
		return strconv.Itoa(r.From)
	}
	return strconv.Itoa(r.From) + "-" + strconv.Itoa(r.To-1)
}

// Validate checks 0 <= From < To <= [MaxAge].
func (r AgeRange) Validate() error {
	if r.From < 0 || r.To <= r.From || r.To > MaxAge {
		got := strconv.Itoa(r.From) + " to " + strconv.Itoa(r.To)
		return invalid("ages", adminduk.CodeRange, "want 0 <= from < to <= "+strconv.Itoa(MaxAge)+", got "+got,
			"seharusnya 0 <= dari < sampai <= "+strconv.Itoa(MaxAge)+", bukan "+strconv.Itoa(r.From)+" sampai "+strconv.Itoa(r.To), nil)
	}
	return nil
}

// ParseAgeRange reads "0-17" (inclusive completed years, as [AgeRange.String]
// writes it) or "<18" (under 18).
func ParseAgeRange(s string) (AgeRange, error) {
	t := strings.TrimSpace(s)
	bad := &ParseError{What: "age range", Input: s, Msg: "want FROM-TO in completed years (0-17) or <TO"}
	var r AgeRange
	if rest, ok := strings.CutPrefix(t, "<"); ok {
		to, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil {
			return AgeRange{}, bad
		}
		r = AgeRange{0, to}
	} else {
		a, b, ok := strings.Cut(t, "-")
		if !ok {
			b = a
		}
		from, err1 := strconv.Atoi(strings.TrimSpace(a))
		to, err2 := strconv.Atoi(strings.TrimSpace(b))
		if err1 != nil || err2 != nil {
			return AgeRange{}, bad
		}
		r = AgeRange{from, to + 1}
	}
	if err := r.Validate(); err != nil {
		return AgeRange{}, err
	}
	return r, nil
}
