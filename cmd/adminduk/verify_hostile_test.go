package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
	"github.com/adminduk-id/adminduk/internal/pdfscan/pdftest"
	"github.com/adminduk-id/adminduk/internal/testtool"
)

// qrImage draws text as a QR code, 4 pixels a module, in greyscale.
func qrImage(t *testing.T, text string) *image.Gray {
	t.Helper()
	c, err := qrenc.Encode(text, qrenc.Q)
	require.NoError(t, err)
	bm := c.Bitmap(4)
	const scale = 4
	img := image.NewGray(image.Rect(0, 0, len(bm)*scale, len(bm)*scale))
	for y, row := range bm {
		for x, dark := range row {
			v := uint8(0xff)
			if dark {
				v = 0
			}
			for dy := range scale {
				for dx := range scale {
					img.Pix[(y*scale+dy)*img.Stride+x*scale+dx] = v
				}
			}
		}
	}
	return img
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(f, data, 0o600))
	return f
}

// twoKeys returns a trusted key set with a genuine akta, and an akta
// signed by a key the set does not hold.
func twoKeys(t *testing.T) (jwks, genuine, forged string) {
	t.Helper()
	key, jwks := keygen(t, t.TempDir(), "ID-6208")
	other, _ := keygen(t, t.TempDir(), "ID-6208")
	return jwks, signedAkta(t, key), signedAkta(t, other)
}

// TestVerifyPDFOnlyWhatPagesDraw: a page showing a forged card, with a
// genuine card's QR image hidden in an object no page draws, is not valid.
func TestVerifyPDFOnlyWhatPagesDraw(t *testing.T) {
	jwks, genuine, forged := twoKeys(t)
	for name, hide := range map[string]func(d *pdftest.Doc, obj int) string{
		"unreferenced object": func(d *pdftest.Doc, obj int) string { return "" },
		"in the page resources, never drawn": func(d *pdftest.Doc, obj int) string {
			return fmt.Sprintf("/Hidden %d 0 R", obj)
		},
	} {
		t.Run(name, func(t *testing.T) {
			var d pdftest.Doc
			hidden := d.AddGray(qrImage(t, genuine)) // first in the file
			shown := d.AddGray(qrImage(t, forged))
			extra := hide(&d, hidden)
			content := d.AddStream("", []byte("q 200 0 0 200 50 50 cm /Card Do Q"))
			pages := d.Reserve()
			page := d.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R /Resources << /XObject << /Card %d 0 R %s >> >> >>", pages, content, shown, extra))
			d.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 /MediaBox [0 0 300 300] >>", page))
			file := writeTemp(t, "forged.pdf", d.Bytes(d.Add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))))
			code, res := verifyOut(t, "", "--jwks", jwks, "--pdf", file)
			assert.Equal(t, 1, code)
			require.Len(t, res, 1)
			assert.Equal(t, "unknown_key", res[0]["status"])
			assert.Contains(t, res[0]["source"], fmt.Sprintf("page 1 object %d", shown))
		})
	}
}

// TestVerifyPDFReportsEveryCode: one valid and one unknown-key code are
// both reported, and the exit status is not 0; a code drawn through a
// Form XObject counts.
func TestVerifyPDFReportsEveryCode(t *testing.T) {
	jwks, genuine, forged := twoKeys(t)
	var d pdftest.Doc
	good := d.AddGray(qrImage(t, genuine))
	bad := d.AddGray(qrImage(t, forged))
	form := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Q %d 0 R >> >>", bad), []byte("/Q Do"))
	cat := d.Pages(300, 300, [][]pdftest.Draw{{{Name: "A", Obj: good, X: 10, Y: 10, S: 120}, {Name: "F", Obj: form, X: 150, Y: 150, S: 120}}})
	file := writeTemp(t, "two.pdf", d.Bytes(cat))
	code, res := verifyOut(t, "", "--jwks", jwks, "--pdf", file)
	assert.Equal(t, 1, code)
	require.Len(t, res, 2)
	assert.Equal(t, "valid", res[0]["status"])
	assert.Equal(t, "unknown_key", res[1]["status"])

	// Both genuine: exit 0, both reported.
	var d2 pdftest.Doc
	good = d2.AddGray(qrImage(t, genuine))
	cat = d2.Pages(300, 300, [][]pdftest.Draw{{{Name: "A", Obj: good, X: 10, Y: 10, S: 120}}, {{Name: "A", Obj: good, X: 10, Y: 10, S: 120}}})
	code, res = verifyOut(t, "", "--jwks", jwks, "--pdf", writeTemp(t, "ok.pdf", d2.Bytes(cat)))
	assert.Equal(t, 0, code)
	require.Len(t, res, 2)
	assert.Contains(t, res[1]["source"], "page 2")
}

// TestVerifyPDFPastPage200: every page of a long batch is checked (--all
// stopped at 200).
func TestVerifyPDFPastPage200(t *testing.T) {
	jwks, genuine, _ := twoKeys(t)
	var d pdftest.Doc
	good := d.AddGray(qrImage(t, genuine))
	pages := make([][]pdftest.Draw, 205)
	for i := range pages {
		pages[i] = []pdftest.Draw{{Name: "A", Obj: good, X: 4, Y: 4, S: 60}}
	}
	cat := d.Pages(72, 72, pages)
	code, res := verifyOut(t, "", "--jwks", jwks, "--all", "--pdf", writeTemp(t, "batch.pdf", d.Bytes(cat)))
	assert.Equal(t, 0, code)
	require.Len(t, res, 205)
	assert.Contains(t, res[204]["source"], "page 205")
}

// TestVerifyPDFUncheckedPages: pages that are not rasterised in time are
// reported as not_checked, and the exit status is 1.
func TestVerifyPDFUncheckedPages(t *testing.T) {
	testtool.Require(t, "pdftoppm")
	jwks, _, _ := twoKeys(t)
	var d pdftest.Doc
	cat := d.Pages(72, 72, [][]pdftest.Draw{{}, {}, {}})
	code, res := verifyOut(t, "", "--jwks", jwks, "--timeout", "1ns", "--pdf", writeTemp(t, "blank.pdf", d.Bytes(cat)))
	assert.Equal(t, 1, code)
	require.Len(t, res, 3)
	for i, r := range res {
		assert.Equal(t, "not_checked", r["status"])
		assert.Contains(t, r["source"], fmt.Sprintf("page %d", i+1))
		assert.Contains(t, r["error"], "--timeout")
	}
}

// TestVerifyHostileInputs: the shapes that exhausted memory or time are
// refused with a reason (exit 1) or bounded.
func TestVerifyHostileInputs(t *testing.T) {
	jwks, _, _ := twoKeys(t)
	dir := t.TempDir()

	// A 331-byte-class PDF with a huge MediaBox.
	var d pdftest.Doc
	cat := d.Pages(1e9, 1e9, [][]pdftest.Draw{{}})
	huge := writeTemp(t, "huge-box.pdf", d.Bytes(cat))

	// One huge image stream (1e8 pixels, about 100 KB compressed) drawn
	// by 500 pages.
	var d2 pdftest.Doc
	big := d2.AddStream("/Type /XObject /Subtype /Image /Width 10000 /Height 10000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
		pdftest.Flate(make([]byte, 10000*10000)))
	many := make([][]pdftest.Draw, 500)
	for i := range many {
		many[i] = []pdftest.Draw{{Name: "B", Obj: big, S: 72}}
	}
	shared := writeTemp(t, "shared.pdf", d2.Bytes(d2.Pages(72, 72, many)))

	// A content stream that inflates beyond the budget.
	var d3 pdftest.Doc
	bomb := d3.AddStream("/Filter /FlateDecode", pdftest.Flate(make([]byte, 80<<20)))
	pagesObj := d3.Reserve()
	page := d3.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R /MediaBox [0 0 72 72] >>", pagesObj, bomb))
	d3.Set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	zip := writeTemp(t, "bomb.pdf", d3.Bytes(d3.Add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj))))

	// A PNG claiming 10240 x 10240 pixels.
	bigPNG := writeTemp(t, "big.png", pngHeader(10240, 10240))

	// Files over 100 MB (sparse), one not a PDF at all.
	sparse := func(name, head string) string {
		f := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(f, []byte(head), 0o600))
		require.NoError(t, os.Truncate(f, 1<<30))
		return f
	}
	notPDF := sparse("zeros.pdf", "")
	bigPDF := sparse("big.pdf", "%PDF-1.4\n")

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"huge MediaBox", []string{"--pdf", huge}, "implausible page size"},
		{"deflate bomb in a content stream", []string{"--pdf", zip}, "decompressed"},
		{"PNG of 10240 x 10240", []string{"--image", bigPNG}, "10240x10240 pixels is more than"},
		{"1 GB of zeros as --pdf", []string{"--pdf", notPDF}, "not a PDF"},
		{"1 GB PDF", []string{"--pdf", bigPDF}, "more than the 100 MB"},
		{"1 GB of zeros as --image", []string{"--image", notPDF}, "not a PNG or JPEG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", append([]string{"verify", "--jwks", jwks}, tt.args...)...)
			assert.Equal(t, 1, code, "%s%s", out, errOut)
			assert.Contains(t, errOut, tt.want)
		})
	}
	t.Run("one huge image drawn by 500 pages", func(t *testing.T) {
		// The image is over the pixel limit: never inflated; the pages go
		// to pdftoppm, within --timeout; whatever is not reached is listed.
		testtool.Require(t, "pdftoppm")
		code, out, errOut := runCLI(t, "", "verify", "--jwks", jwks, "--timeout", "2s", "--pdf", shared)
		assert.Equal(t, 1, code)
		if strings.TrimSpace(out) != "" {
			assert.Contains(t, out, `"not_checked"`)
		} else {
			assert.Contains(t, errOut, "no QR code")
		}
	})
}

// pngHeader returns the start of a PNG of w x h greyscale pixels: enough
// for DecodeConfig, not for Decode.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	return b.Bytes()
}

// TestWriteHostileFiles writes the hostile shapes to $ADMINDUK_HOSTILE_DIR
// for measuring verify with /usr/bin/time; skipped otherwise.
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("ADMINDUK_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set ADMINDUK_HOSTILE_DIR to write the hostile files")
	}
	write := func(name string, b []byte) { require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644)) }
	var d pdftest.Doc
	write("huge-mediabox.pdf", d.Bytes(d.Pages(1e9, 1e9, [][]pdftest.Draw{{}})))

	var d2 pdftest.Doc
	big := d2.AddStream("/Type /XObject /Subtype /Image /Width 10000 /Height 10000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
		pdftest.Flate(make([]byte, 10000*10000)))
	many := make([][]pdftest.Draw, 300)
	for i := range many {
		many[i] = []pdftest.Draw{{Name: "B", Obj: big, S: 72}}
	}
	write("shared-image.pdf", d2.Bytes(d2.Pages(595, 842, many)))

	// 100 MB: pages each drawing its own 2000x2000 image (at the pixel
	// limit), past the decompression budget.
	var d3 pdftest.Doc
	var pages [][]pdftest.Draw
	noise := make([]byte, 2000*2000)
	for i := range noise {
		noise[i] = byte(i*7919>>3) ^ byte(i>>11)
	}
	for range 60 {
		im := d3.AddStream("/Type /XObject /Subtype /Image /Width 2000 /Height 2000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", pdftest.Flate(noise))
		pages = append(pages, []pdftest.Draw{{Name: "I", Obj: im, S: 500}})
	}
	write("images-100mb.pdf", d3.Bytes(d3.Pages(595, 842, pages)))

	// 100 MB of unclosed arrays in objects.
	write("unclosed-100mb.pdf", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("1 0 obj [ ( <\n"), 100<<20/14)...))
}

// TestVerifyRasterPastPage200: without greyscale QR images, every page is
// rasterised, not the first 200 only: the code on page 203 is found.
func TestVerifyRasterPastPage200(t *testing.T) {
	testtool.Require(t, "pdftoppm")
	if testing.Short() {
		t.Skip("skipping in -short mode: runs pdftoppm 203 times")
	}
	jwks, genuine, _ := twoKeys(t)
	var d pdftest.Doc
	g := qrImage(t, genuine)
	rgb := make([]byte, 0, 3*len(g.Pix))
	for _, v := range g.Pix {
		rgb = append(rgb, v, v, v)
	}
	im := d.AddStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode",
		g.Bounds().Dx(), g.Bounds().Dy()), pdftest.Flate(rgb))
	pages := make([][]pdftest.Draw, 203)
	pages[202] = []pdftest.Draw{{Name: "C", Obj: im, X: 1, Y: 1, S: 70}}
	file := writeTemp(t, "scan.pdf", d.Bytes(d.Pages(72, 72, pages)))
	code, res := verifyOut(t, "", "--jwks", jwks, "--timeout", "5m", "--pdf", file)
	assert.Equal(t, 0, code)
	require.Len(t, res, 1)
	assert.Equal(t, "valid", res[0]["status"])
	assert.Contains(t, res[0]["source"], "page 203")
}
