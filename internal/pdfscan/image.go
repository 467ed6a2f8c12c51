package pdfscan

import (
	"fmt"
	"image"
)

// image decodes image XObject num once; nil when it is not a greyscale
// Flate image of 1 or 8 bits within the pixel limit. The error is the
// budget's only.
func (w *walker) image(num int, o *object) (*Image, error) {
	if r, ok := w.images[num]; ok {
		return r.img, nil
	}
	r := &imageResult{}
	w.images[num] = r
	d, _ := o.val.(dict)
	f := w.f
	width, height, bpc := f.intOf(d["Width"]), f.intOf(d["Height"]), f.intOf(d["BitsPerComponent"])
	if f.resolve(d["ColorSpace"]) != name("DeviceGray") || (bpc != 1 && bpc != 8) ||
		width <= 0 || height <= 0 || width > 1<<15 || height > 1<<15 || width*height > int64(f.lim.MaxImagePixels) {
		return nil, nil
	}
	predictor := int64(1)
	if parms := f.dictOf(d["DecodeParms"]); parms != nil {
		if p := f.intOf(parms["Predictor"]); p > 0 {
			predictor = p
		}
	} else if a, ok := f.resolve(d["DecodeParms"]).([]value); ok && len(a) == 1 {
		if p := f.intOf(f.dictOf(a[0])["Predictor"]); p > 0 {
			predictor = p
		}
	}
	rowBytes := (width*bpc + 7) / 8
	stride := rowBytes
	if predictor >= 10 {
		stride++
	}
	raw, err := f.inflate(o, stride*height)
	if err != nil {
		if f.pdfErr != nil {
			return nil, f.pdfErr
		}
		return nil, nil
	}
	img, err := decodeGray(raw, int(width), int(height), int(bpc), predictor >= 10)
	if err != nil {
		return nil, nil
	}
	r.img = &Image{Obj: num, Img: img}
	return r.img, nil
}

// decodeGray turns inflated greyscale rows, with a PNG filter byte before
// each row when png, into an image.
func decodeGray(raw []byte, w, h, bpc int, png bool) (*image.Gray, error) {
	rowBytes := (w*bpc + 7) / 8
	stride := rowBytes
	if png {
		stride++
	}
	if len(raw) < stride*h {
		return nil, fmt.Errorf("pdfscan: image data short: %d bytes, want %d", len(raw), stride*h)
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	prev := make([]byte, rowBytes)
	cur := make([]byte, rowBytes)
	for y := range h {
		row := raw[y*stride : (y+1)*stride]
		if png {
			if err := unfilter(row[0], row[1:], prev, cur); err != nil {
				return nil, err
			}
		} else {
			copy(cur, row)
		}
		for x := range w {
			var v uint8
			if bpc == 8 {
				v = cur[x]
			} else if cur[x/8]&(0x80>>(x%8)) != 0 {
				v = 0xff
			}
			img.Pix[y*img.Stride+x] = v
		}
		prev, cur = cur, prev
	}
	return img, nil
}

// unfilter undoes one PNG row filter (bytes per pixel 1, as for 1- and
// 8-bit greyscale) into cur.
func unfilter(ft byte, in, prev, cur []byte) error {
	for i, b := range in {
		var a, c byte
		if i > 0 {
			a, c = cur[i-1], prev[i-1]
		}
		up := prev[i]
		switch ft {
		case 0:
		case 1:
			b += a
		case 2:
			b += up
		case 3:
			b += byte((int(a) + int(up)) / 2)
		case 4:
			b += paeth(a, up, c)
		default:
			return fmt.Errorf("pdfscan: unknown PNG filter %d", ft)
		}
		cur[i] = b
	}
	return nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := iabs(p-int(a)), iabs(p-int(b)), iabs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func iabs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
