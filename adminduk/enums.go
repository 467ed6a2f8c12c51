package adminduk

import (
	"strconv"
	"strings"
)

// ErrUnknownValue is returned when parsing an enumeration value fails. It
// unwraps to [ErrInvalid].
var ErrUnknownValue = Sentinel("adminduk: unknown value", ErrInvalid)

// ValueError reports a string that is not one of an enumeration's values,
// or not an accepted value of some other kind, with the input quoted. It
// unwraps to Err, or to [ErrUnknownValue] when Err is nil; a package with
// its own sentinel sets Err to it (one made with [Sentinel] from
// ErrUnknownValue), and the message then starts with that package's name:
// `akta: unknown cause "x"`.
type ValueError struct {
	Type  string // "sex", "religion", ...
	Input string // the input as given
	Err   error  // the sentinel; nil means ErrUnknownValue
}

// Error returns a message like `adminduk: unknown sex "x"`; an input longer
// than 64 bytes is cut.
func (e *ValueError) Error() string {
	in := e.Input
	if len(in) > 64 {
		in = in[:64] + "..."
	}
	return packagePrefix(e.Unwrap()) + "unknown " + e.Type + " " + strconv.Quote(in)
}

// Unwrap returns Err, or [ErrUnknownValue] when Err is nil.
func (e *ValueError) Unwrap() error {
	if e.Err != nil {
		return e.Err
	}
	return ErrUnknownValue
}

// packagePrefix returns the "pkg: " that starts err's message, or
// "adminduk: " when it has none.
func packagePrefix(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": "); i > 0 && !strings.Contains(s[:i], " ") {
		return s[:i+2]
	}
	return "adminduk: "
}

// enum is the table behind one enumeration: canonical key (as marshalled),
// Indonesian label, English label, and extra accepted spellings.
type enum struct {
	name string    // in messages: "sex", "blood type"
	typ  string    // the Go type, for String of an invalid value
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

func (e *enum) valid(v uint8) bool { return v != 0 && int(v) < len(e.vals) }

// str is the String of v: its key, "" for 0, "Type(n)" for an invalid value.
func (e *enum) str(v uint8) string {
	if v != 0 && !e.valid(v) {
		return e.typ + "(" + strconv.Itoa(int(v)) + ")"
	}
	return e.key(v)
}

// text is the Text of v: its label in l, "" for 0 or an invalid value.
func (e *enum) text(v uint8, l Lang) string { return e.label(v, l == English) }

// marshal is the MarshalText of v: its key, "" for 0, an error for an
// invalid value.
func (e *enum) marshal(v uint8) ([]byte, error) {
	if v != 0 && !e.valid(v) {
		return nil, &ValueError{Type: e.name, Input: e.str(v)}
	}
	return []byte(e.key(v)), nil
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

var sexes = enum{"sex", "Sex", []enumVal{{}, {"male", "LAKI-LAKI", "MALE", []string{"l", "lk", "laki", "m", "pria", "1"}},
	{"female", "PEREMPUAN", "FEMALE", []string{"p", "pr", "f", "wanita", "2"}}}}

// ParseSex accepts "male"/"female", "L"/"P", "laki-laki"/"perempuan" and
// "1"/"2", in any case.
func ParseSex(s string) (Sex, error) { v, err := sexes.parse(s); return Sex(v), err }

// IsValid reports whether s is [Male] or [Female].
func (s Sex) IsValid() bool { return sexes.valid(uint8(s)) }

// String returns "male" or "female", "" for 0 (unknown) and "Sex(n)" for
// an invalid value.
func (s Sex) String() string { return sexes.str(uint8(s)) }

// Text returns the label printed on documents in language l: "LAKI-LAKI"
// or "PEREMPUAN", "MALE" or "FEMALE"; "" when s is not valid.
func (s Sex) Text(l Lang) string { return sexes.text(uint8(s), l) }

// MarshalText implements [encoding.TextMarshaler]: the String of s, and an
// error for an invalid value.
func (s Sex) MarshalText() ([]byte, error) { return sexes.marshal(uint8(s)) }

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

var religions = enum{"religion", "Religion", []enumVal{{},
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

// IsValid reports whether r is one of the religions above.
func (r Religion) IsValid() bool { return religions.valid(uint8(r)) }

// String returns the Indonesian name, e.g. "Katolik", "" for 0 (unknown)
// and "Religion(n)" for an invalid value.
func (r Religion) String() string { return religions.str(uint8(r)) }

// Text returns the name in capitals as printed on documents in language l:
// "KATOLIK" or "CATHOLIC"; "" when r is not valid.
func (r Religion) Text(l Lang) string { return religions.text(uint8(r), l) }

// MarshalText implements [encoding.TextMarshaler]: the String of r, and an
// error for an invalid value.
func (r Religion) MarshalText() ([]byte, error) { return religions.marshal(uint8(r)) }

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

var citizenships = enum{"citizenship", "Citizenship", []enumVal{{},
	{"WNI", "WNI", "INDONESIAN", []string{"indonesia", "warga negara indonesia"}},
	{"WNA", "WNA", "FOREIGN", []string{"asing", "warga negara asing"}},
}}

// ParseCitizenship accepts "WNI" and "WNA" in any case.
func ParseCitizenship(s string) (Citizenship, error) {
	v, err := citizenships.parse(s)
	return Citizenship(v), err
}

// IsValid reports whether c is [WNI] or [WNA].
func (c Citizenship) IsValid() bool { return citizenships.valid(uint8(c)) }

// String returns "WNI" or "WNA", "" for 0 (unknown) and "Citizenship(n)"
// for an invalid value.
func (c Citizenship) String() string { return citizenships.str(uint8(c)) }

// Text returns the label printed on documents in language l: "WNI" or
// "WNA" in Indonesian, "INDONESIAN" or "FOREIGN" in English; "" when c is
// not valid.
func (c Citizenship) Text(l Lang) string { return citizenships.text(uint8(c), l) }

// MarshalText implements [encoding.TextMarshaler]: the String of c, and an
// error for an invalid value.
func (c Citizenship) MarshalText() ([]byte, error) { return citizenships.marshal(uint8(c)) }

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

var bloodTypes = enum{"blood type", "BloodType", []enumVal{{},
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

// IsValid reports whether b is one of the blood types above.
func (b BloodType) IsValid() bool { return bloodTypes.valid(uint8(b)) }

// String returns the blood type, "-" for 0 (unknown, as documents print it)
// and "BloodType(n)" for an invalid value.
func (b BloodType) String() string {
	if b == 0 {
		return "-"
	}
	return bloodTypes.str(uint8(b))
}

// Text returns the blood type as printed on documents, the same in both
// languages: "AB+", or "-" for 0 (unknown); "" for an invalid value.
func (b BloodType) Text(Lang) string {
	if b == 0 {
		return "-"
	}
	return bloodTypes.key(uint8(b))
}

// MarshalText implements [encoding.TextMarshaler]; 0 (unknown) gives "", an
// invalid value an error.
func (b BloodType) MarshalText() ([]byte, error) { return bloodTypes.marshal(uint8(b)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseBloodType].
func (b *BloodType) UnmarshalText(t []byte) error {
	v, err := ParseBloodType(string(t))
	*b = v
	return err
}
