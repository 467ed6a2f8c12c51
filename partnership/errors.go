package partnership

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error of this package unwraps to one of them; branch
// with [errors.Is] and read the details with [errors.As].
var (
	// ErrSyntax: a key, date or term that cannot be parsed (*[ParseError]).
	ErrSyntax = errors.New("partnership: invalid syntax")
	// ErrInvalid: a partner or agreement that breaks a rule, such as an end
	// before its start (*[ValidationError]).
	ErrInvalid = errors.New("partnership: invalid")
	// ErrInvalidTransition: an event the lifecycle does not allow in the
	// agreement's state, or not yet (*[TransitionError]).
	ErrInvalidTransition = errors.New("partnership: invalid transition")
	// ErrNotFound: an agreement ID that is not in the collection.
	ErrNotFound = errors.New("partnership: not found")
	// ErrConflict: an operation that clashes with what is recorded, such as
	// renewing an agreement that already has a successor or a duplicate
	// agreement number.
	ErrConflict = errors.New("partnership: conflict")
	// ErrInconsistent: a stated total that its parts do not sum to
	// (*[TotalError]).
	ErrInconsistent = errors.New("partnership: inconsistent figures")
)

// ParseError reports a string that is not a category, service, state, date
// or term. It unwraps to [ErrSyntax].
type ParseError struct {
	What  string // "category", "service", "date", ...
	Input string // the input as given
	Msg   string // what is wrong with it
}

// Error returns a message like `partnership: category "hospital": unknown`.
func (e *ParseError) Error() string {
	return "partnership: " + e.What + " " + quote(e.Input) + ": " + e.Msg
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// ValidationError reports a field of a partner or agreement that breaks a
// rule. It unwraps to Err, [ErrInvalid] unless another sentinel fits better
// (a duplicate number is [ErrConflict]).
type ValidationError struct {
	Field string // "number", "partner", "end", ...
	Msg   string
	Err   error // the sentinel; nil means ErrInvalid
}

// Error returns a message like "partnership: end: 2023-01-01 is before start 2024-01-01".
func (e *ValidationError) Error() string { return "partnership: " + e.Field + ": " + e.Msg }

// Unwrap returns the sentinel.
func (e *ValidationError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalid
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
