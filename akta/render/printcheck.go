package render

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// nfc returns s in Unicode normalisation form C: "Nu\u0301r" (u and a
// combining acute) becomes "Núr", one character the fonts have. Every
// printed text and every text of the credential goes through it, so that
// the document and its QR carry the same characters.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// fieldText is a printed field: its JSON pointer in akta.json or kk.json
// and the text as printed.
type fieldText struct {
	path adminduk.Pointer
	text string
}

// checkPrintable refuses, as a *adminduk.ValidationError, the fields whose
// printed text (in NFC) has characters the fonts cannot print: they would
// come out as "?" while the QR carries the real name, and the document and
// its credential would disagree.
func checkPrintable(fields []fieldText) error {
	c := adminduk.Checker{What: "render: unprintable text"}
	for _, f := range fields {
		var bad []string
		for _, r := range nfc(f.text) {
			if !canPrint(r) {
				q := strconv.QuoteRune(r)
				if unicode.Is(unicode.Mn, r) {
					q = "U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + " (combining mark)"
				}
				bad = append(bad, q)
				if len(bad) == 3 {
					break
				}
			}
		}
		if len(bad) > 0 {
			list := strings.Join(bad, ", ")
			c.Add(adminduk.FieldError{
				Pointer: f.path, Code: adminduk.CodeInvalid, Err: akta.ErrInvalid,
				Indonesian: "memuat huruf yang tidak dapat dicetak oleh huruf dokumen: " + list,
				English:    "has characters the document's font cannot print: " + list,
			})
		}
	}
	return c.Err()
}

func issuerFields(is adminduk.Issuer) []fieldText {
	return []fieldText{{"/issuer/head_name", akta.OfficialName(is.HeadName)}, {"/issuer/place", is.PlaceName()}}
}

func birthFields(b *akta.Birth) []fieldText {
	ch := b.Child
	fs := []fieldText{{"/child/name", upper(ch.Name)}, {"/child/birth_place", upper(ch.BirthPlace)}, {"/mother/name", upper(b.Mother.Name)}}
	if b.Father != nil {
		fs = append(fs, fieldText{"/father/name", upper(b.Father.Name)})
	}
	for i, n := range b.Notes {
		p := adminduk.NewPointer("notes").Index(i)
		fs = append(fs, fieldText{p.Key("text"), upper(n.Text)}, fieldText{p.Key("authority"), upper(n.Authority)})
	}
	return append(fs, issuerFields(b.Issuer)...)
}

func deathFields(d *akta.Death) []fieldText {
	p := d.Deceased
	fs := []fieldText{
		{"/deceased/name", upper(p.Name)}, {"/deceased/birth_place", upper(p.BirthPlace)},
		{"/deceased/father_name", upper(p.FatherName)}, {"/deceased/mother_name", upper(p.MotherName)},
		{"/death_place", upper(d.DeathPlace)},
	}
	return append(fs, issuerFields(d.Issuer)...)
}

func familyFields(f *akta.Family) []fieldText {
	fs := []fieldText{{"/address/street", upper(f.Address.Street)}}
	for i, m := range f.Members {
		p := adminduk.NewPointer("members").Index(i)
		fs = append(fs, fieldText{p.Key("name"), upper(m.Name)}, fieldText{p.Key("birth_place"), upper(m.BirthPlace)},
			fieldText{p.Key("occupation"), upper(m.Occupation)}, fieldText{p.Key("father_name"), upper(m.FatherName)},
			fieldText{p.Key("mother_name"), upper(m.MotherName)}, fieldText{p.Key("passport"), m.Passport}, fieldText{p.Key("kitap"), m.KITAP})
	}
	return append(fs, issuerFields(f.Issuer)...)
}
