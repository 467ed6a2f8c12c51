package adminduk

import "strings"

// Field sentinels: a [FieldError] unwraps to the one of its [Code] unless it
// names its own. All of them unwrap to [ErrInvalid].
var (
	ErrRequired     = Sentinel("adminduk: required field missing", ErrInvalid)
	ErrOutOfRange   = Sentinel("adminduk: value out of range", ErrInvalid)
	ErrDateOrder    = Sentinel("adminduk: dates out of order", ErrInvalid)
	ErrMismatch     = Sentinel("adminduk: fields disagree", ErrInvalid)
	ErrDuplicate    = Sentinel("adminduk: duplicate value", ErrInvalid)
	ErrUnknownField = Sentinel("adminduk: unknown field", ErrInvalid)
	ErrNotAllowed   = Sentinel("adminduk: field not allowed here", ErrInvalid)
)

// Code classifies a [FieldError] with a stable, machine-readable string for
// APIs and forms. Packages may add codes of their own ("ineligible").
type Code string

// Field error codes and the sentinel each unwraps to by default.
const (
	CodeRequired   Code = "required"    // ErrRequired: missing
	CodeInvalid    Code = "invalid"     // ErrInvalid: malformed (a bad NIK, date or enum value) or too long
	CodeRange      Code = "range"       // ErrOutOfRange: outside the allowed range or count
	CodeOrder      Code = "order"       // ErrDateOrder: before or after another date
	CodeMismatch   Code = "mismatch"    // ErrMismatch: disagrees with another field
	CodeDuplicate  Code = "duplicate"   // ErrDuplicate: the same value twice (a NIK)
	CodeUnknown    Code = "unknown"     // ErrUnknownField: a field the input format does not have
	CodeNotAllowed Code = "not_allowed" // ErrNotAllowed: given where it has no place
	CodeRegion     Code = "region"      // ErrUnknownRegion: unknown region code, or one outside the allowed area
)

var codeErrs = map[Code]error{
	CodeRequired:   ErrRequired,
	CodeInvalid:    ErrInvalid,
	CodeRange:      ErrOutOfRange,
	CodeOrder:      ErrDateOrder,
	CodeMismatch:   ErrMismatch,
	CodeDuplicate:  ErrDuplicate,
	CodeUnknown:    ErrUnknownField,
	CodeNotAllowed: ErrNotAllowed,
	CodeRegion:     ErrUnknownRegion,
}

// Sentinel returns the sentinel a [FieldError] of code c unwraps to when it
// names none: the one listed with the code, [ErrInvalid] for other codes.
func (c Code) Sentinel() error {
	if err := codeErrs[c]; err != nil {
		return err
	}
	return ErrInvalid
}

// FieldError is one problem with one field of an input, an error or a
// warning. Pointer locates the field in the documented input (JSON); Code
// classifies the problem; Indonesian and English say what is wrong for an
// officer and for an English reader (see [FieldError.Message]). It unwraps
// to Err, or to the sentinel of its Code when Err is nil, and to Cause, the
// error of the parser that rejected the value, if any (a NIK's
// *[ParseError]).
type FieldError struct {
	Pointer    Pointer `json:"pointer"`
	Code       Code    `json:"code"`
	Indonesian string  `json:"message_id"`
	English    string  `json:"message_en"`
	Err        error   `json:"-"` // the sentinel; nil means Code.Sentinel()
	Cause      error   `json:"-"` // the underlying error, if any
}

// Message returns the message in lang, falling back to the other language
// when it is empty.
func (e *FieldError) Message(lang Lang) string {
	if lang == English && e.English != "" || e.Indonesian == "" {
		return e.English
	}
	return e.Indonesian
}

// Error returns "<pkg>: <pointer>: <English message>", the package being the
// one of its sentinel: `kia: /birth_date: is required`.
func (e *FieldError) Error() string {
	var b strings.Builder
	e.appendTo(&b)
	return b.String()
}

func (e *FieldError) appendTo(b *strings.Builder) {
	b.WriteString(packagePrefix(e.sentinel()))
	e.appendField(b)
}

func (e *FieldError) appendField(b *strings.Builder) {
	if e.Pointer == "" {
		b.WriteString("(input)")
	} else {
		b.WriteString(string(e.Pointer))
	}
	b.WriteString(": ")
	b.WriteString(e.Message(English))
}

func (e *FieldError) sentinel() error {
	if e.Err != nil {
		return e.Err
	}
	return e.Code.Sentinel()
}

// Unwrap returns the sentinel and the cause, if any.
func (e *FieldError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.sentinel()}
	}
	return []error{e.sentinel(), e.Cause}
}

// ValidationError lists every problem found in an input, in the order of the
// fields. errors.As(err, &fe) with fe a *[FieldError] finds the first;
// errors.Is finds any field's sentinel, and [ErrInvalid] always.
type ValidationError struct {
	What   string // the start of the message, "kia: invalid card"; "" means "adminduk: invalid input"
	Fields []FieldError
}

// Error lists the fields: `kia: invalid card: /name: is required; /sex: ...`.
func (e *ValidationError) Error() string {
	var b strings.Builder
	if e.What == "" {
		b.WriteString("adminduk: invalid input")
	} else {
		b.WriteString(e.What)
	}
	for i := range e.Fields {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		e.Fields[i].appendField(&b)
	}
	return b.String()
}

// Unwrap returns the field errors.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Fields))
	for i := range e.Fields {
		errs[i] = &e.Fields[i]
	}
	return errs
}

// Is reports whether target is [ErrInvalid], which every ValidationError is.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Field returns the first problem of the field at p, or nil.
func (e *ValidationError) Field(p Pointer) *FieldError {
	for i := range e.Fields {
		if e.Fields[i].Pointer == p {
			return &e.Fields[i]
		}
	}
	return nil
}

// Validator is the validation shape of every input of this module (a KIA
// card, an akta record, an agreement): Validate reports every error at once
// as a *[ValidationError], nil when there is none; Warnings lists what is
// accepted but worth a look (a birth date that differs from the NIK's).
type Validator interface {
	Validate() error
	Warnings() []FieldError
}

// Checker collects field errors and warnings while an input is checked.
// The zero Checker is ready; set What for the message of its error.
type Checker struct {
	What     string // see [ValidationError.What]
	errs     []FieldError
	warnings []FieldError
}

// Add records an error.
func (c *Checker) Add(e FieldError) { c.errs = append(c.errs, e) }

// AddCode records an error of code at p with its messages.
func (c *Checker) AddCode(p Pointer, code Code, indonesian, english string) {
	c.Add(FieldError{Pointer: p, Code: code, Indonesian: indonesian, English: english})
}

// Required records that the field at p is missing.
func (c *Checker) Required(p Pointer) {
	c.AddCode(p, CodeRequired, "wajib diisi", "is required")
}

// Warn records a warning.
func (c *Checker) Warn(e FieldError) { c.warnings = append(c.warnings, e) }

// Has reports whether an error was recorded for the field at p.
func (c *Checker) Has(p Pointer) bool {
	for i := range c.errs {
		if c.errs[i].Pointer == p {
			return true
		}
	}
	return false
}

// Err returns the errors recorded as a *[ValidationError], or nil.
func (c *Checker) Err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{What: c.What, Fields: c.errs}
}

// Warnings returns the warnings recorded.
func (c *Checker) Warnings() []FieldError { return c.warnings }
