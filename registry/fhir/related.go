package fhir

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// relations maps HL7 v3 role codes of a RelatedPerson onto the reporter's
// relation; another v3 role code (a grandparent, an aunt ...) is "keluarga".
var relations = map[string]string{"FTH": "ayah", "NFTH": "ayah", "MTH": "ibu", "NMTH": "ibu"}

// mapRelated maps the RelatedPersons of the newborn: the father (v3 role
// code FTH or NFTH), the reporter (v3 participation type INF, informant)
// and the witnesses of an SPTJM (WIT). One person may hold several roles:
// a father who reports the birth carries FTH and INF.
func (m *mapper) mapRelated() {
	reporter := -1
	for i := range m.res {
		rp, ok := m.res[i].v.(*relatedPerson)
		if !ok {
			continue
		}
		at := m.res[i].at
		if rp.Patient.Reference != "" {
			if p := m.resolve(rp.Patient, at.Key("patient"), "Patient"); p >= 0 && p != m.newborn && p != m.mother {
				m.c.AddCode(at.Key("patient").Key("reference"), adminduk.CodeMismatch,
					"harus merujuk Patient bayi", "must refer to the newborn Patient")
				continue
			}
		}
		var father, informant, witness bool
		relation := ""
		for _, r := range rp.Relationship {
			for _, c := range r.Coding {
				switch {
				case c.System == SystemRoleCode && (c.Code == "FTH" || c.Code == "NFTH"):
					father = true
					relation = relations[c.Code]
				case c.System == SystemRoleCode:
					if rel, ok := relations[c.Code]; ok {
						relation = rel
					} else if relation == "" {
						relation = "keluarga"
					}
				case c.System == SystemParticipationType && c.Code == "INF":
					informant = true
				case c.System == SystemParticipationType && c.Code == "WIT":
					witness = true
				}
			}
		}
		if father {
			if m.father >= 0 {
				m.c.AddCode(at.Key("relationship"), adminduk.CodeDuplicate, "bayi hanya mempunyai satu ayah",
					"a newborn has one father")
			} else {
				m.father = i
				m.rep.Father = m.parentFrom(rp, at, "/father")
			}
		}
		if informant {
			if reporter >= 0 {
				m.c.AddCode(at.Key("relationship"), adminduk.CodeDuplicate, "hanya satu pelapor",
					"a birth has one reporter")
			} else {
				reporter = i
				p := m.parentFrom(rp, at, "/reporter")
				m.rep.Reporter = registry.Reporter{NIK: p.NIK, Name: p.Name, Relation: relation}
				m.source("/reporter/relation", at.Key("relationship"))
			}
		}
		if witness {
			k := len(m.rep.Witnesses)
			p := m.parentFrom(rp, at, adminduk.NewPointer("witnesses").Index(k))
			m.rep.Witnesses = append(m.rep.Witnesses, registry.Witness{NIK: p.NIK, Name: p.Name})
			m.source("/witnesses", at)
		}
	}
	if _, ok := m.src["/witnesses"]; !ok {
		m.source("/witnesses", "/entry")
	}
	if reporter < 0 {
		m.source("/reporter", "/entry")
	}
	if m.father < 0 {
		m.source("/father", "/entry")
	}
}
