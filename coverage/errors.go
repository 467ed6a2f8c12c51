package coverage

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Sentinel errors. Every error of this package unwraps to one of them, and
// each unwraps in turn to the shared sentinel of package adminduk named in
// its comment, so that errors.Is(err, adminduk.ErrInvalid) holds too.
// Branch with [errors.Is] and read the details with [errors.As].
var (
	// ErrSyntax: a percent, date, indicator or CSV field that cannot be
	// parsed (*[ParseError], *[RowError]); [adminduk.ErrSyntax].
	ErrSyntax = adminduk.Sentinel("coverage: invalid syntax", adminduk.ErrSyntax)
	// ErrInvalid: figures or options that break a rule, such as a negative
	// count, no children required, or a target above 100 %
	// (*[adminduk.ValidationError], *[RowError] for a row that contradicts
	// itself); [adminduk.ErrInvalid].
	ErrInvalid = adminduk.Sentinel("coverage: invalid", adminduk.ErrInvalid)
	// ErrRange: a result too large to represent, such as a percent of more
	// than 92 trillion; [adminduk.ErrOutOfRange].
	ErrRange = adminduk.Sentinel("coverage: out of range", adminduk.ErrOutOfRange)
	// ErrUnknownRegion: a region code that appears in no Kemendagri
	// edition, or that has no population figure (*[RowError]);
	// [adminduk.ErrUnknownRegion].
	ErrUnknownRegion = adminduk.Sentinel("coverage: unknown region", adminduk.ErrUnknownRegion)
	// ErrNotFound: no target for an indicator and year, or no such
	// kab/kota in the population table; [adminduk.ErrNotFound].
	ErrNotFound = adminduk.Sentinel("coverage: not found", adminduk.ErrNotFound)
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

// invalid returns a *[adminduk.ValidationError] about one figure, option or
// field: its pointer names it in snake case ("/as_of", "/required"), en and
// id say what is wrong in English and Indonesian; a nil sentinel means
// [ErrInvalid].
func invalid(field string, code adminduk.Code, en, id string, sentinel error) error {
	if sentinel == nil {
		sentinel = ErrInvalid
	}
	return &adminduk.ValidationError{What: "coverage: invalid " + field,
		Fields: []adminduk.FieldError{{Pointer: adminduk.NewPointer(field), Code: code, Indonesian: id, English: en, Err: sentinel}}}
}

// RowError is a CSV row that was skipped: the line, the column at fault,
// the field as given and the problem as an [adminduk.FieldError] (the same
// shape as partnership.RowError). The FieldError's Pointer is
// "/rows/LINE/COLUMN" ("/rows/LINE" for the row as a whole), LINE being the
// 1-based line number of the file as a spreadsheet shows it (not an array
// index); its messages say what is wrong in Indonesian and English and its
// Err is [ErrSyntax], [ErrInvalid] or [ErrUnknownRegion]. A RowError
// unwraps to its FieldError, so errors.Is finds the sentinel. Input is
// shortened, and a NIK in it masked, so the error may be shown to other
// parties.
type RowError struct {
	Line   int    // 1-based line number in the file
	Column string // the column name, "" for the row as a whole
	Input  string // the offending field, masked and shortened
	Field  adminduk.FieldError
}

// newRowError returns the RowError of line, column (or "" for the row) and
// input, with its message in English and Indonesian and its sentinel.
func newRowError(line int, column, input, en, id string, sentinel error) RowError {
	code := adminduk.CodeInvalid
	switch {
	case sentinel == ErrUnknownRegion:
		code = adminduk.CodeRegion
	case input == "" && column != "" && sentinel == ErrSyntax && en == "no NIK":
		code = adminduk.CodeRequired
	}
	p := adminduk.NewPointer("rows", strconv.Itoa(line))
	if column != "" {
		p = p.Key(column)
	}
	return RowError{Line: line, Column: column, Input: input,
		Field: adminduk.FieldError{Pointer: p, Code: code, Indonesian: id, English: en, Err: sentinel}}
}

// Error returns a message like `coverage: line 12: birth_date "2023-02-30": not a calendar date`.
func (e *RowError) Error() string {
	return "coverage: line " + strconv.Itoa(e.Line) + ": " + e.Reason(adminduk.English)
}

// Reason returns what is wrong in lang, without the line: the column, the
// input and the message, `birth_date "2023-02-30": not a calendar date`.
func (e *RowError) Reason(lang adminduk.Lang) string {
	s := ""
	if e.Column != "" {
		s = e.Column
		if e.Input != "" {
			s += " " + quote(e.Input)
		}
		s += ": "
	}
	return s + e.Field.Message(lang)
}

// Unwrap returns the FieldError, which unwraps to the sentinel.
func (e *RowError) Unwrap() error { return &e.Field }

// quote quotes s for a message, truncated to 60 bytes.
func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "..."
	}
	return strconv.Quote(s)
}
