package registry

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// ErrIncomplete reports a step (verify, register) refused because the report
// still lacks what registration needs: the reporter, the proof, the parent
// case or the father it calls for, the birth order or the attendant. It
// unwraps to [ErrInvalidTransition]: the report may not take the step yet.
var ErrIncomplete = adminduk.Sentinel("registry: report incomplete", ErrInvalidTransition)

// IncompleteError is the typed form of [ErrIncomplete]: the report, the step
// refused and what is missing (or wrong), as field errors of the report's
// JSON. It unwraps to [ErrIncomplete].
type IncompleteError struct {
	ReportID string
	Action   ActionType
	Missing  []adminduk.FieldError
}

func (e *IncompleteError) Error() string {
	ps := make([]string, len(e.Missing))
	for i := range e.Missing {
		ps[i] = string(e.Missing[i].Pointer)
	}
	return fmt.Sprintf("registry: report %q: cannot %s an incomplete report (missing or invalid: %s)",
		e.ReportID, e.Action, strings.Join(ps, ", "))
}

// Unwrap returns [ErrIncomplete].
func (e *IncompleteError) Unwrap() error { return ErrIncomplete }

// ValidateNotify checks the report as [Service.NotifyBirth] does: what a faskes
// has at discharge is enough to notify. It returns as err a
// *[adminduk.ValidationError] listing the problems that prevent notification
// (everything [BirthReport.Validate] finds except what is merely missing),
// and as missing the fields the Dinas must still collect before it can
// verify and register the birth:
//
//   - the reporter (/reporter/nik, /reporter/name);
//   - the proof (/proof) and the faskes certificate it calls for (/certificate);
//   - the parent case (/parents), the father it calls for (/father), the
//     proof of marriage (/marriage) and the two witnesses of an SPTJM (/witnesses);
//   - the birth order (/child/birth_order) and the attendant (/child/attendant).
//
// A report with something missing is stored with [FlagIncomplete]; Verify and
// Register refuse it (*[IncompleteError]) until a resubmission completes it.
// What is given is always checked: a malformed father NIK is an error even
// while the parent case is still unknown.
func (r *BirthReport) ValidateNotify() (missing []adminduk.FieldError, err error) {
	c := adminduk.Checker{What: "registry: invalid birth report"}
	if full := r.Validate(); full != nil {
		ve, ok := full.(*adminduk.ValidationError)
		if !ok {
			return nil, full
		}
		for _, f := range ve.Fields {
			if r.deferred(f) {
				missing = append(missing, f)
			} else {
				c.Add(f)
			}
		}
	}
	if r.Parents == "" {
		// Validate checks the father and the marriage only under a parent
		// case; what is given is checked all the same.
		if r.Father != nil {
			r.Father.check(&c, adminduk.NewPointer("father"), false)
		}
		if r.Marriage != nil {
			if !r.Marriage.Kind.IsValid() {
				c.AddCode(adminduk.NewPointer("marriage", "kind"), adminduk.CodeInvalid,
					"harus buku-nikah atau akta-perkawinan", "must be buku-nikah or akta-perkawinan")
			}
			checkRequiredText(&c, adminduk.NewPointer("marriage", "number"), r.Marriage.Number, 100)
		}
	}
	return missing, c.Err()
}

// deferred reports whether f, an error of the full check, only says that
// something needed to register (not to notify) is missing.
func (r *BirthReport) deferred(f adminduk.FieldError) bool {
	switch f.Pointer {
	case "/reporter/nik", "/reporter/name", "/proof", "/certificate", "/parents", "/father", "/marriage",
		"/child/birth_order":
		return f.Code == adminduk.CodeRequired
	case "/child/attendant":
		return r.Child.Attendant == ""
	case "/witnesses":
		return f.Code == adminduk.CodeRange && len(r.Witnesses) == 0
	}
	return false
}

// notifyBirth is a birth report checked for notification: Validate is
// [BirthReport.ValidateNotify], the JSON that of the report.
type notifyBirth struct{ r *BirthReport }

func (n notifyBirth) Validate() error {
	_, err := n.r.ValidateNotify()
	return err
}

func (n notifyBirth) MarshalJSON() ([]byte, error) { return json.Marshal(n.r) }

// checkComplete refuses step a on a birth report that does not pass the
// full [BirthReport.Validate]; other kinds are complete once notified.
func checkComplete(r *Report, a ActionType) error {
	if r.Kind != KindBirth {
		return nil
	}
	b, err := r.Birth()
	if err != nil {
		return err
	}
	return checkBirthComplete(r, b, a)
}

// checkBirthComplete is checkComplete of birth report r, its body decoded
// as b.
func checkBirthComplete(r *Report, b *BirthReport, a ActionType) error {
	err := b.Validate()
	if err == nil {
		return nil
	}
	ve, ok := err.(*adminduk.ValidationError)
	if !ok {
		return err
	}
	return &IncompleteError{ReportID: r.ID, Action: a, Missing: ve.Fields}
}
