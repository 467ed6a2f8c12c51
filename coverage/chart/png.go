package chart

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/coverage"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// maxPNGHeight bounds the PNG's height in pixels (a chart of 500 kab/kota
// at scale 2 would take 400 MB of memory).
const maxPNGHeight = 16000

// WritePNG draws the chart of [WriteSVG] as a PNG image at o.Scale pixels
// per unit (less when the image would be more than 16,000 pixels tall),
// with the embedded Go fonts. The same report gives the same bytes.
func WritePNG(w io.Writer, rep *coverage.Report, o Options) error {
	c, err := layoutChart(rep, o)
	if err != nil {
		return err
	}
	scale := o.Scale
	if scale == 0 {
		scale = 2
	}
	if scale < 0.25 || scale > 8 {
		return &adminduk.ValidationError{What: "coverage: invalid scale", Fields: []adminduk.FieldError{{Pointer: "/scale",
			Code: adminduk.CodeRange, English: "want 0.25 to 8", Indonesian: "seharusnya 0,25 sampai 8", Err: coverage.ErrInvalid}}}
	}
	if c.h*scale > maxPNGHeight { // hundreds of regions: keep the image in memory bounds
		scale = maxPNGHeight / c.h
	}
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(c.w*scale)), int(math.Ceil(c.h*scale))))
	draw.Draw(img, img.Bounds(), image.NewUniform(colorWhite), image.Point{}, draw.Src)
	px := func(v float64) int { return int(math.Round(v * scale)) }
	fill := func(x0, y0, x1, y1 float64, col color.RGBA) {
		r := image.Rect(px(x0), px(y0), px(x1), px(y1))
		if r.Dx() == 0 {
			r.Max.X++
		}
		if r.Dy() == 0 {
			r.Max.Y++
		}
		draw.Draw(img, r, image.NewUniform(col), image.Point{}, draw.Over)
	}
	faces := map[[2]float64]font.Face{}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	for _, s := range c.shapes {
		switch s.kind {
		case shapeRect:
			fill(s.x, s.y, s.x+s.w, s.y+s.h, s.color)
		case shapeVLine:
			if !s.dash {
				fill(s.x-s.w/2, s.y, s.x+s.w/2, s.y+s.h, s.color)
				continue
			}
			for y := s.y; y < s.y+s.h; y += 8 {
				fill(s.x-s.w/2, y, s.x+s.w/2, min(y+5, s.y+s.h), s.color)
			}
		case shapeHLine:
			fill(s.x, s.y-s.h/2, s.x+s.w, s.y+s.h/2, s.color)
		case shapeText:
			k := [2]float64{s.size, 0}
			f := fontReg
			if s.bold {
				k[1], f = 1, fontBold
			}
			face := faces[k]
			if face == nil {
				face, err = opentype.NewFace(f, &opentype.FaceOptions{Size: s.size * scale, DPI: 72, Hinting: font.HintingFull})
				if err != nil {
					return err
				}
				faces[k] = face
			}
			d := font.Drawer{Dst: img, Src: image.NewUniform(s.color), Face: face}
			x := s.x * scale
			switch s.anchor {
			case anchorEnd:
				x -= float64(d.MeasureString(s.text)) / 64
			case anchorMiddle:
				x -= float64(d.MeasureString(s.text)) / 128
			}
			d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(s.y * scale * 64))}
			d.DrawString(s.text)
		}
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	return enc.Encode(w, img)
}
