package render

import (
	"fmt"
	"io"
	"testing"

	"github.com/adminduk-id/adminduk/internal/testtool"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
	"github.com/adminduk-id/adminduk/kia"
)

// BenchmarkSignQR is one card's credential: claims, COSE signature, zlib,
// Base45, the QR code (level Q) and its 1-bit PNG as the PDF embeds it.
func BenchmarkSignQR(b *testing.B) {
	c := loadCard(b, "child")
	o, _ := options(b, c)
	b.ReportAllocs()
	for b.Loop() {
		p, err := c.Sign(o.Signer, o.Rules)
		if err != nil {
			b.Fatal(err)
		}
		q, err := qrenc.Encode(p, qrenc.Q)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pdfkit.QRPNG(q.Bitmap(4), pdfkit.QRScale); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignQRGoQRCode is the same with go-qrcode, for comparison.
func BenchmarkSignQRGoQRCode(b *testing.B) {
	c := loadCard(b, "child")
	o, _ := options(b, c)
	b.ReportAllocs()
	for b.Loop() {
		p, err := c.Sign(o.Signer, o.Rules)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := testtool.QRPNG(p, 680); err != nil {
			b.Fatal(err)
		}
	}
}

// batch returns n distinct cards like name (serials and names vary).
func batch(b testing.TB, name string, n int) []*kia.Card {
	base := loadCard(b, name)
	cards := make([]*kia.Card, n)
	for i := range cards {
		c := *base
		nik := base.NIK.String()
		c.NIK = adminduk.MustParseNIK(fmt.Sprintf("%s%04d", nik[:12], 1+i%9999))
		c.Name = base.Name[:min(len(base.Name), 40)] + " " + letters(i)
		cards[i] = &c
	}
	return cards
}

func benchBatch(b *testing.B, name string, layout Layout, workers ...int) {
	const n = 200
	cards := batch(b, name, n)
	o, _ := options(b, cards[0])
	o.Layout = layout
	if len(workers) > 0 {
		o.Workers = workers[0]
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePDF(io.Discard, cards, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "cards/s")
}

// BenchmarkBatchPDF renders 200 newborn cards (no photo) into one PDF.
func BenchmarkBatchPDF(b *testing.B) { benchBatch(b, "newborn", CardLayout) }

// BenchmarkBatchPDFA4 is the same on A4 sheets.
func BenchmarkBatchPDFA4(b *testing.B) { benchBatch(b, "newborn", A4Layout) }

// BenchmarkBatchPDFPhoto renders 200 cards with photos (each decoded,
// cropped, scaled and re-encoded).
func BenchmarkBatchPDFPhoto(b *testing.B) { benchBatch(b, "child", CardLayout) }

// BenchmarkBatchPDFPhotoSequential is BatchPDFPhoto preparing one card at
// a time (Workers 1), as before cards were prepared in parallel.
func BenchmarkBatchPDFPhotoSequential(b *testing.B) { benchBatch(b, "child", CardLayout, 1) }

// BenchmarkBatchPDFSequential is BatchPDF with Workers 1.
func BenchmarkBatchPDFSequential(b *testing.B) { benchBatch(b, "newborn", CardLayout, 1) }

// BenchmarkPNG renders one card with photo as a 300-dpi PNG.
func BenchmarkPNG(b *testing.B) {
	c := loadCard(b, "child")
	o, _ := options(b, c)
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePNG(io.Discard, c, o); err != nil {
			b.Fatal(err)
		}
	}
}

// letters spells i in the letters A-Z: names hold no digits.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('A'+i%26)) + s
		i /= 26
		if i == 0 {
			return s
		}
	}
}
