package coverage

import (
	"bytes"
	"io"
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

// TestSynthesizeSukamara: deterministic, valid for the aggregation, sized
// like the kab/kota, and drawn around the published levels.
func TestSynthesizeSukamara(t *testing.T) {
	out := synthSukamara(t, 1)
	assert.Equal(t, out, synthSukamara(t, 1), "same seed, same bytes")
	assert.NotEqual(t, out, synthSukamara(t, 2))

	a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(bytes.NewReader(out)))
	rep, err := a.Report(wilayah.LevelDistrict)
	require.NoError(t, err)
	assert.Zero(t, rep.Stats.Malformed, "%v", rep.Errors)
	assert.Zero(t, rep.Stats.Future)
	require.Len(t, rep.Regions, 5)
	// 0-17 is about 28.5 % of the 67,234 people; Sukamara published 19,662.
	assert.InDelta(t, 19162, rep.Total.Akta.Required, 50)
	pa, _ := rep.Total.Akta.Percent()
	pk, _ := rep.Total.KIA.Percent()
	assert.InDelta(t, 95.24, pa.Float64(), 2.5)
	assert.InDelta(t, 70.48, pk.Float64(), 4)
	// Infants are less often registered than school children; late
	// registration of a backlog gives the projection a pace.
	bands := rep.Total.Akta.Bands
	p0, _ := bands[0].Percent()
	pSD, _ := bands[3].Percent()
	assert.Less(t, p0, pSD)
	assert.Equal(t, OnTrack, rep.Total.Akta.Projection.Status)
	// Timeliness rises by birth year, as the model says.
	var c2007, c2020 Cohort
	for _, c := range rep.Total.Cohorts {
		switch c.Year {
		case 2007:
			c2007 = c
		case 2020:
			c2020 = c
		}
	}
	s07, _ := c2007.Share60()
	s20, _ := c2020.Share60()
	assert.Less(t, s07, s20)
	assert.Positive(t, c2007.Undated)
	// NIKs are unique.
	seen := map[string]bool{}
	for _, l := range bytes.Split(out, []byte("\n"))[1:] {
		if len(l) > 16 {
			nik := string(l[:16])
			require.False(t, seen[nik], nik)
			seen[nik] = true
		}
	}
}

func TestSynthesizeOptions(t *testing.T) {
	s, err := Synthesize(io.Discard, SynthOptions{Regency: wilayah.MustParseCode("36.04"), AsOf: asOf2025, Rows: 1000, Clean: true,
		AktaLevel: 8000, KIALevel: 3000})
	require.NoError(t, err)
	assert.Equal(t, int64(1000), s.Rows)
	assert.Len(t, s.Districts, 29)
	assert.Equal(t, Percent(8000), s.AktaLevel)
	for _, o := range []SynthOptions{
		{Regency: wilayah.MustParseCode("62"), AsOf: asOf2025}, {Regency: wilayah.MustParseCode("62.08.01"), AsOf: asOf2025},
		{Regency: wilayah.MustParseCode("62.08")}, {Regency: wilayah.MustParseCode("62.08"), AsOf: asOf2025, AktaLevel: 10100},
		{Regency: wilayah.MustParseCode("62.08"), AsOf: asOf2025, Rows: -1},
	} {
		_, err := Synthesize(io.Discard, o)
		assert.ErrorIs(t, err, ErrInvalid, "%+v", o)
	}
	_, err = Synthesize(io.Discard, SynthOptions{Regency: wilayah.MustParseCode("62.99"), AsOf: asOf2025})
	assert.ErrorIs(t, err, ErrNotFound)
}
