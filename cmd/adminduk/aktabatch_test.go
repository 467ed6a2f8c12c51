package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeIssuerKey writes a key file as keygen does, with its issuer line.
func writeIssuerKey(t *testing.T, issuer string) string {
	t.Helper()
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{42}, ed25519.SeedSize))
	der, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "key.pem")
	data := append([]byte("# issuer: "+issuer+"\n"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})...)
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}

// A key of another Dinas is refused, as kia render does.
func TestRenderRefusesKeyOfAnotherIssuer(t *testing.T) {
	other := writeIssuerKey(t, "ID-6208")
	own := writeIssuerKey(t, "ID-3604")
	plain, _ := writeKey(t)
	for _, tc := range []struct {
		cmd  []string
		file string
	}{{[]string{"akta", "render"}, "birth.json"}, {[]string{"akta", "render"}, "death.json"}, {[]string{"kk", "render"}, "kk.json"}} {
		out := filepath.Join(t.TempDir(), "doc.pdf")
		args := append(append([]string(nil), tc.cmd...), "--key", other, "--in", aktaInput(tc.file), "--out", out)
		code, _, stderr := aktaCLI(t, "", args...)
		assert.Equal(t, 1, code, tc.file)
		assert.Contains(t, stderr, "issued by ID-3604, the key is ID-6208's", tc.file)
		assert.NoFileExists(t, out)
		// --issuer overrides the key file; the Dinas's own key works.
		args = append(append([]string(nil), tc.cmd...), "--key", plain, "--issuer", "ID-6208", "--in", aktaInput(tc.file), "--out", out)
		code, _, _ = aktaCLI(t, "", args...)
		assert.Equal(t, 1, code, tc.file)
		args = append(append([]string(nil), tc.cmd...), "--key", own, "--in", aktaInput(tc.file), "--out", out)
		code, _, stderr = aktaCLI(t, "", args...)
		assert.Equal(t, 0, code, stderr)
	}
}

func TestRenderInputBOMAndBound(t *testing.T) {
	key, _ := writeKey(t)
	for _, tc := range []struct{ cmd, file string }{{"akta", "birth.json"}, {"kk", "kk.json"}} {
		data, err := os.ReadFile(aktaInput(tc.file))
		require.NoError(t, err)
		out := filepath.Join(t.TempDir(), "doc.pdf")
		code, _, stderr := aktaCLI(t, "\ufeff"+string(data), tc.cmd, "render", "--key", key, "--out", out)
		assert.Equal(t, 0, code, stderr)

		// Input beyond the bound fails clearly rather than being cut.
		old := maxRenderInput
		maxRenderInput = len(data) - 1
		code, _, stderr = aktaCLI(t, string(data), tc.cmd, "render", "--key", key, "--out", out)
		maxRenderInput = old
		assert.Equal(t, 1, code)
		assert.Contains(t, stderr, "standard input: more than")
	}
	// The documented bound: 64 MiB, where standard input used to be cut
	// silently at 1 MiB.
	assert.Equal(t, 64<<20, maxRenderInput)
}

func compactLine(t *testing.T, file string, edit func(m map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(aktaInput(file))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	if edit != nil {
		edit(m)
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

func TestAktaRenderBatch(t *testing.T) {
	key, _ := writeKey(t)
	lines := []string{compactLine(t, "birth.json", nil), compactLine(t, "death.json", nil), compactLine(t, "birth.json", nil)}
	out := filepath.Join(t.TempDir(), "batch.pdf")
	code, _, stderr := aktaCLI(t, strings.Join(lines, "\n")+"\n", "akta", "render", "--key", key, "--out", out)
	require.Equal(t, 0, code, stderr)
	pdf, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 3, bytes.Count(pdf, []byte("/Type /Page\n"))+bytes.Count(pdf, []byte("/Type /Page ")), "three pages")

	// A bad line is reported by its line number and nothing is written.
	bad := compactLine(t, "death.json", func(m map[string]any) { delete(m, "death_place") })
	out2 := filepath.Join(t.TempDir(), "bad.pdf")
	code, _, stderr = aktaCLI(t, lines[0]+"\n"+bad+"\n", "akta", "render", "--key", key, "--out", out2)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "-:2: death_place: required")
	assert.NoFileExists(t, out2)

	// A batch does not go to PNG.
	code, _, _ = aktaCLI(t, strings.Join(lines, "\n"), "akta", "render", "--key", key, "--out", filepath.Join(t.TempDir(), "x.png"))
	assert.Equal(t, 2, code)
}

// A name the document's font cannot print is a field error (exit 1).
func TestAktaRenderUnprintableName(t *testing.T) {
	key, _ := writeKey(t)
	line := compactLine(t, "birth.json", func(m map[string]any) { m["child"].(map[string]any)["name"] = "Nguyễn Văn An" })
	out := filepath.Join(t.TempDir(), "x.pdf")
	code, _, stderr := aktaCLI(t, line, "akta", "render", "--key", key, "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "-: child.name: invalid: has characters the document's font cannot print")
	assert.NoFileExists(t, out)
}

// The example death certificate: rendered without "cause", with a warning
// about the title in "Haji Abdul Rahman" (not stripped).
func TestAktaRenderDeathWithoutCause(t *testing.T) {
	key, _ := writeKey(t)
	line := compactLine(t, "death.json", func(m map[string]any) { delete(m, "cause") })
	out := filepath.Join(t.TempDir(), "d.pdf")
	code, _, stderr := aktaCLI(t, line, "akta", "render", "--key", key, "--out", out)
	require.Equal(t, 0, code, stderr)
	assert.FileExists(t, out)
	assert.Contains(t, stderr, "warning: deceased.name: titles are not printed on an akta")
}
