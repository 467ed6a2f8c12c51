package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"github.com/adminduk-id/adminduk/internal/testtool"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/credential"
)

// aktaCLI runs the command in-process.
func aktaCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeKey writes an Ed25519 key as PKCS#8 PEM into a temporary directory
// and returns its path and the key. The key is fixed so that documents, and
// so their QR codes, are the same at every run: gozxing, the decoder the
// tests read QR codes with, misses about one symbol in a hundred (zbar reads
// them all), which random keys would turn into flaky tests.
func writeKey(t *testing.T) (string, ed25519.PrivateKey) {
	t.Helper()
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{42}, ed25519.SeedSize))
	der, err := x509.MarshalPKCS8PrivateKey(key)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "key.pem")
	require.NoError(t, os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600))
	return path, key
}

func aktaInput(name string) string { return filepath.Join("testdata", "akta", name) }

func TestAktaNumberParse(t *testing.T) {
	code, out, _ := aktaCLI(t, "", "akta", "number", "parse", "--allow-legacy", "--json", "3201-LU-25082023-0001", "474.1/1234/2005")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	var first, second map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	assert.Equal(t, true, first["valid"])
	assert.Equal(t, "LU", first["type"])
	assert.Equal(t, "kelahiran", first["kind"])
	assert.Equal(t, false, first["late"])
	assert.Equal(t, "2023-08-25", first["date"])
	assert.EqualValues(t, 1, first["serial"])
	assert.Equal(t, "32.01", first["office"].(map[string]any)["code"])
	assert.Equal(t, "Kabupaten Bogor", first["office"].(map[string]any)["name"])
	assert.Equal(t, "valid", first["status"])
	assert.Equal(t, map[string]any{"input": "474.1/1234/2005", "status": "legacy", "valid": false, "number": "474.1/1234/2005", "legacy": true}, second)

	// Without --allow-legacy an older layout is refused; a malformed
	// current number is invalid with its reason, never legacy.
	for in, reason := range map[string]string{"474.1/1234/2005": "legacy", "3604LU010920230042x": "syntax"} {
		for _, args := range [][]string{{"--json", in}, {"--allow-legacy", "--json", in}} {
			code, out, _ = aktaCLI(t, "", append([]string{"akta", "number", "parse"}, args...)...)
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(out), &got))
			if reason == "legacy" && len(args) == 3 {
				assert.Equal(t, 0, code)
				assert.Equal(t, "legacy", got["status"])
				assert.Equal(t, false, got["valid"])
				continue
			}
			assert.Equal(t, 1, code, in)
			assert.Equal(t, "invalid", got["status"], in)
			assert.Equal(t, reason, got["reason"], in)
		}
	}

	for in, reason := range map[string]string{
		"3201-XX-25082023-0001": "type", "3201-LU-31022023-0001": "date", "3299-LU-25082023-0001": "office",
		"3201-LU-25082023-0000": "serial", "x": "syntax",
	} {
		code, out, _ := aktaCLI(t, "", "akta", "number", "parse", "--json", in)
		assert.Equal(t, 1, code, in)
		var got map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &got), in)
		assert.Equal(t, false, got["valid"], in)
		assert.Equal(t, reason, got["reason"], in)
		assert.NotEmpty(t, got["error"], in)
	}

	code, _, _ = aktaCLI(t, "", "akta", "number", "parse", "--no-legacy", "--json", "474.1/1234/2005")
	assert.Equal(t, 1, code)
	code, out, _ = aktaCLI(t, "", "akta", "number", "parse", "3604-AKM-10032024-0007", "--type", "AKM=kematian")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "valid\tAKM (kematian)\tkematian 2024-03-10 serial 0007\toffice 36.04 Kabupaten Serang")
	code, _, errOut := aktaCLI(t, "", "akta", "number", "parse", "--type", "A1=kematian", "3604-KM-10032024-0007")
	assert.Equal(t, 2, code, errOut)
	code, _, _ = aktaCLI(t, "", "akta", "number", "parse")
	assert.Equal(t, 2, code)
	code, _, _ = aktaCLI(t, "", "akta", "number", "format")
	assert.Equal(t, 2, code)
}

func TestAktaRender(t *testing.T) {
	keyPath, key := writeKey(t)
	s, err := credential.NewSigner("ID-3604", key)
	require.NoError(t, err)
	var keys credential.KeySet
	keys.Add(s.PublicKey(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)))
	dir := t.TempDir()

	for _, name := range []string{"birth", "death"} {
		pdfPath := filepath.Join(dir, name+".pdf")
		code, _, errOut := aktaCLI(t, "", "akta", "render", "--key", keyPath, "--in", aktaInput(name+".json"), "--out", pdfPath)
		require.Equal(t, 0, code, errOut)
		pdf, err := os.ReadFile(pdfPath)
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))

		// Same input, same bytes.
		again := filepath.Join(dir, name+"-again.pdf")
		code, _, _ = aktaCLI(t, "", "akta", "render", "--key", keyPath, "--in", aktaInput(name+".json"), "--out", again)
		require.Equal(t, 0, code)
		pdf2, _ := os.ReadFile(again)
		assert.Equal(t, pdf, pdf2)

		// PNG: the QR on the page verifies.
		pngPath := filepath.Join(dir, name+".png")
		code, _, errOut = aktaCLI(t, "", "akta", "render", "--key", keyPath, "--in", aktaInput(name+".json"), "--out", pngPath, "--dpi", "200")
		require.Equal(t, 0, code, errOut)
		f, err := os.Open(pngPath)
		require.NoError(t, err)
		img, err := png.Decode(f)
		f.Close()
		require.NoError(t, err)
		payload, err := testtool.DecodeQR(img)
		require.NoError(t, err)
		res := credential.Verify(payload, keys, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		require.Equal(t, credential.StatusValid, res.Status, "%v", res.Err)
		want := map[string]string{"birth": "AKTA-KELAHIRAN", "death": "AKTA-KEMATIAN"}[name]
		assert.Equal(t, want, res.Claims.Document.Type)
	}

	// --compress: a smaller PDF.
	small := filepath.Join(dir, "small.pdf")
	c, _, e := aktaCLI(t, "", "akta", "render", "--key", keyPath, "--in", aktaInput("birth.json"), "--out", small, "--compress")
	require.Equal(t, 0, c, e)
	big, _ := os.Stat(filepath.Join(dir, "birth.pdf"))
	sm, _ := os.Stat(small)
	assert.Less(t, sm.Size(), big.Size())

	// Standard input and output.
	data, err := os.ReadFile(aktaInput("birth.json"))
	require.NoError(t, err)
	code, out, errOut := aktaCLI(t, string(data), "akta", "render", "--key", keyPath, "--out", "-", "--format", "pdf")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "%PDF-"))
}

func TestAktaRenderInvalid(t *testing.T) {
	keyPath, _ := writeKey(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	code, stdout, errOut := aktaCLI(t, "", "akta", "render", "--key", keyPath, "--in", aktaInput("invalid.json"), "--out", out)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	for _, want := range []string{
		"child.colour: unknown", "mother.nik: invalid", "witnesses: range: witnesses: two or none (saksi harus dua orang atau tidak ada)",
		"child.birth_date: order",
	} {
		assert.Contains(t, errOut, want)
	}
	assert.NotContains(t, errOut, "3604094101950000", "NIKs masked in messages")
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no document for an invalid record")

	// Malformed JSON.
	code, _, errOut = aktaCLI(t, "{", "akta", "render", "--key", keyPath, "--out", out)
	assert.Equal(t, 1, code, errOut)
}

func TestAktaRenderUsage(t *testing.T) {
	keyPath, _ := writeKey(t)
	dir := t.TempDir()
	in := aktaInput("birth.json")
	for _, args := range [][]string{
		{"--in", in, "--out", filepath.Join(dir, "a.pdf")},                                    // no key
		{"--key", keyPath, "--in", in},                                                        // no out
		{"--key", keyPath, "--in", in, "--out", filepath.Join(dir, "a.txt")},                  // unknown format
		{"--key", keyPath, "--in", in, "--out", filepath.Join(dir, "a.pdf"), "--dpi", "5000"}, // dpi
		{"--key", keyPath, "--in", in, "--out", filepath.Join(dir, "a.pdf"), "--signed-at", "yesterday"},
		{"--key", keyPath, "--in", in, "--out", filepath.Join(dir, "a.pdf"), "extra"},
	} {
		code, _, errOut := aktaCLI(t, "", append([]string{"akta", "render"}, args...)...)
		assert.Equal(t, 2, code, "%v: %s", args, errOut)
	}

	// A key that is not an Ed25519 PKCS#8 key.
	bad := filepath.Join(dir, "bad.pem")
	require.NoError(t, os.WriteFile(bad, []byte("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"), 0o600))
	code, _, errOut := aktaCLI(t, "", "akta", "render", "--key", bad, "--in", in, "--out", filepath.Join(dir, "a.pdf"))
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "PRIVATE KEY")
	code, _, _ = aktaCLI(t, "", "akta", "render", "--key", filepath.Join(dir, "missing.pem"), "--in", in, "--out", filepath.Join(dir, "a.pdf"))
	assert.Equal(t, 1, code)
}

func TestKKRender(t *testing.T) {
	keyPath, key := writeKey(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "kk.pdf")
	code, _, errOut := aktaCLI(t, "", "kk", "render", "--key", keyPath, "--in", aktaInput("kk.json"), "--out", out)
	require.Equal(t, 0, code, errOut)
	pdf, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))

	pngPath := filepath.Join(dir, "kk.png")
	code, _, errOut = aktaCLI(t, "", "kk", "render", "--key", keyPath, "--in", aktaInput("kk.json"), "--out", pngPath, "--dpi", "200")
	require.Equal(t, 0, code, errOut)
	f, err := os.Open(pngPath)
	require.NoError(t, err)
	img, err := png.Decode(f)
	f.Close()
	require.NoError(t, err)
	payload, err := testtool.DecodeQR(img)
	require.NoError(t, err)
	s, err := credential.NewSigner("ID-3604", key)
	require.NoError(t, err)
	var keys credential.KeySet
	keys.Add(s.PublicKey(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)))
	res := credential.Verify(payload, keys, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.Equal(t, credential.StatusValid, res.Status, "%v", res.Err)
	assert.Equal(t, "KK", res.Claims.Document.Type)
	assert.Equal(t, "3604091506180002", res.Claims.Document.Number)
	code, _, errOut = aktaCLI(t, "", "kk", "render", "--key", keyPath, "--in", aktaInput("birth.json"), "--out", out)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "type: unknown")
}

// The old keys of the KK number ("kk" in akta.json, "number" in kk.json)
// are still read for one release, with a warning naming the new key; the
// document is the same as with the new key.
func TestRenderOldKKKey(t *testing.T) {
	keyPath, _ := writeKey(t)
	for _, tc := range []struct{ cmd, file, newKey, oldKey string }{
		{"akta", "birth.json", `"kk_number"`, `"kk"`},
		{"kk", "kk.json", `"kk_number"`, `"number"`},
	} {
		data, err := os.ReadFile(aktaInput(tc.file))
		require.NoError(t, err)
		old := strings.Replace(string(data), tc.newKey, tc.oldKey, 1)
		require.NotEqual(t, string(data), old)

		code, newPDF, errOut := aktaCLI(t, string(data), tc.cmd, "render", "--key", keyPath, "--out", "-", "--format", "pdf")
		require.Equal(t, 0, code, errOut)
		assert.NotContains(t, errOut, "old key")
		code, oldPDF, errOut := aktaCLI(t, old, tc.cmd, "render", "--key", keyPath, "--out", "-", "--format", "pdf")
		require.Equal(t, 0, code, errOut)
		assert.Contains(t, errOut, "warning: "+strings.Trim(tc.oldKey, `"`)+`: old key, use "kk_number"`, tc.file)
		assert.Equal(t, newPDF, oldPDF, tc.file)
	}
}
