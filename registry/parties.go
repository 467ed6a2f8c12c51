package registry

import "github.com/adminduk-id/adminduk/adminduk"

// Parent is the mother or father on a report.
type Parent struct {
	NIK         string `json:"nik"`
	Name        string `json:"name"`
	BirthPlace  string `json:"birth_place,omitempty"`
	BirthDate   string `json:"birth_date,omitempty"`  // YYYY-MM-DD
	Citizenship string `json:"citizenship,omitempty"` // "WNI" (default) or "WNA"
}

// Reporter is who reports the event (pelapor).
type Reporter struct {
	NIK      string `json:"nik"`
	Name     string `json:"name"`
	Relation string `json:"relation"` // ayah, ibu, keluarga, petugas ...
}

// Witness is one of the two witnesses an SPTJM needs.
type Witness struct {
	NIK  string `json:"nik"`
	Name string `json:"name"`
}

// FamilyRef names the family the event concerns: its KK, if it has one, and
// the address whose village gives the kecamatan of a newborn's NIK.
type FamilyRef struct {
	KK      string  `json:"kk,omitempty"` // 16 digits
	Address Address `json:"address"`
}

// Address is a domicile: street, RT/RW and the 10-digit desa/kelurahan code.
type Address struct {
	Street  string `json:"street,omitempty"`
	RT      string `json:"rt,omitempty"`
	RW      string `json:"rw,omitempty"`
	Village string `json:"village"` // "62.08.01.2001"
}

// Certificate is the surat keterangan of the faskes (lahir or kematian).
type Certificate struct {
	Number    string `json:"number"`
	Faskes    string `json:"faskes"`
	Attendant string `json:"attendant,omitempty"` // name of the doctor or midwife who signed it
}

// MarriageProof is the buku nikah or akta perkawinan of the parents.
type MarriageProof struct {
	Kind   MarriageProofKind `json:"kind"`
	Number string            `json:"number"`
}

// Attachment references a scanned document kept elsewhere.
type Attachment struct {
	Kind AttachmentKind `json:"kind"`
	Ref  string         `json:"ref"` // an object-store key or URL of the partner
}

// indonesian reports whether the parent is a citizen (WNI, the default).
func (p *Parent) indonesian() bool {
	c, err := adminduk.ParseCitizenship(p.Citizenship)
	return p.Citizenship == "" || (err == nil && c == adminduk.WNI)
}

func (p *Parent) check(c *adminduk.Checker, at adminduk.Pointer, needNIK bool) {
	checkNIK(c, at.Key("nik"), p.NIK, needNIK)
	checkName(c, at.Key("name"), p.Name, true)
	checkText(c, at.Key("birth_place"), p.BirthPlace, 100)
	checkDate(c, at.Key("birth_date"), p.BirthDate, false)
	if p.Citizenship != "" {
		if _, err := adminduk.ParseCitizenship(p.Citizenship); err != nil {
			c.Add(adminduk.FieldError{Pointer: at.Key("citizenship"), Code: adminduk.CodeInvalid,
				Indonesian: "harus WNI atau WNA", English: "must be WNI or WNA", Cause: err})
		}
	}
}

func (r *Reporter) check(c *adminduk.Checker, at adminduk.Pointer) {
	checkNIK(c, at.Key("nik"), r.NIK, true)
	checkName(c, at.Key("name"), r.Name, true)
	checkText(c, at.Key("relation"), r.Relation, 50)
}

func (f *FamilyRef) check(c *adminduk.Checker, at adminduk.Pointer) {
	if f.KK != "" {
		if _, err := adminduk.ParseKK(f.KK); err != nil {
			c.Add(adminduk.FieldError{Pointer: at.Key("kk"), Code: adminduk.CodeInvalid,
				Indonesian: "bukan nomor KK yang sah", English: "is not a valid KK number", Cause: err})
		}
	}
	a := at.Key("address")
	checkText(c, a.Key("street"), f.Address.Street, 200)
	checkDigits(c, a.Key("rt"), f.Address.RT, 3)
	checkDigits(c, a.Key("rw"), f.Address.RW, 3)
	checkVillage(c, a.Key("village"), f.Address.Village)
}

func (ce *Certificate) check(c *adminduk.Checker, at adminduk.Pointer) {
	checkRequiredText(c, at.Key("number"), ce.Number, 100)
	checkRequiredText(c, at.Key("faskes"), ce.Faskes, 200)
	checkText(c, at.Key("attendant"), ce.Attendant, 100)
}

// checkWitnesses requires exactly two witnesses with NIK and name when need
// is true, and none otherwise.
func checkWitnesses(c *adminduk.Checker, ws []Witness, need bool) {
	p := adminduk.NewPointer("witnesses")
	if !need {
		if len(ws) > 0 {
			c.AddCode(p, adminduk.CodeNotAllowed,
				"saksi hanya diperlukan bila SPTJM menggantikan dokumen",
				"witnesses are needed only when an SPTJM replaces a document")
		}
		return
	}
	if len(ws) != 2 {
		c.AddCode(p, adminduk.CodeRange, "SPTJM memerlukan dua orang saksi", "an SPTJM needs two witnesses")
	}
	for i := range ws {
		checkNIK(c, p.Index(i).Key("nik"), ws[i].NIK, true)
		checkName(c, p.Index(i).Key("name"), ws[i].Name, true)
	}
	if len(ws) == 2 && ws[0].NIK != "" && ws[0].NIK == ws[1].NIK {
		c.AddCode(p.Index(1).Key("nik"), adminduk.CodeDuplicate,
			"kedua saksi harus orang yang berbeda", "the two witnesses must be different people")
	}
}

func checkAttachments(c *adminduk.Checker, as []Attachment) {
	p := adminduk.NewPointer("attachments")
	for i := range as {
		if !as[i].Kind.IsValid() {
			c.AddCode(p.Index(i).Key("kind"), adminduk.CodeInvalid, "jenis lampiran tidak dikenal", "unknown attachment kind")
		}
		checkRequiredText(c, p.Index(i).Key("ref"), as[i].Ref, 500)
	}
}
