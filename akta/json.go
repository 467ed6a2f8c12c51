package akta

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// DecodeOptions configure [DecodeRecord] and [DecodeFamily].
type DecodeOptions struct {
	// Numbers parses register numbers; the zero Parser uses the default
	// type table.
	Numbers Parser
	// LenientRegions accepts NIKs and KK numbers whose kecamatan code is in
	// range but in no Kemendagri edition.
	LenientRegions bool
}

type wireParty struct {
	NIK  string `json:"nik"`
	Name string `json:"name"`
}

type wireIssuer struct {
	Regency  string `json:"regency"`
	HeadName string `json:"head_name"`
	HeadNIP  string `json:"head_nip"`
	Place    string `json:"place,omitempty"`
}

type wireChild struct {
	NIK          string   `json:"nik"`
	Name         string   `json:"name"`
	Sex          string   `json:"sex"`
	BirthDate    string   `json:"birth_date"`
	BirthTime    string   `json:"birth_time,omitempty"`
	BirthPlace   string   `json:"birth_place"`
	BirthOrder   int      `json:"birth_order"`
	Multiplicity flexText `json:"multiplicity"`
	WeightG      int      `json:"weight_g,omitempty"`
	LengthCM     float64  `json:"length_cm,omitempty"`
	Citizenship  string   `json:"citizenship,omitempty"`
}

type wireBirth struct {
	Type         string      `json:"type"`
	Number       string      `json:"number"`
	Child        wireChild   `json:"child"`
	Mother       wireParty   `json:"mother"`
	Father       *wireParty  `json:"father,omitempty"`
	Parents      string      `json:"parents,omitempty"`
	Proof        string      `json:"proof,omitempty"`
	Reporter     wireParty   `json:"reporter"`
	Witnesses    []wireParty `json:"witnesses,omitempty"`
	RegisteredAt string      `json:"registered_at"`
	IssuedAt     string      `json:"issued_at"`
	Issuer       wireIssuer  `json:"issuer"`
	KK           string      `json:"kk,omitempty"`
}

type wireDeceased struct {
	NIK         string `json:"nik"`
	Name        string `json:"name"`
	Sex         string `json:"sex"`
	BirthPlace  string `json:"birth_place"`
	BirthDate   string `json:"birth_date"`
	FatherName  string `json:"father_name,omitempty"`
	MotherName  string `json:"mother_name,omitempty"`
	Citizenship string `json:"citizenship,omitempty"`
}

type wireDeath struct {
	Type         string       `json:"type"`
	Number       string       `json:"number"`
	Deceased     wireDeceased `json:"deceased"`
	DeathDate    string       `json:"death_date"`
	DeathTime    string       `json:"death_time,omitempty"`
	DeathPlace   string       `json:"death_place"`
	Cause        string       `json:"cause,omitempty"`
	Reporter     wireParty    `json:"reporter"`
	Proof        string       `json:"proof,omitempty"`
	Witnesses    []wireParty  `json:"witnesses,omitempty"`
	RegisteredAt string       `json:"registered_at"`
	IssuedAt     string       `json:"issued_at"`
	Issuer       wireIssuer   `json:"issuer"`
	KK           string       `json:"kk,omitempty"`
}

// DecodeRecord reads akta.json (see the package documentation), dispatching
// on "type", and validates the record. Problems with fields (unknown
// fields, wrong JSON types, malformed values, and everything
// [Birth.Validate] or [Death.Validate] reports) come back together as one
// *[ValidationError]; malformed JSON is a plain error.
func DecodeRecord(data []byte, o DecodeOptions) (Record, error) {
	data = trimBOM(data)
	var probe struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return nil, errors.New("akta: akta.json: " + err.Error())
		}
	}
	k, err := ParseKind(probe.Type)
	if err != nil {
		c := &checker{kind: "akta"}
		if probe.Type == "" {
			c.add("type", CodeRequired, `wajib diisi: "kelahiran" atau "kematian"`, `is required: "kelahiran" or "kematian"`)
		} else {
			c.add("type", CodeInvalid, `harus "kelahiran" atau "kematian"`, `must be "kelahiran" or "kematian"`)
		}
		return nil, c.err()
	}
	if k == KindBirth {
		b, c, err := decodeBirth(data, o)
		if err != nil {
			return nil, err
		}
		if err := merge(c, b.Validate()); err != nil {
			return nil, err
		}
		return b, nil
	}
	d, c, err := decodeDeath(data, o)
	if err != nil {
		return nil, err
	}
	if err := merge(c, d.Validate()); err != nil {
		return nil, err
	}
	return d, nil
}

// utf8BOM is the byte order mark some Windows editors put first.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// trimBOM drops a leading UTF-8 byte order mark.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// conv converts wire values, recording errors by field.
type conv struct {
	c    *checker
	o    DecodeOptions
	niks adminduk.Parser
}

func newConv(kind string, o DecodeOptions) *conv {
	return &conv{c: &checker{kind: kind}, o: o, niks: adminduk.NewParser(adminduk.Options{Lenient: o.LenientRegions})}
}

// asOf resolves NIK centuries against the record's date, so that decoding
// does not depend on the clock.
func (v *conv) asOf(s string) {
	if d, err := ParseDate(s); err == nil {
		v.niks = adminduk.NewParser(adminduk.Options{AsOf: d, Lenient: v.o.LenientRegions})
	}
}

var nikReasonID = map[adminduk.Reason]string{
	adminduk.ReasonSyntax: "harus 16 angka",
	adminduk.ReasonDate:   "tanggal lahir di dalam nomor tidak ada",
	adminduk.ReasonRegion: "kode wilayah di dalam nomor tidak dikenal",
	adminduk.ReasonSerial: "nomor urut 0000 tidak pernah diterbitkan",
}

func (v *conv) nik(field, s string) adminduk.NIK {
	if s == "" {
		return adminduk.NIK{}
	}
	n, err := v.niks.ParseNIK(s)
	if err != nil {
		v.parseErr(field, err)
	}
	return n
}

func (v *conv) kk(field, s string) adminduk.KK {
	if s == "" {
		return adminduk.KK{}
	}
	n, err := v.niks.ParseKK(s)
	if err != nil {
		v.parseErr(field, err)
	}
	return n
}

func (v *conv) parseErr(field string, err error) {
	var pe *adminduk.ParseError
	if errors.As(err, &pe) {
		v.c.addErr(field, CodeInvalid, "nomor tidak valid: "+nikReasonID[pe.Reason], "invalid number: "+pe.Msg, err)
		return
	}
	v.c.addErr(field, CodeInvalid, "tidak valid", err.Error(), err)
}

func (v *conv) sex(field, s string) adminduk.Sex {
	if s == "" {
		return 0
	}
	x, err := adminduk.ParseSex(s)
	if err != nil {
		v.c.addErr(field, CodeInvalid, `harus "L" atau "P"`, `must be "male" or "female" ("L"/"P")`, err)
	}
	return x
}

func (v *conv) date(field, s string) Date {
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		v.c.addErr(field, CodeInvalid, "tanggal harus YYYY-MM-DD dan ada di kalender", "date must be YYYY-MM-DD and exist", err)
	}
	return d
}

func (v *conv) clock(field, s string) TimeOfDay {
	t, err := ParseTimeOfDay(s)
	if err != nil {
		v.c.addErr(field, CodeInvalid, "jam harus HH:MM", "time must be HH:MM", err)
	}
	return t
}

var numberErrID = map[error]string{
	ErrSyntax:        "bentuk nomor salah (KKKK-TT-DDMMYYYY-NNNN)",
	ErrUnknownType:   "jenis nomor tidak dikenal",
	ErrUnknownOffice: "kode kabupaten/kota tidak dikenal",
	ErrInvalidDate:   "tanggal di dalam nomor tidak ada",
	ErrInvalidSerial: "nomor urut 0000",
	ErrLegacy:        "nomor bentuk lama tidak diterima",
}

func (v *conv) number(field, s string) Number {
	if s == "" {
		return Number{}
	}
	n, err := v.o.Numbers.Parse(s)
	if err != nil {
		id, en := "nomor tidak valid", err.Error()
		var ne *NumberError
		if errors.As(err, &ne) {
			id, en = numberErrID[ne.Err], ne.Msg
		}
		v.c.addErr(field, CodeInvalid, id, en, err)
	}
	return n
}

func (v *conv) regency(field, s string) wilayah.Code {
	if s == "" {
		return wilayah.Code{}
	}
	c, err := wilayah.ParseCode(s)
	if err != nil {
		v.c.addErr(field, CodeInvalid, "kode wilayah tidak valid", "invalid region code", err)
	}
	return c
}

func (v *conv) nip(field, s string) NIP {
	if s == "" {
		return NIP{}
	}
	n, err := ParseNIP(s)
	if err != nil {
		v.c.addErr(field, CodeInvalid, "NIP harus 18 angka yang sah", "NIP must be 18 valid digits", err)
	}
	return n
}

func (v *conv) party(field string, p wireParty) Party {
	return Party{NIK: v.nik(field+".nik", p.NIK), Name: p.Name}
}

func (v *conv) parties(field string, ps []wireParty) []Party {
	out := make([]Party, len(ps))
	for i, p := range ps {
		out[i] = v.party(field+"["+strconv.Itoa(i)+"]", p)
	}
	return out
}

func (v *conv) issuer(i wireIssuer) Issuer {
	return Issuer{
		Regency: v.regency("issuer.regency", i.Regency), HeadName: i.HeadName,
		HeadNIP: v.nip("issuer.head_nip", i.HeadNIP), Place: i.Place,
	}
}

func toWireParty(p Party) wireParty { return wireParty{NIK: p.NIK.String(), Name: p.Name} }

func toWireParties(ps []Party) []wireParty {
	out := make([]wireParty, len(ps))
	for i, p := range ps {
		out[i] = toWireParty(p)
	}
	return out
}

func toWireIssuer(i Issuer) wireIssuer {
	return wireIssuer{Regency: i.Regency.String(), HeadName: i.HeadName, HeadNIP: i.HeadNIP.String(), Place: i.Place}
}

func decodeBirth(data []byte, o DecodeOptions) (*Birth, *checker, error) {
	var w wireBirth
	v := newConv("kelahiran", o)
	if err := decodeStrict(data, &w, v.c); err != nil {
		return nil, nil, err
	}
	if k, err := ParseKind(w.Type); err != nil || k != KindBirth {
		v.c.add("type", CodeInvalid, `harus "kelahiran"`, `must be "kelahiran"`)
	}
	v.asOf(w.RegisteredAt)
	ch := w.Child
	b := &Birth{
		Number: v.number("number", w.Number),
		Child: Child{
			NIK: v.nik("child.nik", ch.NIK), Name: ch.Name, Sex: v.sex("child.sex", ch.Sex),
			BirthDate: v.date("child.birth_date", ch.BirthDate), BirthTime: v.clock("child.birth_time", ch.BirthTime),
			BirthPlace: ch.BirthPlace, BirthOrder: ch.BirthOrder,
			WeightGrams: ch.WeightG, LengthMM: int(math.Round(ch.LengthCM * 10)),
		},
		Mother:       v.party("mother", w.Mother),
		Reporter:     v.party("reporter", w.Reporter),
		Witnesses:    v.parties("witnesses", w.Witnesses),
		RegisteredAt: v.date("registered_at", w.RegisteredAt),
		IssuedAt:     v.date("issued_at", w.IssuedAt),
		Issuer:       v.issuer(w.Issuer),
		KK:           v.kk("kk", w.KK),
	}
	if ch.Multiplicity != "" {
		m, err := ParseMultiplicity(string(ch.Multiplicity))
		if err != nil {
			v.c.addErr("child.multiplicity", CodeInvalid, `harus "tunggal" atau "kembar-N"`, `must be "tunggal" or "kembar-N"`, err)
		}
		b.Child.Multiplicity = m
	}
	enumField(v, "child.citizenship", ch.Citizenship, &b.Child.Citizenship, adminduk.ParseCitizenship)
	enumField(v, "parents", w.Parents, &b.Parents, ParseParents)
	enumField(v, "proof", w.Proof, &b.Proof, ParseProof)
	if w.Father != nil {
		f := v.party("father", *w.Father)
		b.Father = &f
	}
	return b, v.c, nil
}

// MarshalJSON writes b in the akta.json form.
func (b *Birth) MarshalJSON() ([]byte, error) {
	ch := b.Child
	w := wireBirth{
		Type: KindBirth.String(), Number: b.Number.String(),
		Child: wireChild{
			NIK: ch.NIK.String(), Name: ch.Name, Sex: sexKey(ch.Sex), BirthDate: ch.BirthDate.String(),
			BirthTime: ch.BirthTime.String(), BirthPlace: ch.BirthPlace, BirthOrder: ch.BirthOrder,
			Multiplicity: flexText(ch.Multiplicity.String()), WeightG: ch.WeightGrams, LengthCM: float64(ch.LengthMM) / 10,
			Citizenship: optText(ch.Citizenship),
		},
		Parents: b.Parents.String(), Proof: b.Proof.String(),
		Mother: toWireParty(b.Mother), Reporter: toWireParty(b.Reporter), Witnesses: toWireParties(b.Witnesses),
		RegisteredAt: b.RegisteredAt.String(), IssuedAt: b.IssuedAt.String(), Issuer: toWireIssuer(b.Issuer),
		KK: b.KK.String(),
	}
	if b.Father != nil {
		f := toWireParty(*b.Father)
		w.Father = &f
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the akta.json form of a birth with the default
// options. Unlike [DecodeRecord] it does not validate: only values that do
// not parse are reported, as a *[ValidationError].
func (b *Birth) UnmarshalJSON(data []byte) error {
	data = trimBOM(data)
	nb, c, err := decodeBirth(data, DecodeOptions{})
	if err != nil {
		return err
	}
	if err := c.err(); err != nil {
		return err
	}
	*b = *nb
	return nil
}

func decodeDeath(data []byte, o DecodeOptions) (*Death, *checker, error) {
	var w wireDeath
	v := newConv("kematian", o)
	if err := decodeStrict(data, &w, v.c); err != nil {
		return nil, nil, err
	}
	if k, err := ParseKind(w.Type); err != nil || k != KindDeath {
		v.c.add("type", CodeInvalid, `harus "kematian"`, `must be "kematian"`)
	}
	v.asOf(w.RegisteredAt)
	p := w.Deceased
	d := &Death{
		Number: v.number("number", w.Number),
		Deceased: Deceased{
			NIK: v.nik("deceased.nik", p.NIK), Name: p.Name, Sex: v.sex("deceased.sex", p.Sex),
			BirthPlace: p.BirthPlace, BirthDate: v.date("deceased.birth_date", p.BirthDate),
			FatherName: p.FatherName, MotherName: p.MotherName,
		},
		DeathDate:    v.date("death_date", w.DeathDate),
		DeathTime:    v.clock("death_time", w.DeathTime),
		DeathPlace:   w.DeathPlace,
		Reporter:     v.party("reporter", w.Reporter),
		Witnesses:    v.parties("witnesses", w.Witnesses),
		RegisteredAt: v.date("registered_at", w.RegisteredAt),
		IssuedAt:     v.date("issued_at", w.IssuedAt),
		Issuer:       v.issuer(w.Issuer),
		KK:           v.kk("kk", w.KK),
	}
	enumField(v, "deceased.citizenship", p.Citizenship, &d.Deceased.Citizenship, adminduk.ParseCitizenship)
	enumField(v, "proof", w.Proof, &d.Proof, ParseProof)
	if w.Cause != "" {
		cause, err := ParseCause(w.Cause)
		if err != nil {
			v.c.addErr("cause", CodeInvalid, "sebab kematian tidak dikenal", "unknown cause category", err)
		}
		d.Cause = cause
	}
	return d, v.c, nil
}

// MarshalJSON writes d in the akta.json form.
func (d *Death) MarshalJSON() ([]byte, error) {
	p := d.Deceased
	return json.Marshal(wireDeath{
		Type: KindDeath.String(), Number: d.Number.String(),
		Deceased: wireDeceased{
			NIK: p.NIK.String(), Name: p.Name, Sex: sexKey(p.Sex), BirthPlace: p.BirthPlace,
			BirthDate: p.BirthDate.String(), FatherName: p.FatherName, MotherName: p.MotherName,
			Citizenship: optText(p.Citizenship),
		},
		DeathDate: d.DeathDate.String(), DeathTime: d.DeathTime.String(), DeathPlace: d.DeathPlace,
		Cause: d.Cause.String(), Proof: d.Proof.String(), Reporter: toWireParty(d.Reporter), Witnesses: toWireParties(d.Witnesses),
		RegisteredAt: d.RegisteredAt.String(), IssuedAt: d.IssuedAt.String(), Issuer: toWireIssuer(d.Issuer),
		KK: d.KK.String(),
	})
}

// UnmarshalJSON reads the akta.json form of a death with the default
// options, without validating (see [Birth.UnmarshalJSON]).
func (d *Death) UnmarshalJSON(data []byte) error {
	data = trimBOM(data)
	nd, c, err := decodeDeath(data, DecodeOptions{})
	if err != nil {
		return err
	}
	if err := c.err(); err != nil {
		return err
	}
	*d = *nd
	return nil
}

// sexKey writes sex as the akta.json files do: "L" or "P".
func sexKey(s adminduk.Sex) string {
	switch s {
	case adminduk.Male:
		return "L"
	case adminduk.Female:
		return "P"
	}
	return ""
}

func optText(c adminduk.Citizenship) string {
	if c == 0 {
		return ""
	}
	return c.String()
}
