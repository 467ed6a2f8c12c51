package kia

import (
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Card is one KIA: what is printed on it and what its QR code says. Build
// one from card.json with [DecodeCard] or a [Decoder], which validate it,
// or fill it in code and call [Card.Validate].
type Card struct {
	NIK          adminduk.NIK
	Name         string
	BirthPlace   string
	BirthDate    adminduk.Date
	Sex          adminduk.Sex
	Religion     adminduk.Religion
	Citizenship  adminduk.Citizenship
	BloodType    adminduk.BloodType // optional: 0 prints "-"
	KK           adminduk.KK        // the family card the child is on
	HeadOfFamily string             // kepala keluarga of that KK
	AktaNumber   string             // the birth certificate (akta kelahiran) number
	Address      adminduk.Address
	Photo        Photo // children from 5 only
	IssuedAt     adminduk.Date
	Issuer       adminduk.Issuer // the Dinas issuing the card and its head, who signs it
	// PermitUntil is the last day of the parents' residence permit (KITAP)
	// for a foreign (WNA) child; it may end the card early.
	PermitUntil adminduk.Date
	// Married children cannot hold a KIA; the field exists so that the
	// rule can be checked.
	Married     bool
	Replacement Replacement // why the card replaces an earlier one; 0 for a first card
}

// Photo is a child's photo: a JPEG or PNG, cropped to fit when printed.
// A Photo made by [NewPhoto] or [DecodeCard] remembers that its Data
// decoded whole, so that validating the card again (the renderer does)
// does not decode it again; assign a new slice to Data rather than
// changing its bytes in place.
type Photo struct {
	Path string // as written in card.json; informational
	Data []byte // the image file; the renderer needs it

	state *photoState // what checking Data found; nil: nothing remembered
}

// NewPhoto returns the photo read from path with the bytes data.
func NewPhoto(path string, data []byte) Photo {
	return Photo{Path: path, Data: data, state: new(photoState)}
}

// Limits on printed text, in characters.
const (
	MaxNameLength   = 60 // child's name, head of family, Kepala Dinas
	MaxPlaceLength  = 40 // place of birth
	MaxStreetLength = 80
	MaxAktaLength   = 40
)

// Limits on photos, in pixels.
const (
	MinPhotoWidth  = 120
	MinPhotoHeight = 160
	MaxPhotoPixels = 40 << 20
)

// MaxPhotoBytes is the largest photo file accepted.
const MaxPhotoBytes = 16 << 20

// Child returns what the rules need to know about the card's child.
func (c *Card) Child() Child {
	return Child{BirthDate: c.BirthDate, Citizenship: c.Citizenship, PermitUntil: c.PermitUntil, Married: c.Married}
}

// Decide applies r to the card on its issue date: its kind and last valid
// day, or why the child cannot hold one.
func (c *Card) Decide(r Rules) (Decision, error) { return r.Decide(c.Child(), c.IssuedAt) }

// PrintedName returns the name as the card prints it and its QR code
// carries it: in capitals, spaces collapsed.
func (c *Card) PrintedName() string { return printed(c.Name) }

// printed normalises s to NFC (so that a name given with combining accents
// prints and signs as the same letters), collapses spaces and upper-cases
// it.
func printed(s string) string { return nfc(strings.ToUpper(strings.Join(strings.Fields(nfc(s)), " "))) }
