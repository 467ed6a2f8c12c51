// Package qrscan finds and reads a QR code in an image with gozxing, more
// persistently than one call does: gozxing's detector sometimes misplaces
// the sampling grid of a large symbol (version 10 and up) drawn with
// sharp modules of a few pixels, and then misreads its version or format
// information, while the same image scaled down reads. Decode tries the
// image as it is, then scaled to 3/4, 1/2 and 2/5 of its size, with
// gozxing's two binarizers, and as a pure barcode.
//
// It is for verifiers and tests; renderers do not need it.
package qrscan

import (
	"context"
	"errors"
	"image"

	"github.com/makiuchi-d/gozxing"
	zqr "github.com/makiuchi-d/gozxing/qrcode"
	xdraw "golang.org/x/image/draw"
)

// ErrNotFound is returned when no attempt finds a QR code.
var ErrNotFound = errors.New("qrscan: no QR code found")

// scales are the sizes tried, relative to the image.
var scales = []float64{1, 0.75, 0.5, 0.4}

// Decode returns the text of a QR code in img, untouched (Base45 text may
// contain spaces). It fails with ErrNotFound when every attempt fails;
// gozxing's own errors ("NotFoundException: startSize = 0") are internals
// and are not shown. A panic of the decoder is an ErrNotFound too.
func Decode(img image.Image) (text string, err error) {
	return DecodeContext(context.Background(), img)
}

// DecodeContext is [Decode] that gives up between attempts once ctx is
// done, returning ctx's error.
func DecodeContext(ctx context.Context, img image.Image) (text string, err error) {
	if img == nil || img.Bounds().Empty() {
		return "", ErrNotFound
	}
	defer func() {
		if p := recover(); p != nil {
			text, err = "", ErrNotFound
		}
	}()
	try := func(im image.Image, bin func(gozxing.LuminanceSource) gozxing.Binarizer, hints map[gozxing.DecodeHintType]any) (string, bool) {
		if ctx.Err() != nil {
			return "", false
		}
		bmp, err := gozxing.NewBinaryBitmap(bin(gozxing.NewLuminanceSourceFromImage(im)))
		if err == nil {
			var res *gozxing.Result
			if res, err = zqr.NewQRCodeReader().Decode(bmp, hints); err == nil {
				return res.GetText(), true
			}
		}
		return "", false
	}
	hard := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true}
	pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	b := img.Bounds()
	for _, s := range scales {
		if ctx.Err() != nil {
			break
		}
		im := img
		if s != 1 {
			w, h := int(float64(b.Dx())*s), int(float64(b.Dy())*s)
			if w < 21 || h < 21 {
				break
			}
			dst := image.NewGray(image.Rect(0, 0, w, h))
			xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
			im = dst
		}
		for _, bin := range []func(gozxing.LuminanceSource) gozxing.Binarizer{gozxing.NewHybridBinarizer, gozxing.NewGlobalHistgramBinarizer} {
			if text, ok := try(im, bin, hard); ok {
				return text, nil
			}
		}
		if s == 1 {
			if text, ok := try(im, gozxing.NewHybridBinarizer, pure); ok {
				return text, nil
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return "", ErrNotFound
}
