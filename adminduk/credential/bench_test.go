package credential

import (
	"encoding/json"
	"github.com/adminduk-id/adminduk/internal/testtool"
	"testing"
)

func BenchmarkSign(b *testing.B) {
	s, _ := setup(b)
	c := kiaClaims()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Sign(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	s, keys := setup(b)
	p := sign(b, s, kiaClaims())
	b.ReportAllocs()
	for b.Loop() {
		if r := Verify(p, keys, issued); r.Status != StatusValid {
			b.Fatal(r.Err)
		}
	}
}

// BenchmarkVerifyTampered measures the cost of a rejected credential: a
// flipped signature byte, so the full signature check runs.
func BenchmarkVerifyTampered(b *testing.B) {
	s, keys := setup(b)
	msg := coseBytes(b, sign(b, s, kiaClaims()))
	msg[len(msg)-1] ^= 1
	p := recode(b, msg)
	b.ReportAllocs()
	for b.Loop() {
		if r := Verify(p, keys, issued); r.Status != StatusInvalidSignature {
			b.Fatal(r.Err)
		}
	}
}

func BenchmarkSignAndQRPNG(b *testing.B) {
	s, _ := setup(b)
	c := kiaClaims()
	b.ReportAllocs()
	for b.Loop() {
		p, err := s.Sign(c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := testtool.QRPNG(p, 300); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeQR(b *testing.B) {
	s, _ := setup(b)
	img, err := testtool.QRImage(sign(b, s, kiaClaims()), 300)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := testtool.DecodeQR(img); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKeySetUnmarshalJSON(b *testing.B) {
	_, keys := setup(b)
	doc, err := json.Marshal(keys)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var ks KeySet
		if err := json.Unmarshal(doc, &ks); err != nil {
			b.Fatal(err)
		}
	}
}
