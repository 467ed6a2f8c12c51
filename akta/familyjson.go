package akta

import (
	"encoding/json"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

type wireAddress struct {
	Street  string `json:"street"`
	RT      string `json:"rt"`
	RW      string `json:"rw"`
	Village string `json:"village"`
	// PostalCode is the kode pos, 5 digits; optional.
	PostalCode string `json:"postal_code,omitempty"`
}

type wireMember struct {
	Name          string `json:"name"`
	NIK           string `json:"nik"`
	Sex           string `json:"sex"`
	BirthPlace    string `json:"birth_place"`
	BirthDate     string `json:"birth_date"`
	Religion      string `json:"religion"`
	Education     string `json:"education"`
	Occupation    string `json:"occupation"`
	BloodType     string `json:"blood_type,omitempty"`
	MaritalStatus string `json:"marital_status"`
	MarriageDate  string `json:"marriage_date,omitempty"`
	Relationship  string `json:"relationship"`
	Citizenship   string `json:"citizenship"`
	Passport      string `json:"passport,omitempty"`
	KITAP         string `json:"kitap,omitempty"`
	FatherName    string `json:"father_name"`
	MotherName    string `json:"mother_name"`
}

type wireFamily struct {
	KKNumber string       `json:"kk_number"`
	Number   *string      `json:"number,omitempty"` // the old key, read for one release
	Address  wireAddress  `json:"address"`
	Members  []wireMember `json:"members"`
	IssuedAt string       `json:"issued_at"`
	Issuer   wireIssuer   `json:"issuer"`
}

// DecodeFamily reads kk.json (see the package documentation) and
// validates the card. Like [DecodeRecord] it returns the card as far as it
// could be read (nil only when the input is not a JSON object) and every
// problem at once as one *[adminduk.ValidationError], with pointers such as
// "/members/1/religion". The card's Warnings include a warning for the old
// key "number" of the KK number, now "kk_number".
func DecodeFamily(data []byte, o DecodeOptions) (*Family, error) {
	data = trimBOM(data)
	f, v := decodeFamily(data, o)
	if f == nil {
		return nil, v.c.err()
	}
	return f, merge(v.c, f.Validate())
}

// decodeFamily reads a card; nil when data is not a JSON object.
func decodeFamily(data []byte, o DecodeOptions) (*Family, *conv) {
	var w wireFamily
	v := newConv("akta: invalid kk", o)
	if !decodeStrict(data, &w, v.c, "kk.json") {
		return nil, v
	}
	v.asOf(w.IssuedAt)
	f := &Family{
		Number: v.kkKey(&w.KKNumber, w.Number, "/number"),
		Address: adminduk.Address{
			Street: w.Address.Street, RT: w.Address.RT, RW: w.Address.RW,
			Village: v.regency("/address/village", w.Address.Village),
		},
		PostalCode: w.Address.PostalCode,
		IssuedAt:   v.date("/issued_at", w.IssuedAt),
		Issuer:     v.issuer(w.Issuer),
	}
	for i, m := range w.Members {
		p := adminduk.NewPointer("members").Index(i)
		nm := Member{
			Name: m.Name, NIK: v.nik(p+"/nik", m.NIK), Sex: v.sex(p+"/sex", m.Sex),
			BirthPlace: m.BirthPlace, BirthDate: v.date(p+"/birth_date", m.BirthDate),
			Occupation: m.Occupation, MarriageDate: v.date(p+"/marriage_date", m.MarriageDate),
			Passport: m.Passport, KITAP: m.KITAP, FatherName: m.FatherName, MotherName: m.MotherName,
		}
		enumField(v, p+"/religion", m.Religion, &nm.Religion, adminduk.ParseReligion)
		enumField(v, p+"/education", m.Education, &nm.Education, ParseEducation)
		enumField(v, p+"/blood_type", m.BloodType, &nm.BloodType, adminduk.ParseBloodType)
		enumField(v, p+"/marital_status", m.MaritalStatus, &nm.MaritalStatus, ParseMaritalStatus)
		enumField(v, p+"/relationship", m.Relationship, &nm.Relationship, ParseRelationship)
		enumField(v, p+"/citizenship", m.Citizenship, &nm.Citizenship, adminduk.ParseCitizenship)
		f.Members = append(f.Members, nm)
	}
	f.warnings = v.warnings
	return f, v
}

func enumField[T any](v *conv, field adminduk.Pointer, s string, dst *T, parse func(string) (T, error)) {
	if s == "" {
		return
	}
	x, err := parse(s)
	if err != nil {
		v.c.addErr(field, adminduk.CodeInvalid, "nilai tidak dikenal", "unknown value "+strconv.Quote(s), err)
		return
	}
	*dst = x
}

// MarshalJSON writes f in the kk.json form.
func (f *Family) MarshalJSON() ([]byte, error) {
	w := wireFamily{
		KKNumber: f.Number.String(),
		Address:  wireAddress{Street: f.Address.Street, RT: f.Address.RT, RW: f.Address.RW, Village: f.Address.Village.String(), PostalCode: f.PostalCode},
		Members:  make([]wireMember, len(f.Members)),
		IssuedAt: f.IssuedAt.String(),
		Issuer:   toWireIssuer(f.Issuer),
	}
	for i, m := range f.Members {
		w.Members[i] = wireMember{
			Name: m.Name, NIK: m.NIK.String(), Sex: sexKey(m.Sex), BirthPlace: m.BirthPlace,
			BirthDate: m.BirthDate.String(), Religion: textOf(m.Religion), Education: m.Education.String(),
			Occupation: m.Occupation, BloodType: textOf(m.BloodType), MaritalStatus: m.MaritalStatus.String(),
			MarriageDate: m.MarriageDate.String(), Relationship: m.Relationship.String(),
			Citizenship: textOf(m.Citizenship), Passport: m.Passport, KITAP: m.KITAP,
			FatherName: m.FatherName, MotherName: m.MotherName,
		}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the kk.json form without validating; values that do
// not parse are reported as a *[adminduk.ValidationError].
func (f *Family) UnmarshalJSON(data []byte) error {
	nf, v := decodeFamily(trimBOM(data), DecodeOptions{})
	if err := v.c.err(); err != nil {
		return err
	}
	*f = *nf
	return nil
}

func textOf(t interface{ MarshalText() ([]byte, error) }) string {
	b, _ := t.MarshalText()
	return string(b)
}
