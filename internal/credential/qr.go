package credential

import (
	"fmt"
	"image"

	"github.com/skip2/go-qrcode"
)

// MaxKIAVersion is the largest QR version a KIA credential may need
// (CREDENTIAL.md: version 15 or lower, so it prints at 18 mm on a card).
const MaxKIAVersion = 15

// QR returns the QR code of a credential at error-correction level Q
// (go-qrcode's High), in alphanumeric mode since Base45 uses exactly the QR
// alphanumeric characters. The quiet zone of 4 modules is kept.
func QR(payload string) (*qrcode.QRCode, error) {
	q, err := qrcode.New(payload, qrcode.High)
	if err != nil {
		return nil, fmt.Errorf("credential: QR: %w", err)
	}
	return q, nil
}

// QRPNG draws the QR code of a credential as a PNG of size x size pixels.
func QRPNG(payload string, size int) ([]byte, error) {
	q, err := QR(payload)
	if err != nil {
		return nil, err
	}
	return q.PNG(size)
}

// QRImage draws the QR code of a credential as an image of size x size pixels.
func QRImage(payload string, size int) (image.Image, error) {
	q, err := QR(payload)
	if err != nil {
		return nil, err
	}
	return q.Image(size), nil
}
