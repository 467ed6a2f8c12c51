package kia

import (
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Kind is one of the two KIA of Permendagri 2/2016.
type Kind uint8

// The kinds. The zero Kind is unknown.
const (
	// Under5 is the card of a child under five: no photo, valid until the
	// fifth birthday.
	Under5 Kind = 1 + iota
	// From5 is the card of a child from five to seventeen: with a photo,
	// valid until the day before the seventeenth birthday.
	From5
)

// String returns "under5" or "from5".
func (k Kind) String() string {
	switch k {
	case Under5:
		return "under5"
	case From5:
		return "from5"
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// HasPhoto reports whether cards of kind k carry a photo.
func (k Kind) HasPhoto() bool { return k == From5 }

// Replacement is why a card replaces an earlier one; the zero value is a
// first card.
type Replacement uint8

// Replacement reasons.
const (
	Lost       Replacement = 1 + iota // hilang
	Damaged                           // rusak
	Moved                             // pindah domisili
	DataChange                        // perubahan data
	Turned5                           // berusia 5 tahun: the under-5 card gives way to the card with photo
)

var replacementNames = [...]struct{ code, id, en string }{
	{"", "BARU", "NEW"},
	{"lost", "HILANG", "LOST"},
	{"damaged", "RUSAK", "DAMAGED"},
	{"moved", "PINDAH DOMISILI", "MOVED"},
	{"data_change", "PERUBAHAN DATA", "DATA CHANGE"},
	{"turned_5", "BERUSIA 5 TAHUN", "TURNED FIVE"},
}

// ParseReplacement accepts the codes of card.json ("lost", "damaged",
// "moved", "data_change", "turned_5") and the Indonesian words ("hilang",
// "rusak", "pindah", "perubahan data", "berusia 5 tahun"), in any case;
// "" is a first card.
func ParseReplacement(s string) (Replacement, error) {
	k := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(s)), " "))
	switch k {
	case "", "new", "baru":
		return 0, nil
	case "lost", "hilang":
		return Lost, nil
	case "damaged", "rusak":
		return Damaged, nil
	case "moved", "pindah", "pindah domisili":
		return Moved, nil
	case "data change", "perubahan data":
		return DataChange, nil
	case "turned 5", "turned five", "berusia 5 tahun", "usia 5 tahun":
		return Turned5, nil
	}
	return 0, &adminduk.ValueError{Type: "replacement", Input: s}
}

// String returns the code used in card.json, "" for a first card.
func (r Replacement) String() string {
	if int(r) < len(replacementNames) {
		return replacementNames[r].code
	}
	return fmt.Sprintf("Replacement(%d)", r)
}

// Indonesian returns the reason in capitals, as an officer's form says it.
func (r Replacement) Indonesian() string {
	if int(r) < len(replacementNames) {
		return replacementNames[r].id
	}
	return r.String()
}

// MarshalText implements encoding.TextMarshaler.
func (r Replacement) MarshalText() ([]byte, error) {
	if int(r) >= len(replacementNames) {
		return nil, &adminduk.ValueError{Type: "replacement", Input: r.String()}
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseReplacement.
func (r *Replacement) UnmarshalText(b []byte) error {
	v, err := ParseReplacement(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
