package render

import (
	"fmt"
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
	"github.com/adminduk-id/adminduk/kia"
)

// view is a card as printed: every value formatted.
type view struct {
	kind                                 kia.Kind
	province, regency, place             string
	nik, name, birth, sex, blood         string
	religion, citizenship                string
	kk, head, akta, validUntil           string
	street, rtrw, village, district      string
	issued, headName, headNIP, dinasLine string
	photoBG                              color.RGBA
	photo                                *photo
	qr                                   [][]bool
}

// dmy writes a date as the card prints it: 05-12-2023.
func dmy(d adminduk.Date) string {
	return fmt.Sprintf("%02d-%02d-%04d", d.Day(), int(d.Month()), d.Year())
}

// upper prints s as the card does: in NFC, spaces collapsed, upper case.
func upper(s string) string {
	return norm.NFC.String(strings.ToUpper(strings.Join(strings.Fields(norm.NFC.String(s)), " ")))
}

// regionName returns the name of a region in the latest edition that has
// it, or "" when none does.
func regionName(c wilayah.Code) string {
	if r, ok := wilayah.Resolve(c); ok {
		return r.Name
	}
	return ""
}

// regencyNames returns "KABUPATEN SUKAMARA" and the place name "SUKAMARA".
func regencyNames(c wilayah.Code) (full, place string) {
	n := upper(regionName(c))
	for _, p := range []string{"KABUPATEN ADMINISTRASI ", "KABUPATEN ", "KAB. ", "KOTA ADMINISTRASI ", "KOTA "} {
		if rest, ok := strings.CutPrefix(n, p); ok {
			return n, rest
		}
	}
	if c.IsKota() {
		return "KOTA " + n, n
	}
	return "KABUPATEN " + n, n
}

func newView(c *kia.Card, d kia.Decision) view {
	regency, place := regencyNames(c.Issuer.Regency)
	if c.Issuer.Place != "" {
		place = upper(c.Issuer.Place)
	}
	v := view{
		kind:        d.Kind,
		province:    "PROVINSI " + upper(regionName(c.Issuer.Regency.Province())),
		regency:     regency,
		place:       place,
		nik:         c.NIK.String(),
		name:        c.PrintedName(),
		birth:       upper(c.BirthPlace) + ", " + dmy(c.BirthDate),
		sex:         c.Sex.Text(adminduk.Indonesian),
		blood:       c.BloodType.String(),
		religion:    c.Religion.Text(adminduk.Indonesian),
		citizenship: c.Citizenship.String(),
		kk:          c.KK.String(),
		head:        upper(c.HeadOfFamily),
		akta:        upper(c.AktaNumber),
		validUntil:  dmy(d.ValidUntil),
		street:      upper(c.Address.Street),
		rtrw:        pad3(c.Address.RT) + "/" + pad3(c.Address.RW),
		district:    upper(regionName(c.Address.Village.District())),
		issued:      dmy(c.IssuedAt),
		headName:    strings.Join(strings.Fields(norm.NFC.String(c.Issuer.HeadName)), " "),
		headNIP:     "NIP. " + c.Issuer.HeadNIP.Printed(),
		dinasLine:   regency,
		photoBG:     photoBlue,
	}
	if c.BirthDate.Year()%2 != 0 {
		v.photoBG = photoRed
	}
	if c.Citizenship == adminduk.WNA {
		v.citizenship = "WNA"
	}
	if r, ok := desa.Lookup(c.Address.Village); ok {
		v.village = upper(r.Name)
	}
	return v
}

func pad3(s string) string {
	s = strings.TrimSpace(s)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// titleCase writes "KABUPATEN SUKAMARA" as "Kabupaten Sukamara".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}
