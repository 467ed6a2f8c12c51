package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

// births makes the synthetic births of one run: birth i (0-based) of a
// mother whose NIK is first registered in the village's kecamatan, with a
// serial of its own, so that no two births of a run are the same event.
type births struct {
	village wilayah.Code
	day     adminduk.Date // the day of birth
	prefix  string        // of external_ref
	kk      string
}

var (
	mothers = []string{"Siti Aminah", "Dewi Lestari", "Nur Hidayah", "Rina Wati", "Sri Wahyuni", "Ani Susanti"}
	fathers = []string{"Ahmad Fauzi", "Budi Santoso", "Eko Prasetyo", "Hendra Gunawan", "Joko Susilo", "Agus Salim"}
	// The names the parents gave before discharge: an akta is never issued
	// under a provisional name ("Bayi Ny. ..."), see registry.IsProvisionalName.
	boys  = []string{"Muhammad Rizki", "Arya Pratama", "Fajar Nugroho", "Rafi Ramadhan"}
	girls = []string{"Nur Aisyah", "Putri Maharani", "Salsabila Azzahra", "Citra Lestari"}
)

// report returns birth i as the JSON report a SIMRS would send.
func (b *births) report(i int) *registry.BirthReport {
	mb := adminduk.MustDate(1990+i%12, time.Month(1+i%12), 1+i%28)
	motherNIK := nik(b.village, mb, adminduk.Female, i+1)
	fatherNIK := nik(b.village, adminduk.MustDate(1985+i%10, time.Month(1+(i+3)%12), 1+(i+7)%28), adminduk.Male, i+1)
	sex, name := "L", boys[i%len(boys)]
	if i%2 == 1 {
		sex, name = "P", girls[i%len(girls)]
	}
	mother, father := mothers[i%len(mothers)], fathers[i%len(fathers)]
	return &registry.BirthReport{
		ExternalRef: fmt.Sprintf("%s-%06d", b.prefix, i+1),
		Child: registry.Newborn{
			Name: name, Sex: sex, Religion: "Islam",
			BirthDate: b.day.String(), BirthTime: fmt.Sprintf("%02d:%02d", i%24, (i*7)%60),
			PlaceType: registry.PlaceHospital, Place: "RSUD Sukamara",
			Multiplicity: "tunggal", BirthOrder: 1 + i%4, Attendant: registry.AttendantMidwife,
			WeightG: 2500 + (i*37)%1500, LengthCM: 45 + float64((i*3)%80)/10,
		},
		Mother:   registry.Parent{NIK: motherNIK, Name: mother, BirthDate: mb.String()},
		Father:   &registry.Parent{NIK: fatherNIK, Name: father},
		Parents:  registry.ParentsMarried,
		Marriage: &registry.MarriageProof{Kind: registry.BukuNikah, Number: fmt.Sprintf("%04d/045/VI/2020", i+1)},
		Family: registry.FamilyRef{KK: b.kk, Address: registry.Address{Street: "Jl. Tjilik Riwut No. " + fmt.Sprint(i+1),
			RT: "002", RW: "005", Village: b.village.String()}},
		Reporter:    registry.Reporter{NIK: fatherNIK, Name: father, Relation: "ayah"},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: fmt.Sprintf("SKL/%04d/XII/2026", i+1), Faskes: "RSUD Sukamara", Attendant: "Rina Wati"},
	}
}

// nik returns a NIK first registered in the village's kecamatan.
func nik(village wilayah.Code, birth adminduk.Date, sex adminduk.Sex, serial int) string {
	n, err := registry.BuildNIK(village.District(), birth, sex, 1+(serial-1)%9999)
	if err != nil {
		return ""
	}
	return n.String()
}

type obj = map[string]any

// bundle returns birth i as the FHIR R4 Bundle a SATUSEHAT-connected SIMRS
// produces (see package registry/fhir for the mapping): it maps back onto
// exactly [births.report].
func (b *births) bundle(i int) ([]byte, error) {
	r := b.report(i)
	ref := func(n int) obj { return obj{"reference": fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n)} }
	entry := func(n int, res obj) obj {
		return obj{"fullUrl": ref(n)["reference"], "resource": res}
	}
	code := func(system, c string) obj { return obj{"coding": []obj{{"system": system, "code": c}}} }
	ident := func(system, v string) obj { return obj{"system": system, "value": v} }
	gender := "male"
	if r.Child.Sex == "P" {
		gender = "female"
	}
	village, _ := wilayah.ParseCode(r.Family.Address.Village)
	plain := village.Plain()
	admin := []obj{
		{"url": "province", "valueCode": plain[:2]}, {"url": "city", "valueCode": plain[:4]},
		{"url": "district", "valueCode": plain[:6]}, {"url": "village", "valueCode": plain},
		{"url": "rt", "valueCode": strings.TrimLeft(r.Family.Address.RT, "0")},
		{"url": "rw", "valueCode": strings.TrimLeft(r.Family.Address.RW, "0")},
	}
	ucum := "http://unitsofmeasure.org"
	entries := []obj{
		entry(1, obj{"resourceType": "Patient",
			"identifier": []obj{ident(fhir.SystemNIKIbu, r.Mother.NIK)},
			"name":       []obj{{"use": nameUse(r.Child.ProvisionalName), "text": r.Child.Name}},
			"extension":  []obj{{"url": fhir.URLReligion, "valueCodeableConcept": obj{"text": r.Child.Religion}}},
			"gender":     gender, "birthDate": r.Child.BirthDate,
			"_birthDate": obj{"extension": []obj{{"url": fhir.URLBirthTime,
				"valueDateTime": r.Child.BirthDate + "T" + r.Child.BirthTime + ":00+07:00"}}},
			"multipleBirthInteger": 0}),
		entry(2, obj{"resourceType": "Patient",
			"identifier": []obj{ident(fhir.SystemNIK, r.Mother.NIK), ident(fhir.SystemKK, r.Family.KK)},
			"name":       []obj{{"use": "official", "text": r.Mother.Name}},
			"gender":     "female", "birthDate": r.Mother.BirthDate,
			"maritalStatus": code(fhir.SystemMaritalStatus, "M"),
			"address": []obj{{"use": "home", "line": []string{r.Family.Address.Street},
				"extension": []obj{{"url": fhir.URLAdministrativeCode, "extension": admin}}}}}),
		entry(3, obj{"resourceType": "RelatedPerson", "patient": ref(1),
			"identifier":   []obj{ident(fhir.SystemNIK, r.Father.NIK)},
			"relationship": []obj{code(fhir.SystemRoleCode, "FTH"), code(fhir.SystemParticipationType, "INF")},
			"name":         []obj{{"use": "official", "text": r.Father.Name}}}),
		entry(4, obj{"resourceType": "Observation", "status": "final", "code": code(fhir.SystemLOINC, fhir.LOINCBirthWeight),
			"subject": ref(1), "valueQuantity": obj{"value": float64(r.Child.WeightG) / 1000, "system": ucum, "code": "kg"}}),
		entry(5, obj{"resourceType": "Observation", "status": "final", "code": code(fhir.SystemLOINC, fhir.LOINCBodyLength),
			"subject": ref(1), "valueQuantity": obj{"value": r.Child.LengthCM, "system": ucum, "code": "cm"}}),
		entry(6, obj{"resourceType": "Observation", "status": "final", "code": code(fhir.SystemLOINC, fhir.LOINCLiveBirths),
			"subject": ref(2), "valueInteger": r.Child.BirthOrder}),
		entry(7, obj{"resourceType": "Location", "name": r.Child.Place, "type": []obj{code(fhir.SystemRoleCode, "HOSP")}}),
		entry(8, obj{"resourceType": "Encounter", "status": "finished", "subject": ref(1),
			"participant": []obj{{"type": []obj{code(fhir.SystemParticipationType, "PPRF")}, "individual": ref(9)}},
			"location":    []obj{{"location": ref(7)}}}),
		entry(9, obj{"resourceType": "Practitioner", "name": []obj{{"text": r.Certificate.Attendant}},
			"qualification": []obj{{"code": code(fhir.SystemSNOMED, "309453006")}}}),
		entry(10, obj{"resourceType": "Organization", "name": r.Certificate.Faskes}),
		entry(11, obj{"resourceType": "DocumentReference", "status": "current",
			"masterIdentifier": obj{"value": r.Certificate.Number},
			"type":             code(fhir.SystemDocumentType, string(registry.AttachBirthCertificate)),
			"subject":          ref(1), "custodian": ref(10), "authenticator": ref(9)}),
		entry(12, obj{"resourceType": "DocumentReference", "status": "current",
			"identifier": []obj{{"value": r.Marriage.Number}},
			"type":       code(fhir.SystemDocumentType, fhir.DocBukuNikah), "subject": ref(2)}),
	}
	return json.Marshal(obj{"resourceType": "Bundle", "type": "transaction",
		"identifier": obj{"system": "urn:simrs:birth-report", "value": r.ExternalRef}, "entry": entries})
}

// nameUse is HL7's name use of a newborn's name: "temp" while provisional.
func nameUse(provisional bool) string {
	if provisional {
		return "temp"
	}
	return "official"
}
