package akta

import (
	"database/sql/driver"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Number is an akta register number `KKKK-TT-DDMMYYYY-NNNN`, e.g.
// 3201-LU-25082023-0001: the issuing kab/kota, the type code, the
// registration date and the office's serial of that day. Like
// [net/netip.Addr] it is a small comparable value built by [ParseNumber] or
// [NewNumber]; the zero Number is invalid.
//
// Numbers of older layouts ("474.1/1234/2005", "AL.502.0012345") parse
// only when the caller asks for them ([ParseOptions].AllowLegacy,
// [ParseNumberLegacy]), as legacy: [Number.IsLegacy] is true,
// [Number.String] returns the text as given (trimmed) and the structured
// accessors return zero values. Text that looks like the current layout
// (office digits, type letters, date and serial digits, with or without
// separators) is never legacy: it is read as the current layout and is
// invalid with its reason when any part is wrong.
type Number struct {
	office uint16 // kab/kota as 4 digits, e.g. 3201
	serial uint16
	date   int32 // yyyymmdd
	kind   Kind
	late   bool
	code   string // the type code, from the table
	legacy string // raw text of a legacy number
}

// ParseOptions configure a [Parser].
type ParseOptions struct {
	// Types is the type table; nil means [DefaultTypes].
	Types *Types
	// Lenient accepts any kab/kota number 01-99 in an existing province,
	// instead of requiring the office to appear in some Kemendagri edition.
	Lenient bool
	// AllowLegacy accepts older layouts as legacy numbers
	// ([Number.IsLegacy]); without it they are refused with [ErrLegacy].
	AllowLegacy bool
	// NoLegacy is kept for older callers: older layouts are refused
	// unless AllowLegacy is set, and NoLegacy overrides AllowLegacy.
	NoLegacy bool
}

// Parser parses register numbers with fixed options. The zero Parser uses
// the default type table, checks offices strictly and refuses legacy
// numbers. It is safe for concurrent use.
type Parser struct {
	o ParseOptions
}

// NewParser returns a parser for o.
func NewParser(o ParseOptions) Parser { return Parser{o} }

// Types returns the parser's type table.
func (p Parser) Types() *Types {
	if p.o.Types == nil {
		return defaultTypes
	}
	return p.o.Types
}

// ParseNumber parses a register number with the zero [Parser].
func ParseNumber(s string) (Number, error) { return Parser{}.Parse(s) }

// ParseNumberLegacy parses s as [ParseNumber] does but also accepts the
// older layouts, as legacy numbers: check [Number.IsLegacy].
func ParseNumberLegacy(s string) (Number, error) {
	return Parser{ParseOptions{AllowLegacy: true}}.Parse(s)
}

// MustParseNumber is like [ParseNumber] but panics on error; for tests and
// constants.
func MustParseNumber(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// ValidateNumber reports whether s is a register number: [ParseNumber]
// without the result.
func ValidateNumber(s string) error {
	_, err := ParseNumber(s)
	return err
}

// Parse parses s. Text that looks like the current layout (3-5 digits, 1-4
// letters, then digits, with or without separators: "3604LU010920230042",
// "3604-LU-01092023-0042") is read as the current layout and must be
// correct in every part: errors are *[NumberError] values unwrapping to
// [ErrSyntax], [ErrUnknownOffice], [ErrUnknownType], [adminduk.ErrInvalidDate] or
// [ErrInvalidSerial], checked left to right. Other text of 4-64 characters
// (letters, digits, space . / -) with at least three digits is an older
// layout: [ErrLegacy] unless AllowLegacy, then a legacy number. Type codes
// are read in any case. Parsing a valid number allocates nothing.
func (p Parser) Parse(s string) (Number, error) {
	s = strings.TrimSpace(s)
	var parts [4]string
	n, rest := 0, s
	for n < 4 {
		i := strings.IndexByte(rest, '-')
		if i < 0 {
			parts[n] = rest
			n++
			rest = ""
			break
		}
		if n == 3 {
			n++ // a fifth part
			break
		}
		parts[n] = rest[:i]
		rest = rest[i+1:]
		n++
	}
	if n == 4 && rest == "" && isLetters(parts[1]) {
		return p.parseCurrent(s, parts)
	}
	if parts, ok := modernLike(s); ok {
		return p.parseCurrent(s, parts)
	}
	return p.parseLegacy(s)
}

// modernLike reports whether s looks like the current layout without its
// hyphens or with spaces: 3-5 digits, an optional hyphen or space,
// 1-4 letters, an optional separator, then a digit. It splits s into the
// office, the type, the date and the serial; a part that cannot be told
// apart is left for parseCurrent to refuse with its reason.
func modernLike(s string) ([4]string, bool) {
	var parts [4]string
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < 3 || i > 5 {
		return parts, false
	}
	parts[0] = s[:i]
	j := skipSep(s, i)
	k := j
	for k < len(s) && isLetter(s[k]) {
		k++
	}
	if k-j < 1 || k-j > 4 {
		return parts, false
	}
	parts[1] = s[j:k]
	k = skipSep(s, k)
	if k >= len(s) || !isDigit(s[k]) {
		return parts, false
	}
	rest := s[k:]
	// The date: 8 digits, then the serial after an optional separator.
	d := 0
	for d < len(rest) && d < 8 && isDigit(rest[d]) {
		d++
	}
	parts[2] = rest[:d]
	parts[3] = rest[skipSep(rest, d):]
	return parts, true
}

func skipSep(s string, i int) int {
	if i < len(s) && (s[i] == '-' || s[i] == ' ') {
		return i + 1
	}
	return i
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

func (p Parser) parseCurrent(s string, parts [4]string) (Number, error) {
	fail := func(err error, format string, args ...any) (Number, error) {
		return Number{}, &NumberError{Input: s, Err: err, Msg: fmt.Sprintf(format, args...)}
	}
	office, ok := digits(parts[0], 4)
	if !ok {
		return fail(ErrSyntax, "office %q: want 4 digits", parts[0])
	}
	if !p.officeOK(office) {
		return fail(ErrUnknownOffice, "no kab/kota %02d.%02d", office/100, office%100)
	}
	ty, ok := p.Types().Lookup(parts[1])
	if !ok {
		return fail(ErrUnknownType, "unknown type %q", parts[1])
	}
	dmy, ok := digits(parts[2], 8)
	if !ok {
		return fail(ErrSyntax, "date %q: want 8 digits DDMMYYYY", parts[2])
	}
	day, month, year := dmy/1000000, dmy/10000%100, dmy%10000
	date, ok := adminduk.NewDate(year, time.Month(month), day)
	if !ok || year < 1900 {
		return fail(adminduk.ErrInvalidDate, "no such date %s", parts[2])
	}
	serial, ok := digits(parts[3], 4)
	if !ok {
		return fail(ErrSyntax, "serial %q: want 4 digits", parts[3])
	}
	if serial == 0 {
		return fail(ErrInvalidSerial, "serial 0000")
	}
	return Number{office: uint16(office), serial: uint16(serial), date: dateKey(date), kind: ty.Kind, late: ty.Late, code: ty.Code}, nil
}

func (p Parser) parseLegacy(s string) (Number, error) {
	if len(s) < 4 || len(s) > 64 {
		return Number{}, &NumberError{Input: s, Err: ErrSyntax, Msg: "want KKKK-TT-DDMMYYYY-NNNN"}
	}
	nd := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			nd++
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', c == ' ', c == '.', c == '/', c == '-':
		default:
			return Number{}, &NumberError{Input: s, Err: ErrSyntax, Msg: fmt.Sprintf("unexpected character %q", c)}
		}
	}
	if nd < 3 {
		return Number{}, &NumberError{Input: s, Err: ErrSyntax, Msg: "want KKKK-TT-DDMMYYYY-NNNN"}
	}
	if p.o.NoLegacy || !p.o.AllowLegacy {
		return Number{}, &NumberError{Input: s, Err: ErrLegacy, Msg: "older layout, accepted only when legacy numbers are allowed"}
	}
	return Number{legacy: s}, nil
}

func (p Parser) officeOK(office int) bool {
	prov, reg := office/100, office%100
	if reg == 0 || prov < 11 {
		return false
	}
	if p.o.Lenient {
		return wilayah.Known(wilayah.CodeFrom(prov, 0, 0, 0))
	}
	return wilayah.Known(wilayah.CodeFrom(prov, reg, 0, 0))
}

// NewNumber builds the number of a new registration. The office must be a
// kab/kota code (its first four digits are used for a lower-level code),
// the type must have a code of 2-3 letters and a kind, the serial 1-9999.
// The office is not looked up: a caller may issue for any well-formed code.
func NewNumber(office wilayah.Code, t Type, date adminduk.Date, serial int) (Number, error) {
	in := fmt.Sprintf("%s/%s/%s/%d", office, t.Code, date, serial)
	reg := office.Truncate(wilayah.LevelRegency)
	switch {
	case !reg.IsValid():
		return Number{}, &NumberError{Input: in, Err: ErrUnknownOffice, Msg: "office is not a kab/kota code"}
	case strings.ToUpper(t.Code) != t.Code || !validCode(t.Code) || (t.Kind != KindBirth && t.Kind != KindDeath):
		return Number{}, &NumberError{Input: in, Err: ErrUnknownType, Msg: "type needs a code of 2-3 letters A-Z and a kind"}
	case date.IsZero() || date.Year() < 1900:
		return Number{}, &NumberError{Input: in, Err: adminduk.ErrInvalidDate, Msg: "no registration date"}
	case serial < 1 || serial > 9999:
		return Number{}, &NumberError{Input: in, Err: ErrInvalidSerial, Msg: "serial outside 1-9999"}
	}
	return Number{
		office: uint16(reg.ProvinceNumber()*100 + reg.RegencyNumber()),
		serial: uint16(serial), date: dateKey(date), kind: t.Kind, late: t.Late, code: t.Code,
	}, nil
}

func validCode(c string) bool { _, ok := typeKey(c); return ok }

// IsValid reports whether n is a parsed number (current or legacy) rather
// than the zero Number.
func (n Number) IsValid() bool { return n.code != "" || n.legacy != "" }

// IsLegacy reports whether n has an older layout.
func (n Number) IsLegacy() bool { return n.legacy != "" }

// Office returns the issuing kab/kota, or the zero Code for a legacy or
// zero number.
func (n Number) Office() wilayah.Code {
	if n.office == 0 {
		return wilayah.Code{}
	}
	return wilayah.CodeFrom(int(n.office/100), int(n.office%100), 0, 0)
}

// Type returns the type code ("LU"), "" for a legacy or zero number.
func (n Number) Type() string { return n.code }

// Kind returns the event of the number's type, 0 for a legacy or zero
// number.
func (n Number) Kind() Kind { return n.kind }

// Late reports whether the number's type marks a late registration.
func (n Number) Late() bool { return n.late }

// adminduk.Date returns the registration date, zero for a legacy or zero number.
func (n Number) Date() adminduk.Date {
	d, _ := adminduk.NewDate(int(n.date/10000), time.Month(n.date/100%100), int(n.date%100))
	return d
}

// dateKey packs a date as yyyymmdd for the compact Number.
func dateKey(d adminduk.Date) int32 { return int32(d.Year()*10000 + int(d.Month())*100 + d.Day()) }

// Serial returns the serial, 1-9999, or 0 for a legacy or zero number.
func (n Number) Serial() int { return int(n.serial) }

// String returns the canonical text (the raw text of a legacy number), or
// "" for the zero Number.
func (n Number) String() string {
	if n.legacy != "" || n.code == "" {
		return n.legacy
	}
	return string(n.AppendTo(make([]byte, 0, 22)))
}

// AppendTo appends [Number.String] to b.
func (n Number) AppendTo(b []byte) []byte {
	if n.legacy != "" || n.code == "" {
		return append(b, n.legacy...)
	}
	b = appendPad(b, int(n.office), 4)
	b = append(b, '-')
	b = append(b, n.code...)
	b = append(b, '-')
	d := n.Date()
	b = appendPad(b, d.Day(), 2)
	b = appendPad(b, int(d.Month()), 2)
	b = appendPad(b, d.Year(), 4)
	b = append(b, '-')
	return appendPad(b, int(n.serial), 4)
}

// Compare orders numbers by office, date, type code and serial; legacy
// numbers sort after current ones, by text; the zero Number first.
func (n Number) Compare(o Number) int {
	switch {
	case n == o:
		return 0
	case !n.IsValid() || (o.IsValid() && !n.IsLegacy() && o.IsLegacy()):
		return -1
	case !o.IsValid() || (n.IsLegacy() && !o.IsLegacy()):
		return 1
	case n.IsLegacy():
		return strings.Compare(n.legacy, o.legacy)
	}
	for _, c := range [...][2]int{{int(n.office), int(o.office)}, {int(n.date), int(o.date)}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	if c := strings.Compare(n.code, o.code); c != 0 {
		return c
	}
	if n.serial < o.serial {
		return -1
	}
	return 1
}

// MarshalText implements [encoding.TextMarshaler]; the zero Number gives "".
func (n Number) MarshalText() ([]byte, error) { return n.AppendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with
// [ParseNumberLegacy] (the default type table), so that what MarshalText
// wrote, a legacy number included, reads back: check [Number.IsLegacy].
// "" gives the zero Number. Decode with a [Parser] to accept other type
// codes or to refuse legacy numbers.
func (n *Number) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*n = Number{}
		return nil
	}
	v, err := ParseNumberLegacy(string(b))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// Value implements [driver.Valuer]: the text, or NULL for the zero Number.
func (n Number) Value() (driver.Value, error) {
	if !n.IsValid() {
		return nil, nil
	}
	return n.String(), nil
}

// Scan implements [database/sql.Scanner] for strings, bytes and NULL.
func (n *Number) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*n = Number{}
		return nil
	case string:
		return n.UnmarshalText([]byte(v))
	case []byte:
		return n.UnmarshalText(v)
	}
	return fmt.Errorf("akta: cannot scan %T into Number", src)
}

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// digits parses exactly n ASCII digits.
func digits(s string, n int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	return atoi(s)
}
