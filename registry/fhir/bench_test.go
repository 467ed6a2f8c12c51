package fhir_test

import (
	"testing"

	"github.com/adminduk-id/adminduk/registry/fhir"
)

// BenchmarkDecodeBirthBundle maps the full SATUSEHAT-style bundle (14
// resources), the work the FHIR intake adds to a POST.
func BenchmarkDecodeBirthBundle(b *testing.B) {
	data := read(b, "full-bundle.json")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := fhir.DecodeBirthBundle(data); err != nil {
			b.Fatal(err)
		}
	}
}
