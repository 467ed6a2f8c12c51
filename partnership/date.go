package partnership

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date without time of day or zone: the unit of every
// term, signature and deadline in a PKS. It is a small comparable value
// ordered like the dates it holds; the zero Date means "not given". Its text
// form is YYYY-MM-DD.
type Date struct {
	k int32 // yyyymmdd
}

// NewDate returns the date y-m-d, or the zero Date and false when there is
// no such calendar date or the year is outside 1-9999.
func NewDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return Date{}, false
	}
	return Date{int32(y*10000 + int(m)*100 + d)}, true
}

// MustDate is like [NewDate] but panics when the date does not exist. Use it
// for constants in programs and tests.
func MustDate(y int, m time.Month, d int) Date {
	dt, ok := NewDate(y, m, d)
	if !ok {
		panic(fmt.Sprintf("partnership: no date %04d-%02d-%02d", y, m, d))
	}
	return dt
}

// DateOf returns the calendar date of t in t's location, and the zero Date
// for the zero time.Time. Pass t.In(zone) to take the date in another zone.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	dt, _ := NewDate(y, m, d)
	return dt
}

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

func daysIn(m time.Month, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.k == 0 }

// Year returns the year, 0 for the zero Date.
func (d Date) Year() int { return int(d.k / 10000) }

// Month returns the month, 0 for the zero Date.
func (d Date) Month() time.Month { return time.Month(d.k / 100 % 100) }

// Day returns the day of the month, 0 for the zero Date.
func (d Date) Day() int { return int(d.k % 100) }

// Time returns midnight UTC at the start of d; the zero time.Time for the
// zero Date.
func (d Date) Time() time.Time {
	if d.k == 0 {
		return time.Time{}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays returns d moved by n days (n may be negative). The zero Date stays
// zero, and so does a result outside the years 1-9999.
func (d Date) AddDays(n int) Date {
	if d.k == 0 {
		return d
	}
	y, m, dd := civilFromDays(d.days() + n)
	r, _ := NewDate(y, time.Month(m), dd)
	return r
}

// days returns the number of days from 1970-01-01 to d.
func (d Date) days() int { return daysFromCivil(d.Year(), int(d.Month()), d.Day()) }

// daysFromCivil and civilFromDays convert between proleptic Gregorian dates
// and days since 1970-01-01 with integer arithmetic only (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms"); years from 0 up.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// AddDate returns d moved by the given years, months and days, normalised as
// [time.Time.AddDate] does (29 February plus one year is 1 March). The zero
// Date stays zero.
func (d Date) AddDate(years, months, days int) Date {
	if d.k == 0 {
		return d
	}
	return DateOf(d.Time().AddDate(years, months, days))
}

// DaysUntil returns the number of days from d to o: positive when o is
// later, 0 when they are equal. Either being zero gives 0.
func (d Date) DaysUntil(o Date) int {
	if d.k == 0 || o.k == 0 {
		return 0
	}
	return o.days() - d.days()
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o. The zero
// Date sorts first.
func (d Date) Compare(o Date) int {
	switch {
	case d.k < o.k:
		return -1
	case d.k > o.k:
		return 1
	}
	return 0
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.k < o.k }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.k > o.k }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.k == 0 {
		return ""
	}
	return string(d.AppendTo(make([]byte, 0, 10)))
}

// AppendTo appends the YYYY-MM-DD form of d to b; nothing for the zero Date.
func (d Date) AppendTo(b []byte) []byte {
	if d.k == 0 {
		return b
	}
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText implements [encoding.TextMarshaler]; the zero Date marshals as
// "".
func (d Date) MarshalText() ([]byte, error) { return d.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero
// Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Scan implements [database/sql.Scanner] for time.Time, strings, bytes and
// NULL (the zero Date).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = DateOf(v)
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	}
	return fmt.Errorf("partnership: cannot scan %T into a Date", src)
}

// Value implements [driver.Valuer]: the YYYY-MM-DD string, or NULL for the
// zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.k == 0 {
		return nil, nil
	}
	return d.String(), nil
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
	return start.AddDate(t.Years, t.Months, -1)
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
