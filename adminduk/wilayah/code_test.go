package wilayah_test

import (
	"encoding/json"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in     string
		dotted string
		level  wilayah.Level
	}{
		{"11", "11", wilayah.LevelProvince},
		{"32.01", "32.01", wilayah.LevelRegency},
		{"3201", "32.01", wilayah.LevelRegency},
		{"32.01.01", "32.01.01", wilayah.LevelDistrict},
		{"320101", "32.01.01", wilayah.LevelDistrict},
		{"32.01.01.2001", "32.01.01.2001", wilayah.LevelVillage},
		{"3201012001", "32.01.01.2001", wilayah.LevelVillage},
		{"96.71.01", "96.71.01", wilayah.LevelDistrict},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := wilayah.ParseCode(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.dotted, c.String())
			assert.Equal(t, tt.level, c.Level())
			again, err := wilayah.ParseCode(c.Plain())
			require.NoError(t, err)
			assert.Equal(t, c, again)
		})
	}
}

func TestParseCodeErrors(t *testing.T) {
	for _, in := range []string{"", "1", "123", "00", "32.00", "32.01.00", "3201010000", "32.01.01.0000",
		"32-01", "32.01.", "32.01.1", "3.201", "32.01.01.", "32..01", " 3201", "3201 ", "32.0a", "٣٢", "３２",
		"32.01.01.2001.1", "32010120011"} {
		t.Run(in, func(t *testing.T) {
			_, err := wilayah.ParseCode(in)
			require.ErrorIs(t, err, wilayah.ErrSyntax)
			var pe *wilayah.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, in, pe.Input)
		})
	}
}

func TestCodeFrom(t *testing.T) {
	assert.Equal(t, "11.01", wilayah.CodeFrom(11, 1, 0, 0).String())
	assert.Equal(t, "11.01.01.2001", wilayah.CodeFrom(11, 1, 1, 2001).String())
	for _, bad := range [][4]int{{0, 1, 1, 0}, {11, 0, 1, 0}, {11, 1, 0, 1}, {100, 1, 1, 0}, {11, 100, 0, 0}, {11, 1, 1, 10000}, {-1, 0, 0, 0}} {
		assert.False(t, wilayah.CodeFrom(bad[0], bad[1], bad[2], bad[3]).IsValid(), "%v", bad)
	}
}

func TestCodeHierarchy(t *testing.T) {
	c := wilayah.MustParseCode("32.01.01.2001")
	assert.Equal(t, "32.01.01", c.Parent().String())
	assert.Equal(t, "32.01.01", c.District().String())
	assert.Equal(t, "32.01", c.Regency().String())
	assert.Equal(t, "32", c.Province().String())
	assert.False(t, c.Province().Parent().IsValid())
	assert.True(t, c.Province().Contains(c))
	assert.False(t, c.Contains(c.Province()))
	assert.False(t, wilayah.MustParseCode("32.02").Contains(c))
	assert.True(t, wilayah.MustParseCode("32.71").IsKota())
	assert.False(t, wilayah.MustParseCode("32.01").IsKota())
	assert.Equal(t, 2001, c.VillageNumber())
	assert.Equal(t, -1, wilayah.MustParseCode("32.01").Compare(wilayah.MustParseCode("32.01.01")))
	assert.Equal(t, 1, wilayah.MustParseCode("32.02").Compare(wilayah.MustParseCode("32.01.99")))
}

func TestCodeText(t *testing.T) {
	type doc struct {
		Region wilayah.Code `json:"region"`
	}
	b, err := json.Marshal(doc{wilayah.MustParseCode("620801")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"region":"62.08.01"}`, string(b))
	var d doc
	require.NoError(t, json.Unmarshal([]byte(`{"region":""}`), &d))
	assert.False(t, d.Region.IsValid())
	require.ErrorIs(t, json.Unmarshal([]byte(`{"region":"62-08"}`), &d), wilayah.ErrSyntax)

	var c wilayah.Code
	require.NoError(t, c.Scan("62.08"))
	v, err := c.Value()
	require.NoError(t, err)
	assert.Equal(t, "62.08", v)
	require.NoError(t, c.Scan(nil))
	v, err = c.Value()
	require.NoError(t, err)
	assert.Nil(t, v)
	assert.Error(t, c.Scan(42))
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"11", "32.01", "320101", "32.01.01.2001", "3201012001", "32.0.", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := wilayah.ParseCode(s)
		if err != nil {
			require.ErrorIs(t, err, wilayah.ErrSyntax)
			return
		}
		// Round trip through both forms, and the input was one of them.
		require.True(t, s == c.String() || s == c.Plain(), "input %q, code %q", s, c)
		for _, form := range []string{c.String(), c.Plain()} {
			again, err := wilayah.ParseCode(form)
			require.NoError(t, err)
			require.Equal(t, c, again)
		}
	})
}
