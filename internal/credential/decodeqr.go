package credential

import (
	"errors"
	"fmt"
	"image"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// ErrNoQR is returned by [DecodeQR] when no QR code can be read.
var ErrNoQR = errors.New("credential: no QR code found")

// DecodeQR finds a QR code in img (a photo, a scan, a rendered page) with
// gozxing, trying harder, and returns its text untouched: Base45 text may
// begin or end with a space. It fails with [ErrNoQR].
func DecodeQR(img image.Image) (text string, err error) {
	defer func() { // a decoder bug must not take the caller down
		if p := recover(); p != nil {
			text, err = "", fmt.Errorf("%w: decoder panic: %v", ErrNoQR, p)
		}
	}()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoQR, err)
	}
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoQR, err)
	}
	return res.GetText(), nil
}
