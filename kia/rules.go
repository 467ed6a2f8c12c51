package kia

import (
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Eligibility errors: why a child cannot get a KIA on a given day. Each
// wraps [ErrIneligible] (and so [adminduk.ErrInvalid]).
var (
	ErrTooOld         = adminduk.Sentinel("kia: child is 17 or older", ErrIneligible)
	ErrMarried        = adminduk.Sentinel("kia: child is or has been married", ErrIneligible)
	ErrNotBorn        = adminduk.Sentinel("kia: issue date before birth", ErrIneligible)
	ErrPermitRequired = adminduk.Sentinel("kia: foreign child without a residence permit end date", ErrIneligible)
	ErrPermitExpired  = adminduk.Sentinel("kia: residence permit ended before the issue date", ErrIneligible)
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

// IsValid reports whether l is March1 or Feb28.
func (l LeapDay) IsValid() bool { return l == March1 || l == Feb28 }

// String returns "march1" or "feb28", and "LeapDay(n)" for any other
// value.
func (l LeapDay) String() string {
	switch l {
	case March1:
		return "march1"
	case Feb28:
		return "feb28"
	}
	return fmt.Sprintf("LeapDay(%d)", l)
}

// Text returns the rule in language l: "1 Maret" or "1 March", "28
// Februari" or "28 February"; "" for a value that is not valid.
func (l LeapDay) Text(lang adminduk.Lang) string {
	switch l {
	case March1:
		return "1 " + adminduk.MonthName(time.March, lang)
	case Feb28:
		return "28 " + adminduk.MonthName(time.February, lang)
	}
	return ""
}

// Rules compute kinds, ages and validity. The zero Rules is the default.
type Rules struct {
	LeapDay LeapDay
	// Now is the clock Validate reads to refuse an issue date in the
	// future; nil means time.Now. Today is the calendar date in WIB.
	Now func() time.Time
}

// today returns the current calendar date in WIB.
func (r Rules) today() adminduk.Date {
	if r.Now == nil {
		return adminduk.Today()
	}
	return adminduk.DateOf(r.Now().In(adminduk.WIB))
}

// Child is what the rules need to know about a child.
type Child struct {
	BirthDate   adminduk.Date
	Citizenship adminduk.Citizenship
	// PermitUntil is the last day of the parents' residence permit (KITAP),
	// required for a foreign (WNA) child.
	PermitUntil adminduk.Date
	Married     bool
}

// Decision is what the rules say about a card issued on a given day.
type Decision struct {
	Kind Kind
	Age  int // completed years on the issue date
	// ValidUntil is the last day the card is valid.
	ValidUntil adminduk.Date
	// PermitLimited reports that the residence permit ends before the
	// rule's date and so ends the card.
	PermitLimited bool
}

// Birthday returns the day the child born on birth turns age: for a child
// born on 29 February, 1 March or 28 February of a common year as
// r.LeapDay says.
func (r Rules) Birthday(birth adminduk.Date, age int) adminduk.Date {
	if r.LeapDay == Feb28 {
		return birth.AddYears(age, adminduk.Feb28)
	}
	return birth.AddYears(age, adminduk.March1)
}

// Age returns the completed years on day at of a child born on birth; a
// negative number of years before birth.
func (r Rules) Age(birth, at adminduk.Date) int {
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
func (r Rules) Decide(c Child, at adminduk.Date) (Decision, error) {
	birth := c.BirthDate
	switch {
	case birth.IsZero():
		return Decision{}, fmt.Errorf("%w: no birth date", ErrInvalid)
	case at.IsZero():
		return Decision{}, fmt.Errorf("%w: no issue date", ErrInvalid)
	}
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
		d.Kind, d.ValidUntil = From5, r.Birthday(birth, AdultAge).AddDays(-1)
	}
	if c.Citizenship == adminduk.WNA {
		if c.PermitUntil.IsZero() {
			return Decision{}, ErrPermitRequired
		}
		p := c.PermitUntil
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
func Decide(c Child, at adminduk.Date) (Decision, error) { return Rules{}.Decide(c, at) }

func isoDate(d adminduk.Date) string { return d.String() }
