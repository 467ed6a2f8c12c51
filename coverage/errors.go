package coverage

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error of this package unwraps to one of them; branch
// with [errors.Is] and read the details with [errors.As].
var (
	// ErrSyntax: a percent, date, indicator or CSV field that cannot be
	// parsed (*[ParseError], *[RowError]).
	ErrSyntax = errors.New("coverage: invalid syntax")
	// ErrInvalid: figures or options that break a rule, such as a negative
	// count, no children required, or a target above 100 %
	// (*[ValidationError], *[RowError] for a row that contradicts itself).
	ErrInvalid = errors.New("coverage: invalid")
	// ErrRange: a result too large to represent, such as a percent of more
	// than 92 trillion.
	ErrRange = errors.New("coverage: out of range")
	// ErrUnknownRegion: a region code that appears in no Kemendagri
	// edition, or that has no population figure (*[RowError]).
	ErrUnknownRegion = errors.New("coverage: unknown region")
	// ErrNotFound: no target for an indicator and year, or no such
	// kab/kota in the population table.
	ErrNotFound = errors.New("coverage: not found")
)

// ParseError reports a string that is not a percent, indicator, date or
// other value. It unwraps to [ErrSyntax].
type ParseError struct {
	What  string // "percent", "indicator", "date", ...
	Input string // the input as given
	Msg   string // what is wrong with it
}

// Error returns a message like `coverage: percent "9x": want digits`.
func (e *ParseError) Error() string {
	return "coverage: " + e.What + " " + quote(e.Input) + ": " + e.Msg
}

// Unwrap returns [ErrSyntax].
func (e *ParseError) Unwrap() error { return ErrSyntax }

// ValidationError reports a figure or option that breaks a rule. It unwraps
// to Err, [ErrInvalid] when Err is nil.
type ValidationError struct {
	Field string // "required", "target", "ages", ...
	Msg   string
	Err   error // the sentinel; nil means ErrInvalid
}

// Error returns a message like "coverage: required: -3 is negative".
func (e *ValidationError) Error() string { return "coverage: " + e.Field + ": " + e.Msg }

// Unwrap returns the sentinel.
func (e *ValidationError) Unwrap() error {
	if e.Err == nil {
		return ErrInvalid
	}
	return e.Err
}

// RowError reports a CSV row that was skipped: its line number, the column
// at fault and why. It unwraps to Err ([ErrSyntax], [ErrInvalid] or
// [ErrUnknownRegion]). Input is shortened, and a NIK in it masked, so the
// error may be shown to other parties.
type RowError struct {
	Line   int    // 1-based line number in the file
	Column string // the column name, "" for the row as a whole
	Input  string // the offending field, masked and shortened
	Msg    string
	Err    error
}

// Error returns a message like `coverage: line 12: birth_date "2023-02-30": not a calendar date`.
func (e *RowError) Error() string {
	s := "coverage: line " + strconv.Itoa(e.Line)
	if e.Column != "" {
		s += ": " + e.Column
		if e.Input != "" {
			s += " " + quote(e.Input)
		}
	}
	return s + ": " + e.Msg
}

// Unwrap returns the sentinel.
func (e *RowError) Unwrap() error { return e.Err }

// quote quotes s for a message, truncated to 60 bytes.
func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return strconv.Quote(s)
}
