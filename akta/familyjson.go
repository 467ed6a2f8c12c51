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
	Number   string       `json:"number"`
	Address  wireAddress  `json:"address"`
	Members  []wireMember `json:"members"`
	IssuedAt string       `json:"issued_at"`
	Issuer   wireIssuer   `json:"issuer"`
}

// DecodeFamily reads kk.json (see the package documentation) and validates
// the card; problems come back as one *[ValidationError] with field paths
// such as "members[1].religion".
func DecodeFamily(data []byte, o DecodeOptions) (*Family, error) {
	data = trimBOM(data)
	f, c, err := decodeFamily(data, o)
	if err != nil {
		return nil, err
	}
	if err := merge(c, f.Validate()); err != nil {
		return nil, err
	}
	return f, nil
}

func decodeFamily(data []byte, o DecodeOptions) (*Family, *checker, error) {
	var w wireFamily
	v := newConv("kk", o)
	if err := decodeStrict(data, &w, v.c); err != nil {
		return nil, nil, err
	}
	v.asOf(w.IssuedAt)
	f := &Family{
		Number: v.kk("number", w.Number),
		Address: adminduk.Address{
			Street: w.Address.Street, RT: w.Address.RT, RW: w.Address.RW,
			Village: v.regency("address.village", w.Address.Village),
		},
		PostalCode: w.Address.PostalCode,
		IssuedAt:   v.date("issued_at", w.IssuedAt),
		Issuer:     v.issuer(w.Issuer),
	}
	for i, m := range w.Members {
		p := "members[" + strconv.Itoa(i) + "]"
		nm := Member{
			Name: m.Name, NIK: v.nik(p+".nik", m.NIK), Sex: v.sex(p+".sex", m.Sex),
			BirthPlace: m.BirthPlace, BirthDate: v.date(p+".birth_date", m.BirthDate),
			Occupation: m.Occupation, MarriageDate: v.date(p+".marriage_date", m.MarriageDate),
			Passport: m.Passport, KITAP: m.KITAP, FatherName: m.FatherName, MotherName: m.MotherName,
		}
		enumField(v, p+".religion", m.Religion, &nm.Religion, adminduk.ParseReligion)
		enumField(v, p+".education", m.Education, &nm.Education, ParseEducation)
		enumField(v, p+".blood_type", m.BloodType, &nm.BloodType, adminduk.ParseBloodType)
		enumField(v, p+".marital_status", m.MaritalStatus, &nm.MaritalStatus, ParseMaritalStatus)
		enumField(v, p+".relationship", m.Relationship, &nm.Relationship, ParseRelationship)
		enumField(v, p+".citizenship", m.Citizenship, &nm.Citizenship, adminduk.ParseCitizenship)
		f.Members = append(f.Members, nm)
	}
	return f, v.c, nil
}

func enumField[T any](v *conv, field, s string, dst *T, parse func(string) (T, error)) {
	if s == "" {
		return
	}
	x, err := parse(s)
	if err != nil {
		v.c.addErr(field, CodeInvalid, "nilai tidak dikenal", "unknown value "+strconv.Quote(s), err)
		return
	}
	*dst = x
}

// MarshalJSON writes f in the kk.json form.
func (f *Family) MarshalJSON() ([]byte, error) {
	w := wireFamily{
		Number:   f.Number.String(),
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
// not parse are reported as a *[ValidationError].
func (f *Family) UnmarshalJSON(data []byte) error {
	nf, c, err := decodeFamily(data, DecodeOptions{})
	if err != nil {
		return err
	}
	if err := c.err(); err != nil {
		return err
	}
	*f = *nf
	return nil
}

func textOf(t interface{ MarshalText() ([]byte, error) }) string {
	b, _ := t.MarshalText()
	return string(b)
}
