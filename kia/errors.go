package kia

import (
	"errors"
	"strings"
)

// Sentinel errors of card fields. A *[FieldError] unwraps to the one of its
// [Code] (and to the eligibility error behind it, such as [ErrTooOld]); the
// [ValidationError] returned by Card.Validate unwraps to all of its field
// errors, so errors.Is(err, ErrRequired) asks whether any field is missing.
var (
	ErrRequired    = errors.New("kia: required field missing")
	ErrInvalid     = errors.New("kia: invalid value")
	ErrRegion      = errors.New("kia: region unknown or outside the issuing kab/kota")
	ErrMismatch    = errors.New("kia: fields disagree")
	ErrNotAllowed  = errors.New("kia: field not allowed here")
	ErrUnknown     = errors.New("kia: unknown field")
	ErrReplacement = errors.New("kia: replacement reason does not apply")
	ErrIneligible  = errors.New("kia: child not eligible")
)

// Code classifies a [FieldError]. Codes are stable strings, fit for APIs
// and forms.
type Code string

// Field error codes and the sentinel each unwraps to.
const (
	CodeRequired    Code = "required"    // ErrRequired: missing
	CodeInvalid     Code = "invalid"     // ErrInvalid: malformed or too long
	CodeRegion      Code = "region"      // ErrRegion: unknown region, or not in the issuing kab/kota
	CodeMismatch    Code = "mismatch"    // ErrMismatch: disagrees with another field (warnings: with the NIK)
	CodeNotAllowed  Code = "not_allowed" // ErrNotAllowed: given where it has no place
	CodeUnknown     Code = "unknown"     // ErrUnknown: unknown JSON field
	CodeReplacement Code = "replacement" // ErrReplacement
	CodeIneligible  Code = "ineligible"  // ErrIneligible, and one of ErrTooOld, ErrMarried, ErrNotBorn, ErrPermitRequired, ErrPermitExpired
)

var codeErrs = map[Code]error{
	CodeRequired:    ErrRequired,
	CodeInvalid:     ErrInvalid,
	CodeRegion:      ErrRegion,
	CodeMismatch:    ErrMismatch,
	CodeNotAllowed:  ErrNotAllowed,
	CodeUnknown:     ErrUnknown,
	CodeReplacement: ErrReplacement,
	CodeIneligible:  ErrIneligible,
}

// FieldError is one problem with one field of a card, an error or a
// warning. Field is the path of the field in card.json ("birth_date",
// "address.village"); Message and English say what is wrong for an
// Indonesian officer and an English reader. It unwraps to the sentinel of
// its Code and to the underlying error, if any (a NIK's
// *adminduk.ParseError, or ErrTooOld).
type FieldError struct {
	Field   string
	Code    Code
	Message string // Indonesian
	English string
	Err     error
}

// Error returns "kia: <field>: <English message>".
func (e *FieldError) Error() string { return "kia: " + e.Field + ": " + e.English }

// Unwrap returns the sentinel of e.Code and the underlying error, if any.
func (e *FieldError) Unwrap() []error {
	errs := make([]error, 0, 2)
	if s := codeErrs[e.Code]; s != nil {
		errs = append(errs, s)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// ValidationError lists every problem found in a card, in field order.
// errors.As(err, &fe) with fe a *FieldError finds the first; errors.Is
// finds any sentinel.
type ValidationError struct {
	Fields []*FieldError
}

// Error lists the fields: `kia: invalid card: name: is required; ...`.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("kia: invalid card: ")
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
type checker struct{ errs []*FieldError }

func (c *checker) add(field string, code Code, id, en string) {
	c.errs = append(c.errs, &FieldError{Field: field, Code: code, Message: id, English: en})
}

func (c *checker) addErr(field string, code Code, id, en string, err error) {
	c.errs = append(c.errs, &FieldError{Field: field, Code: code, Message: id, English: en, Err: err})
}

func (c *checker) required(field string) {
	c.add(field, CodeRequired, "wajib diisi", "is required")
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
	return &ValidationError{Fields: c.errs}
}
