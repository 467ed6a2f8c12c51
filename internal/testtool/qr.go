package testtool

import (
	"errors"
	"fmt"
	"image"

	"github.com/skip2/go-qrcode"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
)

// ErrNoQR is returned by [DecodeQR] when no QR code can be read.
var ErrNoQR = errors.New("testtool: no QR code found")

// QR encodes payload as a QR code at error-correction level Q (go-qrcode's
// [qrcode.High]), the reference the module's own encoder is checked against.
func QR(payload string) (*qrcode.QRCode, error) {
	q, err := qrcode.New(payload, qrcode.High)
	if err != nil {
		return nil, fmt.Errorf("testtool: QR: %w", err)
	}
	return q, nil
}

// QRPNG draws the QR code of payload as a PNG of size x size pixels, black
// on white with the 4-module quiet zone.
func QRPNG(payload string, size int) ([]byte, error) {
	q, err := QR(payload)
	if err != nil {
		return nil, err
	}
	return q.PNG(size)
}

// QRImage draws the QR code of payload as an image of size x size pixels.
func QRImage(payload string, size int) (image.Image, error) {
	q, err := QR(payload)
	if err != nil {
		return nil, err
	}
	return q.Image(size), nil
}

// DecodeQR reads the QR code in img (a photo, a scan, a rendered page) and
// returns its text untouched: Base45 text may begin or end with a space.
func DecodeQR(img image.Image) (string, error) {
	text, err := qrscan.Decode(img)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoQR, err)
	}
	return text, nil
}
