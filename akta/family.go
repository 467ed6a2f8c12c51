package akta

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Family is a family card (Kartu Keluarga): its number, address and
// members, and the Dinas that issued this version. Changes return a new
// version ([Family.AddNewborn], [Family.RemoveDeceased]); a Family is never
// changed in place by this package.
type Family struct {
	Number  adminduk.KK
	Address adminduk.Address // Village is the desa/kelurahan, 10 digits
	// PostalCode is the kode pos printed in the header, 5 digits;
	// optional ("" prints "-").
	PostalCode string
	Members    []Member      // in printed order, the head first
	IssuedAt   adminduk.Date // date of this version
	Issuer     adminduk.Issuer

	warnings []adminduk.FieldError // of decoding: an old key
}

// Member is one row of the members table.
type Member struct {
	Name          string
	NIK           adminduk.NIK
	Sex           adminduk.Sex
	BirthPlace    string
	BirthDate     adminduk.Date
	Religion      adminduk.Religion
	Education     Education
	Occupation    string // jenis pekerjaan as printed, e.g. "KARYAWAN SWASTA"
	BloodType     adminduk.BloodType
	MaritalStatus MaritalStatus
	MarriageDate  adminduk.Date // optional
	Relationship  Relationship
	Citizenship   adminduk.Citizenship
	Passport      string // optional, for foreigners
	KITAP         string // optional, permanent-stay permit of foreigners
	FatherName    string
	MotherName    string
}

// Occupation printed for a newborn.
const OccupationNone = "BELUM/TIDAK BEKERJA"

// Head returns the head of the family, false when there is none.
func (f *Family) Head() (Member, bool) {
	if i := f.index(func(m *Member) bool { return m.Relationship == RelHead }); i >= 0 {
		return f.Members[i], true
	}
	return Member{}, false
}

// Member returns the member with the given NIK.
func (f *Family) Member(nik adminduk.NIK) (Member, bool) {
	if i := f.indexNIK(nik); i >= 0 {
		return f.Members[i], true
	}
	return Member{}, false
}

func (f *Family) indexNIK(nik adminduk.NIK) int {
	if !nik.IsValid() {
		return -1
	}
	return f.index(func(m *Member) bool { return m.NIK == nik })
}

func (f *Family) index(pred func(*Member) bool) int {
	for i := range f.Members {
		if pred(&f.Members[i]) {
			return i
		}
	}
	return -1
}

// Clone returns a deep copy of f.
func (f *Family) Clone() *Family {
	nf := *f
	nf.Members = append([]Member(nil), f.Members...)
	return &nf
}

// Validate checks the card and returns nil or a *[adminduk.ValidationError]: a
// number, an address in a desa/kelurahan of the issuing kab/kota with RT/RW
// of up to three digits, at least one member, exactly one head, distinct
// NIKs, and for every member the fields the card prints (parents' names may
// be empty and print as "-"). Pointers are "/members/2/birth_date".
func (f *Family) Validate() error {
	c := newChecker("akta: invalid " + "kk")
	if !f.Number.IsValid() {
		c.required("/number")
	}
	a := f.Address
	switch {
	case !a.Village.IsValid():
		c.required("/address/village")
	case a.Village.Level() != wilayah.LevelVillage:
		c.add("/address/village", adminduk.CodeInvalid, "harus kode desa/kelurahan (10 digit)", "must be a desa/kelurahan code (10 digits)")
	case f.Issuer.Regency.IsValid() && !f.Issuer.Regency.Contains(a.Village):
		c.add("/address/village", adminduk.CodeMismatch, "desa/kelurahan di luar kabupaten/kota penerbit", "desa/kelurahan is outside the issuer's kab/kota")
	}
	if pc := f.PostalCode; pc != "" {
		if _, ok := atoi(pc); !ok || len(pc) != 5 || pc[0] == '0' {
			c.add("/address/postal_code", adminduk.CodeInvalid, "kode pos harus 5 digit", "postal code must be 5 digits")
		}
	}
	if a.Street == "" {
		c.required("/address/street")
	} else {
		c.place("/address/street", a.Street)
	}
	for _, rt := range [...]struct {
		f adminduk.Pointer
		v string
	}{{"/address/rt", a.RT}, {"/address/rw", a.RW}} {
		if _, ok := atoi(rt.v); !ok || len(rt.v) > 3 {
			c.add(rt.f, adminduk.CodeInvalid, "harus 1 sampai 3 digit", "must be 1 to 3 digits")
		}
	}
	if f.IssuedAt.IsZero() {
		c.required("/issued_at")
	}
	c.issuer(f.Issuer)
	if len(f.Members) == 0 {
		c.required("/members")
	}
	heads := 0
	fields := make([]adminduk.Pointer, len(f.Members))
	niks := make([]adminduk.NIK, len(f.Members))
	for i, m := range f.Members {
		p := adminduk.NewPointer("members").Index(i)
		fields[i], niks[i] = p+"/nik", m.NIK
		c.member(p, m, f.IssuedAt)
		if m.Relationship == RelHead {
			heads++
		}
	}
	if len(f.Members) > 0 && heads != 1 {
		c.add("/members", adminduk.CodeRange, "harus tepat satu kepala keluarga, ada "+itoa(heads), "needs exactly one head of family, has "+itoa(heads))
	}
	c.distinct(fields, niks)
	return c.err()
}

func (c *checker) member(p adminduk.Pointer, m Member, issued adminduk.Date) {
	c.name(p+"/name", m.Name, 100, true)
	if !m.NIK.IsValid() {
		c.required(p + "/nik")
	}
	if m.Sex == 0 {
		c.required(p + "/sex")
	}
	c.place(p+"/birth_place", m.BirthPlace)
	if m.BirthDate.IsZero() {
		c.required(p + "/birth_date")
	} else if !issued.IsZero() && m.BirthDate.After(issued) {
		c.add(p+"/birth_date", adminduk.CodeOrder, "sesudah tanggal terbit KK", "is after the card's issue date")
	}
	if m.Religion == 0 {
		c.required(p + "/religion")
	}
	if m.Education == 0 {
		c.required(p + "/education")
	}
	if m.Occupation == "" {
		c.required(p + "/occupation")
	} else {
		c.place(p+"/occupation", m.Occupation)
	}
	if m.MaritalStatus == 0 {
		c.required(p + "/marital_status")
	}
	if !m.MarriageDate.IsZero() && !m.BirthDate.IsZero() && m.MarriageDate.Before(m.BirthDate) {
		c.add(p+"/marriage_date", adminduk.CodeOrder, "sebelum tanggal lahir", "is before the birth date")
	}
	if m.Relationship == 0 {
		c.required(p + "/relationship")
	}
	if m.Citizenship == 0 {
		c.required(p + "/citizenship")
	}
	c.name(p+"/father_name", m.FatherName, 100, false)
	c.name(p+"/mother_name", m.MotherName, 100, false)
}
