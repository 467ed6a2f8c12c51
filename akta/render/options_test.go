package render_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

// No document claims a certificate it does not carry: the QR is the
// package's own Ed25519 credential and the PDF has no PDF signature.
func TestNoDocumentClaimsBSrE(t *testing.T) {
	for _, d := range docs() {
		t.Run(d.name, func(t *testing.T) {
			text := pdfText(t, renderDoc(t, d.get(t), render.Options{Signer: testSigner}))
			assert.NotContains(t, text, "BSrE")
			assert.NotContains(t, strings.ToLower(text), "sertifikat elektronik")
			assert.Contains(t, text, "kredensial elektronik")
		})
	}
}

// The footnote is configuration: a Dinas with a real PDF signature says so
// in its own words.
func TestNoteIsConfiguration(t *testing.T) {
	o := render.Options{Signer: testSigner, Note: render.Note{ID: "Ditandatangani dengan sertifikat uji.", EN: "Signed with a test certificate."}}
	text := pdfText(t, renderDoc(t, birth(t), o))
	assert.Contains(t, text, "Ditandatangani dengan sertifikat uji.")
	assert.Contains(t, text, "Signed with a test certificate.")
	assert.NotContains(t, text, "kredensial elektronik")
}

// appendSigner stands in for a PAdES signer: it checks that it receives a
// whole PDF and appends a marker.
type appendSigner struct{ got []byte }

func (s *appendSigner) SignPDF(w io.Writer, pdf []byte) error {
	s.got = append([]byte(nil), pdf...)
	if _, err := w.Write(pdf); err != nil {
		return err
	}
	_, err := io.WriteString(w, "%signed\n")
	return err
}

type failSigner struct{}

func (failSigner) SignPDF(io.Writer, []byte) error { return errors.New("token not present") }

func TestSignerReceivesFinishedPDF(t *testing.T) {
	plain := renderDoc(t, birth(t), render.Options{Signer: testSigner})
	s := &appendSigner{}
	out := renderDoc(t, birth(t), render.Options{Signer: testSigner, PDFSigner: s})
	assert.Equal(t, plain, s.got, "the signer gets the same PDF as an unsigned render")
	assert.Equal(t, append(plain, "%signed\n"...), out)

	var b bytes.Buffer
	err := render.WritePDF(&b, birth(t), render.Options{Signer: testSigner, PDFSigner: failSigner{}})
	assert.ErrorIs(t, err, render.ErrPDFSigner)
	assert.Contains(t, err.Error(), "token not present")
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), 100, uint8(y), 255})
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

func TestEmblem(t *testing.T) {
	good := pngBytes(t, 64, 80)
	for _, d := range docs() {
		var b bytes.Buffer
		o := render.Options{Signer: testSigner, Emblem: good}
		b.Write(dumpDoc(t, d.get(t), o))
		assert.Contains(t, b.String(), "image 64x80", d.name)
	}
	// PNG output draws it too: the emblem's box is no longer white.
	plain := renderPNG(t, birth(t), render.Options{Signer: testSigner, DPI: 72})
	withEmblem := renderPNG(t, birth(t), render.Options{Signer: testSigner, DPI: 72, Emblem: good})
	assert.NotEqual(t, plain, withEmblem)
	// A PDF with the emblem is a valid PDF with an image.
	pdf := renderDoc(t, birth(t), render.Options{Signer: testSigner, Emblem: good})
	assert.Contains(t, pdfText(t, pdf), "REPUBLIK INDONESIA")

	huge := pngBytes(t, 1, 1)
	// Patch the IHDR width to 5000 (bytes 16-19) and its CRC: the size
	// check refuses it before the pixels are decoded.
	huge[16], huge[17], huge[18], huge[19] = 0, 0, 0x13, 0x88
	binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
	var hb bytes.Buffer
	err := render.WritePDF(&hb, birth(t), render.Options{Signer: testSigner, Emblem: huge})
	assert.ErrorContains(t, err, "5000x1 pixels")
	for name, data := range map[string][]byte{
		"not an image": []byte("GIF89a not really"),
		"truncated":    good[:len(good)/2],
		"too large":    huge,
	} {
		var b bytes.Buffer
		err := render.WritePDF(&b, birth(t), render.Options{Signer: testSigner, Emblem: data})
		assert.ErrorIs(t, err, render.ErrEmblem, name)
		assert.Zero(t, b.Len(), name)
	}
}

// The three parent cases of Perpres 96/2018.
func TestParentCasesText(t *testing.T) {
	b := birth(t)
	b.Parents = akta.ParentsUnrecorded
	text := pdfText(t, renderDoc(t, b, render.Options{Signer: testSigner}))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"dari ayah AHMAD FAUZI", "dan ibu NUR HALIMAH",
		"yang perkawinannya belum tercatat sesuai dengan ketentuan peraturan perundang-undangan",
		"whose marriage has not been recorded", "anak ke-DUA, PEREMPUAN", "Kutipan ini dikeluarkan di SERANG",
		"Drs. H. AHMAD SUHAEMI, M.Si."} {
		assert.Contains(t, flat, want)
	}
	b.Parents = akta.ParentsMarried
	flat = strings.Join(strings.Fields(pdfText(t, renderDoc(t, b, render.Options{Signer: testSigner}))), " ")
	assert.Contains(t, flat, "dari ayah AHMAD FAUZI")
	assert.NotContains(t, flat, "belum tercatat")
	b.Parents, b.Father = akta.ParentsMotherOnly, nil
	flat = strings.Join(strings.Fields(pdfText(t, renderDoc(t, b, render.Options{Signer: testSigner}))), " ")
	assert.Contains(t, flat, "dari ibu NUR HALIMAH")
	assert.NotContains(t, flat, "AHMAD FAUZI")
	assert.NotContains(t, flat, "belum tercatat")
}

// A death certificate renders without the cause category and without the
// deceased's NIK (a newborn who died before registration).
func TestDeathWithoutCauseOrNIK(t *testing.T) {
	d := death(t)
	d.Cause = 0
	d.Witnesses = nil
	text := pdfText(t, renderDoc(t, d, render.Options{Signer: testSigner}))
	assert.Contains(t, text, "HAJI ABDUL RAHMAN")
	d.Deceased.NIK = adminduk.NIK{}
	text = pdfText(t, renderDoc(t, d, render.Options{Signer: testSigner}))
	assert.Contains(t, text, "KUTIPAN AKTA KEMATIAN")
	assert.NotContains(t, text, "3604090204500005")
}

// The family card as printed since 2020 (DOMAIN.md, "Nomor KK").
func TestFamilyCardText(t *testing.T) {
	flat := strings.Join(strings.Fields(pdfText(t, renderDoc(t, family(t), render.Options{Signer: testSigner}))), " ")
	for _, want := range []string{"Kode Pos : 42182", "Kode Wilayah 36.04.09.2001", "Dokumen Imigrasi", "Nama Orang Tua",
		"Perkawinan/", "Perceraian", "(11)", "Tanda Tangan/Cap Jempol", "No. Paspor", "No. KITAP", "Ayah", "Ibu"} {
		assert.Contains(t, flat, want)
	}
	f := family(t)
	f.PostalCode = ""
	flat = strings.Join(strings.Fields(pdfText(t, renderDoc(t, f, render.Options{Signer: testSigner}))), " ")
	assert.Regexp(t, `Kode Pos :\s?- `, flat)
}
