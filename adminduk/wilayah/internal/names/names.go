// Package names normalises region names for matching: case, spacing,
// punctuation and the "Kab."/"Kabupaten"/"Kota" prefixes are ignored. The
// generator and the search share it so that successors and searches agree.
package names

import "strings"

// Kind tells what a kab/kota prefix said.
type Kind uint8

// Kinds of a regency-level name.
const (
	KindNone      Kind = iota // no prefix
	KindKabupaten             // "Kabupaten", "Kab.", "Kab"
	KindKota                  // "Kota"
)

var prefixes = [...]struct {
	p string
	k Kind
}{
	{"kabupaten", KindKabupaten},
	{"kab.", KindKabupaten},
	{"kab ", KindKabupaten},
	{"kota ", KindKota},
	{"kota.", KindKota},
}

// Key returns s lower-cased with everything but ASCII letters and digits
// removed: "Fak  Fak" and "FAK-FAK" both give "fakfak".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		}
	}
	return b.String()
}

// Regency splits a kab/kota name into its kind and the key of the rest:
// "KAB. MERAUKE" and "Kabupaten Merauke" give (KindKabupaten, "merauke").
func Regency(s string) (Kind, string) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, p := range prefixes {
		if strings.HasPrefix(t, p.p) {
			return p.k, Key(t[len(p.p):])
		}
	}
	return KindNone, Key(t)
}
