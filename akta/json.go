package akta

import (
	"encoding/json"
	"errors"
	"math"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// DecodeOptions configure [DecodeRecord] and [DecodeFamily].
type DecodeOptions struct {
	// Numbers parses register numbers; the zero Parser uses the default
	// type table.
	Numbers Parser
	// Lenient accepts NIKs and KK numbers whose kecamatan code is in range
	// but in no Kemendagri edition.
	Lenient bool
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
	KKNumber     string      `json:"kk_number,omitempty"`
	KK           *string     `json:"kk,omitempty"` // the old key, read for one release
	Version      int         `json:"version,omitempty"`
	Notes        []wireNote  `json:"notes,omitempty"`
}

// wireNote is a marginal note in akta.json.
type wireNote struct {
	Date      string `json:"date"`
	Text      string `json:"text"`
	Authority string `json:"authority"`
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
	KKNumber     string       `json:"kk_number,omitempty"`
	KK           *string      `json:"kk,omitempty"` // the old key, read for one release
}

// DecodeRecord reads akta.json (see the package documentation),
// dispatching on "type", and validates the record. It returns the record
// as far as it could be read, even when it is invalid (nil only when the
// input is not a JSON object or its "type" is not known), and every problem
// at once as one *[adminduk.ValidationError] with JSON pointers into
// akta.json: malformed JSON (unwrapping to [ErrJSON] and
// [adminduk.ErrSyntax]), unknown fields, values of the wrong JSON type,
// values that do not parse, and everything [Birth.Validate] or
// [Death.Validate] reports. A UTF-8 byte order mark is skipped. The
// record's Warnings include a warning for the old key "kk" of the KK
// number, now "kk_number".
func DecodeRecord(data []byte, o DecodeOptions) (Record, error) {
	data = trimBOM(data)
	var probe struct {
		Type any `json:"type"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		c := newChecker("akta: invalid akta.json")
		syntaxError(c, "akta.json", err)
		return nil, c.err()
	}
	ts, _ := probe.Type.(string)
	k, err := ParseKind(ts)
	if err != nil {
		c := newChecker("akta: invalid akta.json")
		if probe.Type == nil || probe.Type == "" {
			c.add("/type", adminduk.CodeRequired, `wajib diisi: "kelahiran" atau "kematian"`, `is required: "kelahiran" or "kematian"`)
		} else {
			c.add("/type", adminduk.CodeInvalid, `harus "kelahiran" atau "kematian"`, `must be "kelahiran" or "kematian"`)
		}
		return nil, c.err()
	}
	if k == KindBirth {
		b, v := decodeBirth(data, o)
		if b == nil {
			return nil, v.c.err()
		}
		return b, merge(v.c, b.Validate())
	}
	d, v := decodeDeath(data, o)
	if d == nil {
		return nil, v.c.err()
	}
	return d, merge(v.c, d.Validate())
}

// conv converts wire values, recording errors and warnings by pointer.
type conv struct {
	c        *checker
	o        DecodeOptions
	niks     adminduk.Parser
	warnings []adminduk.FieldError
}

func newConv(what string, o DecodeOptions) *conv {
	return &conv{c: newChecker(what), o: o, niks: adminduk.NewParser(adminduk.Options{Lenient: o.Lenient})}
}

func (v *conv) warn(p adminduk.Pointer, code adminduk.Code, id, en string) {
	v.warnings = append(v.warnings, fieldError(p, code, id, en, nil))
}

// asOf resolves NIK centuries against the record's date, so that decoding
// does not depend on the clock.
func (v *conv) asOf(s string) {
	if d, err := adminduk.ParseDate(s); err == nil {
		v.niks = adminduk.NewParser(adminduk.Options{AsOf: d, Lenient: v.o.Lenient})
	}
}

var nikReasonID = map[adminduk.Reason]string{
	adminduk.ReasonSyntax: "harus 16 angka",
	adminduk.ReasonDate:   "tanggal lahir di dalam nomor tidak ada",
	adminduk.ReasonRegion: "kode wilayah di dalam nomor tidak dikenal",
	adminduk.ReasonSerial: "nomor urut 0000 tidak pernah diterbitkan",
}

// convert parses the value s of field with parse, recording a field error
// with the messages id and en when it fails; "" is the zero value.
func convert[T any](v *conv, field adminduk.Pointer, s string, parse func(string) (T, error), id, en string) T {
	var x T
	if s == "" {
		return x
	}
	x, err := parse(s)
	if err != nil {
		v.c.addErr(field, adminduk.CodeInvalid, id, en, err)
	}
	return x
}

func (v *conv) nik(field adminduk.Pointer, s string) adminduk.NIK {
	n, err := v.niks.ParseNIK(s)
	if s != "" && err != nil {
		v.parseErr(field, err)
	}
	return n
}

func (v *conv) kk(field adminduk.Pointer, s string) adminduk.KK {
	n, err := v.niks.ParseKK(s)
	if s != "" && err != nil {
		v.parseErr(field, err)
	}
	return n
}

func (v *conv) parseErr(field adminduk.Pointer, err error) {
	var pe *adminduk.ParseError
	if errors.As(err, &pe) {
		v.c.addErr(field, adminduk.CodeInvalid, "nomor tidak valid: "+nikReasonID[pe.Reason], "invalid number: "+pe.Msg, err)
		return
	}
	v.c.addErr(field, adminduk.CodeInvalid, "tidak valid", err.Error(), err)
}

func (v *conv) sex(field adminduk.Pointer, s string) adminduk.Sex {
	return convert(v, field, s, adminduk.ParseSex, `harus "L" atau "P"`, `must be "male" or "female" ("L"/"P")`)
}

func (v *conv) date(field adminduk.Pointer, s string) adminduk.Date {
	return convert(v, field, s, adminduk.ParseDate, "tanggal harus YYYY-MM-DD dan ada di kalender", "date must be YYYY-MM-DD and exist")
}

func (v *conv) clock(field adminduk.Pointer, s string) TimeOfDay {
	t, err := ParseTimeOfDay(s)
	if err != nil {
		v.c.addErr(field, adminduk.CodeInvalid, "jam harus HH:MM", "time must be HH:MM", err)
	}
	return t
}

var numberErrID = map[error]string{
	ErrSyntax:               "bentuk nomor salah (KKKK-TT-DDMMYYYY-NNNN)",
	ErrUnknownType:          "jenis nomor tidak dikenal",
	ErrUnknownOffice:        "kode kabupaten/kota tidak dikenal",
	adminduk.ErrInvalidDate: "tanggal di dalam nomor tidak ada",
	ErrInvalidSerial:        "nomor urut 0000",
	ErrLegacy:               "nomor bentuk lama tidak diterima",
}

func (v *conv) number(field adminduk.Pointer, s string) Number {
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
		v.c.addErr(field, adminduk.CodeInvalid, id, en, err)
	}
	return n
}

func (v *conv) regency(field adminduk.Pointer, s string) wilayah.Code {
	return convert(v, field, s, wilayah.ParseCode, "kode wilayah tidak valid", "invalid region code")
}

func (v *conv) nip(field adminduk.Pointer, s string) adminduk.NIP {
	return convert(v, field, s, adminduk.ParseNIP, "NIP harus 18 angka yang sah", "NIP must be 18 valid digits")
}

func (v *conv) party(field adminduk.Pointer, p wireParty) Party {
	return Party{NIK: v.nik(field+"/nik", p.NIK), Name: p.Name}
}

func (v *conv) parties(field adminduk.Pointer, ps []wireParty) []Party {
	out := make([]Party, len(ps))
	for i, p := range ps {
		out[i] = v.party(field.Index(i), p)
	}
	return out
}

func (v *conv) issuer(i wireIssuer) adminduk.Issuer {
	return adminduk.Issuer{
		Regency: v.regency("/issuer/regency", i.Regency), HeadName: i.HeadName,
		HeadNIP: v.nip("/issuer/head_nip", i.HeadNIP), Place: i.Place,
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

func toWireIssuer(i adminduk.Issuer) wireIssuer {
	return wireIssuer{Regency: i.Regency.String(), HeadName: i.HeadName, HeadNIP: i.HeadNIP.String(), Place: i.Place}
}

// decodeBirth reads a birth; nil when data is not a JSON object.
func decodeBirth(data []byte, o DecodeOptions) (*Birth, *conv) {
	var w wireBirth
	v := newConv("akta: invalid kelahiran", o)
	if !decodeStrict(data, &w, v.c, "akta.json") {
		return nil, v
	}
	if k, err := ParseKind(w.Type); err != nil || k != KindBirth {
		v.c.add("/type", adminduk.CodeInvalid, `harus "kelahiran"`, `must be "kelahiran"`)
	}
	v.asOf(w.RegisteredAt)
	ch := w.Child
	b := &Birth{
		Number: v.number("/number", w.Number),
		Child: Child{
			NIK: v.nik("/child/nik", ch.NIK), Name: ch.Name, Sex: v.sex("/child/sex", ch.Sex),
			BirthDate: v.date("/child/birth_date", ch.BirthDate), BirthTime: v.clock("/child/birth_time", ch.BirthTime),
			BirthPlace: ch.BirthPlace, BirthOrder: ch.BirthOrder,
			WeightGrams: ch.WeightG, LengthMM: int(math.Round(ch.LengthCM * 10)),
		},
		Mother:       v.party("/mother", w.Mother),
		Reporter:     v.party("/reporter", w.Reporter),
		Witnesses:    v.parties("/witnesses", w.Witnesses),
		RegisteredAt: v.date("/registered_at", w.RegisteredAt),
		IssuedAt:     v.date("/issued_at", w.IssuedAt),
		Issuer:       v.issuer(w.Issuer),
		KK:           v.kkKey(&w.KKNumber, w.KK, "/kk"),
		Version:      w.Version,
	}
	for i, n := range w.Notes {
		b.Notes = append(b.Notes, MarginalNote{
			Date: v.date(adminduk.Pointer("/notes/"+itoa(i)+"/date"), n.Date), Text: n.Text, Authority: n.Authority,
		})
	}
	if ch.Multiplicity != "" {
		m, err := ParseMultiplicity(string(ch.Multiplicity))
		if err != nil {
			v.c.addErr("/child/multiplicity", adminduk.CodeInvalid, `harus "tunggal" atau "kembar-N"`, `must be "tunggal" or "kembar-N"`, err)
		}
		b.Child.Multiplicity = m
	}
	enumField(v, "/child/citizenship", ch.Citizenship, &b.Child.Citizenship, adminduk.ParseCitizenship)
	enumField(v, "/parents", w.Parents, &b.Parents, ParseParents)
	enumField(v, "/proof", w.Proof, &b.Proof, ParseProof)
	if w.Father != nil {
		f := v.party("/father", *w.Father)
		b.Father = &f
	}
	b.warnings = v.warnings
	return b, v
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
		KKNumber: b.KK.String(), Version: b.Version,
	}
	for _, n := range b.Notes {
		w.Notes = append(w.Notes, wireNote{Date: n.Date.String(), Text: n.Text, Authority: n.Authority})
	}
	if b.Father != nil {
		f := toWireParty(*b.Father)
		w.Father = &f
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the akta.json form of a birth with the default
// options. Unlike [DecodeRecord] it does not validate: only values that do
// not parse are reported, as a *[adminduk.ValidationError].
func (b *Birth) UnmarshalJSON(data []byte) error {
	data = trimBOM(data)
	nb, v := decodeBirth(data, DecodeOptions{})
	if err := v.c.err(); err != nil {
		return err
	}
	*b = *nb
	return nil
}

// decodeDeath reads a death; nil when data is not a JSON object.
func decodeDeath(data []byte, o DecodeOptions) (*Death, *conv) {
	var w wireDeath
	v := newConv("akta: invalid kematian", o)
	if !decodeStrict(data, &w, v.c, "akta.json") {
		return nil, v
	}
	if k, err := ParseKind(w.Type); err != nil || k != KindDeath {
		v.c.add("/type", adminduk.CodeInvalid, `harus "kematian"`, `must be "kematian"`)
	}
	v.asOf(w.RegisteredAt)
	p := w.Deceased
	d := &Death{
		Number: v.number("/number", w.Number),
		Deceased: Deceased{
			NIK: v.nik("/deceased/nik", p.NIK), Name: p.Name, Sex: v.sex("/deceased/sex", p.Sex),
			BirthPlace: p.BirthPlace, BirthDate: v.date("/deceased/birth_date", p.BirthDate),
			FatherName: p.FatherName, MotherName: p.MotherName,
		},
		DeathDate:    v.date("/death_date", w.DeathDate),
		DeathTime:    v.clock("/death_time", w.DeathTime),
		DeathPlace:   w.DeathPlace,
		Reporter:     v.party("/reporter", w.Reporter),
		Witnesses:    v.parties("/witnesses", w.Witnesses),
		RegisteredAt: v.date("/registered_at", w.RegisteredAt),
		IssuedAt:     v.date("/issued_at", w.IssuedAt),
		Issuer:       v.issuer(w.Issuer),
		KK:           v.kkKey(&w.KKNumber, w.KK, "/kk"),
	}
	enumField(v, "/deceased/citizenship", p.Citizenship, &d.Deceased.Citizenship, adminduk.ParseCitizenship)
	enumField(v, "/proof", w.Proof, &d.Proof, ParseProof)
	if w.Cause != "" {
		cause, err := ParseCause(w.Cause)
		if err != nil {
			v.c.addErr("/cause", adminduk.CodeInvalid, "sebab kematian tidak dikenal", "unknown cause category", err)
		}
		d.Cause = cause
	}
	d.warnings = v.warnings
	return d, v
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
		KKNumber: d.KK.String(),
	})
}

// UnmarshalJSON reads the akta.json form of a death with the default
// options, without validating (see [Birth.UnmarshalJSON]).
func (d *Death) UnmarshalJSON(data []byte) error {
	data = trimBOM(data)
	nd, v := decodeDeath(data, DecodeOptions{})
	if err := v.c.err(); err != nil {
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
