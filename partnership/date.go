package partnership

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"strconv"
	"time"
)

// Date is a calendar date without time of day or zone, the unit of every
// term, signature and deadline in a PKS: [adminduk.Date], shared with the
// other packages.
type Date = adminduk.Date

// NewDate returns the date y-m-d, or the zero Date and false when there is
// no such calendar date or the year is outside 1-9999.
func NewDate(y int, m time.Month, d int) (Date, bool) { return adminduk.NewDate(y, m, d) }

// MustDate is like [NewDate] but panics when the date does not exist. Use it
// for constants in programs and tests.
func MustDate(y int, m time.Month, d int) Date { return adminduk.MustDate(y, m, d) }

// DateOf returns the calendar date of t in t's location, and the zero Date
// for the zero time.Time. Pass t.In(zone) to take the date in another zone.
func DateOf(t time.Time) Date { return adminduk.DateOf(t) }

// ParseDate parses YYYY-MM-DD. Errors are *[ParseError] values that unwrap
// to [ErrSyntax]. (The CSV reader also accepts DD/MM/YYYY; see [ReadCSV].)
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &ParseError{What: "date", Input: s, Msg: "want YYYY-MM-DD"}
	}
	return dateFromParts(s, s[:4], s[5:7], s[8:])
}

// dateFromParts builds a date from its digit strings, reporting errors
// against the whole input s.
func dateFromParts(s, ys, ms, ds string) (Date, error) {
	y, ok1 := atoi(ys)
	m, ok2 := atoi(ms)
	d, ok3 := atoi(ds)
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &ParseError{What: "date", Input: s, Msg: "want YYYY-MM-DD"}
	}
	dt, ok := NewDate(y, time.Month(m), d)
	if !ok {
		return Date{}, &ParseError{What: "date", Input: s, Msg: "no such calendar date"}
	}
	return dt, nil
}

// MustParseDate is like [ParseDate] but panics on error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// atoi parses a non-empty string of ASCII digits of at most 4 bytes.
func atoi(s string) (int, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Term is the length of an agreement: Years and Months, the end being the
// day before the same calendar day that many years and months after the
// start. The zero Term means "use [DefaultTerm]".
type Term struct {
	Years, Months int
}

// DefaultTerm is the usual length of a PKS: two years, then renewed.
var DefaultTerm = Term{Years: 2}

// IsZero reports whether t is the zero Term.
func (t Term) IsZero() bool { return t.Years == 0 && t.Months == 0 }

// End returns the last day of an agreement of term t starting on start:
// 2024-01-01 with two years ends on 2025-12-31, and 2024-02-29 ends on
// 2026-02-28. The zero Term stands for [DefaultTerm].
func (t Term) End(start Date) Date {
	if t.IsZero() {
		t = DefaultTerm
	}
	end := start.AddDate(t.Years, t.Months, -1)
	if end.IsZero() && !start.IsZero() {
		return LastDate // past 9999-12-31: saturate, never the zero Date
	}
	return end
}

// FirstDate and LastDate are the first and last days a [Date] can hold.
var (
	FirstDate = MustDate(1, time.January, 1)
	LastDate  = MustDate(9999, time.December, 31)
)

// maxDaySpan is the number of days from [FirstDate] to [LastDate].
const maxDaySpan = 3652058

// addDays returns d moved by n days, saturating at [FirstDate] and
// [LastDate] where [Date.AddDays] would give the zero Date. The zero Date
// stays zero.
func addDays(d Date, n int) Date {
	switch {
	case d.IsZero():
		return d
	case n > maxDaySpan:
		return LastDate
	case n < -maxDaySpan:
		return FirstDate
	}
	if r := d.AddDays(n); !r.IsZero() {
		return r
	}
	if n > 0 {
		return LastDate
	}
	return FirstDate
}

// String returns the term as "2y", "6m" or "1y6m".
func (t Term) String() string {
	switch {
	case t.Months == 0:
		return strconv.Itoa(t.Years) + "y"
	case t.Years == 0:
		return strconv.Itoa(t.Months) + "m"
	}
	return strconv.Itoa(t.Years) + "y" + strconv.Itoa(t.Months) + "m"
}

// MarshalText implements [encoding.TextMarshaler] as [Term.String]; the zero
// Term marshals as "".
func (t Term) MarshalText() ([]byte, error) {
	if t.IsZero() {
		return []byte{}, nil
	}
	return []byte(t.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] as [ParseTerm]; ""
// gives the zero Term.
func (t *Term) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = Term{}
		return nil
	}
	v, err := ParseTerm(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ParseTerm parses "2y", "24m", "1y6m" or a bare number of years ("2"). The
// term must be positive and at most 99 years. Errors unwrap to [ErrSyntax].
func ParseTerm(s string) (Term, error) {
	bad := func(msg string) (Term, error) { return Term{}, &ParseError{What: "term", Input: s, Msg: msg} }
	var t Term
	rest := s
	if n, ok := atoi(rest); ok {
		t.Years, rest = n, ""
	}
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == len(rest) {
			return bad("want 2y, 24m or 1y6m")
		}
		n, ok := atoi(rest[:i])
		if !ok {
			return bad("want 2y, 24m or 1y6m")
		}
		switch rest[i] {
		case 'y', 'Y':
			if t.Years != 0 || t.Months != 0 {
				return bad("years must come first, once")
			}
			t.Years = n
		case 'm', 'M':
			if t.Months != 0 {
				return bad("months given twice")
			}
			t.Months = n
		default:
			return bad("want 2y, 24m or 1y6m")
		}
		rest = rest[i+1:]
	}
	if t.IsZero() || t.Years*12+t.Months > 99*12 {
		return bad("want a term between 1 month and 99 years")
	}
	return t, nil
}
