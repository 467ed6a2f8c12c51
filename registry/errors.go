package registry

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
)

// Sentinel errors of the registry. Each unwraps to the shared sentinel of
// package adminduk of the same name, so errors.Is(err, adminduk.ErrNotFound)
// holds as well.
var (
	ErrNotFound          = adminduk.Sentinel("registry: not found", adminduk.ErrNotFound)
	ErrConflict          = adminduk.Sentinel("registry: conflict", adminduk.ErrConflict)
	ErrForbidden         = adminduk.Sentinel("registry: forbidden", adminduk.ErrForbidden)
	ErrInvalidTransition = adminduk.Sentinel("registry: invalid transition", adminduk.ErrInvalidTransition)
	// ErrExhausted: a sequence (NIK serials of a kecamatan and date, akta
	// serials of an office and day) has handed out its 9999 serials.
	ErrExhausted = adminduk.Sentinel("registry: serials exhausted", adminduk.ErrConflict)
)

// TransitionError reports a step that the transition table does not allow
// from the report's current status. It unwraps to [ErrInvalidTransition].
type TransitionError struct {
	ReportID string
	From     Status // 0: the report does not exist yet
	Action   ActionType
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("registry: report %q: cannot %s from status %s", e.ReportID, e.Action, e.From)
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// ForbidReason says why a partner may not submit.
type ForbidReason int

// Reasons a submission is refused.
const (
	ReasonNoAgreement     ForbidReason = 1 + iota // the partner has no agreement at all
	ReasonNotCovered                              // no agreement covers the service
	ReasonExpired                                 // the covering agreement ended (Date: its last day)
	ReasonSuspended                               // the covering agreement is suspended
	ReasonNotYetActive                            // the covering agreement starts later (Date: its first day)
	ReasonTerminated                              // the covering agreement was terminated or never signed
	ReasonOfficeNotServed                         // the agreement's kab/kota is not an office of this service
)

var forbidReasons = [...]string{
	ReasonNoAgreement: "no agreement", ReasonNotCovered: "service not covered",
	ReasonExpired: "agreement expired", ReasonSuspended: "agreement suspended",
	ReasonNotYetActive: "agreement not yet in force", ReasonTerminated: "agreement terminated",
	ReasonOfficeNotServed: "office not served",
}

// String returns the reason in English, lower case.
func (r ForbidReason) String() string {
	if r <= 0 || int(r) >= len(forbidReasons) {
		return fmt.Sprintf("ForbidReason(%d)", int(r))
	}
	return forbidReasons[r]
}

// ForbiddenError reports a partner that may not use a service on a day,
// with the reason. It unwraps to [ErrForbidden].
type ForbiddenError struct {
	PartnerID   string
	Service     partnership.Service
	Day         adminduk.Date
	Reason      ForbidReason
	AgreementID string        // the agreement the reason is about, if any
	Date        adminduk.Date // the end (expired) or start (not yet active) of that agreement
}

func (e *ForbiddenError) Error() string {
	msg := fmt.Sprintf("registry: partner %q may not use %s on %s: %s", e.PartnerID, e.Service, e.Day, e.Reason)
	switch e.Reason {
	case ReasonExpired:
		msg += " on " + e.Date.String()
	case ReasonNotYetActive:
		msg += " until " + e.Date.String()
	}
	if e.AgreementID != "" {
		msg += fmt.Sprintf(" (agreement %q)", e.AgreementID)
	}
	return msg
}

// Unwrap returns [ErrForbidden].
func (e *ForbiddenError) Unwrap() error { return ErrForbidden }

// ConflictError reports a submission that conflicts with an earlier one: an
// idempotency key or an external_ref used before with another body.
// It unwraps to [ErrConflict].
type ConflictError struct {
	PartnerID string
	Field     string // "idempotency_key" or "external_ref"
	Value     string
	ReportID  string // the earlier report
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("registry: partner %q: %s %q already used for report %q with another body",
		e.PartnerID, e.Field, e.Value, e.ReportID)
}

// Unwrap returns [ErrConflict].
func (e *ConflictError) Unwrap() error { return ErrConflict }
