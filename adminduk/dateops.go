package adminduk

import (
	"strconv"
	"time"
)

// WIB is Western Indonesia Time (UTC+7), the zone of Jakarta in which this
// module takes "today" when no reference date is given. It is a fixed zone,
// so it needs no tzdata; use it instead of time.LoadLocation("Asia/Jakarta").
var WIB = time.FixedZone("WIB", 7*60*60)

// Today returns today's date in [WIB].
func Today() Date { return Date{todayKey()} }

// IsLeap reports whether year is a leap year of the proleptic Gregorian
// calendar.
func IsLeap(year int) bool { return isLeap(year) }

// DaysIn returns the number of days of month m in year, 0 for a month
// outside 1-12.
func DaysIn(year int, m time.Month) int {
	if m < time.January || m > time.December {
		return 0
	}
	return daysIn(int(m), year)
}

// MakeDate is like [NewDate] but returns a *[DateError] that unwraps to
// [ErrInvalidDate] instead of false, naming the date that does not exist.
func MakeDate(y int, m time.Month, d int) (Date, error) {
	dt, ok := NewDate(y, m, d)
	if !ok {
		in := strconv.Itoa(y) + "-" + strconv.Itoa(int(m)) + "-" + strconv.Itoa(d)
		return Date{}, &DateError{Input: in, Msg: "no such calendar date"}
	}
	return dt, nil
}

// DaysSinceEpoch returns the day number of d: the days from 1970-01-01 to d,
// negative before 1970. It returns 0 for the zero Date too; check
// [Date.IsZero] where that matters. [FromDayNumber] is its inverse.
func (d Date) DaysSinceEpoch() int {
	if d.k == 0 {
		return 0
	}
	return d.days()
}

// FromDayNumber returns the date n days after 1970-01-01 (before it when n is
// negative), and the zero Date when that is outside the years 1-9999.
func FromDayNumber(n int) Date {
	if n < minDayNumber || n > maxDayNumber {
		return Date{}
	}
	y, m, dd := civilFromDays(n)
	r, _ := NewDate(y, time.Month(m), dd)
	return r
}

// The day numbers of 0001-01-01 and 9999-12-31.
const (
	minDayNumber = -719162
	maxDayNumber = 2932896
)

// Sub returns the number of days from o to d, positive when d is later, like
// [time.Time.Sub]. Either being zero gives 0.
func (d Date) Sub(o Date) int { return o.DaysUntil(d) }

// DaysBetween returns the number of days from a to b, positive when b is
// later. Either being zero gives 0.
func DaysBetween(a, b Date) int { return a.DaysUntil(b) }

// AddMonths returns d moved by n months (n may be negative), keeping the day
// of the month but clamping it to the end of a shorter month: 31 January plus
// one month is 28 or 29 February, not 2 or 3 March as with [Date.AddDate].
// The zero Date stays zero, and so does a result outside the years 1-9999.
func (d Date) AddMonths(n int) Date {
	if d.k == 0 {
		return d
	}
	mm := d.Year()*12 + int(d.Month()) - 1 + n
	if mm < 12 || mm >= 10000*12 {
		return Date{}
	}
	y, m := mm/12, mm%12+1
	r, _ := NewDate(y, time.Month(m), min(d.Day(), daysIn(m, y)))
	return r
}

// Feb29 says where [Date.AddYears] moves 29 February in a common year.
type Feb29 uint8

// The two rules for 29 February in a common year.
const (
	// Feb28 keeps the month: 29 February 2024 plus one year is 28 February
	// 2025 (the end-of-month clamping of [Date.AddMonths]). The default.
	Feb28 Feb29 = iota
	// March1 moves to the next day, as [time.Time.AddDate] does: 29 February
	// 2024 plus one year is 1 March 2025. It is the day on which someone
	// born on 29 February has a birthday in a common year for
	// [Date.YearsAt].
	March1
)

// AddYears returns d moved by n years (n may be negative). A 29 February
// that lands in a common year becomes 28 February, or 1 March with the
// optional rule [March1]. The zero Date stays zero, and so does a result
// outside the years 1-9999.
func (d Date) AddYears(n int, rule ...Feb29) Date {
	r := d.AddMonths(12 * n)
	if len(rule) > 0 && rule[0] == March1 && d.Month() == time.February && d.Day() == 29 && r.Day() == 28 {
		return r.AddDays(1)
	}
	return r
}

// Equal reports whether d and o are the same date (the same as d == o).
func (d Date) Equal(o Date) bool { return d.k == o.k }

// AppendText implements [encoding.TextAppender]: it appends YYYY-MM-DD to b,
// nothing for the zero Date.
func (d Date) AppendText(b []byte) ([]byte, error) { return d.AppendTo(b), nil }

// ParseDateLenient parses YYYY-MM-DD, and also DD-MM-YYYY and DD/MM/YYYY,
// the day-first order of Indonesian spreadsheets and forms. Errors are
// *[DateError] values that unwrap to [ErrInvalidDate].
func ParseDateLenient(s string) (Date, error) {
	if len(s) == 10 && (s[2] == '-' && s[5] == '-' || s[2] == '/' && s[5] == '/') {
		d, ok1 := atoiDigits(s[:2])
		m, ok2 := atoiDigits(s[3:5])
		y, ok3 := atoiDigits(s[6:])
		if !ok1 || !ok2 || !ok3 {
			return Date{}, &DateError{Input: s, Msg: "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY"}
		}
		dt, ok := NewDate(y, time.Month(m), d)
		if !ok {
			return Date{}, &DateError{Input: s, Msg: "no such calendar date"}
		}
		return dt, nil
	}
	dt, err := ParseDate(s)
	if de, ok := err.(*DateError); ok && de.Msg != "no such calendar date" {
		de.Msg = "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY"
	}
	return dt, err
}
