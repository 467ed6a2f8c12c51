package partnership

import (
	"strings"
)

// Group is the family of a partner's category: the programmes differ by
// group (a faskes reports births, a school records pupils, a merchant gives
// KIA holders a discount).
type Group int

// Groups.
const (
	GroupHealth    Group = 1 + iota // faskes: rumah sakit, klinik, bidan, puskesmas
	GroupEducation                  // schools: PAUD/TK, SD, SMP, SMA/SMK
	GroupBenefit                    // KIA benefit: tempat wisata, merchant
	GroupOther                      // anything else
)

var groupKeys = [...]string{GroupHealth: "health", GroupEducation: "education", GroupBenefit: "benefit", GroupOther: "other"}

// Groups returns every group in order.
func Groups() []Group { return []Group{GroupHealth, GroupEducation, GroupBenefit, GroupOther} }

// String returns the key: "health", "education", "benefit" or "other";
// "Group(n)" for a number that names nothing.
func (g Group) String() string {
	if !g.IsValid() {
		return unknown("Group", int(g))
	}
	return groupKeys[g]
}

// IsValid reports whether g is one of the groups.
func (g Group) IsValid() bool { return g > 0 && int(g) < len(groupKeys) }

// ParseGroup parses a group key, ignoring case and surrounding space.
func ParseGroup(s string) (Group, error) {
	k := normKey(s)
	for g := GroupHealth; int(g) < len(groupKeys); g++ {
		if groupKeys[g] == k {
			return g, nil
		}
	}
	return 0, &ParseError{What: "group", Input: s, Msg: "want one of " + strings.Join(groupKeys[1:], ", ")}
}

// MarshalText implements [encoding.TextMarshaler]; the zero Group marshals as "".
func (g Group) MarshalText() ([]byte, error) { return marshalKey(g.IsValid(), g.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero Group.
func (g *Group) UnmarshalText(b []byte) error { return unmarshalKey(b, g, ParseGroup) }

// Category is the kind of partner the Dinas signs a PKS with.
type Category int

// Categories, in the order reports list them.
const (
	RumahSakit    Category = 1 + iota // hospital
	Klinik                            // clinic
	Bidan                             // bidan praktik mandiri (independent midwife)
	Puskesmas                         // community health centre
	PAUDTK                            // PAUD/TK (pre-school, kindergarten)
	SD                                // primary school
	SMP                               // junior secondary school
	SMASMK                            // senior secondary or vocational school
	TempatWisata                      // tourism site
	Merchant                          // shop, bookshop, other business
	OtherCategory                     // anything else
)

var categoryInfo = [...]struct {
	key, title string
	group      Group
}{
	RumahSakit:    {"rumah_sakit", "Rumah sakit", GroupHealth},
	Klinik:        {"klinik", "Klinik", GroupHealth},
	Bidan:         {"bidan", "Bidan praktik mandiri", GroupHealth},
	Puskesmas:     {"puskesmas", "Puskesmas", GroupHealth},
	PAUDTK:        {"paud_tk", "PAUD/TK", GroupEducation},
	SD:            {"sd", "SD", GroupEducation},
	SMP:           {"smp", "SMP", GroupEducation},
	SMASMK:        {"sma_smk", "SMA/SMK", GroupEducation},
	TempatWisata:  {"tempat_wisata", "Tempat wisata", GroupBenefit},
	Merchant:      {"merchant", "Merchant", GroupBenefit},
	OtherCategory: {"other", "Lainnya", GroupOther},
}

// categoryAliases are spellings found in Dinas spreadsheets, after
// normalisation (lower case, spaces and hyphens as underscores).
var categoryAliases = map[string]Category{
	"rs": RumahSakit, "rsu": RumahSakit, "rsud": RumahSakit, "hospital": RumahSakit,
	"clinic": Klinik, "bpm": Bidan, "bidan_praktik_mandiri": Bidan, "pmb": Bidan, "midwife": Bidan,
	"paud": PAUDTK, "tk": PAUDTK, "paud/tk": PAUDTK, "sma": SMASMK, "smk": SMASMK, "sma/smk": SMASMK,
	"wisata": TempatWisata, "lainnya": OtherCategory,
}

// Categories returns every category in report order.
func Categories() []Category {
	out := make([]Category, 0, len(categoryInfo)-1)
	for c := RumahSakit; int(c) < len(categoryInfo); c++ {
		out = append(out, c)
	}
	return out
}

// IsValid reports whether c is one of the categories.
func (c Category) IsValid() bool { return c > 0 && int(c) < len(categoryInfo) }

// String returns the key used in CSV files and JSON: "rumah_sakit",
// "klinik", "bidan", "puskesmas", "paud_tk", "sd", "smp", "sma_smk",
// "tempat_wisata", "merchant" or "other"; "Category(n)" for a number that
// names nothing. See [Category.Text] for the name.
func (c Category) String() string {
	if !c.IsValid() {
		return unknown("Category", int(c))
	}
	return categoryInfo[c].key
}

// Group returns the group of c, 0 for an invalid category.
func (c Category) Group() Group {
	if !c.IsValid() {
		return 0
	}
	return categoryInfo[c].group
}

// ParseCategory parses a category key ignoring case, surrounding space, and
// spaces or hyphens for underscores ("Rumah Sakit" is rumah_sakit); a few
// common spellings are accepted too ("RSUD", "BPM", "TK", "SMK", "wisata").
func ParseCategory(s string) (Category, error) {
	k := normKey(s)
	for c := RumahSakit; int(c) < len(categoryInfo); c++ {
		if categoryInfo[c].key == k {
			return c, nil
		}
	}
	if c, ok := categoryAliases[k]; ok {
		return c, nil
	}
	return 0, &ParseError{What: "category", Input: s, Msg: "unknown; want one of " + strings.Join(categoryKeys(), ", ")}
}

func categoryKeys() []string {
	out := make([]string, 0, len(categoryInfo)-1)
	for _, c := range Categories() {
		out = append(out, c.String())
	}
	return out
}

// MarshalText implements [encoding.TextMarshaler]; the zero Category
// marshals as "".
func (c Category) MarshalText() ([]byte, error) { return marshalKey(c.IsValid(), c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" gives the zero
// Category.
func (c *Category) UnmarshalText(b []byte) error { return unmarshalKey(b, c, ParseCategory) }

// normKey lower-cases s, trims it and turns spaces and hyphens into
// underscores.
func normKey(s string) string {
	s = strings.TrimSpace(s)
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' && i > 0 && s[i-1] != '_' && i < len(s)-1 || c == '/'
	}
	if plain {
		return s
	}
	return normKeySlow(s)
}

// normKeySlow is normKey without the fast path for keys already normalised.
func normKeySlow(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	b.Grow(len(s))
	under := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '\t':
			under = true
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		if under && b.Len() > 0 {
			b.WriteByte('_')
		}
		under = false
		b.WriteRune(r)
	}
	return b.String()
}

func marshalKey(valid bool, key string) []byte {
	if !valid {
		return []byte{}
	}
	return []byte(key)
}

func unmarshalKey[T ~int](b []byte, dst *T, parse func(string) (T, error)) error {
	if len(b) == 0 {
		*dst = 0
		return nil
	}
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
