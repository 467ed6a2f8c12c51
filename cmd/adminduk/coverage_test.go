package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCoverageSeedFigures(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		json string
	}{
		{"Sukamara akta, the 65.24 % claim flagged", []string{"--required", "19662", "--with", "18726", "--claimed", "65,24 %", "--target", "98"}, 1,
			`{"percent":95.24,"target":98.00,"gap":543,"meets_target":false,"consistent":false,"warnings":[{"kind":"claimed_percent","stated":65.24,"computed":95.24,"message":"claimed 65.24 %, but 18,726 of 19,662 is 95.24 % (one digit differs: a typo?)"}]}`},
		{"Sukamara KIA", []string{"--required", "18553", "--with", "13076", "--claimed", "70.48", "--target", "50"}, 0,
			`{"percent":70.48,"target":50.00,"gap":0,"meets_target":true,"consistent":true,"warnings":[]}`},
		{"Serang akta", []string{"--required", "516047", "--with", "489382", "--without", "26665", "--target", "98"}, 0,
			`{"percent":94.83,"target":98.00,"gap":16345,"meets_target":false,"consistent":true,"warnings":[]}`},
		{"Serang KIA: with + without is 10 over required", []string{"--required", "512217", "--with", "238357", "--without", "273870", "--indicator", "kia", "--year", "2023"}, 1,
			`{"percent":46.53,"target":50.00,"gap":17752,"meets_target":false,"consistent":false,"warnings":[{"kind":"with_without_sum","stated":512217,"computed":512227,"message":"with 238,357 + without 273,870 = 512,227, not the 512,217 required (off by 10)"}]}`},
		{"parts that do not sum", []string{"--required", "46", "--with", "46", "--parts", "8,2,12,25"}, 1,
			`{"percent":100.00,"target":null,"gap":null,"meets_target":null,"consistent":false,"warnings":[{"kind":"parts_total","label":"required","stated":46,"computed":47,"message":"stated total 46, but the parts sum to 47 (8 + 2 + 12 + 25)"}]}`},
		{"no target", []string{"--with", "1", "--required", "3"}, 0,
			`{"percent":33.33,"target":null,"gap":null,"meets_target":null,"consistent":true,"warnings":[]}`},
		{"above 100 %: reported, not clamped", []string{"--with", "1012", "--required", "1000", "--target", "98"}, 0,
			`{"percent":101.20,"target":98.00,"gap":0,"meets_target":true,"consistent":true,"warnings":[{"kind":"above_100","stated":1012,"computed":1000,"message":"1,012 hold it but 1,000 are required: 101.20 %, above 100 % (is the population figure older than the count?)"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, _ := runCLI(t, "", append([]string{"coverage", "--json"}, tc.args...)...)
			assert.Equal(t, tc.code, code)
			assert.Equal(t, tc.json+"\n", out)
		})
	}
}

func TestCoverageText(t *testing.T) {
	code, out, _ := runCLI(t, "", "coverage", "--required", "516047", "--with", "489382", "--year", "2024", "--lang", "id")
	assert.Equal(t, 0, code)
	assert.Equal(t, "wajib         516.047\nmemiliki      489.382\nbelum         26.665\ncakupan       94,83 %\n"+
		"target        98,00 %\ndibutuhkan    505.727\nkekurangan    16.345\ntercapai      belum\nkonsisten     ya\n", out)

	code, out, errOut := runCLI(t, "", "coverage", "--required", "100", "--with", "50", "--year", "2025", "--indicator", "kia", "--lang", "en")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "target        75.00 %")
	assert.Contains(t, errOut, "no kia target for 2025; using 2024's 75.00 %")
}

func TestCoverageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"coverage"}, {"coverage", "--with", "1"}, {"coverage", "--required", "x", "--with", "1"},
		{"coverage", "--required", "10", "--with", "1", "--target", "98.123"}, {"coverage", "--required", "10", "--with", "1", "--claimed", "abc"},
		{"coverage", "--required", "10", "--with", "1", "--indicator", "ktp"}, {"coverage", "--required", "10", "--with", "1", "--year", "2010"},
		{"coverage", "--required", "10", "--with", "1", "extra"}, {"coverage", "--required", "10", "--with", "1", "--lang", "fr"},
		{"coverage", "--required", "10", "--with", "1", "--parts", "4,x"},
		{"coverage", "--required", "10", "--with", "1", "--target", "abc"}, {"coverage", "--required", "10", "--with", "1", "--target", "150"},
		{"coverage", "--required", "10", "--with", "1", "--target", "-5"}, {"coverage", "--required", "-10", "--with", "1"},
		{"coverage", "--required", "10", "--with", "-1"}, {"coverage", "--required", "10", "--with", "1", "--without", "-9"},
		{"coverage", "--required", "10", "--with", "1", "--parts", "11,-1"},
		{"coverage", "synth", "--regency", "62.08", "--rows", "-1"},
		{"coverage", "aggregate", "--in", "x.csv", "--as-of", "2025-01-01", "--window", "-3"},
		{"coverage", "aggregate"}, {"coverage", "aggregate", "--in", "x.csv"}, {"coverage", "aggregate", "--in", "x.csv", "--as-of", "30-06-2025"},
		{"coverage", "aggregate", "--in", "x.csv", "--as-of", "2025-06-30", "--by", "desa"},
		{"coverage", "aggregate", "--in", "x.csv", "--as-of", "2025-06-30", "--json", "--csv"},
		{"coverage", "aggregate", "--in", "x.csv", "--as-of", "2025-06-30", "--akta-ages", "18-0"},
		{"coverage", "aggregate", "--in", "x.csv", "--as-of", "2025-06-30", "--cbr", "0"},
		{"coverage", "aggregate", "--in", "x.csv", "--as-of", "2025-06-30", "--target-kia", "120"},
		{"coverage", "synth"}, {"coverage", "synth", "--regency", "62"}, {"coverage", "synth", "--regency", "62.08", "--as-of", "x"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.NotEmpty(t, errOut, "%v", args)
	}
	// Figures no percent comes from: invalid input, exit 1.
	code, _, errOut := runCLI(t, "", "coverage", "--required", "0", "--with", "0")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no children required")
	code, _, _ = runCLI(t, "", "coverage", "--help")
	assert.Equal(t, 0, code)
}

const coverageCSV = "nik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued\n" +
	"6208011503200001,2020-03-15,L,62.08.01,1,2020-04-01,1,2021-01-10\n" +
	"6208014112240001,2024-12-01,P,62.08.01,0,,0,\n" +
	"6208011503200003,2023-02-30,L,62.08.01,1,,0,\n" + // line 4: no 30 February
	"6208020107080001,2008-07-01,L,62.08.02,1,2015-01-05,1,2024-07-15\n"

func TestCoverageAggregate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "people.csv")
	require.NoError(t, os.WriteFile(in, []byte(coverageCSV), 0o600))

	code, out, errOut := runCLI(t, "", "coverage", "aggregate", "--in", in, "--as-of", "2025-06-30", "--lang", "en")
	assert.Equal(t, 1, code, "a skipped row makes exit 1, after the report")
	assert.Contains(t, out, "62.08.01  Sukamara")
	assert.Contains(t, out, "Rows skipped: 1:\n  line 4: birth_date \"2023-02-30\": want a calendar date YYYY-MM-DD\n")
	assert.Equal(t, "adminduk coverage aggregate: 1 rows skipped; first:\n  line 4: birth_date \"2023-02-30\": want a calendar date YYYY-MM-DD\n", errOut)

	code, out, _ = runCLI(t, coverageCSV, "coverage", "aggregate", "--in", "-", "--as-of", "2025-06-30", "--by", "regency", "--json")
	assert.Equal(t, 1, code)
	var rep struct {
		AsOf    string `json:"as_of"`
		Level   string `json:"level"`
		Regions []struct {
			Code string `json:"code"`
			Akta struct {
				Required int64           `json:"required"`
				With     int64           `json:"with"`
				Percent  json.RawMessage `json:"percent"`
				Target   json.RawMessage `json:"target"`
				Gap      int64           `json:"gap"`
			} `json:"akta"`
		} `json:"regions"`
		Stats  map[string]int64 `json:"stats"`
		Errors []map[string]any `json:"errors"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "2025-06-30", rep.AsOf)
	assert.Equal(t, "regency", rep.Level)
	require.Len(t, rep.Regions, 1)
	assert.Equal(t, "62.08", rep.Regions[0].Code)
	assert.Equal(t, int64(3), rep.Regions[0].Akta.Required)
	assert.Equal(t, int64(2), rep.Regions[0].Akta.With)
	assert.Equal(t, "66.67", string(rep.Regions[0].Akta.Percent))
	assert.Equal(t, "98.00", string(rep.Regions[0].Akta.Target))
	assert.Equal(t, int64(1), rep.Regions[0].Akta.Gap)
	assert.Equal(t, int64(1), rep.Stats["malformed"])
	assert.Equal(t, []map[string]any{{"line": 4.0, "column": "birth_date", "input": "2023-02-30", "message": "want a calendar date YYYY-MM-DD"}}, rep.Errors)

	code, out, _ = runCLI(t, coverageCSV, "coverage", "aggregate", "-", "--as-of", "2025-06-30", "--csv", "--target-akta", "60")
	assert.Equal(t, 1, code)
	assert.True(t, strings.HasPrefix(out, "level,code,name,indicator,sex,ages,required,with,without,percent,target,need,gap,meets_target\n"+
		"district,62.08.01,Sukamara,akta,all,0-17,2,1,1,50.00,60.00,2,1,0\n"), out)

	code, _, errOut = runCLI(t, "nama,alamat\nx,y\n", "coverage", "aggregate", "-", "--as-of", "2025-06-30")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "want the columns nik and district")
}

func TestCoverageSynthAndCharts(t *testing.T) {
	dir := t.TempDir()
	people := filepath.Join(dir, "people.csv")
	code, out, errOut := runCLI(t, "", "coverage", "synth", "--regency", "62.08", "--seed", "3", "--out", people)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "children of Kabupaten Sukamara (5 kecamatan) as of 2025-06-30, seed 3")
	first, err := os.ReadFile(people)
	require.NoError(t, err)
	code, again, _ := runCLI(t, "", "coverage", "synth", "--regency", "62.08", "--seed", "3")
	require.Equal(t, 0, code)
	assert.Equal(t, string(first), again, "same seed, same bytes")

	svg, pngFile := filepath.Join(dir, "c.svg"), filepath.Join(dir, "c.png")
	for range 2 {
		code, out, errOut = runCLI(t, "", "coverage", "aggregate", "--in", people, "--as-of", "2025-06-30", "--svg", svg, "--png", pngFile, "--breakdown")
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, out, "Cakupan per kecamatan, 30 Juni 2025")
		assert.Contains(t, out, "62.08.05  Permata Kecubung")
	}
	s, err := os.ReadFile(svg)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(s, []byte("<svg ")))
	assert.Contains(t, string(s), "Permata Kecubung")
	p, err := os.ReadFile(pngFile)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(p))
	require.NoError(t, err)
	assert.Equal(t, 1920, img.Bounds().Dx())

	code, out2, _ := runCLI(t, "", "coverage", "aggregate", "--in", people, "--as-of", "2025-06-30", "--png", "-")
	require.Equal(t, 0, code)
	assert.Equal(t, string(p), out2, "same input, same PNG bytes")
}

// with + without beyond int64 is inconsistent input (exit 1), never saturated
// into "consistent".
func TestCoverageOverflowIsInconsistent(t *testing.T) {
	for _, args := range [][]string{
		{"--required", "9223372036854775807", "--with", "9223372036854775807", "--without", "1"},
		{"--required", "9223372036854775807", "--with", "1", "--parts", "9223372036854775807,1"},
	} {
		code, out, _ := runCLI(t, "", append([]string{"coverage", "--json"}, args...)...)
		assert.Equal(t, 1, code, "%v", args)
		assert.Contains(t, out, `"consistent":false`, "%v", args)
		assert.Contains(t, out, "overflows", "%v", args)
	}
}

// A flag naming a file whose content is bad is invalid input (exit 1), not a
// usage error (exit 2).
func TestCoverageBadTargetsFileIsInvalidInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "targets.json")
	require.NoError(t, os.WriteFile(bad, []byte(`[{"indicator":"kia","year":2025,"percent":180}]`), 0o644))
	in := filepath.Join(t.TempDir(), "people.csv")
	require.NoError(t, os.WriteFile(in, []byte("nik\n"), 0o644))
	code, _, errOut := runCLI(t, "", "coverage", "aggregate", "--in", in, "--as-of", "2025-06-30", "--targets", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "--targets")
}

// Text output in Indonesian says its warnings in Indonesian (issue 9).
func TestCoverageTextWarningsInIndonesian(t *testing.T) {
	code, out, _ := runCLI(t, "", "coverage", "--required", "1000", "--with", "1012", "--lang", "id")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "peringatan: 1.012 memiliki padahal wajib hanya 1.000: 101,20 %")
	code, out, _ = runCLI(t, "", "coverage", "--required", "1000", "--with", "1012", "--lang", "en")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "warning: 1,012 hold it but 1,000 are required: 101.20 %")
}
