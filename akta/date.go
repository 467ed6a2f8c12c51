package akta

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date without time or zone, the unit of every deadline
// in civil registration. It is a small comparable value ordered like the
// dates it holds; the zero Date means "not given". Its text form is
// YYYY-MM-DD.
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

// MustDate is like [NewDate] but panics when the date does not exist; for
// tests and constants.
func MustDate(y int, m time.Month, d int) Date {
	dt, ok := NewDate(y, m, d)
	if !ok {
		panic(fmt.Sprintf("akta: no date %04d-%02d-%02d", y, m, d))
	}
	return dt
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	dt, _ := NewDate(y, m, d)
	return dt
}

// ParseDate parses YYYY-MM-DD. Errors unwrap to [ErrInvalidDate].
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &NumberError{Input: s, Err: ErrInvalidDate, Msg: "want a date YYYY-MM-DD"}
	}
	y, ok1 := atoi(s[:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &NumberError{Input: s, Err: ErrInvalidDate, Msg: "want a date YYYY-MM-DD"}
	}
	dt, ok := NewDate(y, time.Month(m), d)
	if !ok {
		return Date{}, &NumberError{Input: s, Err: ErrInvalidDate, Msg: "no such calendar date"}
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

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.k == 0 }

// Year returns the year, 0 for the zero Date.
func (d Date) Year() int { return int(d.k / 10000) }

// Month returns the month, 0 for the zero Date.
func (d Date) Month() time.Month { return time.Month(d.k / 100 % 100) }

// Day returns the day of the month, 0 for the zero Date.
func (d Date) Day() int { return int(d.k % 100) }

// Time returns midnight UTC of d, or the zero time for the zero Date.
func (d Date) Time() time.Time { return d.In(time.UTC) }

// In returns midnight of d in loc, or the zero time for the zero Date.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// AddDays returns the date n days after d (before it for negative n).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// DaysSince returns the number of days from o to d: positive when d is
// later. Either being zero gives 0.
func (d Date) DaysSince(o Date) int {
	if d.IsZero() || o.IsZero() {
		return 0
	}
	return int(d.Time().Sub(o.Time()).Hours() / 24)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
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

// YearsAt returns d's age in whole years on the date at (birthdays on 29
// February count on 1 March in common years).
func (d Date) YearsAt(at Date) int {
	n := at.Year() - d.Year()
	if at.k%10000 < d.k%10000 {
		n--
	}
	return n
}

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.AppendTo(make([]byte, 0, 10)))
}

// AppendTo appends YYYY-MM-DD to b (nothing for the zero Date).
func (d Date) AppendTo(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	b = appendPad(b, d.Year(), 4)
	b = append(b, '-')
	b = appendPad(b, int(d.Month()), 2)
	b = append(b, '-')
	return appendPad(b, d.Day(), 2)
}

// MarshalText implements [encoding.TextMarshaler]; the zero Date gives "".
func (d Date) MarshalText() ([]byte, error) { return d.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate]; ""
// gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value implements [driver.Valuer]: the text form, or NULL for the zero Date.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan implements [database/sql.Scanner] for strings, bytes, time.Time and
// NULL.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return fmt.Errorf("akta: cannot scan %T into Date", src)
}

// TimeOfDay is a clock time to the minute (a birth or death time as
// printed, local time of the place). The zero TimeOfDay means "not given";
// its text form is HH:MM.
type TimeOfDay struct {
	m int16 // minutes since midnight + 1
}

// NewTimeOfDay returns hh:mm, false when out of range.
func NewTimeOfDay(hour, minute int) (TimeOfDay, bool) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return TimeOfDay{}, false
	}
	return TimeOfDay{int16(hour*60 + minute + 1)}, true
}

// ParseTimeOfDay parses HH:MM (24-hour clock); "" gives the zero value.
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	if s == "" {
		return TimeOfDay{}, nil
	}
	if len(s) == 5 && s[2] == '.' {
		s = s[:2] + ":" + s[3:] // 14.05, the Indonesian way
	}
	if len(s) == 5 && s[2] == ':' {
		h, ok1 := atoi(s[:2])
		m, ok2 := atoi(s[3:])
		if t, ok := NewTimeOfDay(h, m); ok && ok1 && ok2 {
			return t, nil
		}
	}
	return TimeOfDay{}, &NumberError{Input: s, Err: ErrInvalidDate, Msg: "want a time HH:MM"}
}

// IsZero reports whether t was not given.
func (t TimeOfDay) IsZero() bool { return t.m == 0 }

// Hour returns the hour, 0-23.
func (t TimeOfDay) Hour() int {
	if t.m == 0 {
		return 0
	}
	return int(t.m-1) / 60
}

// Minute returns the minute, 0-59.
func (t TimeOfDay) Minute() int {
	if t.m == 0 {
		return 0
	}
	return int(t.m-1) % 60
}

// String returns HH:MM, or "" when not given.
func (t TimeOfDay) String() string {
	if t.m == 0 {
		return ""
	}
	b := appendPad(make([]byte, 0, 5), t.Hour(), 2)
	b = append(b, ':')
	return string(appendPad(b, t.Minute(), 2))
}

// MarshalText implements [encoding.TextMarshaler].
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseTimeOfDay].
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
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

// atoi parses ASCII digits only (no sign), up to 9 of them.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
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

func appendPad(b []byte, n, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
