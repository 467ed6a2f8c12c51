package render

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/kia"
)

// textFonts are the fonts the card prints its free-text fields in.
var textFonts = []pdfkit.Font{pdfkit.Regular, pdfkit.Bold}

// CheckPrintable reports the free-text fields of c (names, places, the
// street, the akta number) holding characters the card's fonts cannot
// print, as a *adminduk.ValidationError of field errors that unwrap to
// kia.ErrInvalid, with JSON pointers into card.json, or nil.
// The card would print such a character as "?" while its QR code carries
// it: the card and its credential would disagree. The text is checked as
// printed: in NFC and upper case. Render and batches call it; call it to
// check cards without rendering them.
func CheckPrintable(c *kia.Card) error {
	ck := adminduk.Checker{What: "kia: invalid card"}
	for _, f := range []struct {
		field adminduk.Pointer
		text  string
	}{
		{"/name", c.PrintedName()},
		{"/birth_place", upper(c.BirthPlace)},
		{"/head_of_family", upper(c.HeadOfFamily)},
		{"/akta_number", upper(c.AktaNumber)},
		{"/address/street", upper(c.Address.Street)},
		{"/issuer/head_name", norm.NFC.String(c.Issuer.HeadName)},
	} {
		if bad := unprintable(f.text); bad != "" {
			ck.Add(adminduk.FieldError{
				Pointer: f.field, Code: adminduk.CodeInvalid, Err: kia.ErrInvalid,
				Indonesian: "huruf tidak dapat dicetak pada kartu: " + bad,
				English:    "characters the card cannot print: " + bad,
			})
		}
	}
	return ck.Err()
}

// unprintable returns the distinct characters of s that some text font
// lacks, quoted as "U+0627 ا", or "".
func unprintable(s string) string {
	var b strings.Builder
	seen := map[rune]bool{}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || seen[r] {
			continue
		}
		for _, f := range textFonts {
			if !pdfkit.Has(f, r) {
				seen[r] = true
				if b.Len() > 0 {
					b.WriteString(", ")
				}
				b.WriteString(unicodeName(r))
				break
			}
		}
	}
	return b.String()
}

func unicodeName(r rune) string { return fmt.Sprintf("U+%04X %c", r, r) }
