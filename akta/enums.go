package akta

import (
	"errors"
	"strconv"
	"strings"
)

// ErrUnknownValue is returned when a text is not one of an enumeration's
// values.
var ErrUnknownValue = errors.New("akta: unknown value")

// ValueError reports a text that is not one of an enumeration's values. It
// unwraps to [ErrUnknownValue].
type ValueError struct {
	Type  string // "multiplicity", "cause", "relationship", ...
	Input string
}

// Error returns a message like `akta: unknown cause "x"`.
func (e *ValueError) Error() string {
	return "akta: unknown " + e.Type + " " + strconv.Quote(e.Input)
}

// Unwrap returns [ErrUnknownValue].
func (e *ValueError) Unwrap() error { return ErrUnknownValue }

// enum is the table of one enumeration. Index = value; 0 is "unknown".
type enum struct {
	name string
	vals []enumVal
}

type enumVal struct {
	key, id, en string   // text form, Indonesian label (capitals), English label (capitals)
	aliases     []string // other accepted spellings, lower case
}

func (e *enum) get(v uint8) enumVal {
	if v == 0 || int(v) >= len(e.vals) {
		return enumVal{}
	}
	return e.vals[v]
}

// norm folds case and treats '_', '-' and '/' as spaces.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", " ", "-", " ", "/", " ", ".", " ").Replace(s)
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
	return 0, &ValueError{Type: e.name, Input: s}
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
	return 0, &ValueError{Type: "multiplicity", Input: s}
}

// String returns "tunggal" or "kembar-N", the akta.json form.
func (m Multiplicity) String() string {
	switch {
	case m == Single:
		return "tunggal"
	case m >= 2 && m <= 9:
		return "kembar-" + string('0'+byte(m))
	}
	return ""
}

// Indonesian returns "TUNGGAL" or "KEMBAR N".
func (m Multiplicity) Indonesian() string {
	return strings.ToUpper(strings.ReplaceAll(m.String(), "-", " "))
}

// English returns "SINGLE", "TWIN", "TRIPLET" or "MULTIPLE (N)".
func (m Multiplicity) English() string {
	switch {
	case m == Single:
		return "SINGLE"
	case m == Twins:
		return "TWIN"
	case m == Triplets:
		return "TRIPLET"
	case m > 3 && m <= 9:
		return "MULTIPLE (" + string('0'+byte(m)) + ")"
	}
	return ""
}

// MarshalText implements [encoding.TextMarshaler].
func (m Multiplicity) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

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

var causes = enum{"cause", []enumVal{{},
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

// String returns the key, e.g. "kecelakaan".
func (c Cause) String() string { return causes.get(uint8(c)).key }

// Indonesian returns the label in capitals.
func (c Cause) Indonesian() string { return causes.get(uint8(c)).id }

// English returns the English label in capitals.
func (c Cause) English() string { return causes.get(uint8(c)).en }

// MarshalText implements [encoding.TextMarshaler].
func (c Cause) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseCause].
func (c *Cause) UnmarshalText(b []byte) error {
	v, err := ParseCause(string(b))
	*c = v
	return err
}
