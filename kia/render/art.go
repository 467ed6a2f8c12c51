package render

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"sync"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/kia"
)

// dpi is the resolution of raster output and of the static art.
const dpi = 300

// background is the static art of one side: the tinted ground, the
// guilloche pattern, the bands, the emblem. It is drawn once per process
// at 300 dpi and shared: PDF pages place the same image object, PNG output
// starts from a copy.
type background struct {
	name string
	img  *image.RGBA
	jpeg []byte // for the PDF
}

var (
	artOnce                   [3]sync.Once
	artUnder5, artFrom5, artB *background
)

// frontArt returns the art of the front of a card of kind k: the under-5
// card has a watermark where the other has the photo.
func frontArt(k kia.Kind) *background {
	if k == kia.Under5 {
		artOnce[0].Do(func() { artUnder5 = drawArt("front-under5", drawFront(true)) })
		return artUnder5
	}
	artOnce[1].Do(func() { artFrom5 = drawArt("front-from5", drawFront(false)) })
	return artFrom5
}

func backArt() *background {
	artOnce[2].Do(func() { artB = drawArt("back", drawBack()) })
	return artB
}

// drawArt encodes r's image as a JPEG for the PDF: the art is a smooth
// ground with fine lines, which JPEG keeps small without banding.
func drawArt(name string, r *pdfkit.Raster) *background {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, r.Img, &jpeg.Options{Quality: 88}); err != nil {
		// Encoding an in-memory image into a buffer cannot fail.
		panic("render: encoding card art: " + err.Error())
	}
	return &background{name: name, img: r.Img, jpeg: buf.Bytes()}
}

// Pattern colours.
var (
	groundTop    = color.RGBA{0xf6, 0xfa, 0xfc, 0xff}
	groundBottom = color.RGBA{0xe2, 0xee, 0xf4, 0xff}
	waveBlue     = color.NRGBA{0x8f, 0xb8, 0xd0, 0x80}
	waveGold     = color.NRGBA{0xd4, 0xb4, 0x50, 0x70}
	bandWave     = color.NRGBA{0x4d, 0x83, 0xb6, 0x90}
	watermark    = color.NRGBA{0x0d, 0x3b, 0x66, 0x14}
	flagRed      = color.RGBA{0xce, 0x11, 0x26, 0xff}
)

func ground(r *pdfkit.Raster) {
	b := r.Img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		t := float64(y) / float64(b.Dy())
		c := color.RGBA{lerp(groundTop.R, groundBottom.R, t), lerp(groundTop.G, groundBottom.G, t), lerp(groundTop.B, groundBottom.B, t), 0xff}
		draw.Draw(r.Img, image.Rect(b.Min.X, y, b.Max.X, y+1), image.NewUniform(c), image.Point{}, draw.Src)
	}
}

func lerp(a, b uint8, t float64) uint8 {
	return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t))
}

// waves draws n interlaced sine curves across the card between y0 and y1:
// the guilloche of security printing, here only decoration.
func waves(r *pdfkit.Raster, y0, y1 float64, n int, amp, period, width float64, c color.Color, seed float64) {
	var paths [][]float64
	for i := range n {
		base := y0 + (y1-y0)*float64(i)/float64(max(n-1, 1))
		phase := seed + float64(i)*0.55
		var pts []float64
		for x := -2.0; x <= cardW+2; x += 0.8 {
			y := base + amp*math.Sin(2*math.Pi*x/period+phase) + amp*0.45*math.Sin(2*math.Pi*x/(period*0.37)-phase*1.7)
			pts = append(pts, x, y)
		}
		paths = append(paths, pts)
	}
	r.Polylines(paths, width, c)
}

// rosette draws a guilloche rosette of n closed curves around cx, cy.
func rosette(r *pdfkit.Raster, cx, cy, radius, depth float64, lobes, n int, width float64, c color.Color) {
	var paths [][]float64
	for i := range n {
		phase := float64(i) * 2 * math.Pi / float64(n) / float64(lobes)
		var pts []float64
		for t := 0.0; t <= 2*math.Pi+0.01; t += 0.01 {
			rr := radius + depth*math.Sin(float64(lobes)*t+phase*float64(lobes)) + depth*0.35*math.Sin(float64(3*lobes)*t)
			pts = append(pts, cx+rr*math.Cos(t), cy+rr*math.Sin(t))
		}
		paths = append(paths, pts)
	}
	r.Polylines(paths, width, c)
}

// circle returns a closed polygon approximating a circle.
func circle(cx, cy, rad float64) []float64 {
	var pts []float64
	for i := range 96 {
		t := float64(i) * 2 * math.Pi / 96
		pts = append(pts, cx+rad*math.Cos(t), cy+rad*math.Sin(t))
	}
	return pts
}

// ring fills the band between two radii.
func ring(r *pdfkit.Raster, cx, cy, outer, inner float64, c color.Color) {
	mid, w := (outer+inner)/2, outer-inner
	pts := circle(cx, cy, mid)
	pts = append(pts, pts[0], pts[1], pts[2], pts[3])
	r.Polyline(pts, w, c)
}

// star returns the five-pointed star of radius rad, pointing up.
func star(cx, cy, rad float64) []float64 {
	var pts []float64
	for i := range 10 {
		rr := rad
		if i%2 == 1 {
			rr = rad * 0.4
		}
		t := -math.Pi/2 + float64(i)*math.Pi/5
		pts = append(pts, cx+rr*math.Cos(t), cy+rr*math.Sin(t))
	}
	return pts
}

// emblem draws the seal in the band: a gold ring, a navy disc, a ring of
// dots and the star. (Not the Garuda Pancasila, whose use is regulated.)
func emblem(r *pdfkit.Raster, cx, cy, rad float64, ringC, discC, starC color.Color) {
	r.FillPath(circle(cx, cy, rad), ringC)
	r.FillPath(circle(cx, cy, rad*0.86), discC)
	ring(r, cx, cy, rad*0.74, rad*0.70, ringC)
	for i := range 17 {
		t := float64(i) * 2 * math.Pi / 17
		r.FillPath(circle(cx+rad*0.79*math.Cos(t), cy+rad*0.79*math.Sin(t), rad*0.035), ringC)
	}
	r.FillPath(star(cx, cy+rad*0.04, rad*0.52), starC)
}

// drawFlag draws the red and white.
func drawFlag(r *pdfkit.Raster, x, y, w, h float64) {
	r.FillRect(pdfkit.Rect{X: x, Y: y, W: w, H: h / 2}, flagRed)
	r.FillRect(pdfkit.Rect{X: x, Y: y + h/2, W: w, H: h / 2}, white)
	r.StrokeRect(pdfkit.Rect{X: x, Y: y, W: w, H: h}, 0.3, goldPale)
}

func drawFront(under5 bool) *pdfkit.Raster {
	r := pdfkit.NewRaster(pdfkit.ID1, dpi)
	ground(r)
	waves(r, bandH+6, cardH-4, 15, 3.2, 61, 0.22, waveBlue, 0.3)
	photoX := cardW - margin - photoW
	if !under5 {
		rosette(r, photoX-38, 100, 30, 4.5, 11, 14, 0.2, waveGold)
	}
	// Band.
	r.FillRect(pdfkit.Rect{X: 0, Y: 0, W: cardW, H: bandH}, navy)
	waves(r, 3, bandH-3, 7, 2.2, 47, 0.22, bandWave, 1.1)
	r.FillRect(pdfkit.Rect{X: 0, Y: bandH, W: cardW, H: 1.3}, gold)
	emblem(r, emblemCX, emblemCY, emblemR, gold, navy, gold)
	drawFlag(r, cardW-emblemCX-9.5, emblemCY-6.3, 19, 12.6)
	if under5 {
		cx, cy := photoX+photoW/2, photoTop+photoH/2
		rosette(r, cx, cy, 24, 5, 9, 10, 0.25, waveGold)
		emblem(r, cx, cy, 17, watermark, color.NRGBA{0xff, 0xff, 0xff, 0x50}, watermark)
	}
	// Bottom rule.
	r.FillRect(pdfkit.Rect{X: 0, Y: cardH - 2.2, W: cardW, H: 2.2}, navy)
	return r
}

func drawBack() *pdfkit.Raster {
	r := pdfkit.NewRaster(pdfkit.ID1, dpi)
	ground(r)
	waves(r, backBandH+6, cardH-4, 15, 3.2, 61, 0.22, waveBlue, 2.1)
	rosette(r, 78, 84, 40, 5, 13, 16, 0.2, waveGold)
	r.FillRect(pdfkit.Rect{X: 0, Y: 0, W: cardW, H: backBandH}, navy)
	r.FillRect(pdfkit.Rect{X: 0, Y: backBandH, W: cardW, H: 1.0}, gold)
	r.FillRect(pdfkit.Rect{X: 0, Y: cardH - 2.2, W: cardW, H: 2.2}, navy)
	// The white panel of the QR code.
	p := pdfkit.Rect{X: cardW - margin - qrPanel, Y: qrPanelTop, W: qrPanel, H: qrPanel}
	r.FillPath(roundRect(p, 2.5), white)
	return r
}

// roundRect returns the outline of p with corners of radius rad.
func roundRect(p pdfkit.Rect, rad float64) []float64 {
	var pts []float64
	corner := func(cx, cy, from float64) {
		for i := 0; i <= 8; i++ {
			t := from + float64(i)*math.Pi/2/8
			pts = append(pts, cx+rad*math.Cos(t), cy+rad*math.Sin(t))
		}
	}
	corner(p.Right()-rad, p.Y+rad, -math.Pi/2)
	corner(p.Right()-rad, p.Bottom()-rad, 0)
	corner(p.X+rad, p.Bottom()-rad, math.Pi/2)
	corner(p.X+rad, p.Y+rad, math.Pi)
	return pts
}
