package desa_test

import (
	"bufio"
	"os"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookup(t *testing.T) {
	r, ok := desa.Lookup(wilayah.MustParseCode("11.01.01.2001"))
	require.True(t, ok)
	assert.Equal(t, "Keude Bakongan", r.Name)
	assert.True(t, r.Current())
	assert.Equal(t, desa.Desa, desa.KindOf(r.Code))
	assert.Equal(t, "desa", desa.KindOf(r.Code).String())

	_, ok = desa.Lookup(wilayah.MustParseCode("11.01.01.9999"))
	assert.False(t, ok)
	_, ok = desa.Lookup(wilayah.MustParseCode("11.01.01"))
	assert.False(t, ok)
}

func TestChildren(t *testing.T) {
	kec := wilayah.MustParseCode("62.08.01")
	kids := desa.Children(kec)
	require.NotEmpty(t, kids)
	for _, k := range kids {
		assert.Equal(t, kec, k.Code.District())
	}
	assert.Nil(t, desa.Children(wilayah.MustParseCode("62.08")))
}

func TestCountMatchesCSV(t *testing.T) {
	f, err := os.Open("../data/kemendagri-2025-villages.csv")
	require.NoError(t, err)
	defer f.Close()
	lines := 0
	for s := bufio.NewScanner(f); s.Scan(); {
		lines++
	}
	assert.Equal(t, lines-1, desa.Count)
	assert.Equal(t, 83762, desa.Count)
}

func TestSearch(t *testing.T) {
	res := desa.Search("keude bakongan")
	require.NotEmpty(t, res)
	assert.Equal(t, "11.01.01.2001", res[0].Code.String())
	assert.Empty(t, desa.Search(""))
}
