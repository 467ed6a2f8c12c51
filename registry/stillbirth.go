package registry

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// StillbirthReport is a stillbirth (lahir mati) as a partner reports it: it is
// recorded and counted and yields a surat keterangan lahir mati, never a NIK
// or an akta. Its JSON form:
//
//	{
//	  "external_ref": "...", "gestation_weeks": 32, "sex": "L", "date": "2026-12-01",
//	  "multiplicity": "tunggal", "birth_order": 2, "place_type": "rs", "place": "RSUD Sukamara",
//	  "attendant": "dokter", "cause": "...", "determined_by": "dokter",
//	  "mother": {...}, "family": {...}, "reporter": {...}
//	}
type StillbirthReport struct {
	ExternalRef    string       `json:"external_ref,omitempty"`
	GestationWeeks int          `json:"gestation_weeks"`
	Sex            string       `json:"sex,omitempty"` // may be unknown
	Date           string       `json:"date"`
	Multiplicity   string       `json:"multiplicity"`
	BirthOrder     int          `json:"birth_order"`
	PlaceType      PlaceType    `json:"place_type"`
	Place          string       `json:"place"`
	Attendant      Attendant    `json:"attendant"`
	Cause          string       `json:"cause,omitempty"`
	DeterminedBy   DeterminedBy `json:"determined_by"`
	Mother         Parent       `json:"mother"`
	Family         FamilyRef    `json:"family"`
	Reporter       Reporter     `json:"reporter"`
	Attachments    []Attachment `json:"attachments,omitempty"`
}

// Validate reports every problem of the report at once as a
// *[adminduk.ValidationError], or nil.
func (r *StillbirthReport) Validate() error {
	c := adminduk.Checker{What: "registry: invalid stillbirth report"}
	checkText(&c, adminduk.NewPointer("external_ref"), r.ExternalRef, 100)
	if r.GestationWeeks < 20 || r.GestationWeeks > 45 {
		c.AddCode(adminduk.NewPointer("gestation_weeks"), adminduk.CodeRange,
			"usia kehamilan harus antara 20 dan 45 minggu", "gestation must be 20-45 weeks")
	}
	if r.Sex != "" {
		checkSex(&c, adminduk.NewPointer("sex"), r.Sex)
	}
	checkDate(&c, adminduk.NewPointer("date"), r.Date, true)
	if r.Multiplicity == "" {
		c.Required(adminduk.NewPointer("multiplicity"))
	} else if _, err := akta.ParseMultiplicity(r.Multiplicity); err != nil {
		c.Add(adminduk.FieldError{Pointer: adminduk.NewPointer("multiplicity"), Code: adminduk.CodeInvalid,
			Indonesian: "jenis kelahiran tidak dikenal", English: "unknown kind of birth", Cause: err})
	}
	if r.BirthOrder < 1 || r.BirthOrder > 30 {
		c.AddCode(adminduk.NewPointer("birth_order"), adminduk.CodeRange, "harus antara 1 dan 30", "must be between 1 and 30")
	}
	if !r.PlaceType.IsValid() {
		c.AddCode(adminduk.NewPointer("place_type"), adminduk.CodeInvalid, "jenis tempat tidak dikenal",
			"must be rs, puskesmas, polindes, rumah or lainnya")
	}
	checkRequiredText(&c, adminduk.NewPointer("place"), r.Place, 200)
	if !r.Attendant.IsValid() {
		c.AddCode(adminduk.NewPointer("attendant"), adminduk.CodeInvalid, "penolong kelahiran tidak dikenal",
			"must be dokter, bidan, dukun or lainnya")
	}
	checkText(&c, adminduk.NewPointer("cause"), r.Cause, 200)
	if !r.DeterminedBy.IsValid() {
		c.AddCode(adminduk.NewPointer("determined_by"), adminduk.CodeInvalid, "tidak dikenal",
			"must be dokter, tenaga-kesehatan, kepolisian or lainnya")
	}
	r.Mother.check(&c, adminduk.NewPointer("mother"), true)
	r.Family.check(&c, adminduk.NewPointer("family"))
	r.Reporter.check(&c, adminduk.NewPointer("reporter"))
	checkAttachments(&c, r.Attachments)
	return c.Err()
}
