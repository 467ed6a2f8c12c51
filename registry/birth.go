package registry

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// BirthReport is a birth as a partner faskes reports it on form F-2.01,
// before registration: the child has no NIK yet. Its JSON form:
//
//	{
//	  "external_ref": "RSUD-2026-000123",
//	  "child": {"name": "Bayi Ny. Siti Aminah", "provisional_name": true, "sex": "P",
//	            "birth_date": "2026-12-01", "birth_time": "07:45",
//	            "place_type": "puskesmas", "place": "Puskesmas Sukamara",
//	            "multiplicity": "tunggal", "birth_order": 1, "attendant": "bidan", "religion": "Islam",
//	            "weight_g": 3100, "length_cm": 49.5},
//	  "mother": {"nik": "...", "name": "Siti Aminah", "birth_date": "1998-05-02"},
//	  "father": {"nik": "...", "name": "Ahmad Fauzi"},
//	  "parents": "kawin",
//	  "marriage": {"kind": "buku-nikah", "number": "123/45/VI/2020"},
//	  "family": {"kk": "...", "address": {"street": "...", "rt": "002", "rw": "005",
//	             "village": "62.08.01.2001"}},
//	  "reporter": {"nik": "...", "name": "Ahmad Fauzi", "relation": "ayah"},
//	  "proof": "surat-keterangan",
//	  "certificate": {"number": "SKL/001/XII/2026", "faskes": "Puskesmas Sukamara",
//	                  "attendant": "Bd. Rina"},
//	  "witnesses": [],
//	  "attachments": [{"kind": "kk", "ref": "s3://bucket/kk.pdf"}]
//	}
//
// "parents" is "kawin" (needs "marriage"), "kawin-belum-tercatat" (father
// named, SPTJM F-2.04, two witnesses) or "ibu" (no "father"); "proof" is
// "surat-keterangan" (needs "certificate") or "sptjm" (F-2.03, two witnesses).
// "witnesses" are allowed only with an SPTJM. The child's sex is "L"/"P" (or
// "male"/"female"); a name marked provisional_name is exempt from the akta
// naming rules and flags the report incomplete.
type BirthReport struct {
	ExternalRef string         `json:"external_ref,omitempty"`
	Child       Newborn        `json:"child"`
	Mother      Parent         `json:"mother"`
	Father      *Parent        `json:"father,omitempty"`
	Parents     ParentsCase    `json:"parents"`
	Marriage    *MarriageProof `json:"marriage,omitempty"`
	Family      FamilyRef      `json:"family"`
	Reporter    Reporter       `json:"reporter"`
	Proof       Proof          `json:"proof"`
	Certificate *Certificate   `json:"certificate,omitempty"`
	Witnesses   []Witness      `json:"witnesses,omitempty"`
	Attachments []Attachment   `json:"attachments,omitempty"`
}

// Newborn is the child of a birth report.
type Newborn struct {
	Name            string    `json:"name"`
	ProvisionalName bool      `json:"provisional_name,omitempty"`
	Sex             string    `json:"sex"`
	BirthDate       string    `json:"birth_date"`
	BirthTime       string    `json:"birth_time,omitempty"`
	PlaceType       PlaceType `json:"place_type"`
	Place           string    `json:"place"`
	Multiplicity    string    `json:"multiplicity"` // "tunggal", "kembar-2" ... (jenis kelahiran)
	BirthOrder      int       `json:"birth_order"`  // kelahiran ke-
	Attendant       Attendant `json:"attendant"`
	WeightG         int       `json:"weight_g,omitempty"`
	LengthCM        float64   `json:"length_cm,omitempty"`
	// Religion is the child's religion as the KK will record it ("Islam",
	// "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu", "Kepercayaan").
	// A faskes may not know it: the report is then flagged incomplete and
	// registration issues no KIA, which prints it, until it is given.
	Religion string `json:"religion,omitempty"`
}

// Validate reports every problem of the report at once as a
// *[adminduk.ValidationError], or nil.
func (r *BirthReport) Validate() error {
	c := adminduk.Checker{What: "registry: invalid birth report"}
	checkText(&c, adminduk.NewPointer("external_ref"), r.ExternalRef, 100)
	ch, p := &r.Child, adminduk.NewPointer("child")
	checkChildName(&c, p.Key("name"), ch.Name, ch.ProvisionalName)
	checkSex(&c, p.Key("sex"), ch.Sex)
	birth := checkDate(&c, p.Key("birth_date"), ch.BirthDate, true)
	checkTime(&c, p.Key("birth_time"), ch.BirthTime)
	if !ch.PlaceType.IsValid() {
		c.AddCode(p.Key("place_type"), adminduk.CodeInvalid, "jenis tempat tidak dikenal",
			"must be rs, puskesmas, polindes, rumah or lainnya")
	}
	checkRequiredText(&c, p.Key("place"), ch.Place, 200)
	if ch.Multiplicity == "" {
		c.Required(p.Key("multiplicity"))
	} else if _, err := akta.ParseMultiplicity(ch.Multiplicity); err != nil {
		c.Add(adminduk.FieldError{Pointer: p.Key("multiplicity"), Code: adminduk.CodeInvalid,
			Indonesian: "jenis kelahiran tidak dikenal", English: "unknown kind of birth", Cause: err})
	}
	switch {
	case ch.BirthOrder == 0:
		c.Required(p.Key("birth_order"))
	case ch.BirthOrder < 0 || ch.BirthOrder > 30:
		c.AddCode(p.Key("birth_order"), adminduk.CodeRange, "harus antara 1 dan 30", "must be between 1 and 30")
	}
	if !ch.Attendant.IsValid() {
		c.AddCode(p.Key("attendant"), adminduk.CodeInvalid, "penolong kelahiran tidak dikenal",
			"must be dokter, bidan, dukun or lainnya")
	}
	if ch.Religion != "" {
		if _, err := adminduk.ParseReligion(ch.Religion); err != nil {
			c.Add(adminduk.FieldError{Pointer: p.Key("religion"), Code: adminduk.CodeInvalid,
				Indonesian: "agama tidak dikenal", English: "unknown religion", Cause: err})
		}
	}
	if ch.WeightG < 0 || ch.WeightG > 7000 {
		c.AddCode(p.Key("weight_g"), adminduk.CodeRange, "berat harus antara 0 dan 7000 gram", "weight must be 0-7000 g")
	}
	if ch.LengthCM < 0 || ch.LengthCM > 70 || ch.LengthCM != ch.LengthCM {
		c.AddCode(p.Key("length_cm"), adminduk.CodeRange, "panjang harus antara 0 dan 70 cm", "length must be 0-70 cm")
	}

	r.Mother.check(&c, adminduk.NewPointer("mother"), true)
	if mb, err := adminduk.ParseDate(r.Mother.BirthDate); err == nil && !birth.IsZero() && !mb.Before(birth) {
		c.AddCode(adminduk.NewPointer("mother", "birth_date"), adminduk.CodeOrder,
			"ibu harus lahir sebelum anak", "the mother must be born before the child")
	}
	switch r.Parents {
	case ParentsMarried, ParentsUnrecorded:
		if r.Father == nil {
			c.AddCode(adminduk.NewPointer("father"), adminduk.CodeRequired,
				"ayah wajib diisi untuk orang tua yang kawin", "a father is required when the parents are married")
		} else {
			r.Father.check(&c, adminduk.NewPointer("father"), false)
		}
	case ParentsMotherOnly:
		if r.Father != nil {
			c.AddCode(adminduk.NewPointer("father"), adminduk.CodeNotAllowed,
				"ayah tidak dicatat bila hanya ibu yang disebut", "no father is recorded when only the mother is named")
		}
	case "":
		c.Required(adminduk.NewPointer("parents"))
	default:
		c.AddCode(adminduk.NewPointer("parents"), adminduk.CodeInvalid, "status orang tua tidak dikenal",
			"must be kawin, kawin-belum-tercatat or ibu")
	}
	if r.Parents == ParentsMarried {
		if r.Marriage == nil {
			c.AddCode(adminduk.NewPointer("marriage"), adminduk.CodeRequired,
				"bukti perkawinan wajib diisi (atau SPTJM F-2.04)", "proof of marriage is required (or an SPTJM F-2.04)")
		} else {
			if !r.Marriage.Kind.IsValid() {
				c.AddCode(adminduk.NewPointer("marriage", "kind"), adminduk.CodeInvalid,
					"harus buku-nikah atau akta-perkawinan", "must be buku-nikah or akta-perkawinan")
			}
			checkRequiredText(&c, adminduk.NewPointer("marriage", "number"), r.Marriage.Number, 100)
		}
	} else if r.Marriage != nil && r.Parents.IsValid() {
		c.AddCode(adminduk.NewPointer("marriage"), adminduk.CodeNotAllowed,
			"bukti perkawinan hanya untuk orang tua yang perkawinannya tercatat",
			"proof of marriage belongs only to a recorded marriage")
	}
	r.Family.check(&c, adminduk.NewPointer("family"))
	r.Reporter.check(&c, adminduk.NewPointer("reporter"))
	sptjm := checkProof(&c, r.Proof, r.Certificate)
	checkWitnesses(&c, r.Witnesses, sptjm || r.Parents == ParentsUnrecorded)
	checkAttachments(&c, r.Attachments)
	return c.Err()
}

// checkProof checks the proof and its certificate and reports whether the
// proof is an SPTJM.
func checkProof(c *adminduk.Checker, proof Proof, cert *Certificate) bool {
	switch proof {
	case ProofCertificate:
		if cert == nil {
			c.AddCode(adminduk.NewPointer("certificate"), adminduk.CodeRequired,
				"surat keterangan faskes wajib diisi", "the faskes certificate is required")
		} else {
			cert.check(c, adminduk.NewPointer("certificate"))
		}
	case ProofSPTJM:
		if cert != nil {
			c.AddCode(adminduk.NewPointer("certificate"), adminduk.CodeNotAllowed,
				"SPTJM menggantikan surat keterangan", "an SPTJM replaces the certificate")
		}
		return true
	case "":
		c.Required(adminduk.NewPointer("proof"))
	default:
		c.AddCode(adminduk.NewPointer("proof"), adminduk.CodeInvalid, "harus surat-keterangan atau sptjm",
			"must be surat-keterangan or sptjm")
	}
	return false
}

// facts are the parsed values of a valid birth report that registration needs.
type birthFacts struct {
	sex         adminduk.Sex
	birth       adminduk.Date
	kecamatan   wilayah.Code
	twin        bool
	religion    adminduk.Religion    // 0 when not reported
	citizenship adminduk.Citizenship // WNI when a parent is (UU 12/2006 art. 4)
}

// facts returns the parsed values; call it only on a report that validates.
func (r *BirthReport) facts() birthFacts {
	sex, _ := adminduk.ParseSex(r.Child.Sex)
	birth, _ := adminduk.ParseDate(r.Child.BirthDate)
	village, _ := wilayah.ParseCode(r.Family.Address.Village)
	m, _ := akta.ParseMultiplicity(r.Child.Multiplicity)
	religion, _ := adminduk.ParseReligion(r.Child.Religion) // "" leaves it unknown
	f := birthFacts{sex: sex, birth: birth, kecamatan: village.District(), twin: m > akta.Single,
		religion: religion, citizenship: adminduk.WNA}
	if r.Mother.indonesian() || (r.Father != nil && r.Father.indonesian()) {
		f.citizenship = adminduk.WNI
	}
	return f
}
