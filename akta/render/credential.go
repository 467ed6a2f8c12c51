package render

import (
	"crypto/ed25519"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// TypeKK is the document type of the family card's credential.
// CREDENTIAL.md lists the KIA and akta types; the card follows the same
// format with this type, the head of the family as the identity and the
// card number as document number and KK number.
const TypeKK = "KK"

// The claims of each document (CREDENTIAL.md). Akta carry no exp. Names are
// as printed (capitals); the identity's nationality is "IDN" for citizens
// and left out otherwise.

func ymd(d akta.Date) string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 8)
	b = appendInt(b, d.Year(), 4)
	b = appendInt(b, int(d.Month()), 2)
	return string(appendInt(b, d.Day(), 2))
}

func appendInt(b []byte, n, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for n > 0 || i > len(tmp)-width {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, tmp[i:]...)
}

func identity(nik adminduk.NIK, name string, birth akta.Date, sex adminduk.Sex, cit adminduk.Citizenship) credential.Identity {
	id := credential.Identity{NIK: nik.String(), Name: upper(name), BirthDate: ymd(birth), Sex: int(sex), Country: credential.NationalityIDN}
	if cit != adminduk.WNA {
		id.Nationality = credential.NationalityIDN
	}
	return id
}

func birthClaims(b *akta.Birth, iat time.Time) credential.Claims {
	ch := b.Child
	return credential.Claims{
		Issuer: b.Issuer.CredentialIssuer(), IssuedAt: iat,
		Identity: identity(ch.NIK, ch.Name, ch.BirthDate, ch.Sex, ch.Citizenship),
		Document: credential.Document{
			Type: credential.TypeAktaKelahiran, Number: b.Number.String(), KKNumber: b.KK.String(),
			EventDate: ymd(ch.BirthDate), EventPlace: upper(ch.BirthPlace),
		},
	}
}

func deathClaims(d *akta.Death, iat time.Time) credential.Claims {
	p := d.Deceased
	return credential.Claims{
		Issuer: d.Issuer.CredentialIssuer(), IssuedAt: iat,
		Identity: identity(p.NIK, p.Name, p.BirthDate, p.Sex, p.Citizenship),
		Document: credential.Document{
			Type: credential.TypeAktaKematian, Number: d.Number.String(), KKNumber: d.KK.String(),
			EventDate: ymd(d.DeathDate), EventPlace: upper(d.DeathPlace),
		},
	}
}

func familyClaims(f *akta.Family, iat time.Time) credential.Claims {
	h, _ := f.Head()
	id := identity(h.NIK, h.Name, h.BirthDate, h.Sex, h.Citizenship)
	id.District = f.Address.Village.Truncate(wilayah.LevelDistrict).String()
	return credential.Claims{
		Issuer: f.Issuer.CredentialIssuer(), IssuedAt: iat, Identity: id,
		Document: credential.Document{Type: TypeKK, Number: f.Number.String(), KKNumber: f.Number.String()},
	}
}

// sign signs c with key as the issuer c names.
func sign(c credential.Claims, key ed25519.PrivateKey) (string, error) {
	s, err := credential.NewSigner(c.Issuer, key)
	if err != nil {
		return "", err
	}
	return s.Sign(c)
}
