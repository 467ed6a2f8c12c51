package pdfkit

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"sync"

	"github.com/signintech/gopdf"
)

// ErrQR is returned for an empty or ragged QR bitmap or a bad scale.
var ErrQR = errors.New("pdfkit: invalid QR bitmap")

// zlibWriters reuses compressors: allocating one costs more than
// compressing a QR image.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// QRPNG draws a QR bitmap (rows of modules, true for dark, quiet zone
// included) as a 1-bit greyscale PNG with scale pixels per module. Eight
// pixels per module make each module one byte, cheap to write, and large
// enough that viewers do not blur it when they scale it up for the screen.
func QRPNG(bitmap [][]bool, scale int) ([]byte, error) {
	n := len(bitmap)
	if n == 0 || scale < 1 || scale > 64 {
		return nil, ErrQR
	}
	for _, row := range bitmap {
		if len(row) != n {
			return nil, ErrQR
		}
	}
	px := n * scale
	var z bytes.Buffer
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	zw.Reset(&z)
	line := make([]byte, 1+(px+7)/8) // filter byte 0 (none), then the bits
	// The rows repeating the one above are written with the Up filter:
	// all zeros, which deflate takes in long cheap runs.
	up := make([]byte, len(line))
	up[0] = 2
	for _, row := range bitmap {
		packRow(line[1:], row, scale)
		if _, err := zw.Write(line); err != nil {
			return nil, err
		}
		for range scale - 1 {
			if _, err := zw.Write(up); err != nil {
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
	binary.BigEndian.PutUint32(ihdr[0:], uint32(px))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(px))
	ihdr[8] = 1 // bit depth 1; colour type 0 (grey), deflate, no filter, no interlace
	chunk("IHDR", ihdr[:])
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out, nil
}

// QRScale is the number of image pixels per module PlaceQR uses.
const QRScale = 8

// PlaceQR draws a QR bitmap (quiet zone included) on the current page of
// pdf as an image size points square with its top-left corner at x, y.
func PlaceQR(pdf *gopdf.GoPdf, bitmap [][]bool, x, y, size float64) error {
	data, err := QRPNG(bitmap, QRScale)
	if err != nil {
		return err
	}
	h, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return err
	}
	return pdf.ImageByHolder(h, x, y, &gopdf.Rect{W: size, H: size})
}

// QRModule is a QR module size in points that falls on whole device pixels
// at 75, 150, 300 and 600 dpi (one, two, four and eight pixels): a code
// drawn with it at a position on the same grid (see SnapQR) rasterises
// sharp, which decoders reading a rasterised PDF need. 0.96 pt is 0.34 mm.
const QRModule = 0.96

// SmallQRModule is the next smaller module on the 300 and 600 dpi grids
// (three and six pixels), for a code too large for the space at QRModule.
const SmallQRModule = 0.72

// SnapQR rounds a page coordinate to the grid of QRModule.
func SnapQR(v float64) float64 { return math.Round(v/QRModule) * QRModule }

// packRow writes a row of modules as 1-bit pixels, scale pixels a module,
// light 1; whole bytes at a time when a module fills bytes.
func packRow(dst []byte, row []bool, scale int) {
	if scale%8 == 0 {
		n := scale / 8
		for i, dark := range row {
			v := byte(0xff)
			if dark {
				v = 0
			}
			for j := range n {
				dst[i*n+j] = v
			}
		}
		return
	}
	clear(dst)
	x := 0
	for _, dark := range row {
		if !dark {
			for end := x + scale; x < end; x++ {
				dst[x>>3] |= 0x80 >> (x & 7)
			}
			continue
		}
		x += scale
	}
}
