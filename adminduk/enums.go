package adminduk

import (
	"strconv"
	"strings"
)

// ErrUnknownValue is returned when parsing an enumeration value fails. It
// unwraps to [ErrInvalid].
var ErrUnknownValue = Sentinel("adminduk: unknown value", ErrInvalid)

// ValueError reports a string that is not one of an enumeration's values. It
// unwraps to [ErrUnknownValue].
type ValueError struct {
	Type  string // "sex", "religion", ...
	Input string
}

func (e *ValueError) Error() string {
	return "adminduk: unknown " + e.Type + " " + strconv.Quote(e.Input)
}

// Unwrap returns [ErrUnknownValue].
func (e *ValueError) Unwrap() error { return ErrUnknownValue }

// enum is the table behind one enumeration: canonical key (as marshalled),
// Indonesian label, English label, and extra accepted spellings.
type enum struct {
	name string
	vals []enumVal // index = value; 0 unused
}

type enumVal struct {
	key, id, en string
	aliases     []string
}

func (e *enum) key(v uint8) string {
	if v == 0 || int(v) >= len(e.vals) {
		return ""
	}
	return e.vals[v].key
}

func (e *enum) label(v uint8, en bool) string {
	if v == 0 || int(v) >= len(e.vals) {
		return ""
	}
	if en {
		return e.vals[v].en
	}
	return e.vals[v].id
}

func (e *enum) parse(s string) (uint8, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for i := 1; i < len(e.vals); i++ {
		v := e.vals[i]
		if t == strings.ToLower(v.key) || t == strings.ToLower(v.id) || t == strings.ToLower(v.en) {
			return uint8(i), nil
		}
		for _, a := range v.aliases {
			if t == a {
				return uint8(i), nil
			}
		}
	}
	return 0, &ValueError{Type: e.name, Input: s}
}

// Sex is a person's sex as recorded: [Male] or [Female]; 0 is unknown.
type Sex uint8

// Sexes.
const (
	Male Sex = 1 + iota
	Female
)

var sexes = enum{"sex", []enumVal{{}, {"male", "LAKI-LAKI", "MALE", []string{"l", "lk", "laki", "m", "pria", "1"}},
	{"female", "PEREMPUAN", "FEMALE", []string{"p", "pr", "f", "wanita", "2"}}}}

// ParseSex accepts "male"/"female", "L"/"P", "laki-laki"/"perempuan" and
// "1"/"2", in any case.
func ParseSex(s string) (Sex, error) { v, err := sexes.parse(s); return Sex(v), err }

// String returns "male" or "female".
func (s Sex) String() string { return sexes.key(uint8(s)) }

// Indonesian returns "LAKI-LAKI" or "PEREMPUAN" as printed on documents.
func (s Sex) Indonesian() string { return sexes.label(uint8(s), false) }

// English returns "MALE" or "FEMALE".
func (s Sex) English() string { return sexes.label(uint8(s), true) }

// MarshalText implements [encoding.TextMarshaler].
func (s Sex) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseSex].
func (s *Sex) UnmarshalText(b []byte) error { v, err := ParseSex(string(b)); *s = v; return err }

// Religion is one of the religions recorded in Indonesian civil registration
// (UU 24/2013 and MK decision 97/PUU-XIV/2016); 0 is unknown.
type Religion uint8

// Religions, in the order of the KTP-el form.
const (
	Islam Religion = 1 + iota
	Kristen
	Katolik
	Hindu
	Buddha
	Khonghucu
	Kepercayaan // Kepercayaan terhadap Tuhan YME
)

var religions = enum{"religion", []enumVal{{},
	{"Islam", "ISLAM", "ISLAM", []string{"moslem", "muslim"}},
	{"Kristen", "KRISTEN", "PROTESTANT", []string{"kristen protestan", "protestan", "christian"}},
	{"Katolik", "KATOLIK", "CATHOLIC", []string{"katholik", "roman catholic"}},
	{"Hindu", "HINDU", "HINDU", nil},
	{"Buddha", "BUDDHA", "BUDDHIST", []string{"budha", "buddhism"}},
	{"Khonghucu", "KHONGHUCU", "CONFUCIAN", []string{"konghucu", "kong hu cu", "khong hu cu", "confucianism"}},
	{"Kepercayaan terhadap Tuhan YME", "KEPERCAYAAN TERHADAP TUHAN YME", "BELIEF IN ONE ALMIGHTY GOD",
		[]string{"kepercayaan", "penghayat kepercayaan", "kepercayaan terhadap tuhan yang maha esa"}},
}}

// ParseReligion accepts the Indonesian names and common variants in any case.
func ParseReligion(s string) (Religion, error) { v, err := religions.parse(s); return Religion(v), err }

// String returns the Indonesian name, e.g. "Katolik".
func (r Religion) String() string { return religions.key(uint8(r)) }

// Indonesian returns the name in capitals as printed on documents.
func (r Religion) Indonesian() string { return religions.label(uint8(r), false) }

// English returns the English name in capitals.
func (r Religion) English() string { return religions.label(uint8(r), true) }

// MarshalText implements [encoding.TextMarshaler].
func (r Religion) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseReligion].
func (r *Religion) UnmarshalText(b []byte) error {
	v, err := ParseReligion(string(b))
	*r = v
	return err
}

// Citizenship is [WNI] (Indonesian citizen) or [WNA] (foreigner); 0 is unknown.
type Citizenship uint8

// Citizenships.
const (
	WNI Citizenship = 1 + iota
	WNA
)

var citizenships = enum{"citizenship", []enumVal{{},
	{"WNI", "WNI", "INDONESIAN", []string{"indonesia", "warga negara indonesia"}},
	{"WNA", "WNA", "FOREIGN", []string{"asing", "warga negara asing"}},
}}

// ParseCitizenship accepts "WNI" and "WNA" in any case.
func ParseCitizenship(s string) (Citizenship, error) {
	v, err := citizenships.parse(s)
	return Citizenship(v), err
}

// String returns "WNI" or "WNA".
func (c Citizenship) String() string { return citizenships.key(uint8(c)) }

// English returns "INDONESIAN" or "FOREIGN".
func (c Citizenship) English() string { return citizenships.label(uint8(c), true) }

// MarshalText implements [encoding.TextMarshaler].
func (c Citizenship) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseCitizenship].
func (c *Citizenship) UnmarshalText(b []byte) error {
	v, err := ParseCitizenship(string(b))
	*c = v
	return err
}

// BloodType is an ABO blood group with optional rhesus factor as recorded on
// the KTP-el and KIA; 0 is unknown and prints as "-".
type BloodType uint8

// Blood types.
const (
	BloodA BloodType = 1 + iota
	BloodB
	BloodAB
	BloodO
	BloodAPos
	BloodANeg
	BloodBPos
	BloodBNeg
	BloodABPos
	BloodABNeg
	BloodOPos
	BloodONeg
)

var bloodTypes = enum{"blood type", []enumVal{{},
	{"A", "A", "A", nil}, {"B", "B", "B", nil}, {"AB", "AB", "AB", nil}, {"O", "O", "O", nil},
	{"A+", "A+", "A+", nil}, {"A-", "A-", "A-", nil}, {"B+", "B+", "B+", nil}, {"B-", "B-", "B-", nil},
	{"AB+", "AB+", "AB+", nil}, {"AB-", "AB-", "AB-", nil}, {"O+", "O+", "O+", nil}, {"O-", "O-", "O-", nil},
}}

// ParseBloodType accepts A, B, AB, O with an optional + or -, in any case;
// "" and "-" give 0 (unknown) without error.
func ParseBloodType(s string) (BloodType, error) {
	if t := strings.TrimSpace(s); t == "" || t == "-" {
		return 0, nil
	}
	v, err := bloodTypes.parse(strings.ReplaceAll(s, " ", ""))
	return BloodType(v), err
}

// String returns the blood type, or "-" when unknown.
func (b BloodType) String() string {
	if k := bloodTypes.key(uint8(b)); k != "" {
		return k
	}
	return "-"
}

// MarshalText implements [encoding.TextMarshaler]; unknown gives "".
func (b BloodType) MarshalText() ([]byte, error) { return []byte(bloodTypes.key(uint8(b))), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseBloodType].
func (b *BloodType) UnmarshalText(t []byte) error {
	v, err := ParseBloodType(string(t))
	*b = v
	return err
}
