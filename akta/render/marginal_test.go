package render_test

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
	"github.com/adminduk-id/adminduk/internal/testtool"
)

// correctedBirth is the sample birth as version 2 with a marginal note.
func correctedBirth(t testing.TB) *akta.Birth {
	b := birth(t)
	b.Child.Name = "Siti Aminah Putri Lestari"
	b.IssuedAt = b.RegisteredAt.AddDays(7)
	b.Version = 2
	b.Notes = []akta.MarginalNote{{Date: b.IssuedAt, Text: "nama anak semula Siti Aminah Putri menjadi Siti Aminah Putri Lestari",
		Authority: "Penetapan Pengadilan Negeri Serang Nomor 12/Pdt.P/2023/PN Srg"}}
	return b
}

// TestMarginalNoteText: a corrected akta prints its marginal note (catatan
// pinggir) under the body; the first version prints none.
func TestMarginalNoteText(t *testing.T) {
	text := strings.Join(strings.Fields(pdfText(t, renderDoc(t, correctedBirth(t), render.Options{Signer: testSigner}))), " ")
	for _, want := range []string{"catatan pinggir", "marginal note", "NAMA ANAK SEMULA SITI AMINAH PUTRI",
		"PENETAPAN PENGADILAN NEGERI SERANG", "12/PDT.P/2023/PN SRG, TANGGAL 8 SEPTEMBER 2023", "SITI AMINAH PUTRI LESTARI"} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, pdfText(t, renderDoc(t, birth(t), render.Options{Signer: testSigner})), "catatan pinggir")
}

// TestMarginalNotePrintable: a note with characters the fonts lack is
// refused with its pointer, as the names are.
func TestMarginalNotePrintable(t *testing.T) {
	b := correctedBirth(t)
	b.Notes[0].Authority = "Penetapan 法院"
	var out bytes.Buffer
	err := render.WritePDF(&out, b, render.Options{Signer: testSigner})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/notes/0/authority")
	assert.Zero(t, out.Len())
}

// TestPresignedCredential: with Options.Credential the document prints the
// credential given, without a signer, and the same bytes as when it signs
// that credential itself.
func TestPresignedCredential(t *testing.T) {
	b := correctedBirth(t)
	signed, err := render.Credential(b, render.Options{Signer: testSigner})
	require.NoError(t, err)
	pre := render.Options{Credential: signed}
	assert.Equal(t, renderDoc(t, b, render.Options{Signer: testSigner}), renderDoc(t, b, pre))
	data := renderPNG(t, b, render.Options{Credential: signed, DPI: 150})
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	payload, err := testtool.DecodeQR(img)
	require.NoError(t, err)
	assert.Equal(t, signed, payload)
	checkCredential(t, payload, "AKTA-KELAHIRAN", b.Number.String(), b.Child.NIK.String(), "20230825")

	// Any credential given is printed as given: the caller vouches for it.
	other, err := render.Credential(birth(t), render.Options{Signer: testSigner})
	require.NoError(t, err)
	assert.NotEqual(t, renderDoc(t, b, pre), renderDoc(t, b, render.Options{Credential: other}))

	// Without either, no document.
	var out bytes.Buffer
	assert.ErrorIs(t, render.WritePDF(&out, b, render.Options{}), render.ErrNoSigner)
}
