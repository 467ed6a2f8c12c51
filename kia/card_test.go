package kia

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
	c, err := DecodeCard(data, DecodeOptions{ReadPhoto: readTestdata})
	require.NoError(t, err)
	return c
}

func TestValidateGood(t *testing.T) {
	for _, name := range []string{"newborn.json", "child.json"} {
		c := load(t, name)
		err := c.Validate()
		warnings := c.Warnings()
		assert.NoError(t, err, name)
		assert.Empty(t, warnings, name)
	}
}

// fieldErr returns the error of field in err, failing when there is none.
func fieldErr(t *testing.T, err error, field string) *adminduk.FieldError {
	t.Helper()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var p adminduk.Pointer
	if field != "" {
		p = adminduk.NewPointer(strings.Split(field, ".")...)
	}
	fe := ve.Field(p)
	require.NotNil(t, fe, "no error for %s in %v", field, err)
	return fe
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		change func(c *Card)
		field  string
		code   adminduk.Code
		is     error
	}{
		{"no NIK", "newborn.json", func(c *Card) { c.NIK = adminduk.NIK{} }, "nik", adminduk.CodeRequired, ErrRequired},
		{"no name", "newborn.json", func(c *Card) { c.Name = "  " }, "name", adminduk.CodeRequired, ErrRequired},
		{"name too long", "newborn.json", func(c *Card) { c.Name = "ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ ABCDEFGHIJ" }, "name", adminduk.CodeInvalid, ErrInvalid},
		{"name with digits", "newborn.json", func(c *Card) { c.Name = "Siti 2" }, "name", adminduk.CodeInvalid, ErrInvalid},
		{"name with control", "newborn.json", func(c *Card) { c.Name = "Siti\x00" }, "name", adminduk.CodeInvalid, ErrInvalid},
		{"no birth place", "newborn.json", func(c *Card) { c.BirthPlace = "" }, "birth_place", adminduk.CodeRequired, ErrRequired},
		{"no birth date", "newborn.json", func(c *Card) { c.BirthDate = adminduk.Date{} }, "birth_date", adminduk.CodeRequired, ErrRequired},
		{"no sex", "newborn.json", func(c *Card) { c.Sex = 0 }, "sex", adminduk.CodeRequired, ErrRequired},
		{"bad sex", "newborn.json", func(c *Card) { c.Sex = 7 }, "sex", adminduk.CodeInvalid, ErrInvalid},
		{"no religion", "newborn.json", func(c *Card) { c.Religion = 0 }, "religion", adminduk.CodeRequired, ErrRequired},
		{"no citizenship", "newborn.json", func(c *Card) { c.Citizenship = 0 }, "citizenship", adminduk.CodeRequired, ErrRequired},
		{"bad blood type", "newborn.json", func(c *Card) { c.BloodType = 99 }, "blood_type", adminduk.CodeInvalid, ErrInvalid},
		{"no KK", "newborn.json", func(c *Card) { c.KK = adminduk.KK{} }, "kk_number", adminduk.CodeRequired, ErrRequired},
		{"no head of family", "newborn.json", func(c *Card) { c.HeadOfFamily = "" }, "head_of_family", adminduk.CodeRequired, ErrRequired},
		{"no akta", "newborn.json", func(c *Card) { c.AktaNumber = "" }, "akta_number", adminduk.CodeRequired, ErrRequired},
		{"bad akta", "newborn.json", func(c *Card) { c.AktaNumber = "6208_LU" }, "akta_number", adminduk.CodeInvalid, ErrInvalid},
		{"no street", "newborn.json", func(c *Card) { c.Address.Street = "" }, "address.street", adminduk.CodeRequired, ErrRequired},
		{"bad RT", "newborn.json", func(c *Card) { c.Address.RT = "0003" }, "address.rt", adminduk.CodeInvalid, ErrInvalid},
		{"no RW", "newborn.json", func(c *Card) { c.Address.RW = "" }, "address.rw", adminduk.CodeRequired, ErrRequired},
		{"no village", "newborn.json", func(c *Card) { c.Address.Village = wilayah.Code{} }, "address.village", adminduk.CodeRequired, ErrRequired},
		{"village is a kecamatan", "newborn.json", func(c *Card) { c.Address.Village = wilayah.MustParseCode("62.08.01") }, "address.village", adminduk.CodeInvalid, ErrInvalid},
		{"unknown village", "newborn.json", func(c *Card) { c.Address.Village = wilayah.MustParseCode("62.08.01.2999") }, "address.village", adminduk.CodeRegion, ErrRegion},
		{"village of another regency", "newborn.json", func(c *Card) { c.Address.Village = wilayah.MustParseCode("32.01.01.1001") }, "address.village", adminduk.CodeRegion, ErrRegion},
		{"no issue date", "newborn.json", func(c *Card) { c.IssuedAt = adminduk.Date{} }, "issued_at", adminduk.CodeRequired, ErrRequired},
		{"issued before birth", "newborn.json", func(c *Card) { c.IssuedAt = d("2023-12-01") }, "issued_at", CodeIneligible, ErrNotBorn},
		{"17 at issue", "child.json", func(c *Card) { c.IssuedAt = d("2032-05-07") }, "birth_date", CodeIneligible, ErrTooOld},
		{"married", "child.json", func(c *Card) { c.Married = true }, "married", CodeIneligible, ErrMarried},
		{"WNA without permit", "newborn.json", func(c *Card) { c.Citizenship = adminduk.WNA }, "permit_until", adminduk.CodeRequired, ErrPermitRequired},
		{"WNA permit ended", "newborn.json", func(c *Card) { c.Citizenship = adminduk.WNA; c.PermitUntil = d("2023-12-19") }, "permit_until", CodeIneligible, ErrPermitExpired},
		{"WNI with permit", "newborn.json", func(c *Card) { c.PermitUntil = d("2030-01-01") }, "permit_until", adminduk.CodeNotAllowed, ErrNotAllowed},
		{"no regency", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.Code{} }, "issuer.regency", adminduk.CodeRequired, ErrRequired},
		{"regency is a province", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.MustParseCode("62") }, "issuer.regency", adminduk.CodeInvalid, ErrInvalid},
		{"unknown regency", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.MustParseCode("62.60") }, "issuer.regency", adminduk.CodeRegion, ErrRegion},
		{"retired regency", "newborn.json", func(c *Card) { c.Issuer.Regency = wilayah.MustParseCode("91.01") }, "issuer.regency", adminduk.CodeRegion, ErrRegion},
		{"no head name", "newborn.json", func(c *Card) { c.Issuer.HeadName = "" }, "issuer.head_name", adminduk.CodeRequired, ErrRequired},
		{"short NIP", "newborn.json", func(c *Card) { c.Issuer.HeadNIP = adminduk.NIP{} }, "issuer.head_nip", adminduk.CodeRequired, ErrRequired},
		{"no NIP", "newborn.json", func(c *Card) { c.Issuer.HeadNIP = adminduk.NIP{} }, "issuer.head_nip", adminduk.CodeRequired, ErrRequired},
		{"from 5 without photo", "child.json", func(c *Card) { c.Photo = Photo{} }, "photo", adminduk.CodeRequired, ErrRequired},
		{"photo not read", "child.json", func(c *Card) { c.Photo.Data = nil }, "photo", adminduk.CodeRequired, ErrRequired},
		{"photo not an image", "child.json", func(c *Card) { c.Photo.Data = []byte("GIF89a...") }, "photo", adminduk.CodeInvalid, ErrInvalid},
		{"turned 5 too early", "newborn.json", func(c *Card) { c.Replacement = Turned5 }, "replacement", CodeReplacement, ErrReplacement},
		{"unknown replacement", "newborn.json", func(c *Card) { c.Replacement = 77 }, "replacement", adminduk.CodeInvalid, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, tt.file)
			tt.change(c)
			err := c.Validate()
			require.Error(t, err)
			fe := fieldErr(t, err, tt.field)
			assert.Equal(t, tt.code, fe.Code)
			assert.ErrorIs(t, err, tt.is)
			assert.ErrorIs(t, fe, tt.is)
			assert.NotEmpty(t, fe.Indonesian)
			assert.NotEmpty(t, fe.English)
		})
	}
}

func TestValidateCollectsAll(t *testing.T) {
	err := (&Card{}).Validate()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var fields []adminduk.Pointer
	for _, f := range ve.Fields {
		fields = append(fields, f.Pointer)
	}
	assert.Equal(t, []adminduk.Pointer{"/nik", "/name", "/birth_place", "/birth_date", "/sex", "/religion", "/citizenship",
		"/kk_number", "/head_of_family", "/akta_number", "/address/street", "/address/rt", "/address/rw",
		"/address/village", "/issued_at", "/issuer/regency", "/issuer/head_name", "/issuer/head_nip"}, fields)
	assert.ErrorIs(t, err, ErrRequired)
	assert.ErrorIs(t, err, adminduk.ErrRequired)
	assert.ErrorIs(t, err, adminduk.ErrInvalid)
	assert.NotErrorIs(t, err, ErrTooOld)
	assert.Contains(t, err.Error(), "kia: invalid card: /nik: is required; /name: is required")
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
			err := c.Validate()
			warnings := c.Warnings()
			require.NoError(t, err, "a warning is not an error")
			var fields []string
			for _, w := range warnings {
				fields = append(fields, dotted(w.Pointer))
				assert.NotEmpty(t, w.Indonesian)
			}
			assert.Equal(t, tt.fields, fields)
		})
	}
	c := load(t, "newborn.json")
	c.BirthDate = d("2023-12-04")
	warnings := c.Warnings()
	assert.ErrorIs(t, &warnings[0], ErrMismatch)
	assert.Contains(t, warnings[0].English, "05-12-2023")
}

func TestCardHelpers(t *testing.T) {
	c := load(t, "child.json")
	assert.Equal(t, "ID-6208", c.Issuer.ID())
	assert.Equal(t, "MUHAMMAD RIZKY RAMADHAN PUTRA PRATAMA WIJAYAKUSUMA HADINATAS", c.PrintedName())
	dec, err := c.Decide(Rules{})
	require.NoError(t, err)
	assert.Equal(t, From5, dec.Kind)
	assert.Equal(t, d("2032-05-06"), dec.ValidUntil)
	assert.Equal(t, "", (&Card{}).Issuer.ID())
	assert.True(t, errors.Is(&adminduk.FieldError{Code: adminduk.CodeRegion, Err: codeErrs[adminduk.CodeRegion]}, ErrRegion))
}

// readTestdata reads a photo of testdata.
func readTestdata(p string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", p)) }

// dotted writes a pointer as the dotted path of the tables: "address.rt".
func dotted(p adminduk.Pointer) string { return strings.Join(p.Tokens(), ".") }
