package kia

import (
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// kindSeparators are the characters a kind name may have for spaces.
var kindSeparators = strings.NewReplacer("_", " ", "-", " ")

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

// IsValid reports whether k is Under5 or From5.
func (k Kind) IsValid() bool { return k == Under5 || k == From5 }

// String returns "under5" or "from5", and "Kind(n)" for any other value.
func (k Kind) String() string {
	switch k {
	case Under5:
		return "under5"
	case From5:
		return "from5"
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Text returns the kind in language l: "ANAK DI BAWAH 5 TAHUN" or "CHILD
// UNDER 5", "ANAK 5 SAMPAI 17 TAHUN" or "CHILD FROM 5 TO 17"; "" for a
// value that is not valid.
func (k Kind) Text(l adminduk.Lang) string {
	switch {
	case k == Under5 && l == adminduk.English:
		return "CHILD UNDER 5"
	case k == Under5:
		return "ANAK DI BAWAH 5 TAHUN"
	case k == From5 && l == adminduk.English:
		return "CHILD FROM 5 TO 17"
	case k == From5:
		return "ANAK 5 SAMPAI 17 TAHUN"
	}
	return ""
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
	k := strings.ToLower(strings.Join(strings.Fields(kindSeparators.Replace(s)), " "))
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

// IsValid reports whether r is a first card (0) or one of the reasons
// above.
func (r Replacement) IsValid() bool { return int(r) < len(replacementNames) }

// String returns the code used in card.json, "" for a first card, and
// "Replacement(n)" for a value that is not valid.
func (r Replacement) String() string {
	if r.IsValid() {
		return replacementNames[r].code
	}
	return fmt.Sprintf("Replacement(%d)", r)
}

// Text returns the reason in capitals in language l, as an officer's
// form says it: "HILANG" or "LOST", "BARU" or "NEW" for a first card; ""
// for a value that is not valid.
func (r Replacement) Text(l adminduk.Lang) string {
	switch {
	case !r.IsValid():
		return ""
	case l == adminduk.English:
		return replacementNames[r].en
	}
	return replacementNames[r].id
}

// MarshalText implements encoding.TextMarshaler; a value that is not
// valid is an error.
func (r Replacement) MarshalText() ([]byte, error) {
	if !r.IsValid() {
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
