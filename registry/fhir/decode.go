package fhir

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// MaxBundle is the largest bundle [Decode] reads, in bytes.
const MaxBundle = 4 << 20

// DecodeError reports input that is not a FHIR JSON bundle at all: malformed
// JSON, an element of the wrong JSON type, a resource that is not an object.
// It unwraps to [adminduk.ErrSyntax]; Pointer locates the element when known.
type DecodeError struct {
	Pointer adminduk.Pointer
	Msg     string
}

func (e *DecodeError) Error() string {
	if e.Pointer != "" {
		return fmt.Sprintf("fhir: invalid bundle JSON at %s: %s", e.Pointer, e.Msg)
	}
	return "fhir: invalid bundle JSON: " + e.Msg
}

// Unwrap returns [adminduk.ErrSyntax].
func (e *DecodeError) Unwrap() error { return adminduk.ErrSyntax }

// Result is a bundle mapped onto a birth report, with the FHIR element each
// field of the report came from.
type Result struct {
	Report *registry.BirthReport
	// Missing lists, with FHIR pointers, what the Dinas must still collect
	// before it can register the birth (see
	// [registry.BirthReport.ValidateNotify]); a report with something
	// missing is accepted and flagged incomplete.
	Missing []adminduk.FieldError
	sources map[adminduk.Pointer]adminduk.Pointer
}

// Element returns the FHIR element ("/entry/2/resource/birthDate") that
// the report field at p ("/child/birth_date") came from, or would have come
// from when absent: the closest mapped ancestor of p, "" (the bundle) when
// none is known.
func (r *Result) Element(p adminduk.Pointer) adminduk.Pointer {
	for {
		if e, ok := r.sources[p]; ok {
			return e
		}
		i := strings.LastIndexByte(string(p), '/')
		if i <= 0 {
			return ""
		}
		p = p[:i]
	}
}

// Translate rewrites the pointers of a *[adminduk.ValidationError] about the
// report (from [registry.Service.NotifyBirth], say) into pointers to the
// bundle's elements; other errors are returned unchanged.
func (r *Result) Translate(err error) error {
	var ve *adminduk.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	return &adminduk.ValidationError{What: ve.What, Fields: r.translate(ve.Fields)}
}

func (r *Result) translate(fs []adminduk.FieldError) []adminduk.FieldError {
	if fs == nil {
		return nil
	}
	out := make([]adminduk.FieldError, len(fs))
	for i, f := range fs {
		f.Pointer = r.Element(f.Pointer)
		out[i] = f
	}
	return out
}

// DecodeBirthBundle maps a FHIR R4 Bundle onto a birth report; it is
// [Decode] without the sources.
func DecodeBirthBundle(data []byte) (*registry.BirthReport, error) {
	res, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return res.Report, nil
}

// Decode maps a FHIR R4 Bundle, as a SATUSEHAT-connected SIMRS produces it,
// onto a [registry.BirthReport] (see the package doc for the mapping).
// Malformed JSON is a *[DecodeError] (unwrapping to [adminduk.ErrSyntax]);
// a bundle that cannot be mapped, or whose report could not be notified,
// is a *[adminduk.ValidationError] whose pointers name the bundle's
// elements. What registration still needs may be missing: it is listed in
// Result.Missing and the report is returned.
func Decode(data []byte) (*Result, error) {
	if len(data) > MaxBundle {
		return nil, &DecodeError{Msg: fmt.Sprintf("larger than %d bytes", MaxBundle)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var b bundle
	if err := unmarshal(data, &b, ""); err != nil {
		return nil, err
	}
	m := &mapper{
		c:   adminduk.Checker{What: "fhir: bundle cannot be mapped onto a birth report"},
		src: make(map[adminduk.Pointer]adminduk.Pointer),
		ref: make(map[string]int),
	}
	if b.ResourceType != "Bundle" {
		m.c.AddCode("/resourceType", adminduk.CodeInvalid, "harus Bundle", "must be Bundle")
		return nil, m.c.Err()
	}
	if err := m.index(b.Entry); err != nil {
		return nil, err
	}
	r := &m.rep
	if b.Identifier != nil {
		r.ExternalRef = b.Identifier.Value
	}
	m.source("/external_ref", "/identifier/value")
	if !m.mapPatients() {
		return nil, m.c.Err()
	}
	m.mapObservations()
	m.mapEncounter()
	m.mapRelated()
	m.mapDocuments()
	m.mapParents()
	res := &Result{Report: r, sources: m.src}
	missing, err := r.ValidateNotify()
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) {
		// Every problem at once: the report's, shown against the bundle,
		// except where the mapping already said what is wrong.
		for _, f := range res.translate(ve.Fields) {
			if !m.c.Has(f.Pointer) {
				m.c.Add(f)
			}
		}
	} else if err != nil {
		return nil, err
	}
	if err := m.c.Err(); err != nil {
		return nil, err
	}
	res.Missing = res.translate(missing)
	for i := range res.Missing {
		if h, ok := hints[missing[i].Pointer]; ok {
			res.Missing[i].Indonesian = string(missing[i].Pointer[1:]) + " belum ada: " + h[0]
			res.Missing[i].English = string(missing[i].Pointer[1:]) + " is missing: " + h[1]
		}
	}
	return res, nil
}

// hints say, for what registration needs, which resource would carry it.
var hints = map[adminduk.Pointer][2]string{
	"/child/birth_order": {"tambahkan Observation LOINC 11638-1 (jumlah lahir hidup) ibu",
		"add the mother's Observation LOINC 11638-1 (live births)"},
	"/child/attendant": {"tambahkan participant PPRF Encounter (Practitioner dengan qualification)",
		"add the Encounter's PPRF participant (a Practitioner with its qualification)"},
	"/parents": {"tambahkan RelatedPerson ayah (FTH) dengan bukti perkawinan, atau maritalStatus ibu",
		"add the father (RelatedPerson FTH) with a proof of marriage, or the mother's maritalStatus"},
	"/father":        {"tambahkan RelatedPerson ayah (FTH)", "add the father (RelatedPerson FTH)"},
	"/reporter/nik":  {"tambahkan RelatedPerson pelapor (INF)", "add the reporter (RelatedPerson INF)"},
	"/reporter/name": {"tambahkan RelatedPerson pelapor (INF)", "add the reporter (RelatedPerson INF)"},
	"/proof": {"tambahkan DocumentReference surat-keterangan-lahir atau sptjm-f2.03",
		"add a DocumentReference surat-keterangan-lahir or sptjm-f2.03"},
	"/certificate": {"tambahkan nomor surat keterangan lahir (masterIdentifier)",
		"add the number of the surat keterangan lahir (masterIdentifier)"},
	"/marriage": {"tambahkan DocumentReference buku-nikah atau akta-perkawinan (atau sptjm-f2.04)",
		"add a DocumentReference buku-nikah or akta-perkawinan (or sptjm-f2.04)"},
	"/witnesses": {"tambahkan dua RelatedPerson saksi (WIT)", "add two witnesses (RelatedPerson WIT)"},
}

// unmarshal decodes data into v, reporting errors as a *DecodeError under at.
func unmarshal(data []byte, v any, at adminduk.Pointer) error {
	err := json.Unmarshal(data, v)
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		p := at
		if te.Field != "" {
			for _, k := range strings.Split(te.Field, ".") {
				p = p.Key(k)
			}
		}
		return &DecodeError{Pointer: p, Msg: "expected " + te.Type.String() + ", got " + te.Value}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &DecodeError{Pointer: at, Msg: fmt.Sprintf("%s (at byte %d)", strings.TrimPrefix(se.Error(), "json: "), se.Offset)}
	}
	return &DecodeError{Pointer: at, Msg: strings.TrimPrefix(err.Error(), "json: ")}
}

// resource is one entry of the bundle, decoded by its type.
type resource struct {
	typ, id string
	at      adminduk.Pointer // "/entry/3/resource"
	v       any              // *patient, *observation ... or nil for types the mapping ignores
}

// mapper carries the state of one mapping.
type mapper struct {
	c       adminduk.Checker
	res     []resource
	ref     map[string]int // fullUrl and "Type/id" -> index in res
	src     map[adminduk.Pointer]adminduk.Pointer
	rep     registry.BirthReport
	newborn int // index of the newborn Patient
	mother  int // index of the mother Patient

	marriageDoc, sptjmMarriageDoc bool
	father                        int // index of the father RelatedPerson, -1 for none
}

func (m *mapper) source(report adminduk.Pointer, element adminduk.Pointer) { m.src[report] = element }

func (m *mapper) index(entries []entry) error {
	m.res = make([]resource, len(entries))
	for i, e := range entries {
		at := adminduk.NewPointer("entry").Index(i).Key("resource")
		var h head
		if len(e.Resource) == 0 || e.Resource[0] != '{' {
			return &DecodeError{Pointer: at, Msg: "a resource must be a JSON object"}
		}
		if err := unmarshal(e.Resource, &h, at); err != nil {
			return err
		}
		var v any
		switch h.ResourceType {
		case "Patient":
			v = new(patient)
		case "RelatedPerson":
			v = new(relatedPerson)
		case "Observation":
			v = new(observation)
		case "Encounter":
			v = new(encounter)
		case "Location":
			v = new(location)
		case "Organization":
			v = new(organization)
		case "Practitioner":
			v = new(practitioner)
		case "DocumentReference":
			v = new(documentReference)
		case "":
			m.c.AddCode(at.Key("resourceType"), adminduk.CodeRequired, "wajib diisi", "is required")
		}
		if v != nil {
			if err := unmarshal(e.Resource, v, at); err != nil {
				return err
			}
		}
		m.res[i] = resource{typ: h.ResourceType, id: h.ID, at: at, v: v}
		if e.FullURL != "" {
			m.ref[e.FullURL] = i
		}
		if h.ResourceType != "" && h.ID != "" {
			m.ref[h.ResourceType+"/"+h.ID] = i
		}
	}
	return nil
}

// resolve returns the index of the resource of type typ that ref names, -1
// when ref names none (only a display). A reference to a resource missing
// from the bundle, or of another type, is an error at the reference.
func (m *mapper) resolve(ref reference, at adminduk.Pointer, typ string) int {
	if ref.Reference == "" {
		return -1
	}
	i, ok := m.lookup(ref.Reference)
	if !ok {
		m.c.AddCode(at.Key("reference"), adminduk.CodeInvalid, "merujuk sumber yang tidak ada dalam bundle",
			"refers to a resource that is not in the bundle")
		return -1
	}
	if m.res[i].typ != typ {
		m.c.AddCode(at.Key("reference"), adminduk.CodeMismatch, "harus merujuk "+typ, "must refer to a "+typ)
		return -1
	}
	return i
}

// lookup finds the resource a reference names: by fullUrl, "Type/id", or
// an absolute URL ending in Type/id.
func (m *mapper) lookup(ref string) (int, bool) {
	if i, ok := m.ref[ref]; ok {
		return i, true
	}
	parts := strings.Split(ref, "/")
	if len(parts) > 2 {
		i, ok := m.ref[parts[len(parts)-2]+"/"+parts[len(parts)-1]]
		return i, ok
	}
	return -1, false
}

// name returns the name to report from a list of FHIR names (the official
// one, else the first): its text, else the given names and the family name.
func name(ns []humanName) (string, int) {
	if len(ns) == 0 {
		return "", -1
	}
	best := 0
	for i := range ns {
		if ns[i].Use == "official" {
			best = i
			break
		}
	}
	n := ns[best]
	if strings.TrimSpace(n.Text) != "" {
		return strings.TrimSpace(n.Text), best
	}
	parts := append(append([]string(nil), n.Given...), n.Family)
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " "), best
}

// namePointer returns the pointer of the name chosen by [name].
func namePointer(at adminduk.Pointer, ns []humanName) adminduk.Pointer {
	_, i := name(ns)
	if i < 0 {
		return at.Key("name")
	}
	if strings.TrimSpace(ns[i].Text) != "" {
		return at.Key("name").Index(i).Key("text")
	}
	return at.Key("name").Index(i)
}

// ident returns the value of the identifier of system and its index, -1
// when there is none.
func ident(ids []identifier, system string) (string, int) {
	for i := range ids {
		if ids[i].System == system {
			return strings.TrimSpace(ids[i].Value), i
		}
	}
	return "", -1
}

// has reports whether cc holds the code of system.
func has(cc codeableConcept, system, code string) bool {
	for _, c := range cc.Coding {
		if c.System == system && c.Code == code {
			return true
		}
	}
	return false
}

// ext returns the first extension of url and its index, -1 when absent.
func ext(es []extension, url string) (*extension, int) {
	for i := range es {
		if strings.EqualFold(es[i].URL, url) {
			return &es[i], i
		}
	}
	return nil, -1
}
