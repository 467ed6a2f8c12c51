package akta

import "github.com/adminduk-id/adminduk/adminduk"

// Relationship is a member's relationship to the head of the family, as the
// KK prints it (status hubungan dalam keluarga). 0 is unknown.
type Relationship uint8

// Relationships, in the order of the SIAK code list.
const (
	RelHead          Relationship = 1 + iota // KEPALA KELUARGA
	RelHusband                               // SUAMI
	RelWife                                  // ISTRI
	RelChild                                 // ANAK
	RelChildInLaw                            // MENANTU
	RelGrandchild                            // CUCU
	RelParent                                // ORANG TUA
	RelParentInLaw                           // MERTUA
	RelOtherRelative                         // FAMILI LAIN
	RelHelper                                // PEMBANTU
	RelOther                                 // LAINNYA
)

var relationships = enum{"relationship", "Relationship", []enumVal{{},
	{"kepala-keluarga", "KEPALA KELUARGA", "HEAD OF FAMILY", []string{"kepala", "head", "kk"}},
	{"suami", "SUAMI", "HUSBAND", nil},
	{"istri", "ISTRI", "WIFE", []string{"isteri"}},
	{"anak", "ANAK", "CHILD", nil},
	{"menantu", "MENANTU", "CHILD-IN-LAW", []string{"child in law"}},
	{"cucu", "CUCU", "GRANDCHILD", nil},
	{"orang-tua", "ORANG TUA", "PARENT", []string{"orangtua"}},
	{"mertua", "MERTUA", "PARENT-IN-LAW", []string{"parent in law"}},
	{"famili-lain", "FAMILI LAIN", "OTHER RELATIVE", []string{"famili"}},
	{"pembantu", "PEMBANTU", "HOUSEHOLD HELPER", []string{"helper"}},
	{"lainnya", "LAINNYA", "OTHER", []string{"other", "lain"}},
}}

// ParseRelationship accepts the keys ("kepala-keluarga", "istri", "anak"
// ...), the printed labels and the English names, in any case.
func ParseRelationship(s string) (Relationship, error) {
	v, err := relationships.parse(s)
	return Relationship(v), err
}

// IsValid reports whether r is one of the relationships above.
func (r Relationship) IsValid() bool { return relationships.valid(uint8(r)) }

// String returns the key, e.g. "kepala-keluarga"; "" for 0 (unknown) and
// "Relationship(n)" for a value that names nothing.
func (r Relationship) String() string { return relationships.key(uint8(r)) }

// Text returns the label printed in language l, in capitals: "KEPALA KELUARGA"
// or "HEAD OF FAMILY"; "" when r is not valid.
func (r Relationship) Text(l adminduk.Lang) string { return relationships.text(uint8(r), l) }

// MarshalText implements [encoding.TextMarshaler]: the key, and an error
// for a value that names nothing.
func (r Relationship) MarshalText() ([]byte, error) { return relationships.marshal(uint8(r)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRelationship].
func (r *Relationship) UnmarshalText(b []byte) error {
	v, err := ParseRelationship(string(b))
	*r = v
	return err
}

func (r Relationship) spouse() bool { return r == RelHusband || r == RelWife }

// MaritalStatus is a member's status perkawinan. 0 is unknown.
type MaritalStatus uint8

// Marital statuses. Since 2021 the KK distinguishes recorded and unrecorded
// marriages; plain Married is kept for older cards.
const (
	Unmarried         MaritalStatus = 1 + iota // BELUM KAWIN
	Married                                    // KAWIN
	MarriedRecorded                            // KAWIN TERCATAT
	MarriedUnrecorded                          // KAWIN BELUM TERCATAT
	Divorced                                   // CERAI HIDUP
	Widowed                                    // CERAI MATI
)

var maritalStatuses = enum{"marital status", "MaritalStatus", []enumVal{{},
	{"belum-kawin", "BELUM KAWIN", "NOT MARRIED", []string{"single", "unmarried"}},
	{"kawin", "KAWIN", "MARRIED", nil},
	{"kawin-tercatat", "KAWIN TERCATAT", "MARRIED (RECORDED)", []string{"married recorded"}},
	{"kawin-belum-tercatat", "KAWIN BELUM TERCATAT", "MARRIED (UNRECORDED)", []string{"married unrecorded"}},
	{"cerai-hidup", "CERAI HIDUP", "DIVORCED", nil},
	{"cerai-mati", "CERAI MATI", "WIDOWED", nil},
}}

// ParseMaritalStatus accepts the keys ("belum-kawin", "kawin-tercatat",
// "cerai-mati" ...), the labels and the English names, in any case.
func ParseMaritalStatus(s string) (MaritalStatus, error) {
	v, err := maritalStatuses.parse(s)
	return MaritalStatus(v), err
}

// IsValid reports whether m is one of the marital statuses above.
func (m MaritalStatus) IsValid() bool { return maritalStatuses.valid(uint8(m)) }

// String returns the key, e.g. "kawin-tercatat"; "" for 0 (unknown) and
// "MaritalStatus(n)" for a value that names nothing.
func (m MaritalStatus) String() string { return maritalStatuses.key(uint8(m)) }

// Text returns the label printed in language l, in capitals: "KAWIN TERCATAT"
// or "MARRIED (RECORDED)"; "" when m is not valid.
func (m MaritalStatus) Text(l adminduk.Lang) string { return maritalStatuses.text(uint8(m), l) }

// MarshalText implements [encoding.TextMarshaler]: the key, and an error
// for a value that names nothing.
func (m MaritalStatus) MarshalText() ([]byte, error) { return maritalStatuses.marshal(uint8(m)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMaritalStatus].
func (m *MaritalStatus) UnmarshalText(b []byte) error {
	v, err := ParseMaritalStatus(string(b))
	*m = v
	return err
}

func (m MaritalStatus) married() bool {
	return m == Married || m == MarriedRecorded || m == MarriedUnrecorded
}

// Education is a member's highest schooling as the KK prints it. 0 is
// unknown.
type Education uint8

// Education levels, in the order of the SIAK code list.
const (
	NoSchooling Education = 1 + iota // TIDAK/BELUM SEKOLAH
	PrimaryNot                       // BELUM TAMAT SD/SEDERAJAT
	Primary                          // TAMAT SD/SEDERAJAT
	JuniorHigh                       // SLTP/SEDERAJAT
	SeniorHigh                       // SLTA/SEDERAJAT
	DiplomaI                         // DIPLOMA I/II
	DiplomaIII                       // AKADEMI/DIPLOMA III/S. MUDA
	Bachelor                         // DIPLOMA IV/STRATA I
	Master                           // STRATA II
	Doctorate                        // STRATA III
)

var educations = enum{"education", "Education", []enumVal{{},
	{"tidak-sekolah", "TIDAK/BELUM SEKOLAH", "NO SCHOOLING", []string{"belum sekolah", "none"}},
	{"belum-tamat-sd", "BELUM TAMAT SD/SEDERAJAT", "PRIMARY, NOT COMPLETED", nil},
	{"sd", "TAMAT SD/SEDERAJAT", "PRIMARY", []string{"tamat sd"}},
	{"sltp", "SLTP/SEDERAJAT", "JUNIOR SECONDARY", []string{"smp"}},
	{"slta", "SLTA/SEDERAJAT", "SENIOR SECONDARY", []string{"sma", "smk"}},
	{"d1-d2", "DIPLOMA I/II", "DIPLOMA I/II", []string{"d1", "d2"}},
	{"d3", "AKADEMI/DIPLOMA III/S. MUDA", "DIPLOMA III", []string{"diploma iii", "akademi"}},
	{"s1", "DIPLOMA IV/STRATA I", "BACHELOR", []string{"d4", "strata i", "bachelor"}},
	{"s2", "STRATA II", "MASTER", []string{"master"}},
	{"s3", "STRATA III", "DOCTORATE", []string{"doctorate"}},
}}

// ParseEducation accepts the keys ("tidak-sekolah", "sd", "sltp", "slta",
// "d1-d2", "d3", "s1", "s2", "s3"), the labels and common names (SMP, SMA),
// in any case.
func ParseEducation(s string) (Education, error) {
	v, err := educations.parse(s)
	return Education(v), err
}

// IsValid reports whether e is one of the education levels above.
func (e Education) IsValid() bool { return educations.valid(uint8(e)) }

// String returns the key, e.g. "sltp"; "" for 0 (unknown) and
// "Education(n)" for a value that names nothing.
func (e Education) String() string { return educations.key(uint8(e)) }

// Text returns the label printed in language l, in capitals: "SLTP/SEDERAJAT"
// or "JUNIOR SECONDARY"; "" when e is not valid.
func (e Education) Text(l adminduk.Lang) string { return educations.text(uint8(e), l) }

// MarshalText implements [encoding.TextMarshaler]: the key, and an error
// for a value that names nothing.
func (e Education) MarshalText() ([]byte, error) { return educations.marshal(uint8(e)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEducation].
func (e *Education) UnmarshalText(b []byte) error {
	v, err := ParseEducation(string(b))
	*e = v
	return err
}
