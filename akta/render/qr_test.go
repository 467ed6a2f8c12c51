package render_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
	"github.com/adminduk-id/adminduk/internal/testtool"
)

// trusted is the key set of a verifier that trusts testKey for Kab. Serang.
func trusted(t testing.TB) credential.KeySet {
	s, err := credential.NewSigner("ID-3604", testKey)
	require.NoError(t, err)
	var ks credential.KeySet
	ks.Add(s.PublicKey(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)))
	return ks
}

// rasterise renders the first page of a PDF with pdftoppm.
func rasterise(t *testing.T, pdf []byte, dpi string) image.Image {
	t.Helper()
	tool := testtool.Require(t, "pdftoppm")
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o600))
	out, err := exec.Command(tool, "-png", "-r", dpi, "-f", "1", "-l", "1", "-singlefile", in, filepath.Join(dir, "page")).CombinedOutput()
	require.NoError(t, err, string(out))
	f, err := os.Open(filepath.Join(dir, "page.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	return img
}

// checkCredential verifies a payload read from a document.
func checkCredential(t *testing.T, payload string, docType, number, nik, event string) {
	t.Helper()
	res := credential.Verify(payload, trusted(t), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	require.Equal(t, credential.StatusValid, res.Status, "%v", res.Err)
	c := res.Claims
	assert.Equal(t, "ID-3604", c.Issuer)
	assert.Equal(t, docType, c.Document.Type)
	assert.Equal(t, number, c.Document.Number)
	assert.Equal(t, nik, c.Identity.NIK)
	assert.Equal(t, event, c.Document.EventDate)
	assert.True(t, c.Expires.IsZero(), "akta and KK carry no exp")
}

// The QR on the printed page decodes and verifies: the page rasterised by
// poppler at print resolution (300 dpi) and at a screen's (150 dpi), the QR
// found and read by gozxing, the signature checked.
func TestQRFromPDFPageVerifies(t *testing.T) {
	for _, tc := range []struct {
		doc                        any
		docType, number, nik, date string
	}{
		{birth(t), "AKTA-KELAHIRAN", "3604-LU-01092023-0001", "3604096508230001", "20230825"},
		{death(t), "AKTA-KEMATIAN", "3604-KM-10032024-0007", "3604090204500005", "20240301"},
		{family(t), "KK", "3604091506180002", "3604091203900001", ""},
	} {
		for _, dpi := range []string{"300", "150"} {
			t.Run(tc.docType+"@"+dpi, func(t *testing.T) {
				img := rasterise(t, renderDoc(t, tc.doc, render.Options{Signer: testSigner}), dpi)
				payload, err := testtool.DecodeQR(img)
				require.NoError(t, err)
				checkCredential(t, payload, tc.docType, tc.number, tc.nik, tc.date)
			})
		}
	}
}

// The same without external tools: the PNG output of the renderer.
func TestQRFromPNGVerifies(t *testing.T) {
	b := birth(t)
	data := renderPNG(t, b, render.Options{Signer: testSigner, DPI: 150})
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	payload, err := testtool.DecodeQR(img)
	require.NoError(t, err)
	want, err := render.Credential(b, render.Options{Signer: testSigner})
	require.NoError(t, err)
	assert.Equal(t, want, payload)
	checkCredential(t, payload, "AKTA-KELAHIRAN", "3604-LU-01092023-0001", "3604096508230001", "20230825")

	res := credential.Verify(payload, trusted(t), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	c := res.Claims
	assert.Equal(t, "SITI AMINAH PUTRI", c.Identity.Name)
	assert.Equal(t, "20230825", c.Identity.BirthDate)
	assert.Equal(t, 2, c.Identity.Sex)
	assert.Equal(t, "IDN", c.Identity.Nationality)
	assert.Equal(t, "3604091506180002", c.Document.KKNumber)
	assert.Equal(t, "SERANG", c.Document.EventPlace)
	assert.Equal(t, time.Date(2023, 9, 1, 0, 0, 0, 0, time.FixedZone("", 7*3600)).Unix(), c.IssuedAt.Unix(),
		"iat: midnight WIB of the issue date by default")
}

// zbarRead reads the QR of a rasterised page with zbarimg, a decoder that
// shares no code with the library.
func zbarRead(t *testing.T, img image.Image) string {
	t.Helper()
	zbar := testtool.Require(t, "zbarimg")
	path := filepath.Join(t.TempDir(), "page.png")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, png.Encode(f, img))
	require.NoError(t, f.Close())
	out, err := exec.Command(zbar, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path).Output()
	require.NoError(t, err)
	return strings.TrimSuffix(string(out), "\n")
}

// An independent chain: poppler draws the page, zbar reads the QR, and
// scripts/verifier (JavaScript, written from CREDENTIAL.md alone) checks
// it against the published JWK Set.
func TestQRIndependentChain(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: rasterises pages at 300 dpi")
	}
	node := testtool.Require(t, "node")
	for _, tc := range []struct {
		doc             any
		docType, number string
	}{
		{birth(t), "AKTA-KELAHIRAN", "3604-LU-01092023-0001"},
		{death(t), "AKTA-KEMATIAN", "3604-KM-10032024-0007"},
		{family(t), "KK", "3604091506180002"},
	} {
		t.Run(tc.docType, func(t *testing.T) {
			for _, dpi := range []string{"200", "300"} {
				payload := zbarRead(t, rasterise(t, renderDoc(t, tc.doc, render.Options{Signer: testSigner}), dpi))
				jwks, err := json.Marshal(trusted(t))
				require.NoError(t, err)
				keys := filepath.Join(t.TempDir(), "jwks.json")
				require.NoError(t, os.WriteFile(keys, jwks, 0o600))
				out, err := exec.Command(node, "../../scripts/verifier/verify.mjs", "--jwks", keys, "--at", "2025-01-01T00:00:00Z", payload).Output()
				require.NoError(t, err, "exit status: %s", out)
				var res struct {
					Status string
					Claims struct {
						Iss      string
						Document map[string]any
					}
				}
				require.NoError(t, json.Unmarshal(out, &res), string(out))
				assert.Equal(t, "valid", res.Status)
				assert.Equal(t, "ID-3604", res.Claims.Iss)
				assert.Equal(t, tc.docType, res.Claims.Document["1"])
				assert.Equal(t, tc.number, res.Claims.Document["2"])
			}
		})
	}
}

func TestCredentialOptions(t *testing.T) {
	b := birth(t)
	at := time.Date(2023, 9, 1, 10, 30, 0, 0, time.UTC)
	p1, err := render.Credential(b, render.Options{Signer: testSigner, SignedAt: at})
	require.NoError(t, err)
	res := credential.Verify(p1, trusted(t), at.Add(time.Hour))
	require.Equal(t, credential.StatusValid, res.Status)
	assert.Equal(t, at.Unix(), res.Claims.IssuedAt.Unix())

	// Another Dinas's key does not verify.
	other, err := credential.GenerateKey(nil)
	require.NoError(t, err)
	otherSigner, err := credential.NewSigner("ID-3604", other)
	require.NoError(t, err)
	p2, err := render.Credential(b, render.Options{Signer: otherSigner})
	require.NoError(t, err)
	assert.NotEqual(t, credential.StatusValid, credential.Verify(p2, trusted(t), at).Status)

	_, err = render.Credential(b, render.Options{})
	assert.ErrorIs(t, err, render.ErrNoSigner)
	bad := b.Clone()
	bad.Child.Name = ""
	_, err = render.Credential(bad, render.Options{Signer: testSigner})
	assert.ErrorIs(t, err, akta.ErrRequired)
}

// A signer of another Dinas cannot sign a document: nothing is written.
func TestSignerOfAnotherIssuer(t *testing.T) {
	other, err := credential.NewSigner("ID-3201", testKey)
	require.NoError(t, err)
	var out bytes.Buffer
	err = render.WritePDF(&out, birth(t), render.Options{Signer: other})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "ID-3604")
	assert.Zero(t, out.Len())
	_, err = render.Credential(family(t), render.Options{Signer: other})
	assert.Error(t, err)
}
