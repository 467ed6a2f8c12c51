package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	_ "image/png" // photos may be PNG

	xdraw "golang.org/x/image/draw"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/kia"
)

// photo is a child's photo cropped and scaled to its box at 300 dpi, and
// encoded as JPEG for the PDF.
type photo struct {
	img  *image.RGBA
	jpeg []byte
}

// preparePhoto decodes a JPEG or PNG, crops it to the box's proportions
// (centred across, a little above centre down, where the face is), scales
// it to 300 dpi and puts it on bg (seen through transparent pixels).
func preparePhoto(data []byte, box pdfkit.Rect, bg color.RGBA) (*photo, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPhoto, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > kia.MaxPhotoPixels {
		return nil, fmt.Errorf("%w: %dx%d pixels", ErrPhoto, cfg.Width, cfg.Height)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPhoto, err)
	}
	sb := src.Bounds()
	w, h := sb.Dx(), sb.Dy()
	aspect := box.W / box.H
	crop := sb
	if float64(w)/float64(h) > aspect {
		cw := int(float64(h)*aspect + 0.5)
		x0 := sb.Min.X + (w-cw)/2
		crop = image.Rect(x0, sb.Min.Y, x0+cw, sb.Max.Y)
	} else {
		ch := int(float64(w)/aspect + 0.5)
		y0 := sb.Min.Y + (h-ch)*3/10
		crop = image.Rect(sb.Min.X, y0, sb.Max.X, y0+ch)
	}
	pw, ph := int(box.W*dpi/72+0.5), int(box.H*dpi/72+0.5)
	dst := image.NewRGBA(image.Rect(0, 0, pw, ph))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, crop, xdraw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 90}); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPhoto, err)
	}
	return &photo{img: dst, jpeg: buf.Bytes()}, nil
}
