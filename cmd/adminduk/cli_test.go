package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCLI runs the command in-process and returns its exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestNIKParseJSON(t *testing.T) {
	code, out, _ := runCLI(t, "", "nik", "parse", "--as-of", "2026-11-22", "--json", "3201014512230001", "9101010508900002")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)

	var first, second map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	assert.Equal(t, "3201014512230001", first["input"])
	assert.Equal(t, true, first["valid"])
	assert.Equal(t, "female", first["sex"])
	assert.Equal(t, "2023-12-05", first["birth_date"])
	assert.EqualValues(t, 1, first["serial"])
	assert.NotContains(t, first, "reason")
	assert.Equal(t, map[string]any{"code": "32.01.01", "name": "Cibinong", "regency": "Kabupaten Bogor", "province": "Jawa Barat", "current": true}, first["region"])

	// A retired Papua code: valid, names of the successor, current false.
	assert.Equal(t, "male", second["sex"])
	assert.Equal(t, "1990-08-05", second["birth_date"])
	assert.Equal(t, map[string]any{"code": "91.01.01", "name": "Merauke", "regency": "Kabupaten Merauke", "province": "Papua Selatan",
		"current": false, "successor": "93.01.01"}, second["region"])
}

func TestNIKParseInvalid(t *testing.T) {
	for in, reason := range map[string]string{"3201013102230001": "date", "320101451223000": "syntax", "9901014512230001": "region",
		"3201014512230000": "serial", "": "syntax", "３２０１０１４５１２２３０００１": "syntax"} {
		code, out, _ := runCLI(t, "", "nik", "parse", "--json", in)
		assert.Equal(t, 1, code, in)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got), in)
		assert.Equal(t, false, got["valid"], in)
		assert.Equal(t, reason, got["reason"], in)
		assert.NotEmpty(t, got["error"], in)
		assert.NotContains(t, got, "region", in)
	}
	// One invalid among valid ones: exit 1, every line printed.
	code, out, _ := runCLI(t, "", "nik", "parse", "--json", "3201014512230001", "x")
	assert.Equal(t, 1, code)
	assert.Equal(t, 2, strings.Count(out, "\n"))
}

func TestNIKParseLenient(t *testing.T) {
	code, _, _ := runCLI(t, "", "nik", "parse", "--json", "3299014512230001")
	assert.Equal(t, 1, code)
	code, out, _ := runCLI(t, "", "nik", "parse", "--lenient", "--json", "3299014512230001")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, `"code":"32.99.01"`)
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"nik"}, {"nik", "frob"}, {"nik", "parse"}, {"nik", "parse", "--as-of", "22-11-2026", "3201014512230001"},
		{"nik", "parse", "--bogus", "1"}, {"nik", "validate"}, {"kk", "parse"}, {"wilayah"}, {"terbilang"},
		{"terbilang", "--lang", "fr", "1"}, {"terbilang", "--date", "2023-02-30"}, {"nosuch"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.NotEmpty(t, errOut, "%v", args)
	}
	code, out, _ := runCLI(t, "", "help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "nik")
}

func TestKKParse(t *testing.T) {
	code, out, _ := runCLI(t, "", "kk", "parse", "--json", "3201012208230001")
	require.Equal(t, 0, code)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "2023-08-22", got["record_date"])
	assert.EqualValues(t, 1, got["serial"])
	assert.Equal(t, "32.01.01", got["region"].(map[string]any)["code"])
	assert.NotContains(t, got, "sex")
}

func TestNIKValidate(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("9", 3<<20) // a 3 MB line
	file := filepath.Join(dir, "niks.txt")
	content := "3201014512230001\n3201013102230001\r\nfoo\n\n" + long + "\n9101014512230001\n3201014512230000"
	require.NoError(t, os.WriteFile(file, []byte(content), 0o600))
	code, out, errOut := runCLI(t, "", "nik", "validate", "--as-of", "2026-11-22", file)
	assert.Equal(t, 1, code)
	assert.Equal(t, "2\t3201********0001\tdate\n3\tfoo\tsyntax\n5\t9999********...\tsyntax\n7\t3201********0000\tserial\n", out)
	assert.Equal(t, "6 checked, 4 invalid, 1 blank skipped\n", errOut)

	code, out, errOut = runCLI(t, "3201014512230001\n9101014512230001\n", "nik", "validate", "-")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Equal(t, "2 checked, 0 invalid\n", errOut)

	code, _, errOut = runCLI(t, "", "nik", "validate", filepath.Join(dir, "missing.txt"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no such file")
}

func TestNIKValidateCSV(t *testing.T) {
	csv := "name,nik\nSiti,3201014512230001\nBudi\n\"Ani, S.\",\"3201013102230001\"\nEko,9101014512230001\n"
	code, out, errOut := runCLI(t, csv, "nik", "validate", "--header", "--column", "2", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, "3\t\tsyntax\n4\t3201********0001\tdate\n", out)
	assert.Contains(t, errOut, "line 3: missing column 2")
	assert.Contains(t, errOut, "4 checked, 2 invalid")
}

func TestWilayah(t *testing.T) {
	code, out, _ := runCLI(t, "", "wilayah", "--json", "91.01")
	require.Equal(t, 0, code)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "93.01", got["successor"])
	assert.Equal(t, false, got["current"])
	assert.Equal(t, []any{"2016", "2018", "2020", "2022"}, got["editions"])

	code, out, _ = runCLI(t, "", "wilayah", "Kabupaten", "Sukamara")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "62.08 "), out)

	code, out, _ = runCLI(t, "", "wilayah", "--children", "62.08")
	require.Equal(t, 0, code)
	assert.Equal(t, 5, strings.Count(out, "\n"))

	code, out, _ = runCLI(t, "", "wilayah", "1101012001")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "desa/kelurahan")

	code, _, errOut := runCLI(t, "", "wilayah", "99.99")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no edition")
	code, _, _ = runCLI(t, "", "wilayah", "zzzz qqqq")
	assert.Equal(t, 1, code)
}

func TestTerbilang(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"2023"}, "dua ribu dua puluh tiga"},
		{[]string{"--lang", "en", "2023"}, "two thousand twenty-three"},
		{[]string{"-1000"}, "minus seribu"},
		{[]string{"--date", "2023-08-25", "--upper"}, "DUA PULUH LIMA AGUSTUS DUA RIBU DUA PULUH TIGA"},
		{[]string{"--date", "2023-08-25", "--lang", "en"}, "twenty-fifth august two thousand twenty-three"},
		{[]string{"--ordinal", "2"}, "kedua"},
	} {
		code, out, _ := runCLI(t, "", append([]string{"terbilang"}, tt.args...)...)
		assert.Equal(t, 0, code, "%v", tt.args)
		assert.Equal(t, tt.want+"\n", out, "%v", tt.args)
	}
	code, _, errOut := runCLI(t, "", "terbilang", "9223372036854775808")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "not a whole number")
}

func TestNIKValidateChunkBoundaries(t *testing.T) {
	const chunkSize = 256 << 10 // nikfile reads 256 KiB chunks
	// Many chunks, a file ending exactly at a newline, an empty file.
	var b strings.Builder
	n := 3*chunkSize/17 + 5
	for i := 0; i < n; i++ {
		if i == n-2 {
			b.WriteString("3201013102230001\n") // invalid, near the end
			continue
		}
		b.WriteString("3201014512230001\n")
	}
	code, out, errOut := runCLI(t, b.String(), "nik", "validate", "--as-of", "2026-11-22", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, strconv.Itoa(n-1)+"\t3201********0001\tdate\n", out)
	assert.Equal(t, strconv.Itoa(n)+" checked, 1 invalid\n", errOut)

	code, out, errOut = runCLI(t, "", "nik", "validate", "-")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
	assert.Equal(t, "0 checked, 0 invalid\n", errOut)

	rest := chunkSize - chunkSize/17*17 - 1
	exact := strings.Repeat("3201014512230001\n", chunkSize/17) + strings.Repeat("x", rest) + "\n"
	require.Len(t, exact, chunkSize)
	code, out, _ = runCLI(t, exact, "nik", "validate", "-")
	assert.Equal(t, 1, code)
	assert.Equal(t, strconv.Itoa(chunkSize/17+1)+"\t"+strings.Repeat("x", rest)+"\tsyntax\n", out)
}

// TestNIKValidateInputClasses covers inputs the validator misread or printed
// raw: control bytes, a byte order mark, RFC 4180 doubled quotes, blank lines
// in both modes.
func TestNIKValidateInputClasses(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		args     []string
		code     int
		out, err string
	}{
		{"control bytes are replaced", "320101451223\x00\t\x1b1\n\x1b]0;x\x07\n", nil, 1,
			"1\t3201********???1\tsyntax\n2\t?]0;x?\tsyntax\n", "2 checked, 2 invalid\n"},
		{"bom skipped", "\uFEFF3201014512230001\n", nil, 0, "", "1 checked, 0 invalid\n"},
		{"doubled quotes", "name,nik\n\"Ani \"\"Bu\"\", S.\",3201014512230001\n", []string{"--header", "--column", "2"}, 0, "", "1 checked, 0 invalid\n"},
		{"blank lines skipped with --column", "a,3201014512230001\n\n\r\n", []string{"--column", "2"}, 0, "", "1 checked, 0 invalid, 2 blank skipped\n"},
		{"blank lines skipped without --column", "3201014512230001\n\n\r\n", nil, 0, "", "1 checked, 0 invalid, 2 blank skipped\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"nik", "validate", "--as-of", "2026-11-22"}, tt.args...), "-")
			code, out, errOut := runCLI(t, tt.in, args...)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.out, out)
			assert.Equal(t, tt.err, errOut)
		})
	}
}

func TestWilayahChildrenOfVillage(t *testing.T) {
	code, out, errOut := runCLI(t, "", "wilayah", "--children", "1101012001")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "desa/kelurahan, which has no children")
}

func TestNIKParseAsOfRange(t *testing.T) {
	for _, d := range []string{"0001-01-01", "0199-12-31", "4001-01-01", "9999-12-31"} {
		code, out, errOut := runCLI(t, "", "nik", "parse", "--as-of", d, "3201014512230001")
		assert.Equal(t, 2, code, d)
		assert.Empty(t, out, d)
		assert.Contains(t, errOut, "want a date between 0200-01-01 and 4000-12-31", d)
	}
	for d, birth := range map[string]string{"0200-01-01": "0123-12-05", "4000-12-31": "3923-12-05"} {
		code, out, _ := runCLI(t, "", "nik", "parse", "--json", "--as-of", d, "3201014512230001")
		assert.Equal(t, 0, code, d)
		assert.Contains(t, out, `"birth_date":"`+birth+`"`, d)
	}
}

func TestLenientUnknownIsNotRetired(t *testing.T) {
	for _, cmd := range []string{"nik", "kk"} {
		number := "3299014512230001"
		if cmd == "kk" {
			number = "3299012208230001"
		}
		code, out, _ := runCLI(t, "", cmd, "parse", "--lenient", number)
		assert.Equal(t, 0, code, cmd)
		assert.NotContains(t, out, "retired", cmd)
		assert.Contains(t, out, "unknown code", cmd)
		code, out, _ = runCLI(t, "", cmd, "parse", "--lenient", "--json", number)
		assert.Equal(t, 0, code, cmd)
		assert.Contains(t, out, `"unknown":true`, cmd)
	}
	// A retired code is still called retired.
	code, out, _ := runCLI(t, "", "kk", "parse", "9101012208230001")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "retired code, now 93.01.01")
}

func TestNIKParseTextIsSafe(t *testing.T) {
	code, out, _ := runCLI(t, "", "nik", "parse", "32\x1b[2J0101\t4512230001")
	assert.Equal(t, 1, code)
	assert.NotContains(t, out, "\x1b")
	assert.Equal(t, 1, strings.Count(out, "\t"), out) // only the column separator
}
