package adminduk

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date without time of day or zone: a birth, a
// registration, the start of an agreement. It is a small comparable value
// ordered like the dates it holds; the zero Date means "not given". Its text
// form is YYYY-MM-DD. The packages akta and partnership use it as their Date.
type Date struct {
	k int32 // yyyymmdd
}

// NewDate returns the date y-m-d, or the zero Date and false when there is no
// such calendar date or the year is outside 1-9999.
func NewDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(int(m), y) {
		return Date{}, false
	}
	return Date{int32(y*10000 + int(m)*100 + d)}, true
}

// MustDate is like [NewDate] but panics when the date does not exist; for
// constants in programs and tests.
func MustDate(y int, m time.Month, d int) Date {
	dt, ok := NewDate(y, m, d)
	if !ok {
		panic(fmt.Sprintf("adminduk: no date %04d-%02d-%02d", y, m, d))
	}
	return dt
}

// DateOf returns the calendar date of t in t's location (pass t.In(zone) for
// another zone), and the zero Date for the zero time.Time.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	dt, _ := NewDate(y, m, d)
	return dt
}

// DateError reports text that is not a YYYY-MM-DD calendar date. It unwraps
// to [ErrInvalidDate].
type DateError struct {
	Input string
	Msg   string
}

func (e *DateError) Error() string { return "adminduk: date " + strconv.Quote(e.Input) + ": " + e.Msg }

// Unwrap returns [ErrInvalidDate].
func (e *DateError) Unwrap() error { return ErrInvalidDate }

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &DateError{Input: s, Msg: "want YYYY-MM-DD"}
	}
	y, ok1 := atoiDigits(s[:4])
	m, ok2 := atoiDigits(s[5:7])
	d, ok3 := atoiDigits(s[8:])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &DateError{Input: s, Msg: "want YYYY-MM-DD"}
	}
	dt, ok := NewDate(y, time.Month(m), d)
	if !ok {
		return Date{}, &DateError{Input: s, Msg: "no such calendar date"}
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

func atoiDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	return n, len(s) > 0
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.k == 0 }

// Year returns the year, 0 for the zero Date.
func (d Date) Year() int { return int(d.k / 10000) }

// Month returns the month, 0 for the zero Date.
func (d Date) Month() time.Month { return time.Month(d.k / 100 % 100) }

// Day returns the day of the month, 0 for the zero Date.
func (d Date) Day() int { return int(d.k % 100) }

// Time returns midnight UTC at the start of d, or the zero time.Time.
func (d Date) Time() time.Time { return d.In(time.UTC) }

// In returns midnight of d in loc, or the zero time.Time for the zero Date.
func (d Date) In(loc *time.Location) time.Time {
	if d.k == 0 {
		return time.Time{}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// AddDays returns d moved by n days (n may be negative). The zero Date stays
// zero, and so does a result outside the years 1-9999.
func (d Date) AddDays(n int) Date {
	if d.k == 0 || n > maxDayNumber-minDayNumber || n < minDayNumber-maxDayNumber {
		return Date{}
	}
	return FromDayNumber(d.days() + n)
}

// AddDate returns d moved by years, months and days, normalised as
// [time.Time.AddDate] does (29 February plus one year is 1 March).
func (d Date) AddDate(years, months, days int) Date {
	if d.k == 0 {
		return d
	}
	return DateOf(d.Time().AddDate(years, months, days))
}

// DaysUntil returns the number of days from d to o: positive when o is later.
// Either being zero gives 0.
func (d Date) DaysUntil(o Date) int {
	if d.k == 0 || o.k == 0 {
		return 0
	}
	return o.days() - d.days()
}

// DaysSince returns the number of days from o to d: positive when d is later.
// Either being zero gives 0.
func (d Date) DaysSince(o Date) int { return o.DaysUntil(d) }

// YearsAt returns the age in whole years on the date at of someone born on d
// (a 29 February birthday counts on 1 March in common years).
func (d Date) YearsAt(at Date) int {
	n := at.Year() - d.Year()
	if at.k%10000 < d.k%10000 {
		n--
	}
	return n
}

// days returns the number of days from 1970-01-01 to d.
func (d Date) days() int { return daysFromCivil(d.Year(), int(d.Month()), d.Day()) }

// daysFromCivil and civilFromDays convert between proleptic Gregorian dates
// and days since 1970-01-01 in integers (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms").
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

// Compare returns -1, 0 or +1 as d is before, equal to or after o; the zero
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

// AppendTo appends YYYY-MM-DD to b; nothing for the zero Date.
func (d Date) AppendTo(b []byte) []byte {
	if d.k == 0 {
		return b
	}
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText implements [encoding.TextMarshaler]; the zero Date gives "".
func (d Date) MarshalText() ([]byte, error) { return d.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate]; ""
// gives the zero Date.
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

// Value implements [driver.Valuer]: YYYY-MM-DD, or NULL for the zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.k == 0 {
		return nil, nil
	}
	return d.String(), nil
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
	return fmt.Errorf("adminduk: cannot scan %T into a Date", src)
}
