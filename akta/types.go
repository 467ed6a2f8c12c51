package akta

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Kind is the event an akta records.
type Kind uint8

// Kinds of akta.
const (
	KindBirth Kind = 1 + iota // akta kelahiran
	KindDeath                 // akta kematian
)

// IsValid reports whether k is KindBirth or KindDeath.
func (k Kind) IsValid() bool { return k == KindBirth || k == KindDeath }

// String returns "kelahiran" or "kematian", the values of "type" in
// akta.json; "" for 0 and "Kind(n)" for a value that names nothing.
func (k Kind) String() string {
	switch k {
	case 0:
		return ""
	case KindBirth:
		return "kelahiran"
	case KindDeath:
		return "kematian"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Text returns the event in words in language l, lower case as in running
// text: "kelahiran" or "birth", "kematian" or "death"; "" when k is not
// valid.
func (k Kind) Text(l adminduk.Lang) string {
	if !k.IsValid() {
		return ""
	}
	if l == adminduk.English {
		return [...]string{"", "birth", "death"}[k]
	}
	return k.String()
}

// CredentialType returns the document type of the signed QR:
// "AKTA-KELAHIRAN" or "AKTA-KEMATIAN".
func (k Kind) CredentialType() string {
	switch k {
	case KindBirth:
		return "AKTA-KELAHIRAN"
	case KindDeath:
		return "AKTA-KEMATIAN"
	}
	return ""
}

// ParseKind accepts "kelahiran"/"birth" and "kematian"/"death" in any case.
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "kelahiran", "birth", "lahir":
		return KindBirth, nil
	case "kematian", "death", "mati":
		return KindDeath, nil
	}
	return 0, &adminduk.ValueError{Type: "kind", Input: s, Err: ErrUnknownValue}
}

// MarshalText implements [encoding.TextMarshaler]: the String of k, and an
// error for a value that names nothing.
func (k Kind) MarshalText() ([]byte, error) {
	if k != 0 && !k.IsValid() {
		return nil, &adminduk.ValueError{Type: "kind", Input: k.String(), Err: ErrUnknownValue}
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Type is one entry of the register-number type table: the code between the
// office and the date ("LU"), the event it records and whether it marks a
// late registration.
type Type struct {
	Code    string // 2 or 3 upper-case ASCII letters
	Kind    Kind
	Late    bool   // registered after the deadline
	Name    string // Indonesian description
	English string // English description
}

// Text returns the description of the type in language l: Name or
// English.
func (t Type) Text(l adminduk.Lang) string {
	if l == adminduk.English {
		return t.English
	}
	return t.Name
}

// The types of the default table.
var (
	TypeBirthOnTime = Type{Code: "LU", Kind: KindBirth, Name: "kelahiran umum (tepat waktu)", English: "birth, registered on time"}
	TypeBirthLate   = Type{Code: "LT", Kind: KindBirth, Late: true, Name: "kelahiran terlambat", English: "birth, registered late"}
	TypeDeath       = Type{Code: "KM", Kind: KindDeath, Name: "kematian", English: "death"}
)

// Types is a register-number type table. A [Parser] accepts the codes of its
// table; [Types.For] picks the code for a new registration. The death code
// is not confirmed by regulation (DOMAIN.md), so offices that use another
// one extend the default table with [Types.With]. A Types is immutable and
// safe for concurrent use.
type Types struct {
	byCode map[[3]byte]Type
	list   []Type  // in the order given
	choice [6]Type // indexed by kind*2+late: the type For returns
}

var defaultTypes = mustTypes(TypeBirthOnTime, TypeBirthLate, TypeDeath)

// DefaultTypes returns the default table: LU (birth on time), LT (birth
// late) and KM (death).
func DefaultTypes() *Types { return defaultTypes }

// NewTypes builds a table. Codes must be 2 or 3 letters A-Z and distinct;
// kinds must be set. When several types share a kind and lateness, the last
// one is the one [Types.For] returns; the others still parse.
func NewTypes(types ...Type) (*Types, error) {
	t := &Types{byCode: make(map[[3]byte]Type, len(types))}
	for _, ty := range types {
		key, ok := typeKey(ty.Code)
		if !ok || strings.ToUpper(ty.Code) != ty.Code {
			return nil, fmt.Errorf("akta: type code %q: want 2 or 3 letters A-Z", ty.Code)
		}
		if ty.Kind != KindBirth && ty.Kind != KindDeath {
			return nil, fmt.Errorf("akta: type code %q: no kind", ty.Code)
		}
		if _, dup := t.byCode[key]; dup {
			return nil, fmt.Errorf("akta: type code %q given twice", ty.Code)
		}
		t.byCode[key] = ty
		t.list = append(t.list, ty)
		t.choice[choiceIndex(ty.Kind, ty.Late)] = ty
	}
	if len(t.list) == 0 {
		return nil, errors.New("akta: empty type table")
	}
	return t, nil
}

func mustTypes(types ...Type) *Types {
	t, err := NewTypes(types...)
	if err != nil {
		panic(err)
	}
	return t
}

// With returns a new table with t's types followed by more; a type in more
// whose code is already in t replaces it. Use it to change the death code:
//
//	types, err := akta.DefaultTypes().With(akta.Type{Code: "AKM", Kind: akta.KindDeath, Name: "kematian"})
//
// after which new death numbers use AKM and KM numbers still parse.
func (t *Types) With(more ...Type) (*Types, error) {
	var all []Type
	for _, old := range t.list {
		replaced := false
		for _, n := range more {
			if n.Code == old.Code {
				replaced = true
			}
		}
		if !replaced {
			all = append(all, old)
		}
	}
	return NewTypes(append(all, more...)...)
}

// Lookup returns the type with the given code (case-insensitive).
func (t *Types) Lookup(code string) (Type, bool) {
	key, ok := typeKey(code)
	if !ok {
		return Type{}, false
	}
	ty, ok := t.byCode[key]
	return ty, ok
}

// For returns the type a new registration of kind gets: the late one when
// late and the table has one, else the on-time one.
func (t *Types) For(kind Kind, late bool) (Type, bool) {
	if kind != KindBirth && kind != KindDeath {
		return Type{}, false
	}
	if late {
		if ty := t.choice[choiceIndex(kind, true)]; ty.Code != "" {
			return ty, true
		}
	}
	ty := t.choice[choiceIndex(kind, false)]
	return ty, ty.Code != ""
}

// All returns the types in table order.
func (t *Types) All() []Type { return append([]Type(nil), t.list...) }

func choiceIndex(k Kind, late bool) int {
	i := int(k) * 2
	if late {
		i++
	}
	return i
}

// typeKey packs a code of 2-3 letters, folded to upper case.
func typeKey(code string) ([3]byte, bool) {
	var k [3]byte
	if len(code) < 2 || len(code) > 3 {
		return k, false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			return k, false
		}
		k[i] = c
	}
	return k, true
}
