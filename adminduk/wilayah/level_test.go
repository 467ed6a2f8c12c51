package wilayah_test

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]wilayah.Level{
		"province": wilayah.LevelProvince, "Provinsi": wilayah.LevelProvince, "2": wilayah.LevelProvince,
		"regency": wilayah.LevelRegency, "kab/kota": wilayah.LevelRegency, "kabkota": wilayah.LevelRegency, " KOTA ": wilayah.LevelRegency,
		"kabupaten/kota": wilayah.LevelRegency, "district": wilayah.LevelDistrict, "kecamatan": wilayah.LevelDistrict,
		"village": wilayah.LevelVillage, "desa/kelurahan": wilayah.LevelVillage, "10": wilayah.LevelVillage,
	} {
		got, err := wilayah.ParseLevel(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "total", "3", "negara"} {
		_, err := wilayah.ParseLevel(bad)
		assert.ErrorIs(t, err, wilayah.ErrUnknownLevel, bad)
		var le *wilayah.LevelError
		assert.ErrorAs(t, err, &le, bad)
	}
}

func TestLevelKeyRoundTrip(t *testing.T) {
	for l := wilayah.LevelProvince; l <= wilayah.LevelVillage; l++ {
		assert.True(t, l.IsValid())
		got, err := wilayah.ParseLevel(l.Key())
		require.NoError(t, err)
		assert.Equal(t, l, got)
		got, err = wilayah.ParseLevel(l.String()) // the Indonesian name too
		require.NoError(t, err)
		assert.Equal(t, l, got)
	}
	assert.False(t, wilayah.Level(0).IsValid())
	assert.Equal(t, "", wilayah.Level(9).Key())
	assert.Equal(t, "Level(9)", wilayah.Level(9).String())
}

func TestCodeAppendText(t *testing.T) {
	b, err := wilayah.MustParseCode("32.01.01.2001").AppendText([]byte("x="))
	require.NoError(t, err)
	assert.Equal(t, "x=32.01.01.2001", string(b))
	b, err = wilayah.Code{}.AppendText(nil)
	require.NoError(t, err)
	assert.Empty(t, b)
}
