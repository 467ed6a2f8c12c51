package render

import (
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
	"github.com/adminduk-id/adminduk/kia"
)

// maxQRVersion is the largest QR code printed. A card whose name is in
// the letters A-Z (as Permendagri 73/2022 asks) needs version 15 at most,
// the budget of CREDENTIAL.md (credential.MaxKIAVersion); letters outside
// A-Z take two bytes each and may need up to 17, whose 0.28 mm modules
// still scan. kia.Rules.Validate warns about such names.
const maxQRVersion = credential.MaxKIAVersion + 2

// card is a card ready to draw.
type card struct {
	front, back *side
	payload     string
	qr          *qrenc.Code
}

// prepare validates a card, signs it (unless payload is given), encodes
// the QR code and lays out both sides.
func prepare(c *kia.Card, o Options, payload string) (*card, error) {
	if c == nil {
		return nil, fmt.Errorf("%w: nil card", ErrInvalidCard)
	}
	if err := o.Rules.Validate(c); err != nil {
		return nil, errors.Join(ErrInvalidCard, err)
	}
	if err := CheckPrintable(c); err != nil {
		return nil, errors.Join(ErrInvalidCard, err)
	}
	d, err := c.Decide(o.Rules)
	if err != nil {
		return nil, errors.Join(ErrInvalidCard, err)
	}
	if payload == "" {
		if o.Signer == nil {
			return nil, ErrNoSigner
		}
		if payload, err = sign(c, o); err != nil {
			return nil, err
		}
	}
	q, err := qrenc.Encode(payload, qrenc.Q)
	if err != nil {
		return nil, fmt.Errorf("render: QR code: %w", err)
	}
	if q.Version > maxQRVersion {
		return nil, fmt.Errorf("render: QR code version %d is above %d: the credential is too long to print at this size", q.Version, maxQRVersion)
	}
	var ph *photo
	if d.Kind.HasPhoto() {
		bg := photoBlue
		if c.BirthDate.Year()%2 != 0 {
			bg = photoRed
		}
		if ph, err = preparePhoto(c.Photo.Data, pdfkit.Rect{W: photoW, H: photoH}, bg); err != nil {
			return nil, err
		}
	}
	f, b := layout(c, d, ph, q.Bitmap(4))
	return &card{front: f, back: b, payload: payload, qr: q}, nil
}

// Prepared is a card checked, signed, encoded and laid out: all the work
// of a card but drawing it. Prepare cards on several goroutines and add
// them, in order, with Batch.AddPrepared.
type Prepared struct{ k *card }

// Payload returns the text of the card's QR code.
func (p *Prepared) Payload() string { return p.k.payload }

// Prepare validates c (kia.Rules.Validate and CheckPrintable), signs it with
// o.Signer, encodes its QR code and lays it out, for Batch.AddPrepared. It
// is safe to call concurrently; errors are those of Batch.Add.
func Prepare(c *kia.Card, o Options) (*Prepared, error) { return prepareForPDF(c, o, "") }

// PrepareSigned is Prepare with a credential signed elsewhere (the text of
// its QR code), like Batch.AddSigned.
func PrepareSigned(c *kia.Card, o Options, payload string) (*Prepared, error) {
	if payload == "" {
		return nil, fmt.Errorf("render: empty payload")
	}
	return prepareForPDF(c, o, payload)
}

func prepareForPDF(c *kia.Card, o Options, payload string) (*Prepared, error) {
	k, err := prepare(c, o, payload)
	if err != nil {
		return nil, err
	}
	for _, s := range []*side{k.front, k.back} {
		for i := range s.ops {
			if o := &s.ops[i]; o.kind == opQR {
				if o.qrPNG, err = pdfkit.QRPNG(o.qr, pdfkit.QRScale); err != nil {
					return nil, err
				}
			}
		}
	}
	return &Prepared{k: k}, nil
}

// sign signs the card's claims, at o.SignedAt when set.
func sign(c *kia.Card, o Options) (string, error) {
	if id := c.Issuer.ID(); id != o.Signer.Issuer() {
		return "", fmt.Errorf("render: card issued by %q, signer is %q", id, o.Signer.Issuer())
	}
	cl, err := c.Claims(o.Rules)
	if err != nil {
		return "", err
	}
	if !o.SignedAt.IsZero() {
		cl.IssuedAt = o.SignedAt.Truncate(time.Second)
	}
	return o.Signer.Sign(cl)
}
