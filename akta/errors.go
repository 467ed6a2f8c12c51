package akta

import (
	"errors"
	"github.com/adminduk-id/adminduk/adminduk"
	"strconv"
	"strings"
)

// Sentinel errors of register numbers. A *[NumberError] unwraps to one of
// them.
var (
	ErrSyntax        = errors.New("akta: invalid number syntax")
	ErrUnknownType   = errors.New("akta: unknown number type")
	ErrUnknownOffice = errors.New("akta: unknown issuing office")
	ErrInvalidDate   = adminduk.ErrInvalidDate // shared with adminduk.Date
	ErrInvalidSerial = errors.New("akta: invalid serial")
	ErrLegacy        = errors.New("akta: legacy number not accepted")
)

// Sentinel errors of records. A *[FieldError] unwraps to the one of its
// [Code]; the [ValidationError] returned by Validate unwraps to all of its
// field errors, so errors.Is(err, ErrRequired) asks whether any field is
// missing.
var (
	ErrRequired   = errors.New("akta: required field missing")
	ErrInvalid    = errors.New("akta: invalid value")
	ErrOutOfRange = errors.New("akta: value out of range")
	ErrDateOrder  = errors.New("akta: dates out of order")
	ErrMismatch   = errors.New("akta: fields disagree")
	ErrDuplicate  = errors.New("akta: duplicate person")
	ErrUnknown    = errors.New("akta: unknown field")
)

// Sentinel errors of family-card changes.
var (
	ErrNotMember       = errors.New("akta: not a member of the family")
	ErrAlreadyMember   = errors.New("akta: already a member of the family")
	ErrFamilyDissolved = errors.New("akta: no member left in the family")
)

// ErrSequenceExhausted is returned by a [Sequencer] when an office has used
// all 9999 serials of a day.
var ErrSequenceExhausted = errors.New("akta: serials exhausted for the day")

// NumberError reports a rejected register number. It unwraps to one of
// [ErrSyntax], [ErrUnknownType], [ErrUnknownOffice], [ErrInvalidDate],
// [ErrInvalidSerial] or [ErrLegacy].
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

// Code classifies a [FieldError]. Codes are stable strings, fit for APIs
// and forms.
type Code string

// Field error codes and the sentinel each unwraps to.
const (
	CodeRequired  Code = "required"  // ErrRequired: missing
	CodeInvalid   Code = "invalid"   // ErrInvalid: malformed (bad NIK, date, enum value)
	CodeRange     Code = "range"     // ErrOutOfRange: outside the allowed range or count
	CodeDateOrder Code = "order"     // ErrDateOrder: before/after another date
	CodeMismatch  Code = "mismatch"  // ErrMismatch: disagrees with another field
	CodeDuplicate Code = "duplicate" // ErrDuplicate: same NIK twice
	CodeUnknown   Code = "unknown"   // ErrUnknown: unknown JSON field
)

var codeErrs = map[Code]error{
	CodeRequired:  ErrRequired,
	CodeInvalid:   ErrInvalid,
	CodeRange:     ErrOutOfRange,
	CodeDateOrder: ErrDateOrder,
	CodeMismatch:  ErrMismatch,
	CodeDuplicate: ErrDuplicate,
	CodeUnknown:   ErrUnknown,
}

// FieldError is one problem with one field of a record. Field is the path of
// the field in akta.json ("child.birth_date", "witnesses[1].nik"); Message
// and English say what is wrong for an Indonesian officer and an English
// reader. It unwraps to the sentinel of its Code and, when a parser
// rejected the value, to that parser's error too (a NIK's
// *adminduk.ParseError).
type FieldError struct {
	Field   string
	Code    Code
	Message string // Indonesian
	English string
	Err     error // the underlying parse error, if any
}

// Error returns "akta: <field>: <English message>".
func (e *FieldError) Error() string {
	return "akta: " + e.Field + ": " + e.English
}

// Unwrap returns the sentinel of e.Code and the underlying error, if any.
func (e *FieldError) Unwrap() []error {
	errs := []error{codeErrs[e.Code]}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// ValidationError lists every problem found in a record, in field order.
// errors.As(err, &fe) with fe a *FieldError finds the first; errors.Is finds
// any sentinel.
type ValidationError struct {
	Kind   string // "kelahiran", "kematian" or "kk"
	Fields []*FieldError
}

// Error lists the fields: `akta: invalid kelahiran: child.name: required; ...`.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("akta: invalid ")
	b.WriteString(e.Kind)
	b.WriteString(": ")
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Field)
		b.WriteString(": ")
		b.WriteString(f.English)
	}
	return b.String()
}

// Unwrap returns the field errors.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Fields))
	for i, f := range e.Fields {
		errs[i] = f
	}
	return errs
}

// Field returns the first error of the field at path, or nil.
func (e *ValidationError) Field(path string) *FieldError {
	for _, f := range e.Fields {
		if f.Field == path {
			return f
		}
	}
	return nil
}

// checker collects field errors.
type checker struct {
	kind string
	errs []*FieldError
}

func (c *checker) add(field string, code Code, id, en string) {
	c.errs = append(c.errs, &FieldError{Field: field, Code: code, Message: id, English: en})
}

func (c *checker) addErr(field string, code Code, id, en string, err error) {
	c.errs = append(c.errs, &FieldError{Field: field, Code: code, Message: id, English: en, Err: err})
}

func (c *checker) has(field string) bool {
	for _, f := range c.errs {
		if f.Field == field {
			return true
		}
	}
	return false
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{Kind: c.kind, Fields: c.errs}
}

func (c *checker) required(field string) {
	c.add(field, CodeRequired, "wajib diisi", "is required")
}
