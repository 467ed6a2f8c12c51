package render

import (
	"fmt"
	"image/color"
	"strings"
	"time"
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

func dmy(t time.Time) string { return t.Format("02-01-2006") }

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
	v := view{
		kind:        d.Kind,
		province:    "PROVINSI " + upper(regionName(c.Issuer.Regency.Province())),
		regency:     regency,
		place:       place,
		nik:         c.NIK.String(),
		name:        c.PrintedName(),
		birth:       upper(c.BirthPlace) + ", " + dmy(c.BirthDate),
		sex:         c.Sex.Indonesian(),
		blood:       c.BloodType.String(),
		religion:    c.Religion.Indonesian(),
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
		headNIP:     "NIP. " + formatNIP(c.Issuer.HeadNIP),
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

// formatNIP prints an 18-digit NIP in its groups: 19700315 200003 1 004.
func formatNIP(s string) string {
	d := strings.ReplaceAll(s, " ", "")
	if len(d) != 18 {
		return s
	}
	return fmt.Sprintf("%s %s %s %s", d[:8], d[8:14], d[14:15], d[15:])
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
