package pdfkit

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Raster draws in points onto an RGBA image at a fixed resolution, with the
// same fonts and measurements as the PDF output, so that a page rendered
// both ways looks the same. It is not safe for concurrent use.
type Raster struct {
	Img   *image.RGBA
	Scale float64 // pixels per point: dpi / 72
	faces map[faceKey]font.Face
	vec   vector.Rasterizer
}

type faceKey struct {
	font Font
	size float64
}

// NewRaster returns a white canvas of size points at dpi dots per inch.
func NewRaster(size Size, dpi float64) *Raster {
	scale := dpi / 72
	w, h := int(math.Round(size.W*scale)), int(math.Round(size.H*scale))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	return &Raster{Img: img, Scale: scale, faces: map[faceKey]font.Face{}}
}

// px converts a length in points to pixels.
func (r *Raster) px(v float64) float64 { return v * r.Scale }

// rect converts a rectangle in points to the pixels it covers (rounded
// to the nearest pixel edges).
func (r *Raster) rect(p Rect) image.Rectangle {
	return image.Rect(int(math.Round(r.px(p.X))), int(math.Round(r.px(p.Y))),
		int(math.Round(r.px(p.Right()))), int(math.Round(r.px(p.Bottom()))))
}

// FillRect fills p with c.
func (r *Raster) FillRect(p Rect, c color.Color) {
	draw.Draw(r.Img, r.rect(p), image.NewUniform(c), image.Point{}, draw.Over)
}

// StrokeRect draws the outline of p, width points wide, centred on its edges.
func (r *Raster) StrokeRect(p Rect, width float64, c color.Color) {
	h := width / 2
	r.FillRect(Rect{p.X - h, p.Y - h, p.W + width, width}, c)
	r.FillRect(Rect{p.X - h, p.Bottom() - h, p.W + width, width}, c)
	r.FillRect(Rect{p.X - h, p.Y + h, width, p.H - width}, c)
	r.FillRect(Rect{p.Right() - h, p.Y + h, width, p.H - width}, c)
}

// Polyline strokes the open path through pts (x, y pairs in points),
// width points wide, anti-aliased.
func (r *Raster) Polyline(pts []float64, width float64, c color.Color) {
	r.Polylines([][]float64{pts}, width, c)
}

// Polylines strokes several open paths in one pass, cheaper than one
// Polyline each for the many lines of a background pattern.
func (r *Raster) Polylines(paths [][]float64, width float64, c color.Color) {
	hw := r.px(width) / 2
	var quads [][8]float64
	for _, pts := range paths {
		for i := 0; i+3 < len(pts); i += 2 {
			x0, y0, x1, y1 := r.px(pts[i]), r.px(pts[i+1]), r.px(pts[i+2]), r.px(pts[i+3])
			dx, dy := x1-x0, y1-y0
			l := math.Hypot(dx, dy)
			if l == 0 {
				continue
			}
			nx, ny := -dy/l*hw, dx/l*hw
			// Extend each segment by half the width so joints overlap;
			// overlaps do not darken (coverage is capped at one).
			ex, ey := dx/l*hw, dy/l*hw
			quads = append(quads, [8]float64{x0 + nx - ex, y0 + ny - ey, x1 + nx + ex, y1 + ny + ey, x1 - nx + ex, y1 - ny + ey, x0 - nx - ex, y0 - ny - ey})
		}
	}
	var flat []float64
	for _, q := range quads {
		flat = append(flat, q[:]...)
	}
	r.fill(flat, 4, c)
}

// FillPath fills the closed polygon through pts (x, y pairs in points).
func (r *Raster) FillPath(pts []float64, c color.Color) {
	if len(pts) < 6 {
		return
	}
	px := make([]float64, len(pts))
	for i, v := range pts {
		px[i] = r.px(v)
	}
	r.fill(px, len(px)/2, c)
}

// fill fills polygons of n vertices each (x, y pairs in pixels), all in
// one rasterizer pass limited to their bounding box.
func (r *Raster) fill(px []float64, n int, c color.Color) {
	if len(px) < 6 || n < 3 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := 0; i+1 < len(px); i += 2 {
		minX, maxX = math.Min(minX, px[i]), math.Max(maxX, px[i])
		minY, maxY = math.Min(minY, px[i+1]), math.Max(maxY, px[i+1])
	}
	box := image.Rect(int(math.Floor(minX))-1, int(math.Floor(minY))-1, int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(r.Img.Bounds())
	if box.Empty() {
		return
	}
	r.vec.Reset(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for p := 0; p+2*n <= len(px); p += 2 * n {
		r.vec.MoveTo(float32(px[p]-ox), float32(px[p+1]-oy))
		for i := 1; i < n; i++ {
			r.vec.LineTo(float32(px[p+2*i]-ox), float32(px[p+2*i+1]-oy))
		}
		r.vec.ClosePath()
	}
	r.vec.Draw(r.Img, box, image.NewUniform(c), image.Point{})
}

// face returns the face of f at size points for this resolution, unhinted
// so that glyph positions match the PDF.
func (r *Raster) face(f Font, size float64) (font.Face, error) {
	k := faceKey{f, size}
	if fc, ok := r.faces[k]; ok {
		return fc, nil
	}
	m := fontMetrics(f)
	if m == nil {
		return nil, ErrFont
	}
	fc, err := opentype.NewFace(m.sfnt, &opentype.FaceOptions{Size: size, DPI: r.Scale * 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	r.faces[k] = fc
	return fc, nil
}

// Text draws s in f at size points with its baseline starting at x, y,
// placing each glyph by the advances Width uses (no kerning, no hinting).
func (r *Raster) Text(f Font, size, x, y float64, s string, c color.Color) error {
	fc, err := r.face(f, size)
	if err != nil {
		return err
	}
	m := fontMetrics(f)
	q, _ := m.advance('?')
	src := image.NewUniform(c)
	pen := x
	for _, ch := range s {
		a, ok := m.advance(ch)
		if !ok {
			ch, a = '?', q
		}
		if ch != ' ' {
			dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(r.px(pen) * 64)), Y: fixed.Int26_6(math.Round(r.px(y) * 64))}
			if dr, mask, mp, _, ok := fc.Glyph(dot, ch); ok {
				draw.DrawMask(r.Img, dr, src, image.Point{}, mask, mp, draw.Over)
			}
		}
		pen += float64(a) * size / 1000
	}
	return nil
}

// QR draws a QR bitmap (quiet zone included) in the square of side size
// points at x, y: whole pixels per module, as many as fit, centred in the
// square, so that decoders see sharp modules. Light modules are left
// untouched, so the square should be white.
func (r *Raster) QR(bitmap [][]bool, x, y, size float64) error {
	return r.qr(bitmap, x, y, size, 0)
}

// QRAtLeast is [Raster.QR] with at least minModule pixels per module: at a
// resolution too low for the square, the code is drawn larger than the
// square, centred on it, rather than with modules a decoder cannot tell
// apart (an A4 page previewed at 50 dpi).
func (r *Raster) QRAtLeast(bitmap [][]bool, x, y, size float64, minModule int) error {
	return r.qr(bitmap, x, y, size, minModule)
}

func (r *Raster) qr(bitmap [][]bool, x, y, size float64, minModule int) error {
	n := len(bitmap)
	if n == 0 {
		return ErrQR
	}
	side := int(math.Floor(r.px(size)))
	m := max(side/n, minModule)
	if m < 1 {
		return ErrQR
	}
	x0 := int(math.Round(r.px(x))) + (side-m*n)/2
	y0 := int(math.Round(r.px(y))) + (side-m*n)/2
	for j, row := range bitmap {
		if len(row) != n {
			return ErrQR
		}
		for i, dark := range row {
			if dark {
				draw.Draw(r.Img, image.Rect(x0+i*m, y0+j*m, x0+(i+1)*m, y0+(j+1)*m), image.Black, image.Point{}, draw.Src)
			}
		}
	}
	return nil
}

// Image draws img scaled to fill p (its aspect ratio is not kept: crop it
// first), with Catmull-Rom filtering.
func (r *Raster) Image(img image.Image, p Rect) {
	xdraw.CatmullRom.Scale(r.Img, r.rect(p), img, img.Bounds(), xdraw.Over, nil)
}
