package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Note is the footnote printed at the foot of every akta and family card:
// what the document carries as its electronic signature, in Indonesian and
// in English. It is configuration, because only the Dinas knows what it
// applies: the zero Note means [DefaultNote], which describes the signed QR
// credential this package prints and nothing more.
type Note struct {
	ID string // Indonesian text
	EN string // English text, printed beneath in italics
}

// DefaultNote describes what a document rendered by this package really
// carries: a QR code holding the Dinas's Ed25519 credential, checkable
// offline against the keys the Dinas publishes. It claims no certificate
// and no PDF signature. A Dinas that signs the PDF with a BSrE certificate
// through [Options].PDFSigner may say so in its own [Options].Note.
var DefaultNote = Note{
	ID: "Kode QR pada dokumen ini memuat kredensial elektronik yang ditandatangani oleh Dinas Kependudukan dan Pencatatan Sipil penerbit. Keaslian dan keberlakuan isinya dapat diperiksa tanpa jaringan dengan memindai kode QR dan mencocokkannya dengan kunci publik yang diumumkan oleh Dinas.",
	EN: "The QR code on this document holds an electronic credential signed by the issuing Population and Civil Registration Office. Scan it to check offline, against the public keys the Office publishes, that the content is genuine and in force.",
}

func (o Options) note() Note {
	if o.Note.ID == "" && o.Note.EN == "" {
		return DefaultNote
	}
	return o.Note
}

// PDFSigner applies a PDF signature (for example PAdES with a key
// certified by BSrE) to a finished document. SignPDF receives the complete
// PDF as rendered and writes the signed PDF to w. The package has no signer
// of its own and never pretends to sign: with [Options].PDFSigner nil the PDF
// carries no PDF signature, only the signed QR credential.
type PDFSigner interface {
	SignPDF(w io.Writer, pdf []byte) error
}

// ErrPDFSigner wraps an error returned by [Options].PDFSigner.
var ErrPDFSigner = errors.New("render: pdf signer")

// look is what the layouts take from the options besides the record.
type look struct {
	note   Note
	emblem *emblem
}

func (o Options) look() (look, error) {
	l := look{note: o.note()}
	if len(o.Emblem) > 0 {
		e, err := decodeEmblem(o.Emblem)
		if err != nil {
			return l, err
		}
		l.emblem = e
	}
	return l, nil
}

// signed writes the PDF d through o.Signer.
func signed(w io.Writer, d *doc, o Options) error {
	var buf bytes.Buffer
	if err := writePDF(&buf, d, o.Compress); err != nil {
		return err
	}
	if err := o.PDFSigner.SignPDF(w, buf.Bytes()); err != nil {
		return fmt.Errorf("%w: %w", ErrPDFSigner, err)
	}
	return nil
}
