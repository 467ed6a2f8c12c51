package kia

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
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

// DecodeOptions configure [DecodeCard] and a [Decoder].
type DecodeOptions struct {
	// Rules validate the card; the zero Rules is the default.
	Rules Rules
	// Lenient accepts a NIK or KK number whose kecamatan code is in range
	// but in no Kemendagri edition.
	Lenient bool
	// ReadPhoto reads the photo file card.json names in "photo" (the CLI
	// resolves it against the directory of the JSON file). Nil leaves
	// Photo.Data empty, which is an error for a card with a photo: "the
	// photo file has not been read".
	ReadPhoto func(path string) ([]byte, error)
	// Check, when set, is one more check after validation, such as
	// render.CheckPrintable. The field errors of the
	// *adminduk.ValidationError it returns join the card's, except for
	// fields reported already; another error is reported against the
	// whole card.
	Check func(*Card) error
}

// DecodeCard reads one card from card.json (see the package
// documentation) and validates it with o.Rules. It returns the card as
// far as it could be read, even when it is invalid (nil only when the
// input is not a JSON object), and every problem at once as one
// *[adminduk.ValidationError] with JSON pointers into card.json
// ("/issuer/head_nip"): malformed JSON (unwrapping to [ErrJSON] and
// [adminduk.ErrSyntax]), unknown fields, values of the wrong JSON type,
// values that do not parse (a date that does not exist unwraps to
// [adminduk.ErrInvalidDate]), a photo that cannot be read, and everything
// [Rules.Validate] and o.Check report; a field that did not parse is not
// reported again as missing. A leading UTF-8 byte order mark is ignored.
// Card.Warnings lists the warnings.
func DecodeCard(data []byte, o DecodeOptions) (*Card, error) {
	c, ck := parseCard(data, o)
	if c == nil {
		return nil, ck.err()
	}
	if c.Photo.Path != "" && o.ReadPhoto != nil {
		if b, err := o.ReadPhoto(c.Photo.Path); err != nil {
			ck.addErr(pPhoto, adminduk.CodeInvalid, "berkas foto tidak dapat dibaca", err.Error(), err)
		} else {
			c.Photo.Data = b
		}
	}
	merge(ck, o.Rules.Validate(c))
	if o.Check != nil {
		if err := o.Check(c); err != nil {
			var ve *adminduk.ValidationError
			if errors.As(err, &ve) {
				merge(ck, err)
			} else {
				ck.addErr("", adminduk.CodeInvalid, err.Error(), err.Error(), err)
			}
		}
	}
	return c, ck.err()
}

// merge adds the field errors of verr to ck, except those of a field that
// has an error already (an error of the whole input covers every field).
func merge(ck *checker, verr error) {
	var ve *adminduk.ValidationError
	if !errors.As(verr, &ve) {
		return
	}
	var have []adminduk.Pointer
	if e, ok := ck.err().(*adminduk.ValidationError); ok {
		for _, f := range e.Fields {
			have = append(have, f.Pointer)
		}
	}
	for _, f := range ve.Fields {
		if !slices.ContainsFunc(have, func(p adminduk.Pointer) bool {
			return p == "" || p == f.Pointer || strings.HasPrefix(string(f.Pointer), string(p)+"/")
		}) {
			ck.c.Add(f)
		}
	}
}

// parseCard reads card.json without validating the card: what does not
// parse is recorded in the checker. The card is nil when data is not a
// JSON object.
func parseCard(data []byte, o DecodeOptions) (*Card, *checker) {
	ck := newChecker()
	data = bytes.TrimPrefix(data, utf8BOM)
	var top map[string]json.RawMessage
	d := json.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(&top); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			err = errors.New("want an object")
		}
		syntaxError(ck, err)
		return nil, ck
	}
	if top == nil {
		syntaxError(ck, errors.New("want an object"))
		return nil, ck
	}
	if _, err := d.Token(); err != io.EOF {
		syntaxError(ck, errors.New("data after the card object"))
		return nil, ck
	}
	unknownFields(ck, "", top, cardKeys)
	for _, sub := range []struct {
		key  string
		keys []string
	}{{"address", addressKeys}, {"issuer", issuerKeys}} {
		var m map[string]json.RawMessage
		if raw, ok := top[sub.key]; ok && json.Unmarshal(raw, &m) == nil {
			unknownFields(ck, adminduk.NewPointer(sub.key), m, sub.keys)
		}
	}
	var w cardJSON
	if err := json.Unmarshal(data, &w); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			syntaxError(ck, err)
			return nil, ck
		}
		// json.Unmarshal goes on after a type error: w holds the rest.
		ck.addErr(adminduk.NewPointer(strings.Split(te.Field, ".")...), adminduk.CodeInvalid,
			"jenis nilai JSON salah: "+te.Value+", seharusnya "+jsonType(te.Type.Kind().String()),
			"wrong JSON type: "+te.Value+", want "+jsonType(te.Type.Kind().String()), err)
	}
	return w.card(ck, o), ck
}

// The keys of card.json.
var (
	cardKeys    = []string{"nik", "name", "birth_place", "birth_date", "sex", "religion", "citizenship", "blood_type", "kk_number", "head_of_family", "akta_number", "address", "photo", "issued_at", "issuer", "permit_until", "married", "replacement"}
	addressKeys = []string{"street", "rt", "rw", "village", "district"}
	issuerKeys  = []string{"regency", "head_name", "head_nip"}
)

// unknownFields reports the keys of m that are not in keys, in sorted
// order.
func unknownFields(ck *checker, at adminduk.Pointer, m map[string]json.RawMessage, keys []string) {
	var bad []string
	for k := range m {
		if !slices.Contains(keys, k) {
			bad = append(bad, k)
		}
	}
	slices.Sort(bad)
	for _, k := range bad {
		ck.add(at.Key(k), adminduk.CodeUnknown, "kolom tidak dikenal", "unknown field")
	}
}

func syntaxError(ck *checker, err error) {
	ck.c.Add(adminduk.FieldError{
		Code: adminduk.CodeInvalid, Err: ErrJSON, Cause: err,
		Indonesian: "card.json bukan JSON yang sah: " + err.Error(),
		English:    "card.json is not valid JSON: " + err.Error(),
	})
}

// utf8BOM is the UTF-8 byte order mark some editors write at the start of
// a file.
var utf8BOM = []byte("\xef\xbb\xbf")

func jsonType(kind string) string {
	switch kind {
	case "struct", "map":
		return "object"
	case "bool":
		return "true or false"
	}
	return kind
}

// MarshalJSON writes the card as card.json. Zero optional fields are left
// out; the district is the kecamatan code of the village.
func (c *Card) MarshalJSON() ([]byte, error) {
	date := func(d adminduk.Date) string { return d.String() }
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
			Regency: c.Issuer.Regency.String(), HeadName: c.Issuer.HeadName, HeadNIP: c.Issuer.HeadNIP.String(),
		},
		PermitUntil: date(c.PermitUntil), Married: c.Married, Replacement: c.Replacement.String(),
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads card.json like [DecodeCard] with the zero
// DecodeOptions, but does not validate the card: it reports only what does
// not parse, as a *[adminduk.ValidationError]. Call [Card.Validate] after.
func (c *Card) UnmarshalJSON(data []byte) error {
	v, ck := parseCard(data, DecodeOptions{})
	if v != nil {
		*c = *v
	}
	return ck.err()
}
