package registry_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// ageOn is the slow reference: completed years, a 29 February birthday
// falling on 1 March in common years.
func ageOn(birth, day adminduk.Date) int {
	age := day.Year() - birth.Year()
	m, d := birth.Month(), birth.Day()
	if m == 2 && d == 29 {
		if _, ok := adminduk.NewDate(day.Year(), 2, 29); !ok {
			m, d = 3, 1
		}
	}
	if day.Month() < m || (day.Month() == m && day.Day() < d) {
		age--
	}
	return age
}

// TestPopulationFromRecords: the synth generator's records become the
// population per kecamatan and age, checked against a count of the CSV
// done here row by row, and the office accepts it.
func TestPopulationFromRecords(t *testing.T) {
	asOf := storetest.Today
	var buf bytes.Buffer
	_, err := coverage.Synthesize(&buf, coverage.SynthOptions{Regency: storetest.Regency, Seed: 7, AsOf: asOf, Rows: 3000, Clean: true})
	require.NoError(t, err)
	data := buf.Bytes()

	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	want := map[registry.PopulationRow]int64{}
	for _, r := range recs[1:] {
		birth, err := adminduk.ParseDate(r[col["birth_date"]])
		require.NoError(t, err)
		kec, err := wilayah.ParseCode(r[col["district"]])
		require.NoError(t, err)
		if a := ageOn(birth, asOf); a < 18 {
			want[registry.PopulationRow{Kecamatan: kec, Age: a}]++
		}
	}

	pop, rep, err := registry.PopulationFromRecords(bytes.NewReader(data), asOf, "synth seed 7")
	require.NoError(t, err)
	assert.Empty(t, rep.Errors)
	got := map[registry.PopulationRow]int64{}
	for _, r := range pop.Rows {
		if r.Count > 0 {
			got[registry.PopulationRow{Kecamatan: r.Kecamatan, Age: r.Age}] = r.Count
		}
	}
	assert.Equal(t, want, got)
	assert.Greater(t, len(got), 18, "several kecamatan and ages")
	require.NoError(t, pop.Validate(storetest.Regency))
	assert.Error(t, pop.Validate(wilayah.MustParseCode("36.04")), "another office's kecamatan")
}
