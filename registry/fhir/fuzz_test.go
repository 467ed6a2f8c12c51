package fhir_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
)

// FuzzDecodeBirthBundle: any input decodes without panic to a report or a
// typed error; a decoded report re-encodes to JSON that decodes (strictly)
// to the same report and re-encodes to the same bytes, and decoding is
// deterministic.
func FuzzDecodeBirthBundle(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","identifier":[{"system":"https://fhir.kemkes.go.id/id/nik-ibu","value":"1"}]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := fhir.DecodeBirthBundle(data)
		if err != nil {
			assert.Nil(t, r)
			return
		}
		enc, err := json.Marshal(r)
		require.NoError(t, err)
		back, err := registry.DecodeBirthReport(bytes.NewReader(enc))
		require.NoError(t, err)
		require.Equal(t, r, back)
		enc2, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, enc, enc2)
		again, err := fhir.DecodeBirthBundle(data)
		require.NoError(t, err)
		require.Equal(t, r, again)
	})
}
