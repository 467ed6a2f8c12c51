package render

import (
	"errors"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"io"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
)

// Options configure rendering. The first three are those of every
// renderer of this module; the others are the akta's own.
type Options struct {
	// Signer signs the QR credential as the issuing Dinas, whose issuer
	// ("ID-3604") must be the document's ([adminduk.Issuer.ID]). Required.
	Signer *credential.Signer
	// SignedAt is the credential's issue time (iat). The zero value means
	// midnight WIB (UTC+7) of the document's issue date, so that the same
	// record always gives the same bytes ([akta.SignedAt]).
	SignedAt time.Time
	// Compress compresses the page content of PDF output: files about a
	// quarter smaller (an akta about 24 KB instead of 32 KB) for about a
	// tenth more time. Fonts and the QR image are compressed either way.
	Compress bool

	// DPI is the resolution of PNG output, at most 600; 0 means 150.
	DPI int
	// Note is the footnote on what the document carries as its electronic
	// signature; the zero Note means [DefaultNote]. Say that the PDF is
	// signed with a BSrE certificate only when PDFSigner really applies
	// one.
	Note Note
	// PDFSigner, if set, signs every PDF (not PNG) after it is rendered,
	// e.g. with a PAdES signature from a BSrE-certified key. Nil: the PDF
	// carries no PDF signature.
	PDFSigner PDFSigner
	// Emblem is the Dinas's emblem, PNG or JPEG bytes of at most
	// [MaxEmblemSide] pixels a side, drawn at the top centre of the akta
	// and at the top left of the family card. Nil: no emblem.
	Emblem []byte
	// Workers is the number of goroutines [WriteBatch] renders a batch on;
	// 0 means GOMAXPROCS. The output does not depend on it.
	Workers int
	// Credential, when set, is the document's credential signed earlier
	// (the Base45 text of its QR code, as [Credential] returned it when
	// the document was issued): it is printed as given and Signer is not
	// needed. A registry that keeps the credential it issued prints the
	// same QR code on every copy this way, whatever the signature
	// algorithm (ECDSA signatures differ at every signing). The caller
	// vouches that it is the credential of this document; [WriteBatch]
	// ignores it.
	Credential string
}

// Document is what this package prints: an *[akta.Birth], an
// *[akta.Death] or an *[akta.Family]. The model validates itself and
// builds the claims of its credential; the renderer signs and draws.
type Document interface {
	Validate() error
	IssueDate() adminduk.Date
	Claims(iat time.Time) credential.Claims
}

var errNoRecord = errors.New("render: no document")

// ErrNoSigner is returned when Options.PDFSigner is nil.
var ErrNoSigner = errors.New("render: no credential signer")

// isNil reports whether doc is nil or holds a nil pointer.
func isNil(doc Document) bool {
	switch d := doc.(type) {
	case nil:
		return true
	case *akta.Birth:
		return d == nil
	case *akta.Death:
		return d == nil
	case *akta.Family:
		return d == nil
	}
	return false
}

// WritePDF writes the document of doc to w as an A4 PDF: the Kutipan Akta
// Kelahiran or Kematian, or the family card on A4 landscape. The document is
// validated first; an invalid one gives its *[adminduk.ValidationError] and
// writes nothing. Besides Validate, a printed field with characters the
// fonts lack (CJK, Arabic, Vietnamese letters; text is printed in NFC) is
// refused with a field error.
func WritePDF(w io.Writer, doc Document, o Options) error {
	d, err := layout(doc, o)
	if err != nil {
		return err
	}
	if o.PDFSigner != nil {
		return signed(w, d, o)
	}
	return writePDF(w, d, o.Compress)
}

// WritePNG writes the first page of doc's document to w as a grey-scale
// PNG at Options.DPI, after the checks of [WritePDF].
func WritePNG(w io.Writer, doc Document, o Options) error {
	dpi := float64(o.DPI)
	if dpi <= 0 {
		dpi = 150
	}
	if dpi > 600 {
		return fmt.Errorf("render: %d dpi is more than 600", o.DPI)
	}
	d, err := layout(doc, o)
	if err != nil {
		return err
	}
	return writePNG(w, d, dpi)
}

// Dump writes the layout of doc's document as text, one drawing operation a
// line in millimetres, after the checks of [WritePDF]: what the golden
// tests pin and reviewers read.
func Dump(w io.Writer, doc Document, o Options) error {
	d, err := layout(doc, o)
	if err != nil {
		return err
	}
	return writeDump(w, d)
}

// Credential returns the signed credential of doc as the Base45 text its
// QR code holds (CREDENTIAL.md), after validating doc: what an API hands
// out with the document, or what another renderer puts in its own QR.
func Credential(doc Document, o Options) (string, error) {
	if isNil(doc) {
		return "", errNoRecord
	}
	if err := doc.Validate(); err != nil {
		return "", err
	}
	return sign(doc, o)
}

// sign signs the claims of doc with o.Signer, or returns o.Credential when
// it is set.
func sign(doc Document, o Options) (string, error) {
	if o.Credential != "" {
		return o.Credential, nil
	}
	if o.Signer == nil {
		return "", ErrNoSigner
	}
	return o.Signer.Sign(doc.Claims(akta.SignedAt(doc.IssueDate(), o.SignedAt)))
}

// layout validates, signs and lays out one document.
func layout(doc Document, o Options) (*doc, error) {
	l, err := o.look()
	if err != nil {
		return nil, err
	}
	return layoutDoc(doc, o, l)
}

func layoutDoc(doc Document, o Options, l look) (*doc, error) {
	if isNil(doc) {
		return nil, errNoRecord
	}
	var fields []fieldText
	switch r := doc.(type) {
	case *akta.Birth:
		fields = birthFields(r)
	case *akta.Death:
		fields = deathFields(r)
	case *akta.Family:
		fields = familyFields(r)
	default:
		return nil, fmt.Errorf("render: unknown document %T", doc)
	}
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	if err := checkPrintable(fields); err != nil {
		return nil, err
	}
	qr, err := qrFor(doc, o)
	if err != nil {
		return nil, err
	}
	switch r := doc.(type) {
	case *akta.Birth:
		return layoutBirth(r, qr, l), nil
	case *akta.Death:
		return layoutDeath(r, qr, l), nil
	}
	return layoutFamily(doc.(*akta.Family), qr, l), nil
}

// qrFor signs the claims of doc and encodes the credential as a QR matrix
// (quiet zone included).
func qrFor(doc Document, o Options) ([][]bool, error) {
	text, err := sign(doc, o)
	if err != nil {
		return nil, err
	}
	q, err := qrenc.Encode(text, qrenc.Q)
	if err != nil {
		return nil, fmt.Errorf("render: QR: %w", err)
	}
	return q.Bitmap(4), nil
}
