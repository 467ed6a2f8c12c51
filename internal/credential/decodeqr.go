package credential

import (
	"errors"
	"fmt"
	"image"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
)

// ErrNoQR is returned by [DecodeQR] when no QR code can be read.
var ErrNoQR = errors.New("credential: no QR code found")

// DecodeQR finds a QR code in img (a photo, a scan, a rendered page) and
// returns its text untouched: Base45 text may begin or end with a space. It
// uses [qrscan.Decode], which retries gozxing at several scales and
// binarizers, since one pass misreads about 1 % of clean credential-size
// codes. It fails with [ErrNoQR].
func DecodeQR(img image.Image) (text string, err error) {
	defer func() { // a decoder bug must not take the caller down
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("%w: decoder panic: %v", ErrNoQR, p)
		}
	}()
	text, err = qrscan.Decode(img)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoQR, err)
	}
	return text, nil
}
