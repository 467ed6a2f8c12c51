package main

import (
	"bytes"
	"encoding/json"
	"github.com/adminduk-id/adminduk/adminduk"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signintech/gopdf"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/internal/pdfscan"
)

// signedAkta signs an akta kelahiran credential with the key of key.pem.
func signedAkta(t *testing.T, keyFile string) string {
	t.Helper()
	data, err := os.ReadFile(keyFile)
	require.NoError(t, err)
	key, err := credential.ParsePrivateKeyPEM(data)
	require.NoError(t, err)
	s, err := credential.NewSigner("ID-6208", key)
	require.NoError(t, err)
	p, err := s.Sign(credential.Claims{
		IssuedAt: time.Date(2023, 12, 20, 9, 0, 0, 0, adminduk.WIB),
		Identity: credential.Identity{NIK: "6208014512230001", Name: "SITI NUR AISYAH", BirthDate: "20231205", Sex: 2, Nationality: "IDN", Country: "IDN"},
		Document: credential.Document{Type: credential.TypeAktaKelahiran, Number: "6208-LU-20122023-0001", EventDate: "20231205", EventPlace: "SUKAMARA"},
	})
	require.NoError(t, err)
	return p
}

func TestVerifyStatuses(t *testing.T) {
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	akta := signedAkta(t, key)

	// An akta: no exp, valid at any later time; given as text or on stdin.
	code, res := verifyOut(t, "", "--jwks", jwks, akta)
	require.Equal(t, 0, code)
	assert.Equal(t, "valid", res[0]["status"])
	assert.Equal(t, "AKTA-KELAHIRAN", claim(res[0], "claims", "document", "type"))
	assert.Equal(t, "SUKAMARA", claim(res[0], "claims", "document", "event_place"))
	assert.Nil(t, claim(res[0], "claims", "exp"))
	code, res = verifyOut(t, akta+"\n", "--jwks", jwks, "-")
	require.Equal(t, 0, code)
	assert.Equal(t, "stdin", res[0]["source"])

	// Not yet valid: issued after --at.
	code, res = verifyOut(t, "", "--jwks", jwks, "--at", "2023-12-19T00:00:00+07:00", akta)
	assert.Equal(t, 1, code)
	assert.Equal(t, "not_yet_valid", res[0]["status"])

	// Another Dinas's key set: unknown key.
	_, other := keygen(t, t.TempDir(), "ID-6208")
	code, res = verifyOut(t, "", "--jwks", other, akta)
	assert.Equal(t, 1, code)
	assert.Equal(t, "unknown_key", res[0]["status"])
	assert.Nil(t, res[0]["claims"])

	// One altered character: invalid signature, or malformed when the
	// change breaks the encoding; never valid.
	for i := 0; i < len(akta); i += 37 {
		b := []byte(akta)
		b[i] = map[bool]byte{true: 'A', false: 'B'}[b[i] != 'A']
		code, res = verifyOut(t, "", "--jwks", jwks, string(b))
		assert.Equal(t, 1, code)
		assert.Contains(t, []any{"invalid_signature", "malformed"}, res[0]["status"], "at %d", i)
		assert.NotEqual(t, "valid", res[0]["status"])
	}
	code, res = verifyOut(t, "", "--jwks", jwks, "not a credential")
	assert.Equal(t, 1, code)
	assert.Equal(t, "malformed", res[0]["status"])
	assert.NotEmpty(t, res[0]["error"])
}

func TestVerifyImageAndPDFErrors(t *testing.T) {
	dir := t.TempDir()
	_, jwks := keygen(t, dir, "ID-6208")
	notPDF := filepath.Join(dir, "x.pdf")
	require.NoError(t, os.WriteFile(notPDF, []byte("hello"), 0o644))
	code, _, errOut := runCLI(t, "", "verify", "--jwks", jwks, "--pdf", notPDF)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "not a PDF")

	blank := filepath.Join(dir, "blank.png")
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, image1x1()))
	require.NoError(t, os.WriteFile(blank, buf.Bytes(), 0o644))
	code, _, errOut = runCLI(t, "", "verify", "--jwks", jwks, "--image", blank)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no QR code found")
	assert.NotContains(t, errOut, "Exception", "no gozxing internals")
	assert.NotContains(t, errOut, "startSize")

	code, _, _ = runCLI(t, "", "verify", "--jwks", filepath.Join(dir, "missing.json"), "X")
	assert.Equal(t, 1, code)
}

func TestVerifyPDFWithoutQRImages(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	// A card rendered as a PNG, then placed in a PDF as one RGB image:
	// no greyscale QR image to extract, so the page is rasterised.
	pngFile := filepath.Join(dir, "card.png")
	code, _, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "card.json"), "--out", pngFile)
	require.Equal(t, 0, code, errOut)
	pdf := pngInPDF(t, pngFile)
	file := filepath.Join(dir, "scan.pdf")
	require.NoError(t, os.WriteFile(file, pdf, 0o644))
	code, res := verifyOut(t, "", "--jwks", jwks, "--at", "2024-01-01T00:00:00Z", "--timeout", "2m", "--pdf", file) // a loaded machine may take longer than the default
	require.Equal(t, 0, code)
	assert.Equal(t, "valid", res[0]["status"])
	assert.Contains(t, res[0]["source"], "page 1")
}

func TestVerifyUsage(t *testing.T) {
	dir := t.TempDir()
	_, jwks := keygen(t, dir, "ID-6208")
	for _, args := range [][]string{
		{"verify", "X"},
		{"verify", "--jwks", jwks},
		{"verify", "--jwks", jwks, "X", "--image", "a.png"},
		{"verify", "--jwks", jwks, "X", "Y"},
		{"verify", "--jwks", jwks, "--all", "X"},
		{"verify", "--jwks", jwks, "--at", "tomorrow", "X"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, errOut)
	}
}

func TestPDFGrayImages(t *testing.T) {
	dir := t.TempDir()
	key, _ := keygen(t, dir, "ID-6208")
	out := filepath.Join(dir, "c.pdf")
	code, _, errOut := runCLI(t, "", "kia", "render", "--key", key, "--in", filepath.Join(kiaData, "cards.jsonl"), "--out", out)
	require.Equal(t, 0, code, errOut)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	pages, err := pdfscan.Scan(t.Context(), data, pdfLimits)
	require.NoError(t, err)
	var imgs []pdfscan.Image
	for _, p := range pages {
		imgs = append(imgs, p.Images...)
	}
	require.Len(t, imgs, 3, "one QR image a card; the JPEG art and photo are skipped")
	for _, im := range imgs {
		assert.Equal(t, im.Img.Bounds().Dx(), im.Img.Bounds().Dy())
	}
	// Truncated files never panic.
	for _, n := range []int{len(data) / 3, len(data) / 2, len(data) - 100} {
		_, _ = pdfscan.Scan(t.Context(), data[:n], pdfLimits)
	}
}

func image1x1() image.Image {
	img := image.NewGray(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	return img
}

// pngInPDF makes a one-page PDF showing a PNG file at 300 dpi.
func pngInPDF(t *testing.T, file string) []byte {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	size := pdfkit.Size{W: float64(cfg.Width) * 72 / 300, H: float64(cfg.Height) * 72 / 300}
	pdf := pdfkit.NewPDF(size, pdfkit.DocInfo{})
	pdf.AddPage()
	require.NoError(t, pdf.Image(file, 0, 0, &gopdf.Rect{W: size.W, H: size.H}))
	var buf bytes.Buffer
	_, err = pdf.WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes()
}

// TestVerifyStdinBound: standard input beyond the bound is refused, not cut.
func TestVerifyStdinBound(t *testing.T) {
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	akta := signedAkta(t, key)
	long := akta + strings.Repeat(" ", maxStdin)
	code, out, errOut := runCLI(t, long, "verify", "--jwks", jwks, "-")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "standard input: longer than 64 KiB")
	// At the bound it is read whole (and the padding makes it malformed).
	code, out, _ = runCLI(t, (akta + strings.Repeat("A", maxStdin))[:maxStdin], "verify", "--jwks", jwks, "-")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `"malformed"`)
}

// TestVerifyJWKSErrors: a file that is not a JWK Set says so in plain
// words; one unusable key is skipped with a warning, the others used.
func TestVerifyJWKSErrors(t *testing.T) {
	dir := t.TempDir()
	key, jwks := keygen(t, dir, "ID-6208")
	akta := signedAkta(t, key)
	for name, doc := range map[string]string{
		"empty object": `{}`,
		"array":        `[{"kty":"OKP"}]`,
		"keys object":  `{"keys":{}}`,
		"not JSON":     `keys`,
	} {
		f := filepath.Join(dir, "bad.json")
		require.NoError(t, os.WriteFile(f, []byte(doc), 0o600))
		code, out, errOut := runCLI(t, "", "verify", "--jwks", f, akta)
		assert.Equal(t, 1, code, name)
		assert.Empty(t, out, name)
		assert.Contains(t, errOut, "not a JWK Set", name)
		assert.NotContains(t, errOut, "Go value", name)
		assert.NotContains(t, errOut, "jwkSet", name)
	}
	code, _, errOut := runCLI(t, "", "verify", "--jwks", filepath.Join(kiaData, "card.json"), akta)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `not a JWK Set: no "keys" array`)

	// One broken key among good ones.
	b, err := os.ReadFile(jwks)
	require.NoError(t, err)
	var doc map[string][]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &doc))
	doc["keys"] = append([]json.RawMessage{json.RawMessage(`{"kty":"OKP","crv":"Ed25519","x":"AAAA","kid":"zz","iss":"ID-6208"}`)}, doc["keys"]...)
	b, err = json.Marshal(doc)
	require.NoError(t, err)
	mixed := filepath.Join(dir, "mixed.json")
	require.NoError(t, os.WriteFile(mixed, b, 0o600))
	code, out, errOut := runCLI(t, "", "verify", "--jwks", mixed, akta)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"status":"valid"`)
	assert.Contains(t, errOut, "warning")
	assert.Contains(t, errOut, "jwk 0")
}
