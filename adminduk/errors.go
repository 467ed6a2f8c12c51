package adminduk

import (
	"errors"
	"strconv"
)

// Sentinel errors, one per reason a NIK or KK number is rejected. Every parse
// error unwraps to exactly one of them; branch with [errors.Is].
var (
	ErrSyntax        = errors.New("adminduk: invalid syntax")
	ErrInvalidDate   = errors.New("adminduk: invalid date")
	ErrUnknownRegion = errors.New("adminduk: unknown region")
	ErrInvalidSerial = errors.New("adminduk: invalid serial")
)

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

// String returns "syntax", "date", "region" or "serial".
func (r Reason) String() string {
	if r == 0 || int(r) >= len(reasonNames) {
		return "reason(" + strconv.Itoa(int(r)) + ")"
	}
	return reasonNames[r]
}

// ParseError reports a rejected NIK or KK number. Its message shows the input
// masked (see [NIK.Masked]) so that it can be logged; the caller still has
// the raw input in Input.
type ParseError struct {
	What   string // "NIK" or "KK"
	Input  string // the input as given, unmasked
	Reason Reason
	Msg    string // what is wrong, in English
}

// Error returns a message like `adminduk: NIK "3201********0001": invalid date: 31 February 2023`.
func (e *ParseError) Error() string {
	return "adminduk: " + e.What + " " + strconv.Quote(maskInput(e.Input)) + ": " + e.Msg
}

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
