package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrscan"
	"github.com/adminduk-id/adminduk/internal/pdfscan"
)

// pdfQR is a QR code found in a PDF, or a page that could not be checked
// (payload empty, problem set).
type pdfQR struct {
	payload string
	where   string // "page 2 object 37" or "page 2"
	problem string // why the page was not checked
}

// Bounds of verify on a PDF or image: any input finishes within bounded
// memory, and within --timeout for the pages it rasterises.
const (
	maxInputBytes  = 100 << 20 // a PDF or image file
	maxImagePixels = 24 << 20  // a decoded --image: 24 MP, a phone photo
	maxRasterSide  = 3508      // pixels, the long side of A4 at 300 dpi
	rasterDPI      = 300
	pdftoppmMemKiB = 384 << 10 // address space of a pdftoppm child, KiB
)

// pdfLimits bound pdfscan.
var pdfLimits = pdfscan.Limits{MaxDecompressed: 64 << 20, MaxImagePixels: 4 << 20, MaxDepth: 32, MaxPages: 10000}

// qrFromPDF finds every QR code drawn on the pages of a PDF: in the
// greyscale images the pages draw (exact, fast, no external tool), or, when
// no page draws one, on every page rasterised by pdftoppm until deadline.
// Pages it could not check come back with a problem.
func qrFromPDF(ctx context.Context, path string, deadline time.Time) ([]pdfQR, error) {
	data, err := readInput(path, "--pdf", func(head []byte) bool { return bytes.Contains(head, []byte("%PDF-")) }, "not a PDF file")
	if err != nil {
		return nil, err
	}
	pages, err := pdfscan.Scan(ctx, data, pdfLimits)
	switch {
	case errors.Is(err, pdfscan.ErrNoPageTree):
		pctx, cancel := context.WithDeadline(ctx, deadline)
		n, err := pdfPageCount(pctx, path)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("--pdf %s: the page tree is not readable here (%v), and %w", path, pdfscan.ErrNoPageTree, err)
		}
		pages = make([]pdfscan.Page, n)
		for i := range pages {
			pages[i].Number = i + 1
		}
	case err != nil:
		return nil, fmt.Errorf("--pdf %s: %w", path, err)
	}
	data = nil // the images are decoded; let the file go

	dctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var found []pdfQR
	decoded := map[int]string{} // object -> text, "" when no code
	var raster []int
	for _, p := range pages {
		n, late := len(found), false
		for _, im := range p.Images {
			text, seen := decoded[im.Obj]
			if !seen {
				var err error
				text, err = qrscan.DecodeContext(dctx, im.Img)
				if dctx.Err() != nil && err != nil {
					late = true
					break
				}
				decoded[im.Obj] = text
			}
			if text != "" {
				found = append(found, pdfQR{payload: text, where: fmt.Sprintf("page %d object %d", p.Number, im.Obj)})
			}
		}
		switch {
		case late:
			found = append(found, pdfQR{where: fmt.Sprintf("page %d", p.Number), problem: "not read: the --timeout ran out first"})
		case len(found) == n:
			raster = append(raster, p.Number)
		}
	}
	if len(found) > 0 {
		// A document that carries its codes as greyscale images (every
		// renderer of this module, most generators) is not rasterised:
		// its other pages (card backs, text) would cost seconds each.
		raster = nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(raster) > 0 {
		more, err := qrFromPages(dctx, path, pages, raster)
		if err != nil && len(found) == 0 {
			return nil, err
		}
		found = append(found, more...)
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("--pdf %s: %w on its %d pages", path, errNoQR, len(pages))
	}
	return found, nil
}

// qrFromPages rasterises the given pages with pdftoppm, one at a time, and
// decodes the QR code of each. A page that cannot be rasterised, or is not
// reached before ctx ends, comes back with a problem; it never ends the
// scan silently.
func qrFromPages(ctx context.Context, path string, pages []pdfscan.Page, which []int) ([]pdfQR, error) {
	unchecked := func(from int, why string) []pdfQR {
		var out []pdfQR
		for _, n := range which[from:] {
			out = append(out, pdfQR{where: "page " + strconv.Itoa(n), problem: why})
		}
		return out
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return unchecked(0, "no QR image embedded, and pdftoppm (poppler-utils) is not installed to rasterise the page"),
			fmt.Errorf("--pdf %s: no QR image embedded, and pdftoppm (poppler-utils) is not installed to rasterise the pages; install it or pass --image with a scan", path)
	}
	dir, err := os.MkdirTemp("", "adminduk-verify-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var found []pdfQR
	for i, n := range which {
		if ctx.Err() != nil {
			return append(found, unchecked(i, "not rasterised: the --timeout ran out first")...), nil
		}
		img, err := rasterPage(ctx, path, pages[n-1], dir)
		if err != nil {
			if ctx.Err() != nil {
				return append(found, unchecked(i, "not rasterised: the --timeout ran out first")...), nil
			}
			found = append(found, pdfQR{where: "page " + strconv.Itoa(n), problem: err.Error()})
			continue
		}
		p, err := qrscan.DecodeContext(ctx, img)
		switch {
		case err == nil:
			found = append(found, pdfQR{payload: p, where: "page " + strconv.Itoa(n)})
		case ctx.Err() != nil:
			return append(found, unchecked(i, "not read: the --timeout ran out first")...), nil
		}
	}
	return found, nil
}

// rasterPage renders one page in greyscale at 300 dpi, or smaller so that
// its long side is at most maxRasterSide pixels.
func rasterPage(ctx context.Context, path string, p pdfscan.Page, dir string) (image.Image, error) {
	n := strconv.Itoa(p.Number)
	prefix := filepath.Join(dir, "p"+n)
	args := []string{"-gray", "-png", "-f", n, "-l", n, "-singlefile"}
	if w, h := p.Size(); w > 0 && h > 0 {
		dpi := min(float64(rasterDPI), maxRasterSide*72/max(w, h))
		args = append(args, "-r", strconv.FormatFloat(max(dpi, 1), 'f', 2, 64))
	} else {
		args = append(args, "-scale-to", strconv.Itoa(maxRasterSide))
	}
	args = append(args, path, prefix)
	cmd := boundedCommand(ctx, "pdftoppm", args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm could not rasterise the page: %v: %s", err, firstLine(out))
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		return nil, fmt.Errorf("pdftoppm wrote no image")
	}
	defer os.Remove(prefix + ".png")
	defer f.Close()
	return decodeBounded(f)
}

// boundedCommand runs name with the address space capped (unix, through
// sh's ulimit) and killed when ctx ends.
func boundedCommand(ctx context.Context, name string, args ...string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		return exec.CommandContext(ctx, name, args...)
	}
	script := "ulimit -v " + strconv.Itoa(pdftoppmMemKiB) + " 2>/dev/null; exec \"$0\" \"$@\""
	return exec.CommandContext(ctx, "sh", append([]string{"-c", script, name}, args...)...)
}

var pdfinfoPages = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pdfPageCount asks pdfinfo for the number of pages.
func pdfPageCount(ctx context.Context, path string) (int, error) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		return 0, errors.New("pdfinfo (poppler-utils) is not installed to count its pages")
	}
	out, err := boundedCommand(ctx, "pdfinfo", path).Output()
	m := pdfinfoPages.FindSubmatch(out)
	if err != nil || m == nil {
		return 0, fmt.Errorf("pdfinfo cannot read it")
	}
	n, err := strconv.Atoi(string(m[1]))
	if err != nil || n <= 0 || n > pdfLimits.MaxPages {
		return 0, fmt.Errorf("pdfinfo counts %s pages", m[1])
	}
	return n, nil
}

func firstLine(b []byte) string {
	b = bytes.TrimSpace(b)
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// readInput reads a file of at most maxInputBytes whose first bytes pass
// isType, checking the size and header before reading the rest.
func readInput(path, flag string, isType func(head []byte) bool, notType string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", flag, path, unwrapPath(err))
	}
	defer f.Close()
	head := make([]byte, 1024)
	k, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s %s: %w", flag, path, unwrapPath(err))
	}
	if !isType(head[:k]) {
		return nil, fmt.Errorf("%s %s: %s", flag, path, notType)
	}
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	if size > maxInputBytes {
		return nil, fmt.Errorf("%s %s: %d MB is more than the %d MB verify reads", flag, path, size>>20, maxInputBytes>>20)
	}
	if size >= int64(k) {
		// A regular file: exactly its size, read once.
		data := make([]byte, size)
		copy(data, head[:k])
		if _, err := io.ReadFull(f, data[k:]); err != nil {
			return nil, fmt.Errorf("%s %s: %w", flag, path, unwrapPath(err))
		}
		return data, nil
	}
	var buf bytes.Buffer
	buf.Write(head[:k])
	if _, err := buf.ReadFrom(io.LimitReader(f, maxInputBytes+1-int64(k))); err != nil {
		return nil, fmt.Errorf("%s %s: %w", flag, path, unwrapPath(err))
	}
	if buf.Len() > maxInputBytes {
		return nil, fmt.Errorf("%s %s: more than the %d MB verify reads", flag, path, maxInputBytes>>20)
	}
	return buf.Bytes(), nil
}

// decodeBounded decodes a PNG or JPEG of at most maxImagePixels, checked
// with DecodeConfig before any pixel is decoded.
func decodeBounded(r io.ReadSeeker) (image.Image, error) {
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return nil, fmt.Errorf("not a readable PNG or JPEG image")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxImagePixels {
		return nil, fmt.Errorf("%dx%d pixels is more than the %d million pixels verify decodes", cfg.Width, cfg.Height, maxImagePixels>>20)
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(r)
	if err != nil {
		return nil, fmt.Errorf("damaged %s image", format)
	}
	return img, nil
}

var _ = png.Decode // PNG is registered for decodeBounded
