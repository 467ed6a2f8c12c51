package fhir

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// Code systems the mapping reads for the place and the attendant.
const (
	SystemRoleCode          = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
	SystemParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
	SystemSNOMED            = "http://snomed.info/sct"
	SystemV2Degree          = "http://terminology.hl7.org/CodeSystem/v2-0360"

	// SystemPlaceType holds the place types of form F-2.01 as codes (rs,
	// puskesmas, polindes, rumah, lainnya), for a Location whose kind HL7's
	// role codes cannot say (a puskesmas, a polindes).
	SystemPlaceType = "https://github.com/adminduk-id/adminduk/registry/fhir/place-type"
	// SystemAttendant holds the birth attendants of form F-2.01 as codes
	// (dokter, bidan, dukun, lainnya), for a Practitioner's qualification.
	SystemAttendant = "https://github.com/adminduk-id/adminduk/registry/fhir/attendant"
)

// roleCodePlaces maps HL7 v3 role codes of a Location onto F-2.01 place
// types; another role code is "lainnya".
var roleCodePlaces = map[string]registry.PlaceType{
	"HOSP": registry.PlaceHospital, "HU": registry.PlaceHospital, "GACH": registry.PlaceHospital,
	"PTRES": registry.PlaceHome,
}

// qualifications maps Practitioner qualification codes onto attendants;
// another qualification is "lainnya".
var qualifications = map[coding]registry.Attendant{
	{System: SystemSNOMED, Code: "309343006"}: registry.AttendantDoctor,  // Physician
	{System: SystemSNOMED, Code: "158965000"}: registry.AttendantDoctor,  // Medical practitioner
	{System: SystemSNOMED, Code: "309453006"}: registry.AttendantMidwife, // Registered midwife
	{System: SystemSNOMED, Code: "224535009"}: registry.AttendantMidwife, // Registered nurse (bidan/perawat)
	{System: SystemV2Degree, Code: "MD"}:      registry.AttendantDoctor,
	{System: SystemV2Degree, Code: "CNM"}:     registry.AttendantMidwife,
	{System: SystemV2Degree, Code: "RN"}:      registry.AttendantMidwife,
}

// mapEncounter maps the place of birth (the Location of the newborn's
// Encounter, else the mother's) and the attendant (its primary performer or
// attender Practitioner).
func (m *mapper) mapEncounter() {
	enc, at := m.encounter()
	if enc == nil {
		m.c.AddCode("/entry", adminduk.CodeRequired,
			"tidak ada Encounter bayi atau ibu di Location faskes",
			"no Encounter of the newborn or the mother at the faskes Location")
		return
	}
	ch := &m.rep.Child
	m.source("/child/place", at.Key("location"))
	m.source("/child/place_type", at.Key("location"))
	if len(enc.Location) > 0 {
		lat := at.Key("location").Index(0).Key("location")
		if i := m.resolve(enc.Location[0].Location, lat, "Location"); i >= 0 {
			loc, rat := m.res[i].v.(*location), m.res[i].at
			ch.Place = loc.Name
			m.source("/child/place", rat.Key("name"))
			m.source("/child/place_type", rat.Key("type"))
			ch.PlaceType = placeType(loc.Type)
		} else {
			ch.Place = enc.Location[0].Location.Display
		}
	}
	m.source("/child/attendant", at.Key("participant"))
	for k, p := range enc.Participant {
		if !performer(p.Type) {
			continue
		}
		pat := at.Key("participant").Index(k).Key("individual")
		i := m.resolve(p.Individual, pat, "Practitioner")
		if i < 0 {
			continue
		}
		pr := m.res[i].v.(*practitioner)
		ch.Attendant = registry.AttendantOther
		m.source("/child/attendant", m.res[i].at.Key("qualification"))
		for _, q := range pr.Qualification {
			for _, c := range q.Code.Coding {
				if a, ok := qualifications[coding{System: c.System, Code: c.Code}]; ok {
					ch.Attendant = a
				} else if c.System == SystemAttendant && registry.Attendant(c.Code).IsValid() {
					ch.Attendant = registry.Attendant(c.Code)
				}
			}
		}
		break
	}
}

// encounter returns the Encounter of the newborn, else of the mother.
func (m *mapper) encounter() (*encounter, adminduk.Pointer) {
	for _, who := range []int{m.newborn, m.mother} {
		for i := range m.res {
			e, ok := m.res[i].v.(*encounter)
			if !ok {
				continue
			}
			if m.resolveQuiet(e.Subject) == who {
				return e, m.res[i].at
			}
		}
	}
	return nil, ""
}

// resolveQuiet is resolve without errors: -1 for anything it cannot find.
func (m *mapper) resolveQuiet(ref reference) int {
	if i, ok := m.lookup(ref.Reference); ok {
		return i
	}
	return -1
}

// performer reports whether a participant's types name who delivered the
// child: none given, primary performer (PPRF) or attender (ATND).
func performer(types []codeableConcept) bool {
	if len(types) == 0 {
		return true
	}
	for _, t := range types {
		if has(t, SystemParticipationType, "PPRF") || has(t, SystemParticipationType, "ATND") {
			return true
		}
	}
	return false
}

// placeType maps a Location's types: an F-2.01 place type code first, then
// an HL7 role code; "" when the Location has no type at all.
func placeType(types []codeableConcept) registry.PlaceType {
	var out registry.PlaceType
	for _, t := range types {
		for _, c := range t.Coding {
			switch c.System {
			case SystemPlaceType:
				if registry.PlaceType(c.Code).IsValid() {
					return registry.PlaceType(c.Code)
				}
			case SystemRoleCode:
				if p, ok := roleCodePlaces[c.Code]; ok {
					out = p
				} else if out == "" {
					out = registry.PlaceOther
				}
			}
		}
	}
	return out
}
