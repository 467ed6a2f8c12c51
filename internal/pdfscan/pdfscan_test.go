package pdfscan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfscan/pdftest"
)

func gray(w, h int, v uint8) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = v
	}
	return img
}

func objs(p Page) []int {
	var out []int
	for _, im := range p.Images {
		out = append(out, im.Obj)
	}
	return out
}

// page builds a one-page document around a page dictionary body (with %d
// for the parent).
func onePage(d *pdftest.Doc, body string) []byte {
	pages := d.Reserve()
	p := d.Add(fmt.Sprintf(body, pages))
	d.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /MediaBox [0 0 200 200] >>", p))
	return d.Bytes(d.Add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages)))
}

func TestScanOnlyDrawnImages(t *testing.T) {
	var d pdftest.Doc
	hidden := d.AddGray(gray(30, 30, 1))
	listed := d.AddGray(gray(30, 30, 2))
	shown := d.AddGray(gray(30, 30, 3))
	inForm := d.AddGray(gray(30, 30, 4))
	form := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /I %d 0 R >> >>", inForm), []byte("(/L Do) Tj /I Do"))
	content := d.AddStream("/Filter /FlateDecode", pdftest.Flate([]byte("q /S Do Q BT (/L Do) Tj ET\nBI /W 1 /H 1 ID \x00/L Do EI\n/F Do")))
	data := onePage(&d, fmt.Sprintf("<< /Type /Page /Parent %%d 0 R /Contents %d 0 R /Resources << /XObject << /S %d 0 R /L %d 0 R /F %d 0 R >> >> >>", content, shown, listed, form))
	pages, err := Scan(t.Context(), data, Limits{})
	require.NoError(t, err)
	require.Len(t, pages, 1)
	assert.Equal(t, []int{shown, inForm}, objs(pages[0]), "not the hidden %d, nor the listed-but-undrawn %d (names inside strings and inline images are not Do)", hidden, listed)
	assert.Equal(t, uint8(3), pages[0].Images[0].Img.Pix[0])
	w, h := pages[0].Size()
	assert.Equal(t, [2]float64{200, 200}, [2]float64{w, h}, "MediaBox inherited")
}

func TestScanSharedImageDecodedOnce(t *testing.T) {
	var d pdftest.Doc
	im := d.AddGray(gray(40, 40, 9))
	pages := make([][]pdftest.Draw, 50)
	for i := range pages {
		pages[i] = []pdftest.Draw{{Name: "A", Obj: im, S: 10}, {Name: "B", Obj: im, S: 10}}
	}
	got, err := Scan(t.Context(), d.Bytes(d.Pages(100, 100, pages)), Limits{MaxDecompressed: 40*40 + 50*200})
	require.NoError(t, err, "the image counts once against the budget")
	require.Len(t, got, 50)
	for _, p := range got {
		require.Len(t, p.Images, 1, "once a page")
		assert.Same(t, got[0].Images[0].Img, p.Images[0].Img)
	}
}

func TestScanHostile(t *testing.T) {
	cyclic := func() []byte {
		var d pdftest.Doc
		pages := d.Reserve()
		p := d.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 10 10] >>", pages))
		d.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R %d 0 R] >>", p, pages, p))
		return d.Bytes(d.Add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages)))
	}
	deepForms := func() []byte {
		var d pdftest.Doc
		next := d.AddGray(gray(5, 5, 0))
		for range 80 {
			next = d.AddStream(fmt.Sprintf("/Subtype /Form /Resources << /XObject << /X %d 0 R >> >>", next), []byte("/X Do"))
		}
		return d.Bytes(d.Pages(10, 10, [][]pdftest.Draw{{{Name: "X", Obj: next, S: 1}}}))
	}
	selfForm := func() []byte {
		var d pdftest.Doc
		n := d.Reserve()
		d.Set(n, fmt.Sprintf("<< /Subtype /Form /Resources << /XObject << /X %d 0 R >> >> /Length 5 >>\nstream\n/X Do\nendstream", n))
		return d.Bytes(d.Pages(10, 10, [][]pdftest.Draw{{{Name: "X", Obj: n, S: 1}}}))
	}
	hugeBox := func() []byte {
		var d pdftest.Doc
		return d.Bytes(d.Pages(1e9, 10, [][]pdftest.Draw{{}}))
	}
	bigImage := func() []byte {
		var d pdftest.Doc
		im := d.AddStream("/Subtype /Image /Width 10000 /Height 10000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", pdftest.Flate(make([]byte, 1000)))
		return d.Bytes(d.Pages(10, 10, [][]pdftest.Draw{{{Name: "I", Obj: im, S: 1}}}))
	}
	bomb := func() []byte {
		var d pdftest.Doc
		c := d.AddStream("/Filter /FlateDecode", pdftest.Flate(make([]byte, 2<<20)))
		return onePage(&d, fmt.Sprintf("<< /Type /Page /Parent %%d 0 R /Contents [%d 0 R %d 0 R] >>", c, c))
	}
	formBomb := func() []byte { // each form draws the one below twice: 2^30 draws
		var d pdftest.Doc
		next := d.AddGray(gray(5, 5, 0))
		for range 30 {
			next = d.AddStream(fmt.Sprintf("/Subtype /Form /Resources << /XObject << /X %d 0 R /Y %d 0 R >> >>", next, next), []byte("/X Do /Y Do"))
		}
		return d.Bytes(d.Pages(10, 10, [][]pdftest.Draw{{{Name: "X", Obj: next, S: 1}}}))
	}
	tests := []struct {
		name   string
		data   []byte
		want   error // nil: no error
		pages  int
		unread int
	}{
		{"page tree cycle", cyclic(), nil, 1, 0},
		{"forms 80 deep", deepForms(), ErrTooLarge, 0, 0},
		{"form drawing itself", selfForm(), nil, 1, 0},
		{"forms drawing forms twice, 30 deep", formBomb(), ErrTooLarge, 0, 0},
		{"MediaBox of 1e9 points", hugeBox(), ErrBadMediaBox, 0, 0},
		{"image over the pixel limit: not inflated", bigImage(), nil, 1, 1},
		{"content inflating beyond the budget", bomb(), ErrTooLarge, 0, 0},
		{"more objects than the limit", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("1 0 obj [ ( <\n"), maxObjects+1)...), ErrTooLarge, 0, 0},
		{"no catalog", []byte("%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n"), ErrNoPageTree, 0, 0},
		{"not a PDF", []byte("GIF89a"), ErrNotPDF, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Scan(t.Context(), tt.data, Limits{MaxDecompressed: 1 << 20, MaxDepth: 64})
			if tt.want != nil {
				require.ErrorIs(t, err, tt.want)
				return
			}
			require.NoError(t, err)
			require.Len(t, pages, tt.pages)
			assert.Equal(t, tt.unread, pages[0].Unread)
		})
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := Scan(ctx, cyclic(), Limits{})
	require.ErrorIs(t, err, context.Canceled)
}

// FuzzScan: on any input Scan returns, within its limits, without panic;
// an image it returns is one the file names by reference ("N G R") and
// that is an image; its results are the same twice.
func FuzzScan(f *testing.F) {
	var d pdftest.Doc
	hidden := d.AddGray(gray(21, 21, 1))
	shown := d.AddGray(gray(21, 21, 2))
	form := d.AddStream(fmt.Sprintf("/Subtype /Form /Resources << /XObject << /I %d 0 R >> >>", shown), []byte("/I Do"))
	_ = hidden
	f.Add(d.Bytes(d.Pages(100, 100, [][]pdftest.Draw{{{Name: "F", Obj: form, S: 10}}, {{Name: "I", Obj: shown, S: 10}}})))
	var d2 pdftest.Doc
	f.Add(onePage(&d2, "<< /Type /Page /Parent %d 0 R /Contents [4 0 R] /Resources << /XObject << /A 1 0 R >> >> >>"))
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Kids[3 0 R]/MediaBox[0 0 9 9]>>endobj 3 0 obj<</Type/Page>>endobj trailer<</Root 1 0 R>>"))
	lim := Limits{MaxDecompressed: 1 << 20, MaxImagePixels: 1 << 16, MaxDepth: 8, MaxPages: 100}
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := Scan(context.Background(), data, lim)
		if err != nil {
			require.True(t, errors.Is(err, ErrNotPDF) || errors.Is(err, ErrNoPageTree) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrBadMediaBox), "%v", err)
			return
		}
		require.LessOrEqual(t, len(pages), lim.MaxPages)
		for i, p := range pages {
			require.Equal(t, i+1, p.Number)
			w, h := p.Size()
			require.True(t, w >= 1 && h >= 1 && w <= MaxPageSide && h <= MaxPageSide)
			for _, im := range p.Images {
				b := im.Img.Bounds()
				require.LessOrEqual(t, b.Dx()*b.Dy(), lim.MaxImagePixels)
				named := regexp.MustCompile(`(^|[^0-9])` + strconv.Itoa(im.Obj) + `\s+\d+\s+R`)
				require.True(t, named.Match(data), "image %d is named by no reference", im.Obj)
			}
		}
		again, err := Scan(context.Background(), data, lim)
		require.NoError(t, err)
		require.Equal(t, len(pages), len(again))
		for i := range pages {
			require.Equal(t, objs(pages[i]), objs(again[i]))
		}
	})
}
