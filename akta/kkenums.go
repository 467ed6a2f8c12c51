package akta

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

var relationships = enum{"relationship", []enumVal{{},
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

// String returns the key, e.g. "kepala-keluarga".
func (r Relationship) String() string { return relationships.get(uint8(r)).key }

// Indonesian returns the printed label, e.g. "KEPALA KELUARGA".
func (r Relationship) Indonesian() string { return relationships.get(uint8(r)).id }

// English returns the English label.
func (r Relationship) English() string { return relationships.get(uint8(r)).en }

// MarshalText implements [encoding.TextMarshaler].
func (r Relationship) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

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

var maritalStatuses = enum{"marital status", []enumVal{{},
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

// String returns the key.
func (m MaritalStatus) String() string { return maritalStatuses.get(uint8(m)).key }

// Indonesian returns the printed label.
func (m MaritalStatus) Indonesian() string { return maritalStatuses.get(uint8(m)).id }

// English returns the English label.
func (m MaritalStatus) English() string { return maritalStatuses.get(uint8(m)).en }

// MarshalText implements [encoding.TextMarshaler].
func (m MaritalStatus) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

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

var educations = enum{"education", []enumVal{{},
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

// String returns the key.
func (e Education) String() string { return educations.get(uint8(e)).key }

// Indonesian returns the printed label.
func (e Education) Indonesian() string { return educations.get(uint8(e)).id }

// English returns the English label.
func (e Education) English() string { return educations.get(uint8(e)).en }

// MarshalText implements [encoding.TextMarshaler].
func (e Education) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEducation].
func (e *Education) UnmarshalText(b []byte) error {
	v, err := ParseEducation(string(b))
	*e = v
	return err
}
