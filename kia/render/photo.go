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

// A JPEG photo within these bounds is embedded in the PDF as it is and
// cropped by a clipping path: no decoding, no loss, no time. Larger ones,
// PNG and CMYK JPEG are decoded, cropped, scaled to 300 dpi and encoded
// again.
const (
	passBytes = 256 << 10
	passSide  = 1600
)

// photo is a child's photo as placed in its box: the JPEG the PDF embeds
// and the part of it shown (the box's proportions, centred across and a
// little above centre down, where the face is).
type photo struct {
	jpeg []byte
	w, h int         // pixel size of jpeg
	crop pdfkit.Rect // in pixels of jpeg
	src  []byte      // the file as given, for raster output
	bg   color.RGBA  // seen through transparent pixels
	box  pdfkit.Rect // the box, for its size
}

// coverCrop returns the part of a w x h image with the proportions of box.
func coverCrop(w, h int, box pdfkit.Rect) pdfkit.Rect {
	aspect := box.W / box.H
	fw, fh := float64(w), float64(h)
	if fw/fh > aspect {
		cw := fh * aspect
		return pdfkit.Rect{X: (fw - cw) / 2, Y: 0, W: cw, H: fh}
	}
	ch := fw / aspect
	return pdfkit.Rect{X: 0, Y: (fh - ch) * 0.3, W: fw, H: ch}
}

// preparePhoto checks a JPEG or PNG and readies it for the box.
func preparePhoto(data []byte, box pdfkit.Rect, bg color.RGBA) (*photo, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPhoto, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > kia.MaxPhotoPixels {
		return nil, fmt.Errorf("%w: %dx%d pixels", ErrPhoto, cfg.Width, cfg.Height)
	}
	p := &photo{src: data, bg: bg, box: box}
	if format == "jpeg" && len(data) <= passBytes && max(cfg.Width, cfg.Height) <= passSide &&
		(cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) {
		p.jpeg, p.w, p.h = data, cfg.Width, cfg.Height
		p.crop = coverCrop(cfg.Width, cfg.Height, box)
		return p, nil
	}
	img, err := p.scaled()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPhoto, err)
	}
	b := img.Bounds()
	p.jpeg, p.w, p.h = buf.Bytes(), b.Dx(), b.Dy()
	p.crop = pdfkit.Rect{W: float64(b.Dx()), H: float64(b.Dy())}
	return p, nil
}

// scaled decodes the photo and returns the shown part at 300 dpi on its
// background colour.
func (p *photo) scaled() (*image.RGBA, error) {
	src, _, err := image.Decode(bytes.NewReader(p.src))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPhoto, err)
	}
	sb := src.Bounds()
	c := coverCrop(sb.Dx(), sb.Dy(), p.box)
	crop := image.Rect(sb.Min.X+int(c.X+0.5), sb.Min.Y+int(c.Y+0.5), sb.Min.X+int(c.Right()+0.5), sb.Min.Y+int(c.Bottom()+0.5))
	pw, ph := int(p.box.W*dpi/72+0.5), int(p.box.H*dpi/72+0.5)
	dst := image.NewRGBA(image.Rect(0, 0, pw, ph))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(p.bg), image.Point{}, draw.Src)
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, crop, xdraw.Over, nil)
	return dst, nil
}
