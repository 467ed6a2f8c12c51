package validation_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/validation"
	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type birthReport struct {
	MotherNIK string `validate:"required,nik"`
	KK        string `validate:"omitempty,nokk"`
	District  string `validate:"required,kodewilayah"`
}

func TestTags(t *testing.T) {
	v := validator.New()
	require.NoError(t, validation.RegisterValidations(v))
	tests := []struct {
		name   string
		in     birthReport
		failed []string
	}{
		{"valid", birthReport{"3201014512230001", "3201012208230001", "32.01.01"}, nil},
		{"retired region NIK and village code", birthReport{"9101014512230001", "", "11.01.01.2001"}, nil},
		{"all wrong", birthReport{"3201013102230001", "3201012208230000", "32.01.99"}, []string{"MotherNIK", "KK", "District"}},
		{"missing", birthReport{}, []string{"MotherNIK", "District"}},
		{"bad syntax", birthReport{"12", "", "32-01"}, []string{"MotherNIK", "District"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Struct(tt.in)
			if tt.failed == nil {
				require.NoError(t, err)
				return
			}
			var ve validator.ValidationErrors
			require.True(t, errors.As(err, &ve))
			var fields []string
			for _, fe := range ve {
				fields = append(fields, fe.Field())
			}
			assert.Equal(t, tt.failed, fields)
		})
	}
}

func TestMessages(t *testing.T) {
	v := validator.New()
	idT, enT, err := validation.Translators(v)
	require.NoError(t, err)
	err = v.Struct(birthReport{MotherNIK: "3201013102230001", KK: "3201012208230000", District: "32.01.99"})
	var ve validator.ValidationErrors
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "MotherNIK tidak valid: tanggal lahir (digit 7-12) tidak ada di kalender", ve[0].Translate(idT))
	assert.Equal(t, "MotherNIK is not valid: its birth date (digits 7-12) does not exist", ve[0].Translate(enT))
	assert.Equal(t, "KK tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000", ve[1].Translate(idT))
	assert.Equal(t, "District tidak terdaftar sebagai kode wilayah Kemendagri", ve[2].Translate(idT))

	err = v.Struct(birthReport{MotherNIK: "9901014512230001"})
	require.True(t, errors.As(err, &ve))
	assert.Contains(t, ve[0].Translate(idT), "kode wilayah")
	assert.Equal(t, "District wajib diisi", ve[1].Translate(idT), "the validator's own messages are registered too")
}

func ExampleTranslators() {
	v := validator.New()
	idT, _, _ := validation.Translators(v)
	type form struct {
		NIK string `validate:"required,nik"`
	}
	err := v.Struct(form{NIK: "3201014512230000"})
	for _, fe := range err.(validator.ValidationErrors) {
		fmt.Println(fe.Translate(idT))
	}
	// Output: NIK tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000
}
