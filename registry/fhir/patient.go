package fhir

import (
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
)

// Identifier systems and extensions of SATUSEHAT and HL7 the mapping reads.
const (
	SystemNIK    = "https://fhir.kemkes.go.id/id/nik"     // a person's NIK
	SystemNIKIbu = "https://fhir.kemkes.go.id/id/nik-ibu" // a newborn's mother's NIK, until the child has its own
	SystemKK     = "https://fhir.kemkes.go.id/id/kk"      // the family card number

	// URLAdministrativeCode is SATUSEHAT's address extension with the
	// Kemendagri codes as sub-extensions province, city, district, village
	// (10 digits), rt and rw.
	URLAdministrativeCode = "https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode"
	// URLCitizenship is SATUSEHAT's citizenship extension (valueCode WNI or WNA).
	URLCitizenship = "https://fhir.kemkes.go.id/r4/StructureDefinition/citizenshipStatus"
	// URLBirthTime is HL7's patient-birthTime extension on birthDate.
	URLBirthTime = "http://hl7.org/fhir/StructureDefinition/patient-birthTime"
	// URLReligion is HL7's patient-religion extension (valueCodeableConcept:
	// its text, else a coding's display, names the religion as the KK does).
	URLReligion = "http://hl7.org/fhir/StructureDefinition/patient-religion"
	// URLBirthPlace is HL7's patient-birthPlace extension (valueAddress).
	URLBirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace"

	// SystemMaritalStatus is HL7's v3 marital status code system.
	SystemMaritalStatus = "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus"
)

// mapPatients finds the newborn (the Patient identified by nik-ibu) and its
// mother (the Patient whose NIK that is) and maps them, with the family's
// address. It reports false when either is missing: nothing else can be
// mapped then.
func (m *mapper) mapPatients() bool {
	m.newborn, m.mother, m.father = -1, -1, -1
	var nikIbu string
	var nikIbuAt adminduk.Pointer
	for i := range m.res {
		p, ok := m.res[i].v.(*patient)
		if !ok {
			continue
		}
		v, k := ident(p.Identifier, SystemNIKIbu)
		if k < 0 {
			continue
		}
		at := m.res[i].at
		if m.newborn >= 0 {
			m.c.AddCode(at.Key("identifier").Index(k), adminduk.CodeDuplicate,
				"satu bundle melaporkan satu bayi", "a bundle reports one newborn")
			continue
		}
		if _, own := ident(p.Identifier, SystemNIK); own >= 0 {
			m.c.AddCode(at.Key("identifier").Index(own), adminduk.CodeNotAllowed,
				"bayi yang sudah ber-NIK sudah tercatat kelahirannya", "a child with a NIK of its own is already registered")
		}
		m.newborn, nikIbu, nikIbuAt = i, v, at.Key("identifier").Index(k).Key("value")
	}
	if m.newborn < 0 {
		m.c.AddCode("/entry", adminduk.CodeRequired,
			"tidak ada Patient bayi dengan identifier "+SystemNIKIbu,
			"no newborn Patient with an identifier "+SystemNIKIbu)
		return false
	}
	for i := range m.res {
		p, ok := m.res[i].v.(*patient)
		if !ok || i == m.newborn {
			continue
		}
		if v, _ := ident(p.Identifier, SystemNIK); v != "" && v == nikIbu {
			m.mother = i
			break
		}
	}
	if m.mother < 0 {
		m.c.AddCode(nikIbuAt, adminduk.CodeRequired,
			"tidak ada Patient ibu dengan NIK ini dalam bundle", "no mother Patient with this NIK in the bundle")
		return false
	}
	m.mapNewborn()
	m.mapMother()
	return true
}

func (m *mapper) mapNewborn() {
	p, at := m.res[m.newborn].v.(*patient), m.res[m.newborn].at
	ch := &m.rep.Child
	ch.Name, _ = name(p.Name)
	m.source("/child/name", namePointer(at, p.Name))
	if _, i := name(p.Name); i >= 0 {
		// SATUSEHAT names a newborn "Bayi Ny. <mother>" until the family
		// chooses; HL7's name use "temp" says the same.
		ch.ProvisionalName = p.Name[i].Use == "temp" || strings.HasPrefix(strings.ToLower(ch.Name), "bayi ")
	}
	switch p.Gender {
	case "male":
		ch.Sex = "L"
	case "female":
		ch.Sex = "P"
	case "":
	default:
		m.c.AddCode(at.Key("gender"), adminduk.CodeInvalid, "harus male atau female", "must be male or female")
	}
	m.source("/child/sex", at.Key("gender"))
	m.religion(p.Extension, at)
	ch.BirthDate = p.BirthDate
	m.source("/child/birth_date", at.Key("birthDate"))
	m.birthTime(p, at)
	if v, k := ident(p.Identifier, SystemKK); k >= 0 {
		m.rep.Family.KK = v
		m.source("/family/kk", at.Key("identifier").Index(k).Key("value"))
	}
	if p.MultipleBirthBoolean != nil {
		m.source("/child/multiplicity", at.Key("multipleBirthBoolean"))
		if !*p.MultipleBirthBoolean {
			ch.Multiplicity = "tunggal"
		}
	}
	if p.MultipleBirthInteger != nil {
		m.source("/child/multiplicity", at.Key("multipleBirthInteger"))
		if *p.MultipleBirthInteger == 0 {
			ch.Multiplicity = "tunggal"
		}
	}
	if _, ok := m.src["/child/multiplicity"]; !ok {
		m.source("/child/multiplicity", at.Key("multipleBirthInteger"))
	}
}

// birthTime maps the patient-birthTime extension of birthDate (or, leniently,
// of the Patient): the clock time as written, in its own offset, on the
// birth date.
func (m *mapper) birthTime(p *patient, at adminduk.Pointer) {
	var e *extension
	var eat adminduk.Pointer
	if p.BirthDateElement != nil {
		if x, i := ext(p.BirthDateElement.Extension, URLBirthTime); x != nil {
			e, eat = x, at.Key("_birthDate").Key("extension").Index(i).Key("valueDateTime")
		}
	}
	if e == nil {
		if x, i := ext(p.Extension, URLBirthTime); x != nil {
			e, eat = x, at.Key("extension").Index(i).Key("valueDateTime")
		}
	}
	if e == nil {
		return
	}
	m.source("/child/birth_time", eat)
	t, err := time.Parse(time.RFC3339, e.ValueDateTime)
	if err != nil {
		m.c.Add(adminduk.FieldError{Pointer: eat, Code: adminduk.CodeInvalid,
			Indonesian: "bukan dateTime FHIR dengan jam dan zona waktu",
			English:    "is not a FHIR dateTime with a time and a zone", Cause: err})
		return
	}
	if d := t.Format("2006-01-02"); p.BirthDate != "" && d != p.BirthDate {
		m.c.AddCode(eat, adminduk.CodeMismatch, "tanggal tidak sama dengan birthDate", "its date differs from birthDate")
		return
	}
	if p.BirthDate == "" {
		m.rep.Child.BirthDate = t.Format("2006-01-02")
	}
	m.rep.Child.BirthTime = t.Format("15:04")
}

func (m *mapper) mapMother() {
	p, at := m.res[m.mother].v.(*patient), m.res[m.mother].at
	mo := &m.rep.Mother
	var k int
	mo.NIK, k = ident(p.Identifier, SystemNIK)
	m.source("/mother/nik", at.Key("identifier").Index(k).Key("value"))
	mo.Name, _ = name(p.Name)
	m.source("/mother/name", namePointer(at, p.Name))
	mo.BirthDate = p.BirthDate
	m.source("/mother/birth_date", at.Key("birthDate"))
	mo.BirthPlace = m.birthPlace(p.Extension, at, "/mother/birth_place")
	mo.Citizenship = m.citizenship(p.Extension, at, "/mother/citizenship")
	if v, k := ident(p.Identifier, SystemKK); k >= 0 {
		kat := at.Key("identifier").Index(k).Key("value")
		if m.rep.Family.KK != "" && m.rep.Family.KK != v {
			m.c.AddCode(kat, adminduk.CodeMismatch, "nomor KK ibu berbeda dengan nomor KK bayi",
				"the mother's KK number differs from the newborn's")
		}
		m.rep.Family.KK = v
		m.source("/family/kk", kat)
	}
	if m.mapAddress(p.Address, at) {
		return
	}
	nb := m.res[m.newborn]
	if !m.mapAddress(nb.v.(*patient).Address, nb.at) {
		m.source("/family/address", at.Key("address"))
	}
}

func (m *mapper) birthPlace(es []extension, at adminduk.Pointer, report adminduk.Pointer) string {
	e, i := ext(es, URLBirthPlace)
	if e == nil || e.ValueAddress == nil {
		return ""
	}
	m.source(report, at.Key("extension").Index(i).Key("valueAddress").Key("city"))
	return e.ValueAddress.City
}

// religion maps the newborn's patient-religion extension, when present, to
// the child's religion; a religion the KK does not record is a field error
// at the extension.
func (m *mapper) religion(es []extension, at adminduk.Pointer) {
	e, i := ext(es, URLReligion)
	if e == nil || e.ValueCodeableConcept == nil {
		return
	}
	cc, p := e.ValueCodeableConcept, at.Key("extension").Index(i).Key("valueCodeableConcept")
	text := cc.Text
	for k := 0; text == "" && k < len(cc.Coding); k++ {
		text = cc.Coding[k].Display
	}
	if _, err := adminduk.ParseReligion(text); err != nil {
		m.c.Add(adminduk.FieldError{Pointer: p, Code: adminduk.CodeInvalid,
			Indonesian: "agama tidak dikenal", English: "unknown religion", Cause: err})
		return
	}
	m.rep.Child.Religion = text
	m.source("/child/religion", p)
}

func (m *mapper) citizenship(es []extension, at adminduk.Pointer, report adminduk.Pointer) string {
	e, i := ext(es, URLCitizenship)
	if e == nil {
		return ""
	}
	m.source(report, at.Key("extension").Index(i).Key("valueCode"))
	return e.ValueCode
}

// mapAddress maps the home address (else the first) of a patient with its
// administrative codes; it reports false when there is no address.
func (m *mapper) mapAddress(as []address, at adminduk.Pointer) bool {
	if len(as) == 0 {
		return false
	}
	k := 0
	for i := range as {
		if as[i].Use == "home" {
			k = i
			break
		}
	}
	a, aat := &as[k], at.Key("address").Index(k)
	out := &m.rep.Family.Address
	out.Street = strings.Join(a.Line, ", ")
	m.source("/family/address", aat)
	m.source("/family/address/street", aat.Key("line"))
	e, i := ext(a.Extension, URLAdministrativeCode)
	if e == nil {
		m.source("/family/address/village", aat.Key("extension"))
		return true
	}
	eat := aat.Key("extension").Index(i).Key("extension")
	m.source("/family/address/village", eat)
	codes := map[string]string{}
	for j, sub := range e.Extension {
		v := strings.TrimSpace(sub.ValueCode)
		if v == "" {
			v = strings.TrimSpace(sub.ValueString)
		}
		codes[sub.URL] = v
		vat := eat.Index(j).Key("valueCode")
		switch sub.URL {
		case "village":
			m.source("/family/address/village", vat)
		case "rt":
			m.source("/family/address/rt", vat)
		case "rw":
			m.source("/family/address/rw", vat)
		}
	}
	village := codes["village"]
	if c, err := wilayah.ParseCode(village); err == nil && c.Level() == wilayah.LevelVillage {
		village = c.String()
		plain := c.Plain()
		for j, sub := range e.Extension {
			want := map[string]int{"province": 2, "city": 4, "district": 6}[sub.URL]
			got := strings.ReplaceAll(codes[sub.URL], ".", "")
			if want > 0 && got != "" && got != plain[:want] {
				m.c.AddCode(eat.Index(j).Key("valueCode"), adminduk.CodeMismatch,
					"kode wilayah tidak sesuai dengan kode desa/kelurahan",
					"the region code disagrees with the village code")
			}
		}
	}
	out.Village = village
	out.RT, out.RW = pad3(codes["rt"]), pad3(codes["rw"])
	return true
}

// pad3 writes an RT or RW number with three digits, as the KTP and KK do
// ("2" -> "002"); anything else is returned unchanged for validation.
func pad3(s string) string {
	if len(s) == 0 || len(s) >= 3 {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return s
		}
	}
	return strings.Repeat("0", 3-len(s)) + s
}

// parentFrom maps a RelatedPerson onto a parent of the report under prefix
// ("/father").
func (m *mapper) parentFrom(rp *relatedPerson, at adminduk.Pointer, prefix adminduk.Pointer) *registry.Parent {
	p := &registry.Parent{}
	var k int
	p.NIK, k = ident(rp.Identifier, SystemNIK)
	if k >= 0 {
		m.source(prefix.Key("nik"), at.Key("identifier").Index(k).Key("value"))
	} else {
		m.source(prefix.Key("nik"), at.Key("identifier"))
	}
	p.Name, _ = name(rp.Name)
	m.source(prefix.Key("name"), namePointer(at, rp.Name))
	p.BirthDate = rp.BirthDate
	m.source(prefix.Key("birth_date"), at.Key("birthDate"))
	p.BirthPlace = m.birthPlace(rp.Extension, at, prefix.Key("birth_place"))
	p.Citizenship = m.citizenship(rp.Extension, at, prefix.Key("citizenship"))
	m.source(prefix, at)
	return p
}
