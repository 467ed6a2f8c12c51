package render

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
)

// Format is an output format.
type Format uint8

// Output formats.
const (
	PDF    Format = iota // A4 PDF, fonts embedded (the default)
	PNG                  // the first page as a grey-scale PNG
	Layout               // the layout as text, one drawing operation a line (golden tests)
)

// Options configure rendering.
type Options struct {
	// Key is the issuing Dinas's Ed25519 private key; it signs the QR.
	// Required.
	Key ed25519.PrivateKey
	// SignedAt is the credential's issue time (iat). The zero value means
	// midnight WIB (UTC+7) of the document's issue date, so that the same
	// record always gives the same bytes.
	SignedAt time.Time
	// Format selects PDF or PNG.
	Format Format
	// DPI is the resolution of PNG output; 0 means 150.
	DPI int
	// Compress compresses the page content of PDF output: files about a
	// quarter smaller (an akta about 24 KB instead of 32 KB) for about a
	// tenth more time. Fonts and the QR image are compressed either way.
	Compress bool
	// Note is the footnote on what the document carries as its electronic
	// signature; the zero Note means [DefaultNote]. Say that the PDF is
	// signed with a BSrE certificate only when Signer really applies one.
	Note Note
	// Signer, if set, signs every PDF (not PNG) after it is rendered, e.g.
	// with a PAdES signature from a BSrE-certified key. Nil: the PDF
	// carries no PDF signature.
	Signer PDFSigner
	// Emblem is the Dinas's emblem, PNG or JPEG bytes of at most
	// [MaxEmblemSide] pixels a side, drawn at the top centre of the akta
	// and at the top left of the family card. Nil: no emblem.
	Emblem []byte
	// Workers is the number of goroutines [Records] renders a batch on;
	// 0 means GOMAXPROCS. The output does not depend on it.
	Workers int
}

var errNoRecord = errors.New("render: no record")

// reflectNil reports whether r holds a nil pointer.
func reflectNil(r akta.Record) bool {
	switch r := r.(type) {
	case *akta.Birth:
		return r == nil
	case *akta.Death:
		return r == nil
	}
	return false
}

// ErrNoKey is returned when Options.Key is not an Ed25519 private key.
var ErrNoKey = errors.New("render: no signing key")

// wib is Western Indonesia Time, where issue dates are taken.
var wib = time.FixedZone("WIB", 7*60*60)

func (o Options) signedAt(issued akta.Date) time.Time {
	if !o.SignedAt.IsZero() {
		return o.SignedAt
	}
	return issued.In(wib)
}

// Record renders the Kutipan Akta Kelahiran or Kutipan Akta Kematian of r
// to w. The record is validated first; an invalid record gives its
// *akta.ValidationError and writes nothing.
func Record(w io.Writer, r akta.Record, o Options) error {
	switch r := r.(type) {
	case nil:
		return errNoRecord
	case *akta.Birth:
		return Birth(w, r, o)
	case *akta.Death:
		return Death(w, r, o)
	}
	return fmt.Errorf("render: unknown record %T", r)
}

// Birth renders the Kutipan Akta Kelahiran of b to w. Besides
// [akta.Birth.Validate], a printed field with characters the fonts lack
// (CJK, Arabic, Vietnamese letters; text is printed in NFC) is refused
// with a field error.
func Birth(w io.Writer, b *akta.Birth, o Options) error {
	if b == nil {
		return errNoRecord
	}
	return single(w, b, o)
}

// Death renders the Kutipan Akta Kematian of d to w, with the checks of
// [Birth].
func Death(w io.Writer, d *akta.Death, o Options) error {
	if d == nil {
		return errNoRecord
	}
	return single(w, d, o)
}

func single(w io.Writer, r akta.Record, o Options) error {
	l, err := o.look()
	if err != nil {
		return err
	}
	if err := loadFonts(); err != nil {
		return err
	}
	d, err := layoutRecord(r, o, l)
	if err != nil {
		return err
	}
	return write(w, d, o)
}

// Family renders the family card f on A4 landscape to w. The card is
// validated first.
func Family(w io.Writer, f *akta.Family, o Options) error {
	if f == nil {
		return errNoRecord
	}
	if err := f.Validate(); err != nil {
		return err
	}
	if err := loadFonts(); err != nil {
		return err
	}
	if err := checkPrintable("kk", familyFields(f)); err != nil {
		return err
	}
	qr, err := qrFor(familyClaims(f, o.signedAt(f.IssuedAt)), o)
	if err != nil {
		return err
	}
	l, err := o.look()
	if err != nil {
		return err
	}
	return write(w, layoutFamily(f, qr, l), o)
}

// Credential returns the signed credential of r as the Base45 text its QR
// code holds (CREDENTIAL.md), after validating r: what an API hands out
// with the document, or what another renderer puts in its own QR.
func Credential(r akta.Record, o Options) (string, error) {
	if r == nil || reflectNil(r) {
		return "", errNoRecord
	}
	if err := r.Validate(); err != nil {
		return "", err
	}
	var c credential.Claims
	switch r := r.(type) {
	case *akta.Birth:
		c = birthClaims(r, o.signedAt(r.IssuedAt))
	case *akta.Death:
		c = deathClaims(r, o.signedAt(r.IssuedAt))
	default:
		return "", fmt.Errorf("render: unknown record %T", r)
	}
	return signText(c, o)
}

// FamilyCredential is [Credential] for a family card.
func FamilyCredential(f *akta.Family, o Options) (string, error) {
	if f == nil {
		return "", errNoRecord
	}
	if err := f.Validate(); err != nil {
		return "", err
	}
	return signText(familyClaims(f, o.signedAt(f.IssuedAt)), o)
}

func signText(c credential.Claims, o Options) (string, error) {
	if len(o.Key) != ed25519.PrivateKeySize {
		return "", ErrNoKey
	}
	return sign(c, o.Key)
}

func write(w io.Writer, d *doc, o Options) error {
	switch o.Format {
	case PDF:
		if o.Signer != nil {
			return signed(w, d, o)
		}
		return writePDF(w, d, o.Compress)
	case PNG:
		dpi := float64(o.DPI)
		if dpi <= 0 {
			dpi = 150
		}
		if dpi > 600 {
			return fmt.Errorf("render: %d dpi is more than 600", o.DPI)
		}
		return writePNG(w, d, dpi)
	case Layout:
		return writeDump(w, d)
	}
	return fmt.Errorf("render: unknown format %d", o.Format)
}

// qrFor signs the claims and encodes the credential as a QR matrix (quiet
// zone included).
func qrFor(c credential.Claims, o Options) ([][]bool, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	text, err := signText(c, o)
	if err != nil {
		return nil, err
	}
	q, err := qrenc.Encode(text, qrenc.Q)
	if err != nil {
		return nil, fmt.Errorf("render: QR: %w", err)
	}
	return q.Bitmap(4), nil
}
