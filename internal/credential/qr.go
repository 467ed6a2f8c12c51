package credential

import (
	"fmt"
	"image"

	"github.com/skip2/go-qrcode"
)

// MaxKIAVersion is the largest QR version a KIA credential may need:
// CREDENTIAL.md budgets version 15 so that the code prints at 18 mm on a
// card.
const MaxKIAVersion = 15

// QR returns the QR code of a credential at error-correction level Q
// (go-qrcode's [qrcode.High]). Base45 uses only the characters of the QR
// alphanumeric mode, so go-qrcode encodes it in that mode (with numeric
// segments where digits run long); VersionNumber tells the version chosen.
func QR(payload string) (*qrcode.QRCode, error) {
	q, err := qrcode.New(payload, qrcode.High)
	if err != nil {
		return nil, fmt.Errorf("credential: QR: %w", err)
	}
	return q, nil
}

// QRPNG draws the QR code of a credential as a PNG of size x size pixels,
// black on white with the 4-module quiet zone. A negative size makes each
// module -size pixels wide instead.
func QRPNG(payload string, size int) ([]byte, error) {
	q, err := QR(payload)
	if err != nil {
		return nil, err
	}
	b, err := q.PNG(size)
	if err != nil {
		return nil, fmt.Errorf("credential: QR: %w", err)
	}
	return b, nil
}

// QRImage draws the QR code of a credential as an image of size x size
// pixels, like [QRPNG].
func QRImage(payload string, size int) (image.Image, error) {
	q, err := QR(payload)
	if err != nil {
		return nil, err
	}
	return q.Image(size), nil
}
