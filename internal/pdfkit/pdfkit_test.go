package pdfkit

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
)

func TestWidthMatchesGopdf(t *testing.T) {
	pdf := NewPDF(ID1, DocInfo{})
	require.NoError(t, Register(pdf, Regular, Bold, MonoBold))
	pdf.AddPage()
	for _, f := range []Font{Regular, Bold, MonoBold} {
		require.NoError(t, pdf.SetFont(f.Name(), "", 7))
		for _, s := range []string{"KARTU IDENTITAS ANAK", "Muhammad Rizky Ramadhan", "3201014512230001", "Ñoño çà ß"} {
			want, err := pdf.MeasureTextWidth(s)
			require.NoError(t, err)
			assert.InDelta(t, want, Width(f, 7, s), 1e-9, "%s %q", f, s)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SITI AMINAH", "SITI AMINAH"},
		{"  SITI \t\n AMINAH  ", "SITI AMINAH"},
		{"RENÉ\u00a0Ö", "RENÉ Ö"},
		{"A\u2028B", "A B"},
		{"日本", "??"},
		{"bad\xffutf8", "bad?utf8"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Clean(tt.in, Regular, Bold), "%q", tt.in)
	}
}

func TestFitText(t *testing.T) {
	name := "MUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADININGRAT"
	tests := []struct {
		name         string
		text         string
		w, h         float64
		o            FitOptions
		lines        int
		shrunk       bool
		broken       bool
		forced       bool
		wantSizeHigh float64
	}{
		{"fits as is", "SITI", 100, 20, FitOptions{Font: Bold, Size: 7}, 1, false, false, false, 7},
		{"wraps", name, 120, 20, FitOptions{Font: Bold, Size: 7, MinSize: 5, MaxLines: 2}, 2, true, false, false, 7},
		{"one line shrinks", name, 120, 20, FitOptions{Font: Bold, Size: 7, MinSize: 2, MaxLines: 1}, 1, true, false, false, 4},
		{"one line below min", name, 120, 20, FitOptions{Font: Bold, Size: 7, MinSize: 6, MaxLines: 1}, 1, true, false, true, 6},
		{"long word broken", strings.Repeat("W", 60), 60, 30, FitOptions{Font: Bold, Size: 7, MinSize: 5, MaxLines: 3}, 3, true, true, true, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := FitText(tt.text, tt.w, tt.h, tt.o)
			assert.Len(t, b.Lines, tt.lines)
			assert.Equal(t, tt.shrunk, b.Shrunk, "shrunk")
			assert.Equal(t, tt.broken, b.Broken, "broken")
			assert.Equal(t, tt.forced, b.Forced, "forced")
			assert.LessOrEqual(t, b.Size, tt.wantSizeHigh)
			assert.LessOrEqual(t, b.Width(), tt.w+1e-6)
			assert.LessOrEqual(t, b.Height(), tt.h+1e-6)
			assert.Equal(t, strings.ReplaceAll(tt.text, " ", ""), strings.ReplaceAll(strings.Join(b.Lines, ""), " ", ""), "no text lost")
		})
	}
}

// FuzzFitText checks the promise of FitText: whatever the text and the
// box (not absurdly small), the block fits it and keeps every character.
func FuzzFitText(f *testing.F) {
	f.Add("MUHAMMAD RIZKY RAMADHAN", 80.0, 16.0, 7.0, 2)
	f.Add("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", 20.0, 8.0, 9.0, 0)
	f.Add("A", 8.625, 16.0, 97.875, 7) // one letter wider than the box at the preferred size
	f.Fuzz(func(t *testing.T, s string, w, h, size float64, maxLines int) {
		if !(w >= 5 && w < 1000 && h >= 2 && h < 1000 && size > 0 && size < 100) || maxLines < 0 || maxLines > 10 {
			t.Skip()
		}
		s = Clean(s, Bold)
		b := FitText(s, w, h, FitOptions{Font: Bold, Size: size, MaxLines: maxLines})
		if b.Size <= sizeStep {
			return // the documented last resort: too much text for the box
		}
		if b.Width() > w+1e-6 || b.Height() > h+1e-6 {
			t.Fatalf("overflow: %q in %.2fx%.2f: %.2fx%.2f at %.2f", s, w, h, b.Width(), b.Height(), b.Size)
		}
		if maxLines > 0 && len(b.Lines) > maxLines {
			t.Fatalf("%d lines > %d", len(b.Lines), maxLines)
		}
		if strings.ReplaceAll(s, " ", "") != strings.ReplaceAll(strings.Join(b.Lines, ""), " ", "") {
			t.Fatalf("text changed: %q -> %q", s, b.Lines)
		}
	})
}

func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	res, err := zqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	require.NoError(t, err)
	return res.GetText()
}

func TestQRPNG(t *testing.T) {
	text := "6BFOXN*TS0BI$ZDFRH%UB9M0:TK9D$VNZVJ6NGS2 $L UV8NHA%8JR0Z/9:LB"
	c, err := qrenc.Encode(text, qrenc.Q)
	require.NoError(t, err)
	for _, scale := range []int{1, 3, 8} {
		data, err := QRPNG(c.Bitmap(4), scale)
		require.NoError(t, err)
		img, err := png.Decode(bytes.NewReader(data))
		require.NoError(t, err)
		assert.Equal(t, (c.Size+8)*scale, img.Bounds().Dx())
		if scale > 1 {
			assert.Equal(t, text, decodeQR(t, img))
		}
	}
	_, err = QRPNG(nil, 8)
	assert.ErrorIs(t, err, ErrQR)
	_, err = QRPNG([][]bool{{true}, {true, false}}, 8)
	assert.ErrorIs(t, err, ErrQR)
}

func TestRasterQRAndText(t *testing.T) {
	text := "HC1:TEST 123"
	c, err := qrenc.Encode(text, qrenc.Q)
	require.NoError(t, err)
	r := NewRaster(ID1, 300)
	assert.Equal(t, image.Rect(0, 0, 1011, 638), r.Img.Bounds())
	require.NoError(t, r.QR(c.Bitmap(4), MM(5), MM(5), MM(20)))
	require.NoError(t, r.Text(Bold, 8, MM(40), MM(10), "KARTU IDENTITAS ANAK", image.Black.C))
	assert.Equal(t, text, decodeQR(t, r.Img))
	assert.ErrorIs(t, r.QR(c.Bitmap(4), 0, 0, 1), ErrQR)
}

func TestPDFDeterministicAndSized(t *testing.T) {
	build := func() []byte {
		pdf := NewPDF(ID1, DocInfo{Title: "test"})
		require.NoError(t, Register(pdf, Bold, Regular, Bold))
		pdf.AddPage()
		require.NoError(t, pdf.SetFont(Bold.Name(), "", 8))
		pdf.SetXY(10, 20)
		require.NoError(t, pdf.Text("KARTU IDENTITAS ANAK"))
		c, err := qrenc.Encode("ABC", qrenc.Q)
		require.NoError(t, err)
		require.NoError(t, PlaceQR(pdf, c.Bitmap(4), 150, 40, MM(20)))
		CropMarks(pdf, Rect{10, 10, 50, 30}, MarkStyle{})
		var buf bytes.Buffer
		_, err = pdf.WriteTo(&buf)
		require.NoError(t, err)
		return buf.Bytes()
	}
	a, b := build(), build()
	assert.Equal(t, a, b)
	assert.Contains(t, string(a), "/MediaBox [ 0 0 242.65 153.01 ]")
	assert.NotContains(t, string(a), "CreationDate")
}

func TestRegisterUnknownFont(t *testing.T) {
	pdf := NewPDF(A4, DocInfo{})
	assert.ErrorIs(t, Register(pdf, Font(99)), ErrFont)
	assert.Equal(t, "Font(99)", Font(99).Name())
	assert.Zero(t, Width(Font(99), 10, "x"))
}

func BenchmarkFitText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		FitText("MUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADININGRAT", 110, 16, FitOptions{Font: Bold, Size: 7, MinSize: 4.5, MaxLines: 2})
	}
}

func BenchmarkQRPNG(b *testing.B) {
	c, _ := qrenc.Encode(strings.Repeat("ABC123 $%", 45), qrenc.Q)
	bm := c.Bitmap(4)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := QRPNG(bm, QRScale); err != nil {
			b.Fatal(err)
		}
	}
}
