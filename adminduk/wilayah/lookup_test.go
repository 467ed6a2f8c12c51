package wilayah_test

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookupRetiredSuccessors(t *testing.T) {
	tests := []struct {
		code, successor, name string
		latest                wilayah.Edition
	}{
		{"91.01", "93.01", "KAB. MERAUKE", wilayah.Edition2022},    // Papua Selatan, 2022
		{"91.01.01", "93.01.01", "Merauke", wilayah.Edition2022},   // its kecamatan, by name
		{"92.71", "96.71", "KOTA SORONG", wilayah.Edition2023},     // Papua Barat Daya
		{"92.71.01", "96.71.01", "Sorong", wilayah.Edition2023},    // under the parent's successor
		{"91.02", "95.01", "KAB. JAYAWIJAYA", wilayah.Edition2022}, // Papua Pegunungan
		{"91.04", "94.01", "KAB. NABIRE", wilayah.Edition2022},     // Papua Tengah
		{"91.12", "95.02", "KAB. PEGUNUNGAN BINTANG", wilayah.Edition2022},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r, ok := wilayah.Lookup(wilayah.MustParseCode(tt.code))
			require.True(t, ok)
			assert.False(t, r.Current())
			assert.Equal(t, tt.name, r.Name)
			assert.Equal(t, tt.latest, r.Editions.Latest())
			assert.True(t, r.Editions.Has(wilayah.Edition2016))
			assert.Equal(t, tt.successor, r.Successor.String())
			cur, ok := wilayah.Resolve(r.Code)
			require.True(t, ok)
			assert.True(t, cur.Current())
			assert.Equal(t, tt.successor, cur.Code.String())
		})
	}
}

func TestLookupCurrent(t *testing.T) {
	r, ok := wilayah.Lookup(wilayah.MustParseCode("62.08"))
	require.True(t, ok)
	assert.Equal(t, "Kabupaten Sukamara", r.Name)
	assert.True(t, r.Current())
	assert.False(t, r.Successor.IsValid())
	assert.Equal(t, "2016,2018,2020,2022,2023,2025", r.Editions.String())
	assert.Equal(t, wilayah.LevelRegency, r.Level())
	assert.Equal(t, "62", r.Parent().String())

	p, ok := wilayah.Lookup(wilayah.MustParseCode("93"))
	require.True(t, ok)
	assert.Equal(t, []wilayah.Edition{wilayah.Edition2023, wilayah.Edition2025}, p.Editions.Editions())
	p, ok = wilayah.Lookup(wilayah.MustParseCode("96"))
	require.True(t, ok)
	assert.Equal(t, []wilayah.Edition{wilayah.Edition2025}, p.Editions.Editions())

	for _, unknown := range []string{"99", "32.70", "32.01.99", "10"} {
		_, ok := wilayah.Lookup(wilayah.MustParseCode(unknown))
		assert.False(t, ok, unknown)
		assert.False(t, wilayah.Known(wilayah.MustParseCode(unknown)), unknown)
	}
	_, ok = wilayah.Lookup(wilayah.Code{})
	assert.False(t, ok)
	_, ok = wilayah.Lookup(wilayah.MustParseCode("32.01.01.2001"))
	assert.False(t, ok, "villages are in package desa")
}

func TestChildren(t *testing.T) {
	var names []string
	for _, r := range wilayah.Children(wilayah.MustParseCode("62.08")) {
		names = append(names, r.Name)
		assert.True(t, r.Current())
	}
	assert.Equal(t, []string{"Sukamara", "Jelai", "Balai Riam", "Pantai Lunci", "Permata Kecubung"}, names)

	retired := wilayah.Children(wilayah.MustParseCode("91.01"))
	require.NotEmpty(t, retired)
	for _, r := range retired {
		assert.Equal(t, "91.01", r.Parent().String())
		assert.True(t, r.Editions.Has(wilayah.Edition2022))
	}
	assert.Len(t, wilayah.Children(wilayah.MustParseCode("96")), 6)
	assert.Nil(t, wilayah.Children(wilayah.MustParseCode("62.08.01")))
}

// TestEveryEditionRow checks the generated tables against the committed CSV
// files: every code of every edition is known, with that edition recorded,
// and the counts of the README hold.
func TestEveryEditionRow(t *testing.T) {
	editions := map[string]wilayah.Edition{"2016": wilayah.Edition2016, "2018": wilayah.Edition2018,
		"2020": wilayah.Edition2020, "2022": wilayah.Edition2022, "2023": wilayah.Edition2023, "2025": wilayah.Edition2025}
	counts := map[string][3]int{"2016": {34, 514, 7160}, "2025": {38, 514, 7285}}
	for year, ed := range editions {
		f, err := os.Open("data/kemendagri-" + year + "-districts.csv")
		require.NoError(t, err)
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		require.NoError(t, err)
		var n [3]int
		for _, row := range rows[1:] {
			c := wilayah.MustParseCode(row[0])
			r, ok := wilayah.Lookup(c)
			require.True(t, ok, "%s %s", year, row[0])
			require.True(t, r.Editions.Has(ed), "%s %s", year, row[0])
			require.True(t, wilayah.Known(c))
			n[c.Level()-1]++
		}
		if want, ok := counts[year]; ok {
			assert.Equal(t, want, n, year)
		}
	}
	current := 0
	for r := range wilayah.All {
		if r.Current() {
			current++
		} else if r.Level() == wilayah.LevelRegency {
			assert.True(t, r.Successor.IsValid(), "every retired kab/kota has a successor: %s", r.Code)
		}
	}
	assert.Equal(t, 38+514+7285, current)
}

func TestSearch(t *testing.T) {
	first := func(q string) string {
		res := wilayah.Search(q)
		require.NotEmpty(t, res, q)
		return res[0].Code.String()
	}
	assert.Equal(t, "93.01", first("Kabupaten Merauke"))
	assert.Equal(t, "93.01", first("KAB.   merauke"))
	assert.Equal(t, "93.01", first("kab merauke"))
	assert.Equal(t, "32.71", first("Kota Bogor"))
	assert.Equal(t, "62.08", first("sukamara"))
	assert.Equal(t, "36.04", first("Serang"))

	for _, r := range wilayah.Search("kota bogor") {
		assert.True(t, r.Code.IsKota() || r.Level() != wilayah.LevelRegency, r.Code.String())
	}
	var codes []string
	for _, r := range wilayah.Search("bogor") {
		codes = append(codes, r.Code.String())
	}
	assert.Subset(t, codes, []string{"32.01", "32.71"})
	assert.Empty(t, wilayah.Search(""))
	assert.Empty(t, wilayah.Search(" .. "))
	assert.Empty(t, wilayah.Search("no such place xyz"))

	for _, r := range wilayah.Search("merauke") {
		assert.True(t, strings.Contains(strings.ToLower(r.Name), "merauke"))
	}
}

func TestEdition(t *testing.T) {
	assert.Equal(t, "2025", wilayah.CurrentEdition.String())
	assert.Equal(t, "Kepmendagri 300.2.2-2138/2025", wilayah.Edition2025.Regulation())
	assert.Equal(t, "edition(9)", wilayah.Edition(9).String())
	assert.Equal(t, wilayah.Edition(0), wilayah.EditionSet(0).Latest())
}

var sinkBool bool

func BenchmarkKnown(b *testing.B) {
	c := wilayah.MustParseCode("32.01.01")
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = wilayah.Known(c)
	}
}

func BenchmarkLookup(b *testing.B) {
	c := wilayah.MustParseCode("91.01.01")
	b.ReportAllocs()
	for b.Loop() {
		_, sinkBool = wilayah.Lookup(c)
	}
}

func BenchmarkSearch(b *testing.B) {
	wilayah.Search("warm up")
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = len(wilayah.Search("kab merauke")) > 0
	}
}
