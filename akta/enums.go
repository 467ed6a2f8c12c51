package akta

import (
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// separators are the characters norm treats as spaces.
var separators = strings.NewReplacer("_", " ", "-", " ", "/", " ", ".", " ")

// enum is the table of one enumeration. Index = value; 0 is "unknown".
type enum struct {
	name string // the type's name in messages ("cause")
	typ  string // the Go type's name, for String of an invalid value
	vals []enumVal
}

type enumVal struct {
	key, id, en string   // text form, Indonesian label (capitals), English label (capitals)
	aliases     []string // other accepted spellings, lower case
}

// valid reports whether v names a value.
func (e *enum) valid(v uint8) bool { return v != 0 && int(v) < len(e.vals) }

// key returns the text form of v: "" for 0, "Type(n)" for a value that
// names nothing.
func (e *enum) key(v uint8) string {
	switch {
	case v == 0:
		return ""
	case !e.valid(v):
		return e.typ + "(" + strconv.Itoa(int(v)) + ")"
	}
	return e.vals[v].key
}

// text returns the label of v in l, "" when v names nothing.
func (e *enum) text(v uint8, l adminduk.Lang) string {
	if !e.valid(v) {
		return ""
	}
	if l == adminduk.English {
		return e.vals[v].en
	}
	return e.vals[v].id
}

// marshal is MarshalText: the key, and an error for a value that names
// nothing.
func (e *enum) marshal(v uint8) ([]byte, error) {
	if v != 0 && !e.valid(v) {
		return nil, &adminduk.ValueError{Type: e.name, Input: e.key(v), Err: ErrUnknownValue}
	}
	return []byte(e.key(v)), nil
}

// norm folds case and treats '_', '-' and '/' as spaces.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = separators.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func (e *enum) parse(s string) (uint8, error) {
	n := norm(s)
	for i := 1; i < len(e.vals); i++ {
		v := e.vals[i]
		if n == norm(v.key) || n == norm(v.id) || n == norm(v.en) {
			return uint8(i), nil
		}
		for _, a := range v.aliases {
			if n == norm(a) {
				return uint8(i), nil
			}
		}
	}
	return 0, &adminduk.ValueError{Type: e.name, Input: s, Err: ErrUnknownValue}
}

// Multiplicity is the kind of birth: single or the size of a multiple birth
// (jenis kelahiran: tunggal, kembar 2, kembar 3 ...). 0 is unknown.
type Multiplicity uint8

// Multiplicities; larger multiple births are Multiplicity(n) up to 9.
const (
	Single   Multiplicity = 1 // tunggal
	Twins    Multiplicity = 2 // kembar 2
	Triplets Multiplicity = 3 // kembar 3
)

// ParseMultiplicity accepts "tunggal"/"single"/"1", "kembar"/"kembar 2"/
// "kembar-2"/"twins"/"2", "kembar 3"/"triplets"/"3", and "kembar N" or "N"
// up to 9.
func ParseMultiplicity(s string) (Multiplicity, error) {
	n := norm(s)
	switch n {
	case "tunggal", "single", "1":
		return Single, nil
	case "kembar", "kembar dua", "twin", "twins":
		return Twins, nil
	case "kembar tiga", "triplet", "triplets":
		return Triplets, nil
	}
	n = strings.TrimPrefix(n, "kembar ")
	if len(n) == 1 && n[0] >= '2' && n[0] <= '9' {
		return Multiplicity(n[0] - '0'), nil
	}
	return 0, &adminduk.ValueError{Type: "multiplicity", Input: s, Err: ErrUnknownValue}
}

// IsValid reports whether m is single or a multiple birth of 2 to 9.
func (m Multiplicity) IsValid() bool { return m >= 1 && m <= 9 }

// String returns "tunggal" or "kembar-N", the akta.json form; "" for 0
// (unknown) and "Multiplicity(n)" for a value above 9.
func (m Multiplicity) String() string {
	switch {
	case m == 0:
		return ""
	case m == Single:
		return "tunggal"
	case m.IsValid():
		return "kembar-" + string('0'+byte(m))
	}
	return "Multiplicity(" + strconv.Itoa(int(m)) + ")"
}

// Text returns the label printed in language l: "TUNGGAL" or "KEMBAR N" in
// Indonesian, "SINGLE", "TWIN", "TRIPLET" or "MULTIPLE (N)" in English; ""
// when m is not valid.
func (m Multiplicity) Text(l adminduk.Lang) string {
	switch {
	case !m.IsValid():
		return ""
	case l != adminduk.English:
		return strings.ToUpper(strings.ReplaceAll(m.String(), "-", " "))
	case m == Single:
		return "SINGLE"
	case m == Twins:
		return "TWIN"
	case m == Triplets:
		return "TRIPLET"
	}
	return "MULTIPLE (" + string('0'+byte(m)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]: the String of m, and an
// error for a value above 9.
func (m Multiplicity) MarshalText() ([]byte, error) {
	if m != 0 && !m.IsValid() {
		return nil, &adminduk.ValueError{Type: "multiplicity", Input: m.String(), Err: ErrUnknownValue}
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMultiplicity].
func (m *Multiplicity) UnmarshalText(b []byte) error {
	v, err := ParseMultiplicity(string(b))
	*m = v
	return err
}

// Cause is the category of a cause of death on the death report (form
// F-2.01): the kutipan does not print it. 0 is unknown.
type Cause uint8

// Causes of death.
const (
	CauseIllness  Cause = 1 + iota // sakit biasa / tua
	CauseEpidemic                  // wabah penyakit
	CauseAccident                  // kecelakaan
	CauseCrime                     // kriminalitas
	CauseSuicide                   // bunuh diri
	CauseOther                     // lainnya
)

var causes = enum{"cause", "Cause", []enumVal{{},
	{"sakit", "SAKIT BIASA/TUA", "ILLNESS OR OLD AGE", []string{"illness", "sakit biasa", "tua", "old age"}},
	{"wabah", "WABAH PENYAKIT", "EPIDEMIC", []string{"epidemic"}},
	{"kecelakaan", "KECELAKAAN", "ACCIDENT", []string{"accident"}},
	{"kriminalitas", "KRIMINALITAS", "CRIME", []string{"crime"}},
	{"bunuh-diri", "BUNUH DIRI", "SUICIDE", []string{"suicide"}},
	{"lainnya", "LAINNYA", "OTHER", []string{"other", "lain"}},
}}

// ParseCause accepts the keys ("sakit", "wabah", "kecelakaan",
// "kriminalitas", "bunuh-diri", "lainnya"), the labels and the English
// names, in any case.
func ParseCause(s string) (Cause, error) { v, err := causes.parse(s); return Cause(v), err }

// IsValid reports whether c is one of the causes above.
func (c Cause) IsValid() bool { return causes.valid(uint8(c)) }

// String returns the key, e.g. "kecelakaan"; "" for 0 (unknown) and
// "Cause(n)" for a value that names nothing.
func (c Cause) String() string { return causes.key(uint8(c)) }

// Text returns the label printed in language l, in capitals: "KECELAKAAN"
// or "ACCIDENT"; "" when c is not valid.
func (c Cause) Text(l adminduk.Lang) string { return causes.text(uint8(c), l) }

// MarshalText implements [encoding.TextMarshaler]: the key, and an error
// for a value that names nothing.
func (c Cause) MarshalText() ([]byte, error) { return causes.marshal(uint8(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseCause].
func (c *Cause) UnmarshalText(b []byte) error {
	v, err := ParseCause(string(b))
	*c = v
	return err
}
