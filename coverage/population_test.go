package coverage

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPopulation(t *testing.T) {
	p, ok := PopulationOf(wilayah.MustParseCode("62.08"))
	require.True(t, ok)
	assert.Equal(t, Population{Code: wilayah.MustParseCode("62.08"), Name: "Kabupaten Sukamara", Male: 35146, Female: 32088, Total: 67234}, p)
	p, ok = PopulationOf(wilayah.MustParseCode("36.04"))
	require.True(t, ok)
	assert.Equal(t, int64(1791795), p.Total)
	// A retired Papua code answers for its successor.
	p, ok = PopulationOf(wilayah.MustParseCode("91.01"))
	require.True(t, ok)
	assert.Equal(t, "93.01", p.Code.String())
	_, ok = PopulationOf(wilayah.MustParseCode("62.08.01"))
	assert.False(t, ok)
	assert.Equal(t, int64(284973643), NationalPopulation().Total)
}

// TestPopulationConsistent checks the embedded table with CheckTotal: male
// and female sum to the total, kab/kota to their province, provinces to the
// nation, and every current kab/kota has a figure.
func TestPopulationConsistent(t *testing.T) {
	popOnce.Do(loadPopulation)
	byProv := map[wilayah.Code][]Part{}
	var provs []Part
	for c, p := range popTable {
		_, bad := CheckTotal(c.String(), p.Total, Part{"male", p.Male}, Part{"female", p.Female})
		assert.False(t, bad, c.String())
		if c.Level() == wilayah.LevelRegency {
			byProv[c.Province()] = append(byProv[c.Province()], Part{c.String(), p.Total})
		} else {
			provs = append(provs, Part{c.String(), p.Total})
		}
	}
	assert.Len(t, provs, 38)
	assert.Len(t, popTable, 38+514)
	for prov, parts := range byProv {
		w, bad := CheckTotal(prov.String(), popTable[prov].Total, parts...)
		assert.False(t, bad, w.String())
	}
	w, bad := CheckTotal("Indonesia", NationalPopulation().Total, provs...)
	assert.False(t, bad, w.String())
	for prov := range byProv {
		for _, r := range wilayah.Children(prov) {
			_, ok := popTable[r.Code]
			assert.True(t, ok, r.Code.String())
		}
	}
}
