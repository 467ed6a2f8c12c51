package adminduk_test

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
)

var sinkNIK adminduk.NIK

func BenchmarkParseNIK(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkNIK, _ = adminduk.ParseNIK("3201014512230001")
	}
}

func BenchmarkParserParseNIK(b *testing.B) {
	p := adminduk.NewParser(adminduk.Options{AsOf: adminduk.MustDate(2026, 11, 22)})
	b.ReportAllocs()
	for b.Loop() {
		sinkNIK, _ = p.ParseNIK("3201014512230001")
	}
}
