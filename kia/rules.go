package kia

import (
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Eligibility errors: why a child cannot get a KIA on a given day.
var (
	ErrTooOld         = errors.New("kia: child is 17 or older")
	ErrMarried        = errors.New("kia: child is or has been married")
	ErrNotBorn        = errors.New("kia: issue date before birth")
	ErrPermitRequired = errors.New("kia: foreign child without a residence permit end date")
	ErrPermitExpired  = errors.New("kia: residence permit ended before the issue date")
)

// Ages of the rules.
const (
	PhotoAge = 5  // from this age the card has a photo
	AdultAge = 17 // at this age the child gets a KTP-el instead
)

// LeapDay says on which day a child born on 29 February has its birthday
// in a common year. Indonesian regulation does not say; both conventions
// are in use elsewhere.
type LeapDay uint8

const (
	// March1 (the default) counts the birthday as reached on 1 March:
	// a year is complete only when the 29 February would have passed, as
	// Go's time.AddDate and most civil codes count. A child born on 29
	// February 2008 turns 17 on 1 March 2025, so its card is valid until
	// 28 February 2025; its under-5 card (born 29 February 2020) until
	// 1 March 2025.
	March1 LeapDay = iota
	// Feb28 counts the birthday on 28 February: 17 on 28 February 2025,
	// card valid until 27 February 2025.
	Feb28
)

// Rules compute kinds, ages and validity. The zero Rules is the default.
type Rules struct {
	LeapDay LeapDay
	// Now is the clock Validate reads to refuse an issue date in the
	// future; nil means time.Now. Today is the calendar date in WIB.
	Now func() time.Time
}

// today returns the current calendar date in WIB, at midnight UTC.
func (r Rules) today() time.Time {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	return civil(now().In(wib))
}

// Child is what the rules need to know about a child.
type Child struct {
	BirthDate   time.Time // calendar date
	Citizenship adminduk.Citizenship
	// PermitUntil is the last day of the parents' residence permit (KITAP),
	// required for a foreign (WNA) child.
	PermitUntil time.Time
	Married     bool
}

// Decision is what the rules say about a card issued on a given day.
type Decision struct {
	Kind Kind
	Age  int // completed years on the issue date
	// ValidUntil is the last day the card is valid, at midnight UTC.
	ValidUntil time.Time
	// PermitLimited reports that the residence permit ends before the
	// rule's date and so ends the card.
	PermitLimited bool
}

// Date returns the calendar date y-m-d at midnight UTC, normalised like
// time.Date.
func Date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// civil returns t's calendar date (in t's own location) at midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// Birthday returns the day the child born on birth turns age.
func (r Rules) Birthday(birth time.Time, age int) time.Time {
	y, m, d := birth.Date()
	if m == time.February && d == 29 && !isLeap(y+age) {
		if r.LeapDay == Feb28 {
			return Date(y+age, time.February, 28)
		}
		return Date(y+age, time.March, 1)
	}
	return Date(y+age, m, d)
}

// Age returns the completed years on day at of a child born on birth; a
// negative number of years before birth.
func (r Rules) Age(birth, at time.Time) int {
	birth, at = civil(birth), civil(at)
	age := at.Year() - birth.Year()
	if at.Before(r.Birthday(birth, age)) {
		age--
	}
	return age
}

// Decide applies the rules to a card for c issued on day at: the kind by
// age (under 5, or 5 to 17), the last valid day (the fifth birthday, or the
// day before the seventeenth), cut by the end of the residence permit of a
// foreign child. Errors: ErrNotBorn, ErrTooOld, ErrMarried,
// ErrPermitRequired and ErrPermitExpired, wrapped with the dates.
func (r Rules) Decide(c Child, at time.Time) (Decision, error) {
	birth, at := civil(c.BirthDate), civil(at)
	if at.Before(birth) {
		return Decision{}, fmt.Errorf("%w: issued %s, born %s", ErrNotBorn, isoDate(at), isoDate(birth))
	}
	age := r.Age(birth, at)
	if age >= AdultAge {
		return Decision{}, fmt.Errorf("%w: %d years old on %s", ErrTooOld, age, isoDate(at))
	}
	if c.Married {
		return Decision{}, ErrMarried
	}
	d := Decision{Kind: Under5, Age: age, ValidUntil: r.Birthday(birth, PhotoAge)}
	if age >= PhotoAge {
		d.Kind, d.ValidUntil = From5, r.Birthday(birth, AdultAge).AddDate(0, 0, -1)
	}
	if c.Citizenship == adminduk.WNA {
		if c.PermitUntil.IsZero() {
			return Decision{}, ErrPermitRequired
		}
		p := civil(c.PermitUntil)
		if p.Before(at) {
			return Decision{}, fmt.Errorf("%w: permit until %s, issued %s", ErrPermitExpired, isoDate(p), isoDate(at))
		}
		if p.Before(d.ValidUntil) {
			d.ValidUntil, d.PermitLimited = p, true
		}
	}
	return d, nil
}

// Decide applies the default Rules.
func Decide(c Child, at time.Time) (Decision, error) { return Rules{}.Decide(c, at) }

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func isoDate(t time.Time) string { return t.Format(time.DateOnly) }
