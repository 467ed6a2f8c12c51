package akta_test

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// sampleBirth returns a fresh, valid birth (testdata/birth.json).
func sampleBirth(t testing.TB) *akta.Birth {
	t.Helper()
	r, err := akta.DecodeRecord(readTestdata(t, "birth.json"), akta.DecodeOptions{})
	require.NoError(t, err)
	return r.(*akta.Birth)
}

// sampleDeath returns a fresh, valid death (testdata/death.json).
func sampleDeath(t testing.TB) *akta.Death {
	t.Helper()
	r, err := akta.DecodeRecord(readTestdata(t, "death.json"), akta.DecodeOptions{})
	require.NoError(t, err)
	return r.(*akta.Death)
}

// sampleFamily returns a fresh, valid family card (testdata/kk.json).
func sampleFamily(t testing.TB) *akta.Family {
	t.Helper()
	f, err := akta.DecodeFamily(readTestdata(t, "kk.json"), akta.DecodeOptions{})
	require.NoError(t, err)
	return f
}

// fieldCodes lists "field:code" of a validation error, for table tests.
func fieldCodes(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var out []string
	for _, f := range ve.Fields {
		out = append(out, string(f.Pointer)+":"+string(f.Code))
	}
	return out
}

func mustCode(s string) wilayah.Code { return wilayah.MustParseCode(s) }
