package render

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/kia"
)

// Images renders both sides of a card at 300 dpi (1011 x 638 pixels), with
// square corners as the PDF.
func Images(c *kia.Card, o Options) (front, back *image.RGBA, err error) {
	k, err := prepare(c, o, o.Credential)
	if err != nil {
		return nil, nil, err
	}
	if front, err = rasterSide(k.front); err != nil {
		return nil, nil, err
	}
	if back, err = rasterSide(k.back); err != nil {
		return nil, nil, err
	}
	return front, back, nil
}

func rasterSide(s *side) (*image.RGBA, error) {
	r := pdfkit.NewRaster(pdfkit.ID1, dpi)
	draw.Draw(r.Img, r.Img.Bounds(), s.bg.img, image.Point{}, draw.Src)
	for i := range s.ops {
		o := &s.ops[i]
		switch o.kind {
		case opText:
			if err := r.Text(o.font, o.size, o.x, o.y, o.text, o.col); err != nil {
				return nil, err
			}
		case opFill:
			r.FillRect(o.r, o.col)
		case opStroke:
			r.StrokeRect(o.r, o.lw, o.col)
		case opPhoto:
			img, err := o.img.scaled()
			if err != nil {
				return nil, err
			}
			draw.Draw(r.Img, pxRect(o.r).Intersect(r.Img.Bounds()), img, image.Point{}, draw.Src)
		case opQR:
			if err := r.QR(o.qr, pdfkit.SnapQR(o.r.X), pdfkit.SnapQR(o.r.Y), o.r.W); err != nil {
				return nil, err
			}
		}
	}
	return r.Img, nil
}

// pxRect returns the pixels of a rectangle in points at 300 dpi.
func pxRect(p pdfkit.Rect) image.Rectangle {
	s := float64(dpi) / 72
	return image.Rect(int(math.Round(p.X*s)), int(math.Round(p.Y*s)), int(math.Round(p.Right()*s)), int(math.Round(p.Bottom()*s)))
}

// sheetGap is the white space around and between the two sides in
// WritePNG, in pixels.
const sheetGap = 40

// WritePNG writes both sides of a card as one 300-dpi PNG, the front above
// the back, on white with rounded corners (3.18 mm, as ID-1 blanks) and a
// thin outline, ready to view or to scan back. The file declares its
// resolution (pHYs).
func WritePNG(w io.Writer, c *kia.Card, o Options) error {
	front, back, err := Images(c, o)
	if err != nil {
		return err
	}
	cw, ch := front.Bounds().Dx(), front.Bounds().Dy()
	out := image.NewRGBA(image.Rect(0, 0, cw+2*sheetGap, 2*ch+3*sheetGap))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	for i, img := range []*image.RGBA{front, back} {
		at := image.Pt(sheetGap, sheetGap+i*(ch+sheetGap))
		pasteRounded(out, img, at, pdfkit.MM(3.18)*dpi/72)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, out); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(withDPI(buf.Bytes(), dpi)); err != nil {
		return err
	}
	return bw.Flush()
}

// pasteRounded copies src to dst at at with its corners rounded to radius
// pixels (anti-aliased) and a light grey outline.
func pasteRounded(dst *image.RGBA, src *image.RGBA, at image.Point, radius float64) {
	b := src.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	outline := color.RGBA{0xb0, 0xb8, 0xc0, 0xff}
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			// Distance outside the rounded rectangle, in pixels.
			px, py := float64(x)+0.5, float64(y)+0.5
			cx := math.Max(radius-px, math.Max(0, px-(w-radius)))
			cy := math.Max(radius-py, math.Max(0, py-(h-radius)))
			d := -math.Min(px, math.Min(py, math.Min(w-px, h-py)))
			if cx > 0 && cy > 0 {
				d = math.Hypot(cx, cy) - radius
			}
			c := src.RGBAAt(x, y)
			switch {
			case d > 0.5:
				continue
			case d > -1.5:
				// The outline, blended at its outer edge.
				a := math.Min(1, 0.5-d)
				c = blend(dst.RGBAAt(at.X+x, at.Y+y), outline, a)
			}
			dst.SetRGBA(at.X+x, at.Y+y, c)
		}
	}
}

func blend(bg, fg color.RGBA, a float64) color.RGBA {
	mix := func(b, f uint8) uint8 { return uint8(math.Round(float64(b)*(1-a) + float64(f)*a)) }
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

// withDPI inserts a pHYs chunk after the IHDR of an encoded PNG.
func withDPI(p []byte, dpi float64) []byte {
	const ihdrEnd = 8 + 8 + 13 + 4 // signature, IHDR length+type, data, CRC
	if len(p) < ihdrEnd {
		return p
	}
	ppm := uint32(math.Round(dpi / 0.0254))
	var chunk [4 + 4 + 9 + 4]byte
	binary.BigEndian.PutUint32(chunk[0:], 9)
	copy(chunk[4:], "pHYs")
	binary.BigEndian.PutUint32(chunk[8:], ppm)
	binary.BigEndian.PutUint32(chunk[12:], ppm)
	chunk[16] = 1 // metre
	binary.BigEndian.PutUint32(chunk[17:], crc32.ChecksumIEEE(chunk[4:17]))
	out := make([]byte, 0, len(p)+len(chunk))
	out = append(out, p[:ihdrEnd]...)
	out = append(out, chunk[:]...)
	return append(out, p[ihdrEnd:]...)
}
