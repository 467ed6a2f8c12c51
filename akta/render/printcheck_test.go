package render_test

import (
	"bytes"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

// What the fonts cannot print is refused with a field error; decomposed
// accents are composed (NFC) and print. Document and QR never disagree.
func TestPrintableNames(t *testing.T) {
	tests := []struct {
		name, mother, place string
		field               adminduk.Pointer // "" when the record renders
		printed             string           // in the PDF text when it renders
	}{
		{"Siti Nu\u0301r", "Nur Halimah", "Serang", "", "SITI NÚR"},
		{"Zoë Ñúñez", "Ænne Müller", "Dili", "", "ZOË ÑÚÑEZ"},
		{"Nguyễn Văn", "Nur Halimah", "Serang", "/child/name", ""},
		{"Siti Aminah", "李小龍 Ahmad", "Serang", "/mother/name", ""},
		{"Siti Aminah", "Nur Halimah", "مكة", "/child/birth_place", ""},
		{"Siti Aminah", "Nur Halimah", "Ha\u0323 Noi", "/child/birth_place", ""}, // ạ composes to U+1EA1, not in the fonts
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.mother+"/"+tt.place, func(t *testing.T) {
			b := birth(t)
			b.Child.Name, b.Mother.Name, b.Child.BirthPlace = tt.name, tt.mother, tt.place
			var out bytes.Buffer
			err := render.WritePDF(&out, b, render.Options{Signer: testSigner})
			if tt.field != "" {
				var ve *adminduk.ValidationError
				require.ErrorAs(t, err, &ve)
				require.NotNil(t, ve.Field(tt.field), err.Error())
				assert.ErrorIs(t, err, akta.ErrInvalid)
				assert.Contains(t, err.Error(), "cannot print")
				assert.Zero(t, out.Len())
				return
			}
			require.NoError(t, err)
			text := pdfText(t, out.Bytes())
			assert.Contains(t, text, tt.printed)
			assert.NotContains(t, text, "?")
			qr, err := render.Credential(b, render.Options{Signer: testSigner})
			require.NoError(t, err)
			c := credential.Verify(qr, credential.KeySet{}, time.Now()).Claims
			assert.Equal(t, tt.printed, c.Identity.Name, "the QR carries what is printed")
		})
	}
	// The family card too.
	f := family(t)
	f.Members[1].Name = "Trần Thị"
	err := render.WritePDF(&bytes.Buffer{}, f, render.Options{Signer: testSigner})
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field("/members/1/name"))
	assert.True(t, strings.Contains(err.Error(), "cannot print"))
}
