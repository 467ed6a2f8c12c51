package kia

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// load reads a card of testdata with its photo.
func load(t testing.TB, name string) *Card {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	c, err := ParseCard(data)
	require.NoError(t, err)
	if c.Photo.Path != "" {
		c.Photo.Data, err = os.ReadFile(filepath.Join("testdata", c.Photo.Path))
		require.NoError(t, err)
	}
	return c
}

func TestValidateGood(t *testing.T) {
	for _, name := range []string{"newborn.json", "child.json"} {
		c := load(t, name)
		warnings, err := c.Validate()
		assert.NoError(t, err, name)
		assert.Empty(t, warnings, name)
	}
}

// fieldErr returns the error of field in err, failing when there is none.
func fieldErr(t *testing.T, err error, field string) *FieldError {
	t.Helper()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	fe := ve.Field(field)
	require.NotNil(t, fe, "no error for %s in %v", field, err)
	return fe
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		change func(c *Card)
		field  string
		code   Code
		is     error
	}{
		{"no NIK", "newborn.json", func(c *Card) { c.NIK = adminduk.NIK{} }, "nik", CodeRequired, ErrRequired},
		{"no name", "newborn.json", func(c *Card) { c.Name = "  " }, "name", CodeRequired, ErrRequired},
		{"name too long", "newborn.json", func(c *Card) { c.Name = "ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ" }, "name", CodeInvalid, ErrInvalid},
		{"name with digits", "newborn.json", func(c *Card) { c.Name = "Siti 2" }, "name", CodeInvalid, ErrInvalid},
		{"name with control", "newborn.json", func(c *Card) { c.Name = "Siti\x00" }, "name", CodeInvalid, ErrInvalid},
		{"no birth place", "newborn.json", func(c *Card) { c.BirthPlace = "" }, "birth_place", CodeRequired, ErrRequired},
		{"no birth date", "newborn.json", func(c *Card) { c.BirthDate = d("0001-01-01") }, "birth_date", CodeRequired, ErrRequired},
		{"no sex", "newborn.json", func(c *Card) { c.Sex = 0 }, "sex", CodeRequired, ErrRequired},
		{"bad sex", "newborn.json", func(c *Card) { c.Sex = 7 }, "sex", CodeInvalid, ErrInvalid},
		{"no religion", "newborn.json", func(c *Card) { c.Religion = 0 }, "religion", CodeRequired, ErrRequired},
		{"no citizenship", "newborn.json", func(c *Card) { c.Citizenship = 0 }, "citizenship", CodeRequired, ErrRequired},
		{"bad blood type", "newborn.json", func(c *Card) { c.BloodType = 99 }, "blood_type", CodeInvalid, ErrInvalid},
		{"no KK", "newborn.json", func(c *Card) { c.KK = adminduk.KK{} }, "kk_number", CodeRequired, ErrRequired},
		{"no head of family", "newborn.json", func(c *Card) { c.HeadOfFamily = "" }, "head_of_family", CodeRequired, ErrRequired},
		{"no akta", "newborn.json", func(c *Card) { c.AktaNumber = "" }, "akta_number", CodeRequired, ErrRequired},
		{"bad akta", "newborn.json", func(c *Card) { c.AktaNumber = "6208_LU" }, "akta_number", CodeInvalid, ErrInvalid},
		{"no street", "newborn.json", func(c *Card) { c.Address.Street = "" }, "address.street", CodeRequired, ErrRequired},
		{"bad RT", "newborn.json", func(c *Card) { c.Address.RT = "0003" }, "address.rt", CodeInvalid, ErrInvalid},
		{"no RW", "newborn.json", func(c *Card) { c.Address.RW = "" }, "address.rw", CodeRequired, ErrRequired},
		{"no village", "newborn.json", func(c *Card) { c.Address.Village = wilayah.Code{} }, "address.village", CodeRequired, ErrRequired},
		{"village is a kecamatan", "newborn.json", func(c *Card) { c.Address.Village = wilayah.MustParseCode("62.08.01") }, "address.village", CodeInvalid, ErrInvalid},
		{"unknown village", "newborn.json", func(c *Card) { c.Address.Village = wilayah.MustParseCode("62.08.01.2999") }, "address.village", CodeRegion, ErrRegion},
		{"village of another regency", "newborn.json", func(c *Card) { c.Address.Village = wilayah.MustParseCode("32.01.01.1001") }, "address.village", CodeRegion, ErrRegion},
		{"no issue date", "newborn.json", func(c *Card) { c.IssuedAt = d("0001-01-01") }, "issued_at", CodeRequired, ErrRequired},
		{"issued before birth", "newborn.json", func(c *Card) { c.IssuedAt = d("2023-12-01") }, "issued_at", CodeIneligible, ErrNotBorn},
		{"17 at issue", "child.json", func(c *Card) { c.IssuedAt = d("2032-05-07") }, "birth_date", CodeIneligible, ErrTooOld},
		{"married", "child.json", func(c *Card) { c.Married = true }, "married", CodeIneligible, ErrMarried},
		{"WNA without permit", "newborn.json", func(c *Card) { c.Citizenship = adminduk.WNA }, "permit_until", CodeRequired, ErrPermitRequired},
		{"WNA permit ended", "newborn.json", func(c *Card) { c.Citizenship = adminduk.WNA; c.PermitUntil = d("2023-12-19") }, "permit_until", CodeIneligible, ErrPermitExpired},
		{"WNI with permit", "newborn.json", func(c *Card) { c.PermitUntil = d("2030-01-01") }, "permit_until", CodeNotAllowed, ErrNotAllowed},
		{"no regency", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.Code{} }, "issuer.regency", CodeRequired, ErrRequired},
		{"regency is a province", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.MustParseCode("62") }, "issuer.regency", CodeInvalid, ErrInvalid},
		{"unknown regency", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.MustParseCode("62.60") }, "issuer.regency", CodeRegion, ErrRegion},
		{"retired regency", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.MustParseCode("91.01") }, "issuer.regency", CodeRegion, ErrRegion},
		{"no head name", "newborn.json", func(c *Card) { c.Issuer.HeadName = "" }, "issuer.head_name", CodeRequired, ErrRequired},
		{"short NIP", "newborn.json", func(c *Card) { c.Issuer.HeadNIP = "1970031520000310" }, "issuer.head_nip", CodeInvalid, ErrInvalid},
		{"no NIP", "newborn.json", func(c *Card) { c.Issuer.HeadNIP = "" }, "issuer.head_nip", CodeRequired, ErrRequired},
		{"from 5 without photo", "child.json", func(c *Card) { c.Photo = Photo{} }, "photo", CodeRequired, ErrRequired},
		{"photo not read", "child.json", func(c *Card) { c.Photo.Data = nil }, "photo", CodeRequired, ErrRequired},
		{"photo not an image", "child.json", func(c *Card) { c.Photo.Data = []byte("GIF89a...") }, "photo", CodeInvalid, ErrInvalid},
		{"turned 5 too early", "newborn.json", func(c *Card) { c.Replacement = Turned5 }, "replacement", CodeReplacement, ErrReplacement},
		{"unknown replacement", "newborn.json", func(c *Card) { c.Replacement = 77 }, "replacement", CodeInvalid, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, tt.file)
			tt.change(c)
			_, err := c.Validate()
			require.Error(t, err)
			fe := fieldErr(t, err, tt.field)
			assert.Equal(t, tt.code, fe.Code)
			assert.ErrorIs(t, err, tt.is)
			assert.ErrorIs(t, fe, tt.is)
			assert.NotEmpty(t, fe.Message)
			assert.NotEmpty(t, fe.English)
		})
	}
}

func TestValidateCollectsAll(t *testing.T) {
	_, err := (&Card{}).Validate()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	var fields []string
	for _, f := range ve.Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, []string{"nik", "name", "birth_place", "birth_date", "sex", "religion", "citizenship",
		"kk_number", "head_of_family", "akta_number", "address.street", "address.rt", "address.rw",
		"address.village", "issued_at", "issuer.regency", "issuer.head_name", "issuer.head_nip"}, fields)
	assert.ErrorIs(t, err, ErrRequired)
	assert.NotErrorIs(t, err, ErrTooOld)
	assert.Contains(t, err.Error(), "kia: invalid card: nik: is required; name: is required")
}

func TestValidateWarnings(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		change func(c *Card)
		fields []string
	}{
		{"corrected birth date", "newborn.json", func(c *Card) { c.BirthDate = d("2023-12-04") }, []string{"birth_date"}},
		{"corrected sex", "newborn.json", func(c *Card) { c.Sex = adminduk.Male }, []string{"sex"}},
		{"both", "child.json", func(c *Card) { c.Sex = adminduk.Female; c.BirthDate = d("2015-05-08") }, []string{"birth_date", "sex"}},
		{"photo on an under-5 card", "newborn.json", func(c *Card) { c.Photo = Photo{Path: "x.jpg"} }, []string{"photo"}},
		{"letters outside A-Z", "newborn.json", func(c *Card) { c.Name = "Siti Nur Aïsyah" }, []string{"name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, tt.file)
			tt.change(c)
			warnings, err := c.Validate()
			require.NoError(t, err, "a warning is not an error")
			var fields []string
			for _, w := range warnings {
				fields = append(fields, w.Field)
				assert.NotEmpty(t, w.Message)
			}
			assert.Equal(t, tt.fields, fields)
		})
	}
	c := load(t, "newborn.json")
	c.BirthDate = d("2023-12-04")
	warnings, _ := c.Validate()
	assert.ErrorIs(t, warnings[0], ErrMismatch)
	assert.Contains(t, warnings[0].English, "05-12-2023")
}

func TestCardHelpers(t *testing.T) {
	c := load(t, "child.json")
	assert.Equal(t, "ID-6208", c.IssuerID())
	assert.Equal(t, "MUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADINATAS", c.PrintedName())
	dec, err := c.Decide(Rules{})
	require.NoError(t, err)
	assert.Equal(t, From5, dec.Kind)
	assert.Equal(t, d("2032-05-06"), dec.ValidUntil)
	assert.Equal(t, "", (&Card{}).IssuerID())
	assert.True(t, errors.Is(&FieldError{Code: CodeRegion}, ErrRegion))
}
