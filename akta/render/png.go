package render

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
)

// writePNG rasterises the first page of d at dpi dots per inch with
// pdfkit.Raster, the same fonts and measurements as the PDF, and writes it
// as a grey-scale PNG.
func writePNG(w io.Writer, d *doc, dpi float64) error {
	r, err := rasterise(d.pages[0], dpi)
	if err != nil {
		return err
	}
	gray := image.NewGray(r.Img.Bounds())
	draw.Draw(gray, gray.Bounds(), r.Img, image.Point{}, draw.Src)
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, gray)
}

// minQRModule is the fewest pixels a QR module takes in PNG output: at
// low resolutions the code outgrows its square rather than blur.
const minQRModule = 2

func rasterise(p *page, dpi float64) (*pdfkit.Raster, error) {
	r := pdfkit.NewRaster(pdfkit.Size{W: p.w, H: p.h}, dpi)
	onePx := 1 / r.Scale // lines stay visible at low resolutions
	for i := range p.ops {
		o := &p.ops[i]
		g := color.Gray{Y: o.gray}
		switch o.kind {
		case opText:
			if err := r.Text(o.font, o.size, o.x, o.y, o.text, g); err != nil {
				return nil, err
			}
		case opLine:
			h := o.size / 2
			x0, y0 := min(o.x, o.x2)-h, min(o.y, o.y2)-h
			r.FillRect(pdfkit.Rect{X: x0, Y: y0, W: max(max(o.x, o.x2)+h-x0, onePx), H: max(max(o.y, o.y2)+h-y0, onePx)}, g)
		case opRect:
			box := pdfkit.Rect{X: o.x, Y: o.y, W: o.x2, H: o.y2}
			if o.fill {
				r.FillRect(box, g)
			} else {
				r.StrokeRect(box, max(o.size, onePx), g)
			}
		case opImage:
			r.Image(o.img.img, pdfkit.Rect{X: o.x, Y: o.y, W: o.x2, H: o.y2})
		case opQR:
			if err := r.QRAtLeast(o.qr, o.x, o.y, o.x2, minQRModule); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}
