package akta

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Sentinel errors of register numbers. A *[NumberError] unwraps to one of
// them (or to [adminduk.ErrInvalidDate] for a date that does not exist);
// each wraps the shared sentinel of its kind, so errors.Is(err,
// adminduk.ErrSyntax) answers for [ErrSyntax].
var (
	ErrSyntax        = adminduk.Sentinel("akta: invalid number syntax", adminduk.ErrSyntax)
	ErrUnknownType   = adminduk.Sentinel("akta: unknown number type", adminduk.ErrInvalid)
	ErrUnknownOffice = adminduk.Sentinel("akta: unknown issuing office", adminduk.ErrUnknownRegion)
	ErrInvalidSerial = adminduk.Sentinel("akta: invalid serial", adminduk.ErrInvalidSerial)
	ErrLegacy        = adminduk.Sentinel("akta: legacy number not accepted", adminduk.ErrInvalid)
)

// Sentinel errors of records. A field error of Validate or a Decode
// function unwraps to the one of its [adminduk.Code], which wraps the
// shared sentinel of that code (ErrRequired wraps [adminduk.ErrRequired]).
// The *[adminduk.ValidationError] unwraps to all of its field errors, so
// errors.Is(err, ErrRequired) asks whether any field is missing.
var (
	ErrRequired   = adminduk.Sentinel("akta: required field missing", adminduk.ErrRequired)
	ErrInvalid    = adminduk.Sentinel("akta: invalid value", adminduk.ErrInvalid)
	ErrOutOfRange = adminduk.Sentinel("akta: value out of range", adminduk.ErrOutOfRange)
	ErrDateOrder  = adminduk.Sentinel("akta: dates out of order", adminduk.ErrDateOrder)
	ErrMismatch   = adminduk.Sentinel("akta: fields disagree", adminduk.ErrMismatch)
	ErrDuplicate  = adminduk.Sentinel("akta: duplicate person", adminduk.ErrDuplicate)
	ErrUnknown    = adminduk.Sentinel("akta: unknown field", adminduk.ErrUnknownField)
	// ErrJSON: the input is not JSON of the documented shape at all
	// (malformed, not an object, a value of the wrong JSON type). It wraps
	// [adminduk.ErrSyntax].
	ErrJSON = adminduk.Sentinel("akta: malformed JSON", adminduk.ErrSyntax)
)

// ErrUnknownValue is what a *[adminduk.ValueError] of this package's
// enumerations unwraps to; it wraps [adminduk.ErrUnknownValue].
var ErrUnknownValue = adminduk.Sentinel("akta: unknown value", adminduk.ErrUnknownValue)

// Sentinel errors of family-card changes.
var (
	ErrNotMember       = adminduk.Sentinel("akta: not a member of the family", adminduk.ErrNotFound)
	ErrAlreadyMember   = adminduk.Sentinel("akta: already a member of the family", adminduk.ErrConflict)
	ErrFamilyDissolved = adminduk.Sentinel("akta: no member left in the family", adminduk.ErrInvalid)
)

// ErrSequenceExhausted is returned by a [Sequencer] when an office has used
// all 9999 serials of a day. It wraps [adminduk.ErrConflict].
var ErrSequenceExhausted = adminduk.Sentinel("akta: serials exhausted for the day", adminduk.ErrConflict)

// NumberError reports a rejected register number. It unwraps to one of
// [ErrSyntax], [ErrUnknownType], [ErrUnknownOffice],
// [adminduk.ErrInvalidDate], [ErrInvalidSerial] or [ErrLegacy].
type NumberError struct {
	Input string // the input as given
	Err   error  // the sentinel
	Msg   string // what is wrong, in English
}

// Error returns a message like `akta: number "3201-XX-25082023-0001": unknown type "XX"`.
func (e *NumberError) Error() string {
	in := e.Input
	if len(in) > 48 {
		in = in[:48] + "..."
	}
	return "akta: number " + strconv.Quote(in) + ": " + e.Msg
}

// Unwrap returns the sentinel.
func (e *NumberError) Unwrap() error { return e.Err }

// codeErrs maps the codes this package reports to its sentinels.
var codeErrs = map[adminduk.Code]error{
	adminduk.CodeRequired:  ErrRequired,
	adminduk.CodeInvalid:   ErrInvalid,
	adminduk.CodeRange:     ErrOutOfRange,
	adminduk.CodeOrder:     ErrDateOrder,
	adminduk.CodeMismatch:  ErrMismatch,
	adminduk.CodeDuplicate: ErrDuplicate,
	adminduk.CodeUnknown:   ErrUnknown,
}

// checker collects field errors and warnings with this package's
// sentinels. Pointers are JSON pointers into akta.json or kk.json.
type checker struct {
	adminduk.Checker
}

func newChecker(what string) *checker {
	return &checker{adminduk.Checker{What: what}}
}

func fieldError(p adminduk.Pointer, code adminduk.Code, id, en string, cause error) adminduk.FieldError {
	return adminduk.FieldError{Pointer: p, Code: code, Indonesian: id, English: en, Err: codeErrs[code], Cause: cause}
}

func (c *checker) add(p adminduk.Pointer, code adminduk.Code, id, en string) {
	c.Add(fieldError(p, code, id, en, nil))
}

func (c *checker) addErr(p adminduk.Pointer, code adminduk.Code, id, en string, err error) {
	c.Add(fieldError(p, code, id, en, err))
}

func (c *checker) has(p adminduk.Pointer) bool { return c.Has(p) }

func (c *checker) required(p adminduk.Pointer) {
	c.add(p, adminduk.CodeRequired, "wajib diisi", "is required")
}

func (c *checker) err() error { return c.Err() }

// list returns the errors recorded, for the Warnings methods, which
// collect their warnings with the same checks as Validate.
func (c *checker) list() []adminduk.FieldError {
	if ve, ok := c.Err().(*adminduk.ValidationError); ok {
		return ve.Fields
	}
	return nil
}
