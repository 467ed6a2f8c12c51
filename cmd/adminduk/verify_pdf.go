package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
)

// pdfQR is a QR code found in a PDF.
type pdfQR struct {
	payload string
	where   string // "object 37" or "page 2"
}

// maxPDFBytes caps the PDF verify reads.
const maxPDFBytes = 1 << 30

// qrFromPDF finds the QR codes of a PDF: first in its embedded greyscale
// images (how this module's renderers and most generators place a QR
// code: exact, fast, no external tool), then, when there is none, on its
// pages rasterised by pdftoppm at 300 dpi. Without all it stops at the
// first code.
func qrFromPDF(ctx context.Context, path string, all bool) ([]pdfQR, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPDFBytes))
	f.Close()
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("--pdf %s: not a PDF file", path)
	}
	var found []pdfQR
	for _, im := range pdfGrayImages(data) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := qrscan.Decode(im.img)
		if err != nil {
			continue
		}
		found = append(found, pdfQR{p, "object " + strconv.Itoa(im.obj)})
		if !all {
			return found, nil
		}
	}
	if len(found) > 0 {
		return found, nil
	}
	return qrFromPages(ctx, path, all)
}

// qrFromPages rasterises the pages of a PDF with pdftoppm, one at a time,
// and decodes the QR code of each.
func qrFromPages(ctx context.Context, path string, all bool) ([]pdfQR, error) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return nil, fmt.Errorf("--pdf %s: no QR image embedded, and pdftoppm (poppler-utils) is not installed to rasterise the pages; install it or pass --image with a scan", path)
	}
	dir, err := os.MkdirTemp("", "adminduk-verify-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var found []pdfQR
	const maxPages = 200
	for page := 1; page <= maxPages; page++ {
		n := strconv.Itoa(page)
		prefix := filepath.Join(dir, "p"+n)
		cmd := exec.CommandContext(ctx, "pdftoppm", "-png", "-r", "300", "-f", n, "-l", n, "-singlefile", path, prefix)
		if out, err := cmd.CombinedOutput(); err != nil {
			if page == 1 {
				return nil, fmt.Errorf("--pdf %s: pdftoppm: %v: %s", path, err, bytes.TrimSpace(out))
			}
			break // past the last page
		}
		b, err := os.ReadFile(prefix + ".png")
		if err != nil {
			break
		}
		os.Remove(prefix + ".png")
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		if p, err := qrscan.Decode(img); err == nil {
			found = append(found, pdfQR{p, "page " + n})
			if !all {
				break
			}
		}
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("--pdf %s: %w", path, errNoQR)
	}
	return found, nil
}

type pdfImage struct {
	obj int
	img *image.Gray
}

var (
	pdfObjStart = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)
	pdfSubImage = regexp.MustCompile(`/Subtype\s*/Image\b`)
	pdfInt      = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + `\s+(\d+)(\s+\d+\s+R)?`) }
	pdfWidth    = pdfInt("Width")
	pdfHeight   = pdfInt("Height")
	pdfBPC      = pdfInt("BitsPerComponent")
	pdfLength   = pdfInt("Length")
	pdfPred     = pdfInt("Predictor")
	pdfGray     = regexp.MustCompile(`/ColorSpace\s*/DeviceGray\b`)
	pdfFlate    = regexp.MustCompile(`/Filter\s*/FlateDecode\b`)
	pdfStream   = regexp.MustCompile(`>>\s*stream\r?\n`)
)

// pdfGrayImages returns the image XObjects of a PDF that are greyscale,
// Flate-compressed, 1 or 8 bits a pixel, with a direct /Length: where QR
// codes live. It reads uncompressed object syntax only (no object
// streams), which is what gopdf and most generators write for images.
func pdfGrayImages(data []byte) []pdfImage {
	var out []pdfImage
	for _, loc := range pdfSubImage.FindAllIndex(data, -1) {
		// The dictionary: from the last "N 0 obj" before the match to
		// the "stream" keyword after it.
		head := data[max(0, loc[0]-4096):loc[0]]
		objs := pdfObjStart.FindAllSubmatchIndex(head, -1)
		if len(objs) == 0 {
			continue
		}
		last := objs[len(objs)-1]
		obj, _ := strconv.Atoi(string(head[last[2]:last[3]]))
		tail := data[loc[1]:min(len(data), loc[1]+4096)]
		st := pdfStream.FindIndex(tail)
		if st == nil {
			continue
		}
		dict := append(append([]byte{}, head[last[1]:]...), tail[:st[0]]...)
		if !pdfGray.Match(dict) || !pdfFlate.Match(dict) {
			continue
		}
		w, h, bpc, n := pdfNum(dict, pdfWidth), pdfNum(dict, pdfHeight), pdfNum(dict, pdfBPC), pdfNum(dict, pdfLength)
		if w <= 0 || h <= 0 || w > 10000 || h > 10000 || (bpc != 1 && bpc != 8) || n <= 0 {
			continue
		}
		start := loc[1] + st[1]
		if start+n > len(data) {
			continue
		}
		img, err := decodeGray(data[start:start+n], w, h, bpc, pdfNum(dict, pdfPred))
		if err != nil {
			continue
		}
		out = append(out, pdfImage{obj, img})
	}
	return out
}

// pdfNum reads a direct integer value of dict; -1 when absent or indirect.
func pdfNum(dict []byte, re *regexp.Regexp) int {
	m := re.FindSubmatch(dict)
	if m == nil || len(m[2]) > 0 {
		return -1
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil {
		return -1
	}
	return n
}

// decodeGray inflates a greyscale image stream and undoes its PNG
// predictors (Predictor 10 to 15: a filter byte before each row).
func decodeGray(stream []byte, w, h, bpc, predictor int) (*image.Gray, error) {
	rowBytes := (w*bpc + 7) / 8
	png := predictor >= 10
	stride := rowBytes
	if png {
		stride++
	}
	zr, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		return nil, err
	}
	raw := make([]byte, stride*h)
	if _, err := io.ReadFull(zr, raw); err != nil {
		return nil, err
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
			return fmt.Errorf("unknown PNG filter %d", ft)
		}
		cur[i] = b
	}
	return nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
