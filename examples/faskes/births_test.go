package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

// TestBundlesMapToReports: every generated bundle maps, through
// registry/fhir, onto exactly the JSON report of the same birth, which is
// complete (it passes the full check).
func TestBundlesMapToReports(t *testing.T) {
	b := &births{village: wilayah.MustParseCode("62.08.01.2001"), day: adminduk.MustDate(2026, time.December, 2),
		prefix: "T", kk: "6208011506200003"}
	seen := map[string]bool{}
	for i := range 40 {
		want := b.report(i)
		require.NoError(t, want.Validate(), i)
		assert.False(t, seen[want.Mother.NIK], "mother NIKs differ")
		seen[want.Mother.NIK] = true
		data, err := b.bundle(i)
		require.NoError(t, err)
		got, err := fhir.DecodeBirthBundle(data)
		require.NoError(t, err, i)
		assert.Equal(t, want, got, i)
	}
}
