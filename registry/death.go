package registry

import (
	"regexp"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// DeathReport is a death as a partner reports it on form F-2.01. The deceased's
// NIK is optional (a newborn who died before registration, an unidentified
// person); such a newborn is linked to its birth report. Its JSON form:
//
//	{
//	  "external_ref": "RSUD-2026-M-0042",
//	  "deceased": {"nik": "...", "name": "Ahmad Fauzi", "sex": "L",
//	               "birth_place": "Sukamara", "birth_date": "1950-04-02"},
//	  "death_date": "2026-12-01", "death_time": "23:10",
//	  "place_type": "rs", "place": "RSUD Sukamara",
//	  "cause": "sakit", "medical_cause": "I21.9", "determined_by": "dokter",
//	  "family": {"kk": "...", "address": {"village": "62.08.01.2001"}},
//	  "reporter": {"nik": "...", "name": "...", "relation": "anak"},
//	  "proof": "surat-keterangan",
//	  "certificate": {"number": "SKK/12/2026", "faskes": "RSUD Sukamara"}
//	}
//
// "cause" is the category of form F-2.01 ("sakit", "wabah", "kecelakaan",
// "kriminalitas", "bunuh-diri", "lainnya"); "medical_cause" the ICD-10 code,
// kept apart and never printed.
type DeathReport struct {
	ExternalRef  string       `json:"external_ref,omitempty"`
	Deceased     Deceased     `json:"deceased"`
	DeathDate    string       `json:"death_date"`
	DeathTime    string       `json:"death_time,omitempty"`
	PlaceType    PlaceType    `json:"place_type"`
	Place        string       `json:"place"`
	Cause        string       `json:"cause"`
	MedicalCause string       `json:"medical_cause,omitempty"`
	DeterminedBy DeterminedBy `json:"determined_by"`
	Family       FamilyRef    `json:"family"`
	Reporter     Reporter     `json:"reporter"`
	Proof        Proof        `json:"proof"`
	Certificate  *Certificate `json:"certificate,omitempty"`
	Witnesses    []Witness    `json:"witnesses,omitempty"`
	Attachments  []Attachment `json:"attachments,omitempty"`
}

// Deceased is the person of a death report.
type Deceased struct {
	NIK         string `json:"nik,omitempty"`
	Name        string `json:"name"`
	Sex         string `json:"sex"`
	BirthPlace  string `json:"birth_place,omitempty"`
	BirthDate   string `json:"birth_date,omitempty"`
	BirthReport string `json:"birth_report,omitempty"` // ID of the birth report of a newborn without NIK
}

var icd10 = regexp.MustCompile(`^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$`)

// Validate reports every problem of the report at once as a
// *[adminduk.ValidationError], or nil.
func (r *DeathReport) Validate() error {
	c := adminduk.Checker{What: "registry: invalid death report"}
	checkText(&c, adminduk.NewPointer("external_ref"), r.ExternalRef, 100)
	p := adminduk.NewPointer("deceased")
	checkNIK(&c, p.Key("nik"), r.Deceased.NIK, false)
	checkName(&c, p.Key("name"), r.Deceased.Name, true)
	checkSex(&c, p.Key("sex"), r.Deceased.Sex)
	checkText(&c, p.Key("birth_place"), r.Deceased.BirthPlace, 100)
	born := checkDate(&c, p.Key("birth_date"), r.Deceased.BirthDate, false)
	checkText(&c, p.Key("birth_report"), r.Deceased.BirthReport, 100)
	if r.Deceased.NIK != "" && r.Deceased.BirthReport != "" {
		c.AddCode(p.Key("birth_report"), adminduk.CodeNotAllowed,
			"laporan kelahiran hanya untuk yang belum ber-NIK", "a birth report is linked only when there is no NIK")
	}
	died := checkDate(&c, adminduk.NewPointer("death_date"), r.DeathDate, true)
	if !born.IsZero() && !died.IsZero() && died.Before(born) {
		c.AddCode(adminduk.NewPointer("death_date"), adminduk.CodeOrder,
			"tanggal kematian sebelum tanggal lahir", "the death date is before the birth date")
	}
	checkTime(&c, adminduk.NewPointer("death_time"), r.DeathTime)
	if !r.PlaceType.IsValid() {
		c.AddCode(adminduk.NewPointer("place_type"), adminduk.CodeInvalid, "jenis tempat tidak dikenal",
			"must be rs, puskesmas, polindes, rumah or lainnya")
	}
	checkRequiredText(&c, adminduk.NewPointer("place"), r.Place, 200)
	if r.Cause == "" {
		c.Required(adminduk.NewPointer("cause"))
	} else if _, err := akta.ParseCause(r.Cause); err != nil {
		c.Add(adminduk.FieldError{Pointer: adminduk.NewPointer("cause"), Code: adminduk.CodeInvalid,
			Indonesian: "sebab kematian tidak dikenal", English: "unknown cause of death", Cause: err})
	}
	if r.MedicalCause != "" && !icd10.MatchString(r.MedicalCause) {
		c.AddCode(adminduk.NewPointer("medical_cause"), adminduk.CodeInvalid,
			"bukan kode ICD-10", "is not an ICD-10 code")
	}
	if !r.DeterminedBy.IsValid() {
		c.AddCode(adminduk.NewPointer("determined_by"), adminduk.CodeInvalid, "tidak dikenal",
			"must be dokter, tenaga-kesehatan, kepolisian or lainnya")
	}
	r.Family.check(&c, adminduk.NewPointer("family"))
	r.Reporter.check(&c, adminduk.NewPointer("reporter"))
	sptjm := checkProof(&c, r.Proof, r.Certificate)
	checkWitnesses(&c, r.Witnesses, sptjm)
	checkAttachments(&c, r.Attachments)
	return c.Err()
}
