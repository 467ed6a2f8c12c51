package adminduk

import (
	"errors"
	"strconv"
)

// Sentinel errors shared by every package of this module, which wrap them in
// their own sentinels (see [Sentinel]) so that errors.Is(err,
// adminduk.ErrNotFound) holds whichever package reported it. An HTTP API can
// map them to status codes: ErrSyntax 400, ErrInvalid 422, ErrNotFound 404,
// ErrConflict and ErrInvalidTransition 409, ErrForbidden 403.
var (
	// ErrSyntax: the input is not in the expected form at all (not 16
	// digits, not YYYY-MM-DD, malformed JSON).
	ErrSyntax = errors.New("adminduk: invalid syntax")
	// ErrInvalid: the input is well formed but a value is not acceptable; a
	// *[ValidationError] and every field sentinel unwrap to it.
	ErrInvalid = errors.New("adminduk: invalid value")
	// ErrNotFound: the thing asked for does not exist.
	ErrNotFound = errors.New("adminduk: not found")
	// ErrConflict: the change conflicts with the current state (a duplicate,
	// a stale version).
	ErrConflict = errors.New("adminduk: conflict")
	// ErrForbidden: the caller may not do this.
	ErrForbidden = errors.New("adminduk: forbidden")
	// ErrInvalidTransition: a state machine does not allow this step from
	// the current state.
	ErrInvalidTransition = Sentinel("adminduk: invalid transition", ErrConflict)
)

// Sentinel errors, one per reason a NIK or KK number is rejected. Every parse
// error unwraps to exactly one of them (ErrSyntax, or one of these three,
// which unwrap to [ErrInvalid]); branch with [errors.Is].
var (
	ErrInvalidDate   = Sentinel("adminduk: invalid date", ErrInvalid)
	ErrUnknownRegion = Sentinel("adminduk: unknown region", ErrInvalid)
	ErrInvalidSerial = Sentinel("adminduk: invalid serial", ErrInvalid)
)

// Sentinel returns a new sentinel error with message msg that unwraps to
// parent, one of the shared sentinels above, so that a package can have its
// own sentinel and still answer errors.Is for the shared one:
//
//	var ErrNotFound = adminduk.Sentinel("partnership: agreement not found", adminduk.ErrNotFound)
//
// Each call returns a distinct error; compare with [errors.Is].
func Sentinel(msg string, parent error) error { return &sentinel{msg, parent} }

type sentinel struct {
	msg    string
	parent error
}

func (s *sentinel) Error() string { return s.msg }
func (s *sentinel) Unwrap() error { return s.parent }

// Reason says why a number was rejected.
type Reason uint8

// Reasons, matching the sentinel errors.
const (
	ReasonSyntax Reason = 1 + iota // not 16 ASCII digits
	ReasonDate                     // no such calendar date
	ReasonRegion                   // region code unknown in every edition
	ReasonSerial                   // serial 0000
)

var reasonNames = [...]string{ReasonSyntax: "syntax", ReasonDate: "date", ReasonRegion: "region", ReasonSerial: "serial"}
var reasonErrs = [...]error{ReasonSyntax: ErrSyntax, ReasonDate: ErrInvalidDate, ReasonRegion: ErrUnknownRegion, ReasonSerial: ErrInvalidSerial}

// IsValid reports whether r is one of the four reasons.
func (r Reason) IsValid() bool { return r != 0 && int(r) < len(reasonNames) }

// String returns "syntax", "date", "region" or "serial", and "Reason(n)"
// for any other value (0 means no reason: the number is valid).
func (r Reason) String() string {
	if !r.IsValid() {
		return "Reason(" + strconv.Itoa(int(r)) + ")"
	}
	return reasonNames[r]
}

// ParseError reports a rejected NIK, KK number or NIP. Its message shows the input
// masked (see [NIK.Masked]) so that it can be logged; the caller still has
// the raw input in Input.
type ParseError struct {
	What   string // "NIK", "KK" or "NIP"
	Input  string // the input as given, unmasked
	Reason Reason
	Msg    string // what is wrong, in English
}

// Error returns a message like `adminduk: NIK "3201********0001": invalid date: 31 February 2023`.
func (e *ParseError) Error() string {
	in := maskInput(e.Input)
	if e.What == "NIP" {
		in = maskDigits(e.Input, 4, 3)
	}
	return "adminduk: " + e.What + " " + strconv.Quote(in) + ": " + e.Msg
}

// Is reports whether target is [ErrInvalidNIP] for an error about a NIP.
func (e *ParseError) Is(target error) bool { return target == ErrInvalidNIP && e.What == "NIP" }

// Unwrap returns the sentinel of e.Reason.
func (e *ParseError) Unwrap() error {
	if e.Reason == 0 || int(e.Reason) >= len(reasonErrs) {
		return nil
	}
	return reasonErrs[e.Reason]
}

// maskInput masks the middle eight characters of a 16-byte input; other
// inputs are shown as they are, truncated to 40 bytes.
func maskInput(s string) string {
	if len(s) == 16 {
		return s[:4] + "********" + s[12:]
	}
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// maskDigits replaces every digit of s after the first keep digits and
// before the last tail digits by '*', keeping other bytes; inputs longer
// than 40 bytes are truncated first.
func maskDigits(s string, keep, tail int) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	total := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			total++
		}
	}
	b := []byte(s)
	seen := 0
	for i, c := range b {
		if c >= '0' && c <= '9' {
			if seen >= keep && seen < total-tail {
				b[i] = '*'
			}
			seen++
		}
	}
	return string(b)
}
