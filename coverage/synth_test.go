package coverage

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func synthSukamara(t testing.TB, seed uint64) []byte {
	var buf bytes.Buffer
	_, err := Synthesize(&buf, SynthOptions{Regency: wilayah.MustParseCode("62.08"), Seed: seed, AsOf: asOf2025})
	require.NoError(t, err)
	return buf.Bytes()
}

func TestSynthesizeSukamara(t *testing.T) {
	out := synthSukamara(t, 1)
	assert.Equal(t, out, synthSukamara(t, 1), "same seed, same bytes")
	assert.NotEqual(t, out, synthSukamara(t, 2))
	fmt.Printf("%x %d\n", sha256.Sum256(out), len(out))
	fmt.Println(string(out[:600]))

	a, err := NewAggregator(Options{AsOf: asOf2025})
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(bytes.NewReader(out)))
	rep, err := a.Report(wilayah.LevelDistrict)
	require.NoError(t, err)
	assert.Zero(t, rep.Stats.Malformed, "%v", rep.Errors)
	for _, r := range append(rep.Regions, rep.Total) {
		pa, _ := r.Akta.Percent()
		pk, _ := r.KIA.Percent()
		fmt.Println(r.Code, r.Name, r.Akta.Counts, pa, r.KIA.Counts, pk, r.Akta.Projection.Status, r.Akta.Projection.PerMonth)
	}
	for _, c := range rep.Total.Cohorts {
		s60, _ := c.Share60()
		s1, _ := c.Share1y()
		fmt.Println(c.Year, c.Births, c.Registered, s60, s1, c.Undated)
	}
	fmt.Printf("%+v\n", rep.Total.Completeness)
	for _, w := range rep.Warnings {
		fmt.Println(w)
	}
}
