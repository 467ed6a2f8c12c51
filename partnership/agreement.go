package partnership

import (
	"github.com/adminduk-id/adminduk/adminduk"
)

// Agreement is one PKS between the Dinas and a partner. It is a plain value:
// the caller stores it (the registry keeps it in its database) and changes
// its State only through [Agreement.Apply] and [Agreement.Renew], which
// record each change in its Journal.
type Agreement struct {
	// ID identifies the agreement in storage; the caller assigns it.
	ID string `json:"id"`
	// Number is the Dinas's number of the agreement, e.g.
	// "470/012/PKS-DUKCAPIL/2023".
	Number string `json:"number"`
	// PartnerNumber is the partner's own number of the same agreement.
	PartnerNumber string  `json:"partner_number,omitempty"`
	Partner       Partner `json:"partner"`
	Scope         Scope   `json:"scope"`
	// Signed is the day both parties signed; zero for a draft.
	Signed adminduk.Date `json:"signed,omitzero"`
	// Start and End are the first and last days of the term, inclusive.
	Start adminduk.Date `json:"start,omitzero"`
	End   adminduk.Date `json:"end,omitzero"`
	// Term is the length the agreement was signed for, when it is a whole
	// number of months; End is authoritative.
	Term  Term  `json:"term,omitzero"`
	State State `json:"state"`
	// Predecessor and Successor are the IDs of the agreement this one
	// renews and of the one that renews it.
	Predecessor string  `json:"predecessor,omitempty"`
	Successor   string  `json:"successor,omitempty"`
	Journal     Journal `json:"journal,omitempty"`
}

// Scope is what an agreement covers.
type Scope struct {
	Services Services `json:"services"`
	// Benefit holds the discount terms of a KIA-benefit agreement; it must
	// be zero unless Services has [KIABenefit].
	Benefit BenefitTerms `json:"benefit,omitzero"`
}

// BenefitTerms is what a merchant or tourism site gives KIA holders.
type BenefitTerms struct {
	Percent int    `json:"percent,omitempty"` // discount in percent, 0-100; 0 when not a percentage
	Terms   string `json:"terms,omitempty"`   // what it applies to and on which conditions
}

// IsZero reports whether b holds no terms.
func (b BenefitTerms) IsZero() bool { return b.Percent == 0 && b.Terms == "" }

// StatusOn returns the state the agreement is in on day d, derived from its
// recorded State and its dates: a signed, active or suspended agreement is a
// [Draft] before the day it was signed (nobody had signed it yet); a signed
// or active one is then [Signed] before its start, [Active] from start to
// end, and [Expired] after its end even when nobody recorded the expiry; a
// suspended one is [Expired] after its end. Draft, expired and terminated
// agreements stay what they are. (The recorded State is taken as current;
// StatusOn does not replay the journal.)
func (a *Agreement) StatusOn(d adminduk.Date) State {
	if (a.State == Signed || a.State == Active || a.State == Suspended) && !a.Signed.IsZero() && d.Before(a.Signed) {
		return Draft
	}
	switch a.State {
	case Signed, Active:
		switch {
		case !a.Start.IsZero() && d.Before(a.Start):
			return Signed
		case !a.End.IsZero() && d.After(a.End):
			return Expired
		}
		return Active
	case Suspended:
		if !a.End.IsZero() && d.After(a.End) {
			return Expired
		}
	}
	return a.State
}

// InForce reports whether the agreement is active on day d.
func (a *Agreement) InForce(d adminduk.Date) bool { return a.StatusOn(d) == Active }

// DaysLeft returns the number of days from d to the last day of the term (0
// on the last day, negative once it has passed), and false for a draft, a
// terminated agreement or one without an end date.
func (a *Agreement) DaysLeft(d adminduk.Date) (int, bool) {
	if a.End.IsZero() || a.State == Draft || a.State == Terminated {
		return 0, false
	}
	return d.DaysUntil(a.End), true
}

// Permits reports whether the agreement lets its partner use service s on
// day d: it is in force that day and its scope has s.
func (a *Agreement) Permits(s Service, d adminduk.Date) bool {
	return a.Scope.Services.Has(s) && a.InForce(d)
}

// termBetween returns the term from start to end inclusive when it is a
// whole number of months, the zero Term otherwise.
func termBetween(start, end adminduk.Date) Term {
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return Term{}
	}
	next := end.AddDays(1)
	months := (next.Year()-start.Year())*12 + int(next.Month()) - int(start.Month())
	// A start late in the month normalises into the next one (29 February
	// plus two years is 1 March), so one month fewer may be the term.
	for _, m := range []int{months - 1, months} {
		if m <= 0 || m > 99*12 {
			continue
		}
		if t := (Term{Years: m / 12, Months: m % 12}); t.End(start) == end {
			return t
		}
	}
	return Term{}
}
