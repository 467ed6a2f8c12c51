package partnership

import (
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Sentinel errors. Every error of this package unwraps to one of them, or
// for a date to [adminduk.ErrInvalidDate]; each unwraps in turn to the shared
// sentinel of package adminduk named in its comment, so that errors.Is(err,
// adminduk.ErrNotFound) holds too. Branch with [errors.Is] and read the
// details with [errors.As].
var (
	// ErrSyntax: a key or term that cannot be parsed (*[ParseError]);
	// [adminduk.ErrSyntax].
	ErrSyntax = adminduk.Sentinel("partnership: invalid syntax", adminduk.ErrSyntax)
	// ErrInvalid: a partner or agreement that breaks a rule, such as an end
	// before its start (*[adminduk.ValidationError]); [adminduk.ErrInvalid].
	ErrInvalid = adminduk.Sentinel("partnership: invalid", adminduk.ErrInvalid)
	// ErrInvalidTransition: an event the lifecycle does not allow in the
	// agreement's state, or not yet (*[TransitionError]);
	// [adminduk.ErrInvalidTransition].
	ErrInvalidTransition = adminduk.Sentinel("partnership: invalid transition", adminduk.ErrInvalidTransition)
	// ErrNotFound: an agreement ID that is not in the collection;
	// [adminduk.ErrNotFound].
	ErrNotFound = adminduk.Sentinel("partnership: not found", adminduk.ErrNotFound)
	// ErrConflict: an operation that clashes with what is recorded, such as
	// renewing an agreement that already has a successor or a duplicate
	// agreement number; [adminduk.ErrConflict].
	ErrConflict = adminduk.Sentinel("partnership: conflict", adminduk.ErrConflict)
	// ErrInconsistent: a stated total that its parts do not sum to
	// (*[TotalError]); [adminduk.ErrInvalid].
	ErrInconsistent = adminduk.Sentinel("partnership: inconsistent figures", adminduk.ErrInvalid)
)

// ParseError reports a string that is not a category, service, state, date
// or term. It unwraps to Err: [ErrSyntax], or for a date the
// *[adminduk.DateError] that unwraps to [adminduk.ErrInvalidDate].
type ParseError struct {
	What  string // "category", "service", "date", ...
	Input string // the input as given
	Msg   string // what is wrong with it
	Err   error  // the sentinel or cause; nil means ErrSyntax
}

// Error returns a message like `partnership: category "hospital": unknown`.
func (e *ParseError) Error() string {
	return "partnership: " + e.What + " " + quote(e.Input) + ": " + e.Msg
}

// Unwrap returns Err, or [ErrSyntax] when Err is nil.
func (e *ParseError) Unwrap() error {
	if e.Err == nil {
		return ErrSyntax
	}
	return e.Err
}

// TransitionError reports an event the lifecycle refuses. It unwraps to
// [ErrInvalidTransition].
type TransitionError struct {
	ID    string // the agreement, when known
	From  State
	Event Event
	Msg   string // why, when the table allows the event but a guard does not
}

// Error returns a message like `partnership: agreement "PKS/1": cannot resume a draft agreement`.
func (e *TransitionError) Error() string {
	var b strings.Builder
	b.WriteString("partnership: ")
	if e.ID != "" {
		b.WriteString("agreement " + quote(e.ID) + ": ")
	}
	b.WriteString("cannot " + e.Event.String() + " " + article(e.From.String()) + " agreement")
	if e.Msg != "" {
		b.WriteString(": " + e.Msg)
	}
	return b.String()
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// TotalError reports a stated total that differs from the sum of its parts.
// It unwraps to [ErrInconsistent].
type TotalError struct {
	Label  string // what was counted, e.g. "health PKS 2023-2024"
	Stated int    // the total as published
	Sum    int    // the sum of Parts
	Parts  []Subtotal
}

// Error returns a message like "partnership: health: stated total 46, but
// its parts sum to 47 (rumah_sakit 8 + klinik 2 + bidan 12 + puskesmas 25)".
func (e *TotalError) Error() string {
	var b strings.Builder
	b.WriteString("partnership: ")
	if e.Label != "" {
		b.WriteString(e.Label + ": ")
	}
	b.WriteString("stated total " + strconv.Itoa(e.Stated) + ", but its parts sum to " + strconv.Itoa(e.Sum))
	if len(e.Parts) > 0 {
		b.WriteString(" (")
		for i, p := range e.Parts {
			if i > 0 {
				b.WriteString(" + ")
			}
			b.WriteString(p.Label + " " + strconv.Itoa(p.N))
		}
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns [ErrInconsistent].
func (e *TotalError) Unwrap() error { return ErrInconsistent }

// quote quotes s for a message, truncated to 60 bytes.
func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return strconv.Quote(s)
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// ErrInputChanged: the input of [StreamReport] read differently the second
// time (another size, other bytes, other rows): it changed while the report
// was written, and the report is not to be trusted; [adminduk.ErrConflict].
var ErrInputChanged = adminduk.Sentinel("partnership: input changed while the report was written", adminduk.ErrConflict)
