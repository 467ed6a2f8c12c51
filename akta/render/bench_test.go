package render_test

import (
	"io"
	"testing"

	"github.com/adminduk-id/adminduk/akta/render"
)

// The issue asks for at least 300 akta PDFs per second on one core:
//
//	go test -run XXX -bench . -cpu 1 ./akta/render
func BenchmarkBirthPDF(b *testing.B) {
	r := birth(b)
	o := render.Options{Signer: testSigner}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.WritePDF(io.Discard, r, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkDeathPDF(b *testing.B) {
	r := death(b)
	o := render.Options{Signer: testSigner}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.WritePDF(io.Discard, r, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkFamilyPDF(b *testing.B) {
	f := family(b)
	o := render.Options{Signer: testSigner}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.WritePDF(io.Discard, f, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkBirthPNG(b *testing.B) {
	r := birth(b)
	o := render.Options{Signer: testSigner, DPI: 150}
	b.ReportAllocs()
	for b.Loop() {
		if err := render.WritePNG(io.Discard, r, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCredential(b *testing.B) {
	r := birth(b)
	o := render.Options{Signer: testSigner}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.Credential(r, o); err != nil {
			b.Fatal(err)
		}
	}
}
