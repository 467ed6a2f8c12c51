package render

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// writePNG rasterises the first page of d at dpi dots per inch, in grey
// levels, and writes it as PNG.
func writePNG(w io.Writer, d *doc, dpi float64) error {
	p := d.pages[0]
	img, err := rasterise(p, dpi)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img)
}

func rasterise(p *page, dpi float64) (*image.Gray, error) {
	scale := dpi / 72
	img := image.NewGray(image.Rect(0, 0, int(math.Ceil(p.w*scale)), int(math.Ceil(p.h*scale))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	type faceKey struct {
		f    fontID
		size float64
	}
	faces := map[faceKey]font.Face{}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	px := func(v float64) int { return int(math.Round(v * scale)) }
	fill := func(x0, y0, x1, y1 float64, g uint8) {
		r := image.Rect(px(x0), px(y0), px(x1), px(y1))
		if r.Dx() == 0 {
			r.Max.X = r.Min.X + 1
		}
		if r.Dy() == 0 {
			r.Max.Y = r.Min.Y + 1
		}
		draw.Draw(img, r, image.NewUniform(color.Gray{g}), image.Point{}, draw.Src)
	}
	for i := range p.ops {
		o := &p.ops[i]
		switch o.kind {
		case opText:
			k := faceKey{o.font, o.size}
			face, ok := faces[k]
			if !ok {
				var err error
				face, err = opentype.NewFace(fonts[o.font].sfnt, &opentype.FaceOptions{Size: o.size, DPI: dpi, Hinting: font.HintingNone})
				if err != nil {
					return nil, err
				}
				faces[k] = face
			}
			dr := font.Drawer{Dst: img, Src: image.NewUniform(color.Gray{o.gray}), Face: face,
				Dot: fixed.Point26_6{X: fixed.Int26_6(o.x * scale * 64), Y: fixed.Int26_6(o.y * scale * 64)}}
			dr.DrawString(o.text)
		case opLine:
			h := o.size / 2
			fill(min(o.x, o.x2)-h, min(o.y, o.y2)-h, max(o.x, o.x2)+h, max(o.y, o.y2)+h, o.gray)
		case opRect:
			if o.fill {
				fill(o.x, o.y, o.x+o.x2, o.y+o.y2, o.gray)
				continue
			}
			h := o.size / 2
			fill(o.x-h, o.y-h, o.x+o.x2+h, o.y+h, o.gray)
			fill(o.x-h, o.y+o.y2-h, o.x+o.x2+h, o.y+o.y2+h, o.gray)
			fill(o.x-h, o.y-h, o.x+h, o.y+o.y2+h, o.gray)
			fill(o.x+o.x2-h, o.y-h, o.x+o.x2+h, o.y+o.y2+h, o.gray)
		case opImage:
			drawEmblemPNG(img, image.Rect(px(o.x), px(o.y), px(o.x+o.x2), px(o.y+o.y2)), o.img)
		case opQR:
			n := len(o.qr)
			if n == 0 {
				continue
			}
			// Whole pixels per module (at least two), centred in the
			// QR's square: modules of uneven width defeat decoders.
			mod := max(2, int(o.x2*scale/float64(n)))
			x0 := px(o.x) + (px(o.x2)-mod*n)/2
			y0 := px(o.y) + (px(o.x2)-mod*n)/2
			black := image.NewUniform(color.Gray{0})
			for r, line := range o.qr {
				for c, dark := range line {
					if dark {
						rect := image.Rect(x0+c*mod, y0+r*mod, x0+(c+1)*mod, y0+(r+1)*mod)
						draw.Draw(img, rect, black, image.Point{}, draw.Src)
					}
				}
			}
		}
	}
	return img, nil
}
