package render

import (
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/kia"
)

// TestCheckPrintable: a name or place the card's fonts cannot print is a
// field error, so that no card prints "?" where its QR code carries the
// letter; NFC makes decomposed accents printable.
func TestCheckPrintable(t *testing.T) {
	tests := []struct {
		name  string
		set   func(c *kia.Card)
		field string // "" when printable
	}{
		{"ascii", func(c *kia.Card) { c.Name = "Siti Aisyah" }, ""},
		{"decomposed acute", func(c *kia.Card) { c.Name = "Nu\u0301r Aisyah" }, ""},
		{"precomposed acute", func(c *kia.Card) { c.Name = "N\u00far Aisyah" }, ""},
		{"Vietnamese", func(c *kia.Card) { c.Name = "Nguy\u1ec5n V\u0103n An" }, "/name"},
		{"CJK", func(c *kia.Card) { c.Name = "\u674e\u5c0f\u9f99" }, "/name"},
		{"Arabic", func(c *kia.Card) { c.Name = "\u0645\u062d\u0645\u062f" }, "/name"},
		{"CJK place", func(c *kia.Card) { c.BirthPlace = "\u5317\u4eac" }, "/birth_place"},
		{"Arabic head of family", func(c *kia.Card) { c.HeadOfFamily = "\u0639\u0644\u064a" }, "/head_of_family"},
		{"emoji street", func(c *kia.Card) { c.Address.Street = "Jl. Mawar \U0001F33A" }, "/address/street"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadCard(t, "newborn")
			tt.set(c)
			err := CheckPrintable(c)
			if tt.field == "" {
				assert.NoError(t, err)
				return
			}
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			fe := ve.Field(adminduk.Pointer(tt.field))
			require.NotNil(t, fe, "%v", err)
			assert.ErrorIs(t, fe, kia.ErrInvalid)
			// Rendering refuses the card rather than print "?".
			o, _ := options(t, c)
			err = WritePDF(io.Discard, []*kia.Card{c}, o)
			assert.True(t, errors.Is(err, ErrInvalidCard), "%v", err)
		})
	}
}
