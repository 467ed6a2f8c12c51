package credential

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"
)

// Document types of CREDENTIAL.md, and the nationality and country code of
// Indonesia (ISO 3166 alpha-3).
const (
	TypeKIA           = "KIA"
	TypeAktaKelahiran = "AKTA-KELAHIRAN"
	TypeAktaKematian  = "AKTA-KEMATIAN"
	NationalityIDN    = "IDN"
)

// Values of [Identity.Sex], as Claim 169 encodes them.
const (
	SexMale   = 1
	SexFemale = 2
)

// Claims is what a credential says. Zero fields are left out of the CBOR.
type Claims struct {
	Issuer   string    // claim 1 iss: "ID-" + 4-digit kab/kota code, e.g. "ID-6208"
	IssuedAt time.Time // claim 6 iat, whole seconds
	Expires  time.Time // claim 4 exp, KIA only: see [KIAExpires]; zero for akta
	Identity Identity  // claim 169
	Document Document  // claim -65537
}

// Identity is the Claim 169 map. Never put a photo or biometrics here.
type Identity struct {
	NIK         string // key 1
	Name        string // key 4, the full name as printed
	BirthDate   string // key 8, YYYYMMDD
	Sex         int    // key 9: [SexMale], [SexFemale], 0 absent
	Nationality string // key 13, ISO 3166 alpha-3, e.g. "IDN"
	District    string // key 21, kecamatan code of the address, e.g. "62.08.01"
	Country     string // key 23, country of issuance, e.g. "IDN"
}

// Document is the private-use document map (claim -65537).
type Document struct {
	Type       string // key 1: [TypeKIA], [TypeAktaKelahiran], [TypeAktaKematian]
	Number     string // key 2: the NIK for a KIA, the register number for an akta
	ValidUntil string // key 3: KIA valid-until, YYYYMMDD
	KKNumber   string // key 4: the family card number
	EventDate  string // key 5: birth or death, YYYYMMDD
	EventPlace string // key 6: place of birth or death
	// Version is key 7, the document version: 0 (absent) means 1; a
	// corrected or reissued document carries the next version. Version 1
	// is encoded as absent.
	Version int
}

// EndOfDayWIB returns 23:59:59 Asia/Jakarta on the calendar date of d (read
// in d's own location): the exp of a KIA valid until that date.
func EndOfDayWIB(d time.Time) time.Time {
	y, m, day := d.Date()
	return time.Date(y, m, day, 23, 59, 59, 0, adminduk.WIB)
}

// KIAExpires returns the exp of a KIA valid until validUntil (YYYYMMDD):
// 23:59:59 Asia/Jakarta that day. It fails with a [*ClaimsError] for a
// string that is not a calendar date.
func KIAExpires(validUntil string) (time.Time, error) {
	d, ok := parseDate(validUntil)
	if !ok {
		return time.Time{}, &ClaimsError{Field: "Document.ValidUntil", Value: validUntil, Reason: "want a YYYYMMDD date"}
	}
	return EndOfDayWIB(d), nil
}

// parseDate parses YYYYMMDD as a calendar date.
func parseDate(s string) (time.Time, bool) {
	if len(s) != 8 {
		return time.Time{}, false
	}
	d, err := time.Parse("20060102", s)
	return d, err == nil
}

var issuerRe = regexp.MustCompile(`^ID-[0-9]{4}$`)

// validIssuer reports whether s is "ID-" and 4 digits.
func validIssuer(s string) bool { return issuerRe.MatchString(s) }

// Validate reports the first way c breaks CREDENTIAL.md, as a
// [*ClaimsError]:
//   - Issuer must be "ID-" and 4 digits; IssuedAt and Document.Type are
//     required (types beyond the three of CREDENTIAL.md, such as a family
//     card's, are allowed);
//   - Identity.Sex is 0, [SexMale] or [SexFemale]; every date is a YYYYMMDD
//     calendar date; every text is valid UTF-8;
//   - a KIA has an Expires, equal to [KIAExpires] of its ValidUntil when that
//     is given; an akta has none.
func (c *Claims) Validate() error {
	bad := func(field, value, reason string) error {
		return &ClaimsError{Field: field, Value: value, Reason: reason}
	}
	switch {
	case !validIssuer(c.Issuer):
		return bad("Issuer", c.Issuer, `want "ID-" and the 4-digit kab/kota code`)
	case c.IssuedAt.IsZero():
		return bad("IssuedAt", "", "missing")
	case c.Document.Type == "":
		return bad("Document.Type", "", "missing")
	case c.Document.Version < 0:
		return bad("Document.Version", strconv.Itoa(c.Document.Version), "want a positive version, or 0 for version 1")
	case c.Identity.Sex < 0 || c.Identity.Sex > SexFemale:
		return bad("Identity.Sex", strconv.Itoa(c.Identity.Sex), "want 1 (male), 2 (female) or 0 (absent)")
	}
	for _, d := range [...]struct{ field, value string }{
		{"Identity.BirthDate", c.Identity.BirthDate},
		{"Document.ValidUntil", c.Document.ValidUntil},
		{"Document.EventDate", c.Document.EventDate},
	} {
		if _, ok := parseDate(d.value); d.value != "" && !ok {
			return bad(d.field, d.value, "want a YYYYMMDD date")
		}
	}
	for _, f := range [...]struct{ field, value string }{
		{"Identity.NIK", c.Identity.NIK}, {"Identity.Name", c.Identity.Name},
		{"Identity.Nationality", c.Identity.Nationality}, {"Identity.District", c.Identity.District},
		{"Identity.Country", c.Identity.Country}, {"Document.Type", c.Document.Type},
		{"Document.Number", c.Document.Number}, {"Document.KKNumber", c.Document.KKNumber},
		{"Document.EventPlace", c.Document.EventPlace},
	} {
		if !utf8.ValidString(f.value) {
			return bad(f.field, "", "not valid UTF-8")
		}
	}
	switch c.Document.Type {
	case TypeKIA:
		if c.Expires.IsZero() {
			return bad("Expires", "", "a KIA expires: see KIAExpires")
		}
		if c.Document.ValidUntil != "" {
			if want, _ := KIAExpires(c.Document.ValidUntil); !c.Expires.Equal(want) {
				return bad("Expires", c.Expires.Format(time.RFC3339), "want the end of the valid-until day "+want.Format(time.RFC3339))
			}
		}
	case TypeAktaKelahiran, TypeAktaKematian:
		if !c.Expires.IsZero() {
			return bad("Expires", c.Expires.Format(time.RFC3339), "an akta does not expire")
		}
	}
	return nil
}
