package main

import (
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var pksUpdate = flag.Bool("update-pks", false, "rewrite the golden files of the pks tests")

const pksSerang = "testdata/pks/serang.csv"

// pksGolden compares got with testdata/pks/name, rewriting it with -update-pks.
func pksGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "pks", name)
	if *pksUpdate {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// pksReport is the part of the JSON output the tests read.
type pksReport struct {
	AsOf       string `json:"as_of"`
	Source     struct{ Rows, Accepted, Rejected int }
	Agreements []struct {
		Line     int    `json:"line"`
		Number   string `json:"number"`
		Status   string `json:"status"`
		DaysLeft *int   `json:"days_left"`
	} `json:"agreements"`
	Expiring []struct {
		Number    string `json:"number"`
		DaysLeft  *int   `json:"days_left"`
		Successor string `json:"successor"`
	} `json:"expiring"`
	ByCategory map[string]int `json:"by_category"`
	ByGroup    map[string]int `json:"by_group"`
	ByYear     map[string]int `json:"by_year"`
	Targets    []struct {
		Name    string   `json:"name"`
		Year    int      `json:"year"`
		Region  string   `json:"region"`
		Count   int      `json:"count"`
		Of      int      `json:"of"`
		Met     bool     `json:"met"`
		Partial bool     `json:"partial"`
		Missing []string `json:"missing"`
	} `json:"targets"`
	Uncovered []struct{ Code, Name, Regency string } `json:"uncovered_districts"`
	Warnings  []struct {
		Line    int    `json:"line"`
		Number  string `json:"number"`
		Kind    string `json:"kind"`
		Message string `json:"message"`
	} `json:"warnings"`
	Errors []struct {
		Line   int    `json:"line"`
		Reason string `json:"reason"`
	} `json:"errors"`
}

func TestPKSSerangDataMatchesLibrary(t *testing.T) {
	ours, err := os.ReadFile(pksSerang)
	require.NoError(t, err)
	lib, err := os.ReadFile("../../partnership/testdata/serang.csv")
	require.NoError(t, err)
	assert.Equal(t, string(lib), string(ours), "the CLI and library tests use the same data set")
}

// TestPKSReportSerangJSON: the Serang-like data set on 31 December 2024.
// Rejected rows make the exit status 1, after the full report.
func TestPKSReportSerangJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", "pks", "report", "--in", pksSerang, "--as-of", "2024-12-31", "--json", "--stated", "health=46")
	assert.Equal(t, 1, code)
	assert.Equal(t, "adminduk pks: 7 of 76 rows rejected\n", errOut)
	var r pksReport
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	for _, k := range []string{"agreements", "expiring", "by_category", "by_year", "targets", "uncovered_districts", "warnings", "errors"} {
		assert.Contains(t, raw, k)
	}

	assert.Equal(t, "2024-12-31", r.AsOf)
	assert.Equal(t, 76, r.Source.Rows)
	assert.Equal(t, 69, r.Source.Accepted)
	assert.Equal(t, 7, r.Source.Rejected)
	require.Len(t, r.Agreements, 69)
	for _, a := range r.Agreements {
		assert.NotEmpty(t, a.Status, a.Number)
		if a.Status != "terminated" {
			assert.NotNil(t, a.DaysLeft, a.Number)
		}
	}
	assert.Equal(t, 2, r.Agreements[0].Line)

	// Health by category: 8 + 2 + 12 + 25 = 47, and the stated 46 flagged.
	assert.Equal(t, 8, r.ByCategory["rumah_sakit"])
	assert.Equal(t, 2, r.ByCategory["klinik"])
	assert.Equal(t, 12, r.ByCategory["bidan"])
	assert.Equal(t, 25, r.ByCategory["puskesmas"])
	assert.Equal(t, 0, r.ByCategory["merchant"])
	assert.Len(t, r.ByCategory, 11)
	assert.Equal(t, 47, r.ByGroup["health"])
	last := r.Warnings[len(r.Warnings)-1]
	assert.Equal(t, "stated_total", last.Kind)
	assert.Equal(t, "health in force on 2024-12-31: stated total 46, but its parts sum to 47 (rumah_sakit 8 + klinik 2 + bidan 12 + puskesmas 25)", last.Message)
	assert.Equal(t, map[string]int{"2020": 1, "2022": 1, "2023": 35, "2024": 32}, r.ByYear)

	require.Len(t, r.Expiring, 4)
	assert.Equal(t, "470/001/PKS-DKP/2022", r.Expiring[0].Number)
	assert.Equal(t, 1, *r.Expiring[0].DaysLeft)
	assert.Equal(t, "470/032/PKS-DKP/2024", r.Expiring[0].Successor)

	require.Len(t, r.Targets, 3)
	assert.True(t, r.Targets[0].Met)
	assert.Equal(t, 2023, r.Targets[0].Year)
	assert.Equal(t, 8, r.Targets[0].Count)
	assert.Equal(t, "36.04", r.Targets[2].Region)
	assert.False(t, r.Targets[2].Met)
	assert.Equal(t, []string{"36.04.32", "36.04.33"}, r.Targets[2].Missing)
	require.Len(t, r.Uncovered, 2)
	assert.Equal(t, "Mancak", r.Uncovered[0].Name)

	lines := []int{}
	for _, e := range r.Errors {
		lines = append(lines, e.Line)
		assert.NotEmpty(t, e.Reason)
	}
	assert.Equal(t, []int{22, 33, 44, 55, 61, 67, 73}, lines)
	assert.Equal(t, `number: duplicate number "470/005/PKS-DKP/2023" (first on line 7)`, r.Errors[2].Reason)
	for i := 1; i < len(r.Warnings)-1; i++ {
		assert.LessOrEqual(t, r.Warnings[i-1].Line, r.Warnings[i].Line, "warnings in line order")
	}
}

func TestPKSReportSerangText(t *testing.T) {
	code, out, _ := runCLI(t, "", "pks", "report", "--in", pksSerang, "--as-of", "2024-12-31", "--stated", "health=46")
	assert.Equal(t, 1, code)
	pksGolden(t, "serang.txt", out)
	for _, line := range strings.Split(out, "\n") {
		assert.Equal(t, strings.TrimRight(line, " "), line, "no trailing spaces")
	}
}

func TestPKSReportCleanFromStdin(t *testing.T) {
	in := "number,partner,category,district,services,signed,start,end,status\r\n" +
		"A/1,Puskesmas Melati,puskesmas,36.04.05,akta_kelahiran;kk;kia,2024-01-10,2024-02-01,,\r\n" +
		"A/2,Pantai Cemara Indah,tempat_wisata,91.01.01,kia_benefit,2024-01-10,2024-02-01,,\r\n"
	code, out, errOut := runCLI(t, in, "pks", "report", "--in", "-", "--as-of", "2024-06-30", "--within", "30", "--term", "1y", "--region", "36.04", "--json")
	assert.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	var r pksReport
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Empty(t, r.Errors)
	require.Len(t, r.Agreements, 2)
	assert.Equal(t, 215, *r.Agreements[0].DaysLeft, "one-year term: ends 2025-01-31")
	require.Len(t, r.Warnings, 1)
	assert.Equal(t, "retired_district", r.Warnings[0].Kind)
	assert.Equal(t, 3, r.Warnings[0].Line)
	assert.Len(t, r.Uncovered, 28, "only --region 36.04 is checked")
	assert.Equal(t, 1, r.ByGroup["health"])
	assert.NotNil(t, r.Expiring)
}

func TestPKSReportTargetsFile(t *testing.T) {
	code, out, _ := runCLI(t, "", "pks", "report", pksSerang, "--as-of", "2024-12-31", "--json", "--targets", "testdata/pks/targets.json")
	assert.Equal(t, 1, code)
	var r pksReport
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Targets, 2)
	assert.Equal(t, "kia_benefit_since_2024", r.Targets[0].Name)
	assert.Equal(t, 2024, r.Targets[0].Year)
	assert.False(t, r.Targets[0].Met, "8 of 10")
	assert.Equal(t, 25, r.Targets[1].Count)
	assert.Equal(t, 29, r.Targets[1].Of)
}

func TestPKSHelpListsCommand(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "pks ")
	code, _, errOut := runCLI(t, "", "pks", "report", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "Exit status: 0 when every row was accepted, 1 when some row was rejected")
}

func TestPKSUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "targets.json")
	require.NoError(t, os.WriteFile(bad, []byte(`[{"name":"x","kind":"per_year","min":0}]`), 0o644))
	for _, args := range [][]string{
		{"pks"}, {"pks", "list"}, {"pks", "report"},
		{"pks", "report", "--in", pksSerang, "--as-of", "31-12-2024"},
		{"pks", "report", "--in", pksSerang, "--within", "0"},
		{"pks", "report", "--in", pksSerang, "--within", "-5"},
		{"pks", "report", "--in", pksSerang, "--within", "36526"},
		{"pks", "report", "--in", pksSerang, "--within", "99999999999999999999"},
		{"pks", "report", "--in", pksSerang, "--stated", "health=-1"},
		{"pks", "report", "--in", pksSerang, "--term", "forever"},
		{"pks", "report", "--in", pksSerang, "--region", "36.04.05"},
		{"pks", "report", "--in", pksSerang, "--region", "99.99"},
		{"pks", "report", "--in", pksSerang, "--stated", "health"},
		{"pks", "report", "--in", pksSerang, "--stated", "apotek=3"},
		{"pks", "report", "--in", pksSerang, "extra"},
		{"pks", "report", "--in", pksSerang, "--bogus"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.NotEmpty(t, errOut, "%v", args)
	}
	for _, args := range [][]string{
		{"pks", "report", "--in", filepath.Join(dir, "missing.csv")},
		{"pks", "report", "--in", pksSerang, "--targets", bad},
	} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, 1, code, "%v", args)
		assert.NotEmpty(t, errOut, "%v", args)
	}
}

func TestPKSReportBadHeader(t *testing.T) {
	code, out, errOut := runCLI(t, "number,partner\nA,B\n", "pks", "report", "--in", "-", "--as-of", "2024-01-01")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, `adminduk pks: standard input: partnership: invalid csv header: /rows/1: no column "category"; want number,partner,category,district,services,signed,start,end,status`+"\n", errOut)
}

// A wider --within never lists fewer expiring agreements, up to the last
// representable day (issue 10: dates past 9999 became the zero date).
func TestPKSReportWithinMonotone(t *testing.T) {
	for _, asOf := range []string{"2024-12-31", "9999-12-31"} {
		prev := -1
		for _, within := range []string{"1", "60", "365", "3000", "36525"} {
			code, out, _ := runCLI(t, "", "pks", "report", "--in", pksSerang, "--as-of", asOf, "--json", "--within", within)
			require.Equal(t, 1, code) // the data set has rejected rows
			var r pksReport
			require.NoError(t, json.Unmarshal([]byte(out), &r))
			assert.GreaterOrEqual(t, len(r.Expiring), prev, "as of %s within %s", asOf, within)
			prev = len(r.Expiring)
		}
	}
}

// The JSON report is pinned byte for byte (the golden was written by the CLI
// before the views moved into package partnership and the JSON was
// streamed).
func TestPKSReportJSONGolden(t *testing.T) {
	code, out, _ := runCLI(t, "", "pks", "report", "--in", pksSerang, "--as-of", "2024-12-31", "--json")
	assert.Equal(t, 1, code)
	pksGolden(t, "serang.json", out)
}

// A semicolon-separated file with a byte order mark and CRLF (Indonesian
// Excel) reads like the comma one.
func TestPKSReportSemicolonCSV(t *testing.T) {
	b, err := os.ReadFile(pksSerang)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")[:17] // header and rows without quoted commas
	comma := strings.Join(lines, "\n") + "\n"
	// Swap the delimiters: fields by ";", services by ",".
	semi := "\uFEFF" + strings.NewReplacer(";", ",", ",", ";").Replace(comma)
	semi = strings.ReplaceAll(semi, "\n", "\r\n")
	_, want, _ := runCLI(t, comma, "pks", "report", "--in", "-", "--as-of", "2024-12-31", "--json")
	code, got, errOut := runCLI(t, semi, "pks", "report", "--in", "-", "--as-of", "2024-12-31", "--json")
	assert.Equal(t, 0, code, errOut)
	assert.Equal(t, want, got)
}

func TestPKSReportTextIndonesian(t *testing.T) {
	code, out, _ := runCLI(t, "", "pks", "report", "--in", pksSerang, "--as-of", "2024-12-31", "--lang", "id")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "Laporan PKS per 2024-12-31")
	assert.Contains(t, out, "baris 3   470/001/PKS-DKP/2023  renewal_due         berakhir 2025-01-08 (dalam 8 hari) dan belum ada perjanjian penerus")
	code, _, errOut := runCLI(t, "", "pks", "report", "--in", pksSerang, "--lang", "fr")
	assert.Equal(t, 2, code, errOut)
}

// Standard input is spooled to a temporary file, removed after, and reports
// byte for byte what the file does.
func TestPKSReportStdinMatchesFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	in, err := os.ReadFile(pksSerang)
	require.NoError(t, err)
	for _, format := range [][]string{{"--json"}, {"--lang", "id"}} {
		args := append([]string{"pks", "report", "--as-of", "2024-12-31", "--stated", "health=46"}, format...)
		code, want, wantErr := runCLI(t, "", append(args, "--in", pksSerang)...)
		require.Equal(t, 1, code)
		code, got, gotErr := runCLI(t, string(in), append(args, "--in", "-")...)
		assert.Equal(t, 1, code)
		assert.Equal(t, strings.Replace(want, pksSerang, "standard input", 1), got) // only the source's name differs
		assert.Equal(t, wantErr, gotErr)
		left, err := os.ReadDir(tmp)
		require.NoError(t, err)
		assert.Empty(t, left, "the spooled copy is removed")
	}
}

// A stream given as --in (a pipe, a device) is spooled as standard input is.
func TestPKSReportNonRegularFile(t *testing.T) {
	in, err := os.Open(pksSerang)
	require.NoError(t, err)
	defer in.Close()
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	go func() {
		_, _ = io.Copy(w, in)
		w.Close()
	}()
	path := "/dev/fd/" + strconv.Itoa(int(r.Fd()))
	if _, err := os.Stat(path); err != nil {
		t.Skip("no /dev/fd")
	}
	code, got, _ := runCLI(t, "", "pks", "report", "--in", path, "--as-of", "2024-12-31", "--json")
	assert.Equal(t, 1, code)
	_, want, _ := runCLI(t, "", "pks", "report", "--in", pksSerang, "--as-of", "2024-12-31", "--json")
	assert.Equal(t, strings.Replace(want, pksSerang, path, 1), got)
}
