package akta_test

import (
	"encoding/json"
	"testing"

	"github.com/adminduk-id/adminduk/akta"
)

func BenchmarkParseNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := akta.ParseNumber("3201-LU-25082023-0001"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNumberString(b *testing.B) {
	n := akta.MustParseNumber("3201-LU-25082023-0001")
	buf := make([]byte, 0, 32)
	b.ReportAllocs()
	for b.Loop() {
		buf = n.AppendTo(buf[:0])
	}
}

func BenchmarkBirthValidate(b *testing.B) {
	birth := sampleBirth(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := birth.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeRecord(b *testing.B) {
	data := readTestdata(b, "birth.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := akta.DecodeRecord(data, akta.DecodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalBirth(b *testing.B) {
	birth := sampleBirth(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(birth); err != nil {
			b.Fatal(err)
		}
	}
}
