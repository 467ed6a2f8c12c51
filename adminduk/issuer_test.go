package adminduk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func TestIssuer(t *testing.T) {
	tests := []struct {
		name          string
		issuer        adminduk.Issuer
		id, reg, plac string
	}{
		{"kabupaten", adminduk.Issuer{Regency: wilayah.MustParseCode("36.04")}, "ID-3604", "KABUPATEN SERANG", "SERANG"},
		{"place given", adminduk.Issuer{Regency: wilayah.MustParseCode("62.08"), Place: "Sukamara"}, "ID-6208", "KABUPATEN SUKAMARA", "SUKAMARA"},
		{"zero", adminduk.Issuer{}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.id, tt.issuer.ID())
			assert.Equal(t, tt.reg, tt.issuer.RegencyName())
			assert.Equal(t, tt.plac, tt.issuer.PlaceName())
		})
	}
}

func TestIssuerIDOfKecamatan(t *testing.T) {
	assert.Equal(t, "ID-6208", adminduk.Issuer{Regency: wilayah.MustParseCode("62.08.01")}.ID())
}
