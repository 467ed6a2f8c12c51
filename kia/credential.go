package kia

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
)

// Claims returns what the card's QR code says, per CREDENTIAL.md: issuer
// "ID-" + kab/kota; issued at 00:00 WIB on the issue date; expiring at
// 23:59:59 WIB on the last valid day; the NIK, the name as printed, the
// birth date and sex, the nationality "IDN" for a WNI child (left out for
// a foreign one, whose nationality the card does not record), the
// kecamatan of the address and the country of issuance; the document type
// "KIA", its number (the NIK), the valid-until date and the KK number.
// Never the photo. The card should be valid (Card.Validate); Claims fails
// only when the rules refuse the child.
func (c *Card) Claims(r Rules) (credential.Claims, error) {
	d, err := c.Decide(r)
	if err != nil {
		return credential.Claims{}, err
	}
	return c.claims(d), nil
}

func (c *Card) claims(d Decision) credential.Claims {
	cl := credential.Claims{
		Issuer:   c.Issuer.ID(),
		IssuedAt: c.IssuedAt.In(adminduk.WIB),
		Expires:  credential.EndOfDayWIB(d.ValidUntil.Time()),
		Identity: credential.Identity{
			NIK:       c.NIK.String(),
			Name:      c.PrintedName(),
			BirthDate: ymd(c.BirthDate),
			District:  c.Address.Village.District().String(),
			Country:   credential.NationalityIDN,
		},
		Document: credential.Document{
			Type:       credential.TypeKIA,
			Number:     c.NIK.String(),
			ValidUntil: ymd(d.ValidUntil),
			KKNumber:   c.KK.String(),
		},
	}
	switch c.Sex {
	case adminduk.Male:
		cl.Identity.Sex = credential.SexMale
	case adminduk.Female:
		cl.Identity.Sex = credential.SexFemale
	}
	if c.Citizenship == adminduk.WNI {
		cl.Identity.Nationality = credential.NationalityIDN
	}
	return cl
}

// Sign returns the text of the card's QR code: its claims (see Card.Claims)
// signed by s. The signer must be the card's issuer.
func (c *Card) Sign(s *credential.Signer, r Rules) (string, error) {
	if s == nil {
		return "", fmt.Errorf("kia: no signer")
	}
	if id := c.Issuer.ID(); id != s.Issuer() {
		return "", fmt.Errorf("kia: card issued by %q, signer is %q", id, s.Issuer())
	}
	cl, err := c.Claims(r)
	if err != nil {
		return "", err
	}
	return s.Sign(cl)
}

// ymd writes a date as the credential carries it: YYYYMMDD.
func ymd(d adminduk.Date) string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 8)
	b = appendPad(b, d.Year(), 4)
	b = appendPad(b, int(d.Month()), 2)
	return string(appendPad(b, d.Day(), 2))
}
