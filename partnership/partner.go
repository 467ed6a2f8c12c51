package partnership

import (
	"strings"
	"unicode"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Partner is the other party of a PKS: a faskes, school, tourism site or
// merchant.
type Partner struct {
	// ID identifies the partner in storage; the caller assigns it (see
	// [PartnerKey] for a key derived from the partner itself).
	ID       string       `json:"id,omitempty"`
	Name     string       `json:"name"`
	Category Category     `json:"category"`
	District wilayah.Code `json:"district"` // the kecamatan the partner is in
	Contact  Contact      `json:"contact,omitzero"`
}

// Contact is how the Dinas reaches a partner. All fields are optional.
type Contact struct {
	Person  string `json:"person,omitempty"` // the signatory or liaison officer
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
	Address string `json:"address,omitempty"`
}

// Group returns the group of the partner's category.
func (p *Partner) Group() Group { return p.Category.Group() }

// CurrentDistrict returns the partner's kecamatan in the current edition of
// the region codes: the successor of a retired code, the code itself
// otherwise.
func (p *Partner) CurrentDistrict() wilayah.Code {
	if r, ok := wilayah.Resolve(p.District); ok {
		return r.Code
	}
	return p.District
}

// PartnerKey returns a key that identifies a partner without an ID: its
// category, kecamatan and name, the name folded to lower case with runs of
// space collapsed. Two spreadsheet rows with the same key are taken to be
// the same partner.
func PartnerKey(p *Partner) string {
	var b strings.Builder
	b.WriteString(p.Category.String())
	b.WriteByte('/')
	b.WriteString(p.District.String())
	b.WriteByte('/')
	foldSpace(&b, p.Name)
	return b.String()
}

// foldSpace writes s to b in lower case with runs of white space collapsed
// to one space and none at either end.
func foldSpace(b *strings.Builder, s string) {
	space := false
	start := b.Len()
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > start {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
}
