package render

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
	"sync"

	"github.com/signintech/gopdf"
)

var (
	containerOnce sync.Once
	container     *gopdf.FontContainer
	containerErr  error
)

// fontContainer parses the Go fonts for gopdf once; every document takes
// its own subset of them.
func fontContainer() (*gopdf.FontContainer, error) {
	containerOnce.Do(func() {
		if containerErr = loadFonts(); containerErr != nil {
			return
		}
		c := &gopdf.FontContainer{}
		for i, data := range fontTTF {
			opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
			if err := c.AddTTFFontDataWithOption(fontNames[i], data, opt); err != nil {
				containerErr = err
				return
			}
		}
		container = c
	})
	return container, containerErr
}

// writePDF writes d with gopdf. The output depends only on d: no clock,
// no random identifiers.
func writePDF(w io.Writer, d *doc) error {
	c, err := fontContainer()
	if err != nil {
		return err
	}
	pdf := &gopdf.GoPdf{}
	first := d.pages[0]
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: first.w, H: first.h}, Unit: gopdf.UnitPT})
	pdf.SetCompressLevel(zlib.BestSpeed)
	pdf.SetInfo(gopdf.PdfInfo{Title: d.title, Creator: "adminduk", Producer: "adminduk (gopdf)"})
	var used [numFonts]bool
	for _, p := range d.pages {
		for i := range p.ops {
			if p.ops[i].kind == opText {
				used[p.ops[i].font] = true
			}
		}
	}
	for i, u := range used {
		if u {
			if err := pdf.AddTTFFontFromFontContainer(fontNames[i], c); err != nil {
				return err
			}
		}
	}
	for _, p := range d.pages {
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		if err := drawPDF(pdf, p); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := pdf.WriteTo(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func drawPDF(pdf *gopdf.GoPdf, p *page) error {
	curFont, curSize, curGray := fontID(255), 0.0, -1
	for i := range p.ops {
		o := &p.ops[i]
		switch o.kind {
		case opText:
			if o.font != curFont || o.size != curSize {
				if err := pdf.SetFont(fontNames[o.font], "", o.size); err != nil {
					return err
				}
				curFont, curSize = o.font, o.size
			}
			if int(o.gray) != curGray {
				pdf.SetTextColor(o.gray, o.gray, o.gray)
				curGray = int(o.gray)
			}
			pdf.SetXY(o.x, o.y)
			if err := pdf.Text(o.text); err != nil {
				return err
			}
		case opLine:
			pdf.SetLineWidth(o.size)
			pdf.SetStrokeColor(o.gray, o.gray, o.gray)
			pdf.Line(o.x, o.y, o.x2, o.y2)
		case opRect:
			if o.fill {
				pdf.SetFillColor(o.gray, o.gray, o.gray)
				pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "F")
			} else {
				pdf.SetLineWidth(o.size)
				pdf.SetStrokeColor(o.gray, o.gray, o.gray)
				pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "D")
			}
		case opQR:
			if err := drawQRPDF(pdf, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// qrScale is the number of image pixels per QR module. Viewers smooth an
// image they enlarge (poppler below four times), which blurs a
// one-pixel-per-module QR on screen; at four pixels a module is half a
// byte of a 1-bit image, sharp enough on screen and in print.
const qrScale = 4

// zlibWriters reuses compressors: allocating one costs more than running
// it on a QR image.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// drawQRPDF places the QR as a 1-bit image, far cheaper than a rectangle
// per run of dark modules.
func drawQRPDF(pdf *gopdf.GoPdf, o *op) error {
	data, err := qrPNG(o.qr)
	if err != nil {
		return err
	}
	h, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return err
	}
	return pdf.ImageByHolder(h, o.x, o.y, &gopdf.Rect{W: o.x2, H: o.x2})
}

// qrPNG writes the modules as a 1-bit greyscale PNG, qrScale pixels per
// module, dark 0. The first pixel row of a module row is written in full
// and the others with the "up" filter, as zeros.
func qrPNG(m [][]bool) ([]byte, error) {
	n := len(m)
	side := n * qrScale
	stride := (side + 7) / 8
	var z bytes.Buffer
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	zw.Reset(&z)
	full := make([]byte, 1+stride) // filter 0 (none), then the pixels
	same := make([]byte, 1+stride) // filter 2 (up): all zero
	same[0] = 2
	for _, row := range m {
		clear(full[1:])
		for x, dark := range row {
			if !dark {
				for k := x * qrScale; k < (x+1)*qrScale; k++ {
					full[1+k/8] |= 0x80 >> uint(k%8)
				}
			}
		}
		if _, err := zw.Write(full); err != nil {
			return nil, err
		}
		for range qrScale - 1 {
			if _, err := zw.Write(same); err != nil {
				return nil, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	out := make([]byte, 0, z.Len()+64)
	out = append(out, "\x89PNG\r\n\x1a\n"...)
	chunk := func(typ string, data []byte) {
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		start := len(out)
		out = append(out, typ...)
		out = append(out, data...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(side))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(side))
	ihdr[8] = 1 // bit depth 1; colour type 0 (grey), no interlace
	chunk("IHDR", ihdr[:])
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out, nil
}
