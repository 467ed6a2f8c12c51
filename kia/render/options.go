package render

import (
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/kia"
)

// Layout is how cards are laid out on PDF pages.
type Layout uint8

const (
	// CardLayout (the default) puts each side on its own ID-1 page: front,
	// back, front, back... for card printers printing duplex.
	CardLayout Layout = iota
	// A4Layout puts ten cards on an A4 sheet, two columns of five, edge to
	// edge with crop marks in the margins: a page of fronts, then a page of
	// their backs mirrored left to right, so that printing duplex (flip on
	// the long edge) puts each back behind its front.
	A4Layout
)

// IsValid reports whether l is CardLayout or A4Layout.
func (l Layout) IsValid() bool { return l == CardLayout || l == A4Layout }

// Text returns the layout in language l: "kartu" or "card", "lembar A4"
// or "A4 sheets"; "" for a value that is not valid.
func (l Layout) Text(lang adminduk.Lang) string {
	switch {
	case l == CardLayout && lang == adminduk.English:
		return "card"
	case l == CardLayout:
		return "kartu"
	case l == A4Layout && lang == adminduk.English:
		return "A4 sheets"
	case l == A4Layout:
		return "lembar A4"
	}
	return ""
}

// String returns "card" or "a4", and "Layout(n)" for any other value.
func (l Layout) String() string {
	switch l {
	case CardLayout:
		return "card"
	case A4Layout:
		return "a4"
	}
	return fmt.Sprintf("Layout(%d)", l)
}

// ParseLayout accepts "card" and "a4".
func ParseLayout(s string) (Layout, error) {
	switch s {
	case "card", "":
		return CardLayout, nil
	case "a4", "A4":
		return A4Layout, nil
	}
	return 0, fmt.Errorf("render: unknown layout %q, want card or a4", s)
}

// Options configure rendering: the same first fields as the options of
// package akta/render (Signer, SignedAt, Compress), then the card's own.
type Options struct {
	// Signer signs each card's QR code with the claims the card gives
	// ([kia.Card.Claims]); it must be the cards' issuer
	// ([adminduk.Issuer.ID]). Required, unless every card comes with its
	// payload (see [Batch.AddSigned]).
	Signer *credential.Signer
	// SignedAt, when set, is the credential's issue time (iat) instead of
	// 00:00 WIB of the card's issue date: for a reprint signed later, or a
	// key that vouches only for documents from its first day of use.
	SignedAt time.Time
	// Compress compresses the page contents of batches of more than 100
	// cards too: about 6 KB a card instead of 11, at about half the speed.
	// Smaller batches are always compressed.
	Compress bool

	// Rules decide the kind and validity of each card; the zero Rules is
	// the default.
	Rules kia.Rules
	// Layout of PDF pages.
	Layout Layout
	// Created is the creation date written in the PDF metadata. Zero (the
	// default) writes none, so the same cards give the same bytes.
	Created time.Time
	// Title of the PDF; "Kartu Identitas Anak" when empty.
	Title string
	// Workers is the number of cards WritePDF prepares at once (check,
	// sign, QR code, layout); 0 means GOMAXPROCS, 1 one at a time. The
	// output is the same bytes whatever the number.
	Workers int
	// Credential, when set, is the card's credential signed earlier (the
	// text of its QR code, as issued) for the one-card outputs, WritePNG,
	// Images and Dump: printed as given, Signer not needed, so that every
	// copy carries the QR code issued. Batches take such credentials per
	// card with [Batch.AddSigned] and ignore this field.
	Credential string
}

// Errors of rendering.
var (
	// ErrInvalidCard is returned for a card that does not validate; the
	// error also unwraps to the card's *adminduk.ValidationError.
	ErrInvalidCard = errors.New("render: invalid card")
	// ErrNoSigner is returned when no signer is given.
	ErrNoSigner = errors.New("render: no signer")
	// ErrPhoto is returned for a photo that cannot be decoded.
	ErrPhoto = errors.New("render: cannot read photo")
)

// CardError wraps the error of one card of a batch with its position.
type CardError struct {
	Index int // from 0, in the order added
	Err   error
}

// Error returns "render: card 3: ...".
func (e *CardError) Error() string { return fmt.Sprintf("render: card %d: %v", e.Index+1, e.Err) }

// Unwrap returns the card's error.
func (e *CardError) Unwrap() error { return e.Err }
