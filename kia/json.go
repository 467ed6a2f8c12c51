package kia

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// cardJSON is card.json on the wire. Every value is a string so that a bad
// one is reported against its field rather than failing the whole object.
type cardJSON struct {
	NIK          string      `json:"nik"`
	Name         string      `json:"name"`
	BirthPlace   string      `json:"birth_place"`
	BirthDate    string      `json:"birth_date"`
	Sex          string      `json:"sex"`
	Religion     string      `json:"religion"`
	Citizenship  string      `json:"citizenship"`
	BloodType    string      `json:"blood_type,omitempty"`
	KKNumber     string      `json:"kk_number"`
	HeadOfFamily string      `json:"head_of_family"`
	AktaNumber   string      `json:"akta_number"`
	Address      addressJSON `json:"address"`
	Photo        string      `json:"photo,omitempty"`
	IssuedAt     string      `json:"issued_at"`
	Issuer       issuerJSON  `json:"issuer"`
	PermitUntil  string      `json:"permit_until,omitempty"`
	Married      bool        `json:"married,omitempty"`
	Replacement  string      `json:"replacement,omitempty"`
}

type addressJSON struct {
	Street   string `json:"street"`
	RT       string `json:"rt"`
	RW       string `json:"rw"`
	Village  string `json:"village"`
	District string `json:"district,omitempty"`
}

type issuerJSON struct {
	Regency  string `json:"regency"`
	HeadName string `json:"head_name"`
	HeadNIP  string `json:"head_nip"`
}

// ParseCard reads one card from card.json. Unknown fields are an error, not
// ignored. Values that do not parse (a date, the NIK, a region code, an
// enumeration) are reported together as a *ValidationError of field
// errors, returned with the card read so far (those fields zero), so that
// Card.Validate can report the other problems at once; a missing value is
// left zero for Card.Validate to report. Malformed JSON gives a nil card.
// The photo is not read: Card.Photo.Path holds the path as written.
//
// A leading UTF-8 byte order mark is ignored. A value of the wrong JSON
// type or an unknown field is a field error like any other: the card is
// still read (leniently) so that the other fields are reported with it.
func ParseCard(data []byte) (*Card, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	var w cardJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		jerr := jsonError(err)
		var ve *ValidationError
		if !errors.As(jerr, &ve) {
			return nil, jerr
		}
		// Read what can be read, ignoring unknown fields, to report the
		// other fields at once.
		var lw cardJSON
		_ = json.Unmarshal(data, &lw)
		c, cerr := lw.card()
		fields := ve.Fields
		var ce *ValidationError
		if errors.As(cerr, &ce) {
			for _, f := range ce.Fields {
				if ve.Field(f.Field) == nil {
					fields = append(fields, f)
				}
			}
		}
		return c, &ValidationError{Fields: fields}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("kia: card.json: data after the card object")
	}
	return w.card()
}

// utf8BOM is the UTF-8 byte order mark some editors write at the start of
// a file.
var utf8BOM = []byte("\xef\xbb\xbf")

// jsonError turns an encoding/json error into a field error where it
// names a field.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return &ValidationError{Fields: []*FieldError{{
			Field: te.Field, Code: CodeInvalid, Err: err,
			Message: "jenis nilai JSON salah: " + te.Value + ", seharusnya " + jsonType(te.Type.Kind().String()),
			English: "wrong JSON type: " + te.Value + ", want " + jsonType(te.Type.Kind().String()),
		}}}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		return &ValidationError{Fields: []*FieldError{{
			Field: name, Code: CodeUnknown, Err: err,
			Message: "kolom tidak dikenal", English: "unknown field",
		}}}
	}
	return fmt.Errorf("kia: card.json: %w", err)
}

func jsonType(kind string) string {
	switch kind {
	case "struct":
		return "object"
	case "bool":
		return "true or false"
	}
	return kind
}

func (w *cardJSON) card() (*Card, error) {
	var ck checker
	c := &Card{
		Name: nfc(w.Name), BirthPlace: nfc(w.BirthPlace), HeadOfFamily: nfc(w.HeadOfFamily), AktaNumber: w.AktaNumber,
		Photo:   Photo{Path: w.Photo},
		Married: w.Married,
		Address: adminduk.Address{Street: nfc(w.Address.Street), RT: w.Address.RT, RW: w.Address.RW},
		Issuer:  Issuer{HeadName: nfc(w.Issuer.HeadName), HeadNIP: w.Issuer.HeadNIP},
	}
	c.IssuedAt = ck.date("issued_at", w.IssuedAt)
	c.BirthDate = ck.date("birth_date", w.BirthDate)
	c.PermitUntil = ck.date("permit_until", w.PermitUntil)
	// The NIK's two-digit year is read against the issue date: a child
	// holding a KIA was born less than 17 years before it.
	p := adminduk.NewParser(adminduk.Options{AsOf: adminduk.DateOf(c.IssuedAt)})
	if w.NIK != "" {
		n, err := p.ParseNIK(w.NIK)
		if err != nil {
			ck.addErr("nik", CodeInvalid, "NIK tidak sah", err.Error(), err)
		}
		c.NIK = n
	}
	if w.KKNumber != "" {
		k, err := p.ParseKK(w.KKNumber)
		if err != nil {
			ck.addErr("kk_number", CodeInvalid, "nomor KK tidak sah", err.Error(), err)
		}
		c.KK = k
	}
	ck.enum("sex", w.Sex, func(s string) error { v, err := adminduk.ParseSex(s); c.Sex = v; return err })
	ck.enum("religion", w.Religion, func(s string) error { v, err := adminduk.ParseReligion(s); c.Religion = v; return err })
	ck.enum("citizenship", w.Citizenship, func(s string) error { v, err := adminduk.ParseCitizenship(s); c.Citizenship = v; return err })
	ck.enum("blood_type", w.BloodType, func(s string) error { v, err := adminduk.ParseBloodType(s); c.BloodType = v; return err })
	ck.enum("replacement", w.Replacement, func(s string) error { v, err := ParseReplacement(s); c.Replacement = v; return err })
	c.Address.Village = ck.code("address.village", w.Address.Village)
	c.Issuer.Regency = ck.code("issuer.regency", w.Issuer.Regency)
	if w.Address.District != "" && c.Address.Village.Level() == wilayah.LevelVillage {
		ck.district(w.Address.District, c.Address.Village.District())
	}
	return c, ck.err()
}

// date parses YYYY-MM-DD; "" gives the zero time.
func (c *checker) date(field, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		c.addErr(field, CodeInvalid, "tanggal tidak sah, tulis YYYY-MM-DD", "invalid date, want YYYY-MM-DD", err)
		return time.Time{}
	}
	return t
}

func (c *checker) enum(field, s string, parse func(string) error) {
	if s == "" {
		return
	}
	if err := parse(s); err != nil {
		c.addErr(field, CodeInvalid, "nilai tidak dikenal: "+strconv.Quote(s), "unknown value "+strconv.Quote(s), err)
	}
}

func (c *checker) code(field, s string) wilayah.Code {
	if s == "" {
		return wilayah.Code{}
	}
	code, err := wilayah.ParseCode(s)
	if err != nil {
		c.addErr(field, CodeInvalid, "kode wilayah tidak sah", "invalid region code", err)
	}
	return code
}

// district checks address.district, a kecamatan code or name, against the
// kecamatan of the village.
func (c *checker) district(s string, want wilayah.Code) {
	if code, err := wilayah.ParseCode(s); err == nil {
		if code != want {
			c.add("address.district", CodeMismatch, "kecamatan "+code.String()+" bukan kecamatan desa/kelurahan ("+want.String()+")", "kecamatan "+code.String()+" is not the village's ("+want.String()+")")
		}
		return
	}
	r, ok := wilayah.Lookup(want)
	if ok && !sameName(s, r.Name) {
		c.add("address.district", CodeMismatch, "kecamatan "+strconv.Quote(s)+" bukan kecamatan desa/kelurahan ("+r.Name+")", "kecamatan "+strconv.Quote(s)+" is not the village's ("+r.Name+")")
	}
}

func sameName(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '.' || r == '-' || r == '\'' {
				return -1
			}
			return r
		}, strings.ToUpper(s))
	}
	return norm(a) == norm(b)
}

// MarshalJSON writes the card as card.json. Zero optional fields are left
// out; the district is the kecamatan code of the village.
func (c *Card) MarshalJSON() ([]byte, error) {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return isoDate(civil(t))
	}
	text := func(m interface{ MarshalText() ([]byte, error) }) string {
		b, err := m.MarshalText()
		if err != nil {
			return ""
		}
		return string(b)
	}
	w := cardJSON{
		NIK: c.NIK.String(), Name: c.Name, BirthPlace: c.BirthPlace, BirthDate: date(c.BirthDate),
		Sex: text(c.Sex), Religion: text(c.Religion), Citizenship: text(c.Citizenship), BloodType: text(c.BloodType),
		KKNumber: c.KK.String(), HeadOfFamily: c.HeadOfFamily, AktaNumber: c.AktaNumber,
		Address: addressJSON{
			Street: c.Address.Street, RT: c.Address.RT, RW: c.Address.RW,
			Village: c.Address.Village.String(), District: c.Address.Village.District().String(),
		},
		Photo:    c.Photo.Path,
		IssuedAt: date(c.IssuedAt),
		Issuer: issuerJSON{
			Regency: c.Issuer.Regency.String(), HeadName: c.Issuer.HeadName, HeadNIP: c.Issuer.HeadNIP,
		},
		PermitUntil: date(c.PermitUntil), Married: c.Married, Replacement: c.Replacement.String(),
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads card.json like ParseCard.
func (c *Card) UnmarshalJSON(data []byte) error {
	v, err := ParseCard(data)
	if v != nil {
		*c = *v
	}
	return err
}

// Decoder reads a stream of cards: JSON Lines (one card object a line),
// or one card.json, or any sequence of card objects separated by white
// space. A leading UTF-8 byte order mark is ignored.
//
// When the first non-blank line holds a whole JSON value (or is not JSON
// at all), the stream is read as JSON Lines: each non-blank line is one
// card, and a line that is not a card (malformed JSON, a wrong type, an
// unknown field) is an error for that line only; the next call reads the
// next line. When the first line opens a value it does not close (a
// pretty-printed card.json), the stream is read as a sequence of objects,
// and after a JSON syntax error it cannot be resynchronised.
type Decoder struct {
	br    *bufio.Reader
	lines bool // JSON Lines mode, decided on the first non-blank line
	mode  bool // the mode is decided
	lr    *lineReader
	dec   *json.Decoder
	line  int // JSON Lines: lines read
	start int // line of the last card
	n     int
	err   error
}

// maxLine bounds a line of JSON Lines; a card is about 1 KB.
const maxLine = 1 << 20

// NewDecoder returns a decoder reading from r.
func NewDecoder(r io.Reader) *Decoder {
	return &Decoder{br: bufio.NewReaderSize(r, 64<<10)}
}

// DecodeError is a card of a stream that could not be read. Record counts
// cards from 1; Line is the line the card starts on.
type DecodeError struct {
	Record, Line int
	Err          error // a *ValidationError, or a JSON syntax error
}

// Error returns "kia: card 3 (line 3): ...".
func (e *DecodeError) Error() string {
	return fmt.Sprintf("kia: card %d (line %d): %s", e.Record, e.Line, strings.TrimPrefix(e.Err.Error(), "kia: "))
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Line returns the line the last card read (or failed to read) starts on,
// counting from 1.
func (d *Decoder) Line() int { return d.start }

// Decode returns the next card, or io.EOF after the last. A card that
// cannot be read gives a *DecodeError, with the card as ParseCard returns
// it (nil for malformed JSON), and the next call moves on to the next
// card, except after a JSON syntax error in a multi-line sequence (see
// Decoder), when every call returns that error.
func (d *Decoder) Decode() (*Card, error) {
	if d.err != nil {
		return nil, d.err
	}
	if !d.mode {
		if err := d.decideMode(); err != nil {
			d.err = err
			return nil, err
		}
	}
	if d.lines {
		return d.decodeLine()
	}
	var raw json.RawMessage
	if err := d.dec.Decode(&raw); err != nil {
		if err == io.EOF {
			d.err = io.EOF
			return nil, io.EOF
		}
		d.n++
		d.start = d.lr.lineAt(d.dec.InputOffset())
		d.err = &DecodeError{Record: d.n, Line: d.start, Err: fmt.Errorf("kia: %w", err)}
		return nil, d.err
	}
	d.n++
	d.start = d.lr.lineAt(d.dec.InputOffset() - int64(len(raw)))
	c, err := ParseCard(raw)
	if err != nil {
		return c, &DecodeError{Record: d.n, Line: d.start, Err: err}
	}
	return c, nil
}

// decideMode skips a byte order mark and looks at the first non-blank
// line without consuming it.
func (d *Decoder) decideMode() error {
	d.mode = true
	if b, err := d.br.Peek(3); err == nil && bytes.Equal(b, utf8BOM) {
		d.br.Discard(3)
	}
	for size := 4 << 10; ; size *= 4 {
		b, err := d.br.Peek(min(size, d.br.Size()))
		first := b
		for {
			line, rest, found := bytes.Cut(first, []byte("\n"))
			if len(bytes.TrimSpace(line)) > 0 || !found {
				first = line
				if !found && err == nil && len(b) < d.br.Size() {
					first = nil // the line goes on: peek further
				}
				break
			}
			first = rest
		}
		if first != nil || err != nil || len(b) == d.br.Size() {
			d.lines = !incomplete(first)
			break
		}
	}
	if !d.lines {
		d.lr = &lineReader{r: d.br}
		d.dec = json.NewDecoder(d.lr)
	}
	return nil
}

// incomplete reports whether line opens a JSON value it does not close.
func incomplete(line []byte) bool {
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(line)).Decode(&raw)
	return errors.Is(err, io.ErrUnexpectedEOF)
}

// decodeLine reads the next non-blank line as a card.
func (d *Decoder) decodeLine() (*Card, error) {
	for {
		line, err := d.readLine()
		if line == nil && err != nil {
			if err == io.EOF {
				d.err = io.EOF
				return nil, io.EOF
			}
			d.err = err
			return nil, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		d.n++
		d.start = d.line
		if err != nil { // too long
			return nil, &DecodeError{Record: d.n, Line: d.line, Err: err}
		}
		c, perr := ParseCard(line)
		if perr != nil {
			if c == nil && !strings.HasPrefix(perr.Error(), "kia: ") {
				perr = fmt.Errorf("kia: %w", perr)
			}
			return c, &DecodeError{Record: d.n, Line: d.line, Err: perr}
		}
		return c, nil
	}
}

// errLineTooLong is the error of a line longer than maxLine.
var errLineTooLong = fmt.Errorf("kia: line longer than %d bytes", maxLine)

// readLine returns the next line without its end. A line longer than
// maxLine is skipped and returned empty but not nil with errLineTooLong;
// at the end of the input it returns nil and io.EOF.
func (d *Decoder) readLine() ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := d.br.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			if len(buf) > maxLine {
				tooLong, buf = true, nil
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			if len(buf) == 0 && !tooLong {
				return nil, io.EOF
			}
		default:
			return nil, err
		}
		d.line++
		if tooLong {
			return []byte{}, errLineTooLong
		}
		return bytes.TrimSuffix(buf, []byte("\n")), nil
	}
}

// lineReader remembers where lines end in what it has read, so that an
// offset can be turned into a line number. Offsets must be asked for in
// increasing order; it forgets the lines before the last one asked for.
type lineReader struct {
	r      io.Reader
	pos    int64
	nl     []int64 // offsets of newlines not yet passed
	passed int     // newlines before the last offset asked for
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			l.nl = append(l.nl, l.pos+int64(i))
		}
	}
	l.pos += int64(n)
	return n, err
}

func (l *lineReader) lineAt(off int64) int {
	i := 0
	for i < len(l.nl) && l.nl[i] < off {
		i++
	}
	l.passed += i
	l.nl = l.nl[i:]
	return l.passed + 1
}
