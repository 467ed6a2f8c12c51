package akta

import (
	"strings"
	"time"

	unorm "golang.org/x/text/unicode/norm"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// TypeKK is the document type of the family card's credential.
// CREDENTIAL.md lists the KIA and akta types; the card follows the same
// format with this type, the head of the family as the identity and the
// card number as document number and KK number.
const TypeKK = "KK"

// The claims of each document (CREDENTIAL.md). Akta carry no exp. Names and
// places are as printed: trimmed, in Unicode NFC and in capitals; the
// identity's nationality is "IDN" for citizens and left out otherwise.

// Printed returns s as the documents print a name or a place and as the
// credential carries it: trimmed, in Unicode normalisation form C ("Nu" and
// a combining acute become "Nú") and in capitals.
func Printed(s string) string {
	s = strings.TrimSpace(s)
	if !unorm.NFC.IsNormalString(s) {
		s = unorm.NFC.String(s)
	}
	return strings.ToUpper(s)
}

// SignedAt returns the credential issue time of a document issued on
// issued: at, or when at is zero midnight WIB of the issue date, so that
// the same record always gives the same credential.
func SignedAt(issued adminduk.Date, at time.Time) time.Time {
	if !at.IsZero() {
		return at
	}
	return issued.In(adminduk.WIB)
}

func ymd(d adminduk.Date) string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 8)
	b = appendPad(b, d.Year(), 4)
	b = appendPad(b, int(d.Month()), 2)
	return string(appendPad(b, d.Day(), 2))
}

func identity(nik adminduk.NIK, name string, birth adminduk.Date, sex adminduk.Sex, cit adminduk.Citizenship) credential.Identity {
	id := credential.Identity{NIK: nik.String(), Name: Printed(name), BirthDate: ymd(birth), Sex: int(sex), Country: credential.NationalityIDN}
	if cit != adminduk.WNA {
		id.Nationality = credential.NationalityIDN
	}
	return id
}

// Claims returns the claims of the birth's signed QR credential, issued at
// iat (see [SignedAt]): the child as the identity, the register number, the
// KK number, the date and place of birth, and the version after a correction.
func (b *Birth) Claims(iat time.Time) credential.Claims {
	ch := b.Child
	return credential.Claims{
		Issuer: b.Issuer.ID(), IssuedAt: iat,
		Identity: identity(ch.NIK, ch.Name, ch.BirthDate, ch.Sex, ch.Citizenship),
		Document: credential.Document{
			Type: credential.TypeAktaKelahiran, Number: b.Number.String(), KKNumber: b.KK.String(),
			EventDate: ymd(ch.BirthDate), EventPlace: Printed(ch.BirthPlace), Version: b.Version,
		},
	}
}

// Claims returns the claims of the death's signed QR credential, issued at
// iat: the deceased as the identity, the register number, the KK number,
// and the date and place of death.
func (d *Death) Claims(iat time.Time) credential.Claims {
	p := d.Deceased
	return credential.Claims{
		Issuer: d.Issuer.ID(), IssuedAt: iat,
		Identity: identity(p.NIK, p.Name, p.BirthDate, p.Sex, p.Citizenship),
		Document: credential.Document{
			Type: credential.TypeAktaKematian, Number: d.Number.String(), KKNumber: d.KK.String(),
			EventDate: ymd(d.DeathDate), EventPlace: Printed(d.DeathPlace),
		},
	}
}

// Claims returns the claims of the family card's signed QR credential,
// issued at iat: the head of the family as the identity with the kecamatan
// of the address, and the card number as document number and KK number
// ([TypeKK]).
func (f *Family) Claims(iat time.Time) credential.Claims {
	h, _ := f.Head()
	id := identity(h.NIK, h.Name, h.BirthDate, h.Sex, h.Citizenship)
	id.District = f.Address.Village.Truncate(wilayah.LevelDistrict).String()
	return credential.Claims{
		Issuer: f.Issuer.ID(), IssuedAt: iat, Identity: id,
		Document: credential.Document{Type: TypeKK, Number: f.Number.String(), KKNumber: f.Number.String()},
	}
}

// IssueDate returns the date the record was issued, the default day of its
// credential's issue time.
func (b *Birth) IssueDate() adminduk.Date { return b.IssuedAt }

// IssueDate returns the date the record was issued.
func (d *Death) IssueDate() adminduk.Date { return d.IssuedAt }

// IssueDate returns the date of this version of the card.
func (f *Family) IssueDate() adminduk.Date { return f.IssuedAt }

// Warnings returns what an officer should look at on the card without
// making it invalid: for now the old key of a decoded kk.json.
func (f *Family) Warnings() []adminduk.FieldError {
	return append([]adminduk.FieldError(nil), f.warnings...)
}
