package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const kiaData = "testdata/kia"

// verifyOut runs verify and decodes its JSON lines.
func verifyOut(t *testing.T, stdin string, args ...string) (int, []map[string]any) {
	t.Helper()
	code, out, errOut := runCLI(t, stdin, append([]string{"verify"}, args...)...)
	var res []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), "%s\n%s", l, errOut)
		res = append(res, m)
	}
	return code, res
}

func claim(m map[string]any, path ...string) any {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	return v
}

var pdfMediaBox = regexp.MustCompile(`/MediaBox \[ 0 0 ([0-9.]+) ([0-9.]+) \]`)

func TestKIARenderAndVerify(t *testing.T) {
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")

	// One card into a PDF: two ID-1 pages.
	out := filepath.Join(dir, "card.pdf")
	code, _, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "card.json"), "--out", out)
	require.Equal(t, 0, code, errOut)
	pdf, err := os.ReadFile(out)
	require.NoError(t, err)
	boxes := pdfMediaBox.FindAllStringSubmatch(string(pdf), -1)
	require.Len(t, boxes, 3)
	assert.Equal(t, []string{"242.65", "153.01"}, boxes[1][1:])
	st, _ := os.Stat(out)
	umask := syscall.Umask(0)
	syscall.Umask(umask)
	assert.Equal(t, os.FileMode(0o666&^umask), st.Mode().Perm(), "the umask decides")

	code, res := verifyOut(t, "", "--jwks", jwks, "--at", "2024-01-01T00:00:00+07:00", "--pdf", out)
	require.Equal(t, 0, code)
	require.Len(t, res, 1)
	assert.Equal(t, "valid", res[0]["status"])
	assert.Equal(t, "6208014512230001", claim(res[0], "claims", "identity", "nik"))
	assert.Equal(t, "SITI NUR AISYAH", claim(res[0], "claims", "identity", "name"))
	assert.EqualValues(t, 2, claim(res[0], "claims", "identity", "sex"))
	assert.Equal(t, "KIA", claim(res[0], "claims", "document", "type"))
	assert.Equal(t, "20281205", claim(res[0], "claims", "document", "valid_until"))
	assert.Equal(t, "2028-12-05T23:59:59+07:00", claim(res[0], "claims", "exp"))
	assert.Contains(t, res[0]["source"], "object ")

	// The day after the fifth birthday: expired, exit 1, claims shown.
	code, res = verifyOut(t, "", "--jwks", jwks, "--at", "2028-12-06T00:00:00+07:00", "--pdf", out)
	assert.Equal(t, 1, code)
	assert.Equal(t, "expired", res[0]["status"])
	assert.NotNil(t, res[0]["claims"])

	// A PNG of a card with a photo (the path is relative to the JSON file).
	png := filepath.Join(dir, "child.png")
	code, _, errOut = runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "child.json"), "--out", png)
	require.Equal(t, 0, code, errOut)
	code, res = verifyOut(t, "", "--jwks", jwks, "--at", "2025-01-01T00:00:00+07:00", "--image", png)
	require.Equal(t, 0, code)
	assert.Equal(t, "6208010705150002", claim(res[0], "claims", "document", "number"))

	// A batch on A4 sheets: every QR code verifies with --all.
	sheet := filepath.Join(dir, "sheet.pdf")
	code, _, errOut = runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "cards.jsonl"), "--out", sheet, "--layout", "a4")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "3 cards")
	code, res = verifyOut(t, "", "--jwks", jwks, "--at", "2025-01-01T00:00:00+07:00", "--pdf", sheet, "--all")
	require.Equal(t, 0, code)
	require.Len(t, res, 3)
	var niks []string
	for _, r := range res {
		assert.Equal(t, "valid", r["status"])
		niks = append(niks, claim(r, "claims", "identity", "nik").(string))
	}
	assert.ElementsMatch(t, []string{"6208014512230001", "6208010705150002", "6208010203210001"}, niks)

	// --signed-at sets the issue time.
	code, _, errOut = runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "card.json"), "--out", out, "--signed-at", "2024-02-01T09:30:00+07:00")
	require.Equal(t, 0, code, errOut)
	_, res = verifyOut(t, "", "--jwks", jwks, "--at", "2024-03-01T00:00:00+07:00", "--pdf", out)
	assert.Equal(t, "2024-02-01T09:30:00+07:00", claim(res[0], "claims", "iat"))
}

func TestKIARenderInvalid(t *testing.T) {
	dir := t.TempDir()
	key, _ := keygen(t, dir, "ID-6208")
	out := filepath.Join(dir, "bad.pdf")
	code, _, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "bad.jsonl"), "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "testdata/kia/bad.jsonl:2: /name: required: is required (wajib diisi)")
	assert.Contains(t, errOut, "/address/village: region")
	assert.Contains(t, errOut, "1 of 3 cards invalid")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no output for an invalid batch")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), ".adminduk-"), "temporary file left: %s", e.Name())
	}

	// A key of another Dinas.
	other := t.TempDir()
	key3101, _ := keygen(t, other, "ID-3101")
	code, _, errOut = runCLI(t, "", "kia", "render", "--key", key3101, "--in", filepath.Join(kiaData, "card.json"), "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "card issued by ID-6208, the key is ID-3101's")

	// Warnings are printed and do not stop the card.
	card, err := os.ReadFile(filepath.Join(kiaData, "card.json"))
	require.NoError(t, err)
	warned := strings.Replace(string(card), `"2023-12-05"`, `"2023-12-04"`, 1)
	code, _, errOut = runCLI(t, warned, "kia", "render", "--key", key, "--out", out)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "-:1: warning: /birth_date: birth date differs from the one encoded in the NIK")
	assert.Equal(t, 1, strings.Count(errOut, "warning:"), "each warning once: %s", errOut)

	// A syntax error stops at once.
	code, _, errOut = runCLI(t, `{"nik": `, "kia", "render", "--key", key, "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "unexpected EOF")
	// An unknown field is an error.
	code, _, errOut = runCLI(t, strings.Replace(string(card), `"nik"`, `"nickname": "x", "nik"`, 1), "kia", "render", "--key", key, "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "/nickname: unknown")
}

func TestKIAUsage(t *testing.T) {
	dir := t.TempDir()
	key, _ := keygen(t, dir, "ID-6208")
	in := filepath.Join(kiaData, "card.json")
	for _, args := range [][]string{
		{"kia"},
		{"kia", "print"},
		{"kia", "render", "--in", in, "--out", filepath.Join(dir, "x.pdf")},
		{"kia", "render", "--key", key, "--in", in},
		{"kia", "render", "--key", key, "--in", in, "--out", filepath.Join(dir, "x.svg")},
		{"kia", "render", "--key", key, "--in", in, "--out", filepath.Join(dir, "x.pdf"), "--layout", "letter"},
		{"kia", "render", "--key", key, "--in", in, "--out", filepath.Join(dir, "x.pdf"), "--signed-at", "today"},
		{"kia", "render", "--key", key, "--in", in, "--out", filepath.Join(dir, "x.pdf"), "--leap-day", "feb29"},
		{"kia", "render", "--key", key, "--in", filepath.Join(kiaData, "cards.jsonl"), "--out", filepath.Join(dir, "x.png")},
	} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, errOut)
	}
}

func TestKIACheck(t *testing.T) {
	code, out, errOut := runCLI(t, "", "kia", "check", "--in", filepath.Join(kiaData, "cards.jsonl"))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "6208010705150002\tMUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADINATAS\tfrom5\tvalid until 2032-05-06")
	assert.Contains(t, out, "6208010203210001\tLUCAS O'BRIEN\tunder5\tvalid until 2025-09-30")
	assert.Contains(t, errOut, "3 cards valid")
	code, _, _ = runCLI(t, "", "kia", "check", "--in", filepath.Join(kiaData, "bad.jsonl"))
	assert.Equal(t, 1, code)
}

// writeBatch writes a JSON Lines batch into dir (with the photo its cards
// name) and returns its path: the cards of cards.jsonl, some spoiled.
func writeBatch(t *testing.T, dir string, lines ...string) string {
	t.Helper()
	photo, err := os.ReadFile(filepath.Join(kiaData, "photo-red.jpg"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "photo-red.jpg"), photo, 0o644))
	path := filepath.Join(dir, "batch.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return path
}

// kiaLines returns the lines of cards.jsonl.
func kiaLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(kiaData, "cards.jsonl"))
	require.NoError(t, err)
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

var issuedAt = regexp.MustCompile(`"issued_at":"[0-9-]+"`)

// badBatch is a batch of 8 cards, 5 of them bad (lines 2, 3, 5, 6, 7).
func badBatch(t *testing.T, dir string) string {
	l := kiaLines(t)
	return writeBatch(t, dir,
		l[0],
		strings.Replace(l[1], `"Muhammad Rizky Ramadhan Putra Pratama Wijayakusuma Hadinatas"`, `""`, 1),
		`{"nik": ]`,
		l[2],
		strings.Replace(l[0], `"sex":"female"`, `"sex":1`, 1),
		strings.Replace(l[0], `{`, `{"colour":"red",`, 1),
		issuedAt.ReplaceAllString(l[0], `"issued_at":"2099-01-01"`),
		l[1],
	)
}

// TestKIACheckListsAll: kia check lists every invalid card of a batch, by
// line, whatever is wrong with it (a field, malformed JSON, a wrong type,
// an unknown field, an issue date in the future), and a summary.
func TestKIACheckListsAll(t *testing.T) {
	in := badBatch(t, t.TempDir())
	code, out, errOut := runCLI(t, "", "kia", "check", "--in", in)
	assert.Equal(t, 1, code)
	for _, want := range []string{
		in + ":2: /name: required",
		in + ":3: ",
		in + ":5: /sex: invalid: wrong JSON type",
		in + ":6: /colour: unknown",
		in + ":7: /issued_at: invalid: issue date in the future",
		"adminduk kia: 5 of 8 cards invalid, 3 valid",
	} {
		assert.Contains(t, errOut, want)
	}
	for _, line := range []string{":1:", ":4:", ":8:"} {
		assert.NotContains(t, errOut, in+line)
	}
	assert.Equal(t, 3, strings.Count(out, "\n"), "the valid cards are listed: %s", out)
}

// TestKIARenderSkipInvalid: without --skip-invalid a batch with bad cards
// writes nothing and lists them all; with it the valid cards are written,
// the bad listed, and the exit status is 1.
func TestKIARenderSkipInvalid(t *testing.T) {
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	in := badBatch(t, dir)
	out := filepath.Join(dir, "out.pdf")
	code, _, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", in, "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, in+":7: /issued_at")
	assert.Contains(t, errOut, "5 of 8 cards invalid")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "nothing written")

	code, _, errOut = runCLI(t, "", "kia", "render", "--key", key, "--in", in, "--out", out, "--skip-invalid")
	assert.Equal(t, 1, code, errOut)
	assert.Contains(t, errOut, in+":2: /name: required")
	assert.Contains(t, errOut, "5 of 8 cards invalid, 3 valid")
	assert.Contains(t, errOut, "3 cards -> "+out)
	code, res := verifyOut(t, "", "--jwks", jwks, "--at", "2025-01-01T00:00:00+07:00", "--pdf", out, "--all")
	require.Equal(t, 0, code)
	assert.Len(t, res, 3)
}

// TestKIARenderParallelSameBytes: the CLI's output does not depend on the
// number of cores.
func TestKIARenderParallelSameBytes(t *testing.T) {
	dir := t.TempDir()
	key, _ := keygen(t, dir, "ID-6208")
	l := kiaLines(t)
	var lines []string
	for range 12 {
		lines = append(lines, l...)
	}
	in := writeBatch(t, dir, lines...)
	var outs [][]byte
	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		out := filepath.Join(dir, fmt.Sprintf("out-%d.pdf", procs))
		code, _, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", in, "--out", out)
		runtime.GOMAXPROCS(prev)
		require.Equal(t, 0, code, errOut)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		outs = append(outs, b)
	}
	assert.True(t, bytes.Equal(outs[0], outs[1]) && bytes.Equal(outs[0], outs[2]), "output differs with GOMAXPROCS")
}

// TestKIARenderOut: --out - writes to standard output; a directory or a
// file in a missing directory is a usage error before any work, naming no
// temporary file; the file respects the umask.
func TestKIARenderOut(t *testing.T) {
	dir := t.TempDir()
	key, _ := keygen(t, dir, "ID-6208")
	card := filepath.Join(kiaData, "card.json")
	child := filepath.Join(kiaData, "child.json")

	code, out, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", card, "--out", "-")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "%PDF-"), "a PDF on stdout")
	code, out, errOut = runCLI(t, "", "kia", "render", "--key", key, "--in", child, "--out", "-", "--format", "png")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "\x89PNG"), "a PNG on stdout")
	// Nothing on stdout for an invalid card.
	code, out, _ = runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "bad.jsonl"), "--out", "-")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)

	for _, tt := range []struct{ name, out, msg string }{
		{"directory", dir, "is a directory"},
		{"missing directory", filepath.Join(dir, "no", "such", "card.pdf"), "does not exist"},
		{"parent is a file", filepath.Join(key, "card.pdf"), "is not a directory"},
		{"bad format", filepath.Join(dir, "x.pdf"), "--format"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"kia", "render", "--key", key, "--in", card, "--out", tt.out}
			if tt.name == "bad format" {
				args = append(args, "--format", "svg")
			}
			code, _, errOut := runCLI(t, "", args...)
			assert.Equal(t, 2, code, errOut)
			assert.Contains(t, errOut, tt.msg)
			assert.NotContains(t, errOut, ".adminduk-")
		})
	}

	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	path := filepath.Join(dir, "umask.pdf")
	code, _, errOut = runCLI(t, "", "kia", "render", "--key", key, "--in", card, "--out", path)
	require.Equal(t, 0, code, errOut)
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), st.Mode().Perm())
}

// TestKIABOM: a UTF-8 byte order mark before card.json or a JSON Lines
// batch is accepted.
func TestKIABOM(t *testing.T) {
	for _, name := range []string{"card.json", "cards.jsonl"} {
		b, err := os.ReadFile(filepath.Join(kiaData, name))
		require.NoError(t, err)
		code, _, errOut := runCLI(t, "\xef\xbb\xbf"+string(b), "kia", "check")
		if name == "cards.jsonl" {
			// Its child's photo is relative to testdata/kia.
			dir := t.TempDir()
			in := writeBatch(t, dir, "\xef\xbb\xbf"+strings.TrimSpace(string(b)))
			code, _, errOut = runCLI(t, "", "kia", "check", "--in", in)
			assert.Contains(t, errOut, "3 cards valid")
		}
		assert.Equal(t, 0, code, "%s: %s", name, errOut)
	}
}
