package kia

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
)

// TestDecodeCardInvalidDates: a date that does not exist (30 February) is
// a field error that unwraps to adminduk.ErrInvalidDate, never a date
// moved into March.
func TestDecodeCardInvalidDates(t *testing.T) {
	good := readFile(t, "newborn.json")
	tests := []struct {
		name, old, new string
		field          adminduk.Pointer
	}{
		{"birth 30 February", `"birth_date": "2023-12-05"`, `"birth_date": "2024-02-30"`, "/birth_date"},
		{"issued 31 April", `"issued_at": "2023-12-20"`, `"issued_at": "2024-04-31"`, "/issued_at"},
		{"permit 29 February of a common year", `"issued_at"`, `"permit_until": "2030-02-29", "issued_at"`, "/permit_until"},
		{"not YYYY-MM-DD", `"birth_date": "2023-12-05"`, `"birth_date": "05-12-2023"`, "/birth_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(good, tt.old, tt.new, 1)
			require.NotEqual(t, good, in)
			c, err := DecodeCard([]byte(in), DecodeOptions{})
			require.NotNil(t, c)
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			fe := ve.Field(tt.field)
			require.NotNil(t, fe, "%v", err)
			assert.ErrorIs(t, fe, adminduk.ErrInvalidDate)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.NotEmpty(t, fe.Indonesian)
		})
	}
	_, err := adminduk.MakeDate(2024, 2, 30)
	assert.ErrorIs(t, err, adminduk.ErrInvalidDate, "cards built in code cannot hold 30 February either")
}

// TestDecodeCardHeadNIP: issuer.head_nip parses into an adminduk.NIP; a
// bad one is a field error at /issuer/head_nip, reported once.
func TestDecodeCardHeadNIP(t *testing.T) {
	good := readFile(t, "newborn.json")
	c, err := DecodeCard([]byte(good), DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "19700315 200003 1 004", c.Issuer.HeadNIP.Printed())
	for _, bad := range []string{"1970031520000310", "197003152000031000", "19701315200003 1004"} {
		in := strings.Replace(good, `"197003152000031004"`, `"`+bad+`"`, 1)
		_, err := DecodeCard([]byte(in), DecodeOptions{})
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, bad)
		n := 0
		for _, f := range ve.Fields {
			if f.Pointer == "/issuer/head_nip" {
				n++
				assert.ErrorIs(t, &f, adminduk.ErrInvalidNIP, bad)
				assert.Equal(t, adminduk.CodeInvalid, f.Code)
			}
		}
		assert.Equal(t, 1, n, "one error for the NIP, not also 'required': %v", err)
	}
}

// TestDecodeCardMergesAll: syntax-level problems (unknown fields, a value
// of the wrong JSON type), values that do not parse and the rules'
// findings come back together in one *adminduk.ValidationError, each
// field once.
func TestDecodeCardMergesAll(t *testing.T) {
	in := readFile(t, "newborn.json")
	in = strings.Replace(in, `"nik"`, `"nickname": "x", "nik"`, 1)
	in = strings.Replace(in, `"rt": "003"`, `"rt": 3`, 1)
	in = strings.Replace(in, `"female"`, `"girl"`, 1)
	in = strings.Replace(in, `"Siti Nur Aisyah"`, `""`, 1)
	in = "\xef\xbb\xbf" + in
	c, err := DecodeCard([]byte(in), DecodeOptions{})
	require.NotNil(t, c, "the card read so far comes back")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var got []adminduk.Pointer
	for _, f := range ve.Fields {
		got = append(got, f.Pointer)
	}
	assert.ElementsMatch(t, []adminduk.Pointer{"/nickname", "/address/rt", "/sex", "/name"}, got)
	assert.ErrorIs(t, err, adminduk.ErrUnknownField)
	assert.ErrorIs(t, err, adminduk.ErrRequired)
	assert.ErrorIs(t, err, adminduk.ErrUnknownValue)

	// o.Check joins its fields, except those reported already.
	check := func(*Card) error {
		return &adminduk.ValidationError{Fields: []adminduk.FieldError{
			{Pointer: "/name", Code: adminduk.CodeInvalid, English: "again"},
			{Pointer: "/birth_place", Code: adminduk.CodeInvalid, English: "cannot print"},
		}}
	}
	_, err = DecodeCard([]byte(in), DecodeOptions{Check: check})
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field("/birth_place"))
	assert.NotEqual(t, "again", ve.Field("/name").English)
	_, err = DecodeCard([]byte(readFile(t, "newborn.json")), DecodeOptions{Check: func(*Card) error { return errors.New("boom") }})
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field(""))
}

// TestDecodeCardReadPhoto: the photo is read through o.ReadPhoto; an
// error reading it is a /photo field error.
func TestDecodeCardReadPhoto(t *testing.T) {
	data := []byte(readFile(t, "child.json"))
	c, err := DecodeCard(data, DecodeOptions{ReadPhoto: readTestdata})
	require.NoError(t, err)
	assert.NotEmpty(t, c.Photo.Data)
	_, err = DecodeCard(data, DecodeOptions{})
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Field("/photo").English, "not been read")
	_, err = DecodeCard(data, DecodeOptions{ReadPhoto: func(string) ([]byte, error) { return nil, os.ErrNotExist }})
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, ve.Field("/photo"), os.ErrNotExist)
}

// TestPhotoCheckNotByHash: a photo remembers only the exact slice it
// checked. Another slice with other bytes (as a crafted hash collision
// would be) is decoded again, and a corrupt one refused, even after a
// good photo was checked with the same Photo value.
func TestPhotoCheckNotByHash(t *testing.T) {
	c := load(t, "child.json")
	require.NoError(t, c.Validate())
	good := c.Photo.Data
	bad := append([]byte(nil), good[:len(good)*2/3]...)
	c.Photo.Data = bad
	var ve *adminduk.ValidationError
	require.ErrorAs(t, c.Validate(), &ve)
	assert.NotNil(t, ve.Field("/photo"))
	// The same bytes in another slice are checked again, and pass.
	c.Photo.Data = append([]byte(nil), good...)
	assert.NoError(t, c.Validate())
	// A Photo without state (built as a literal) is checked every time.
	c.Photo = Photo{Data: bad}
	assert.Error(t, c.Validate())
}

func TestEnumsRule(t *testing.T) {
	assert.Equal(t, "Kind(7)", Kind(7).String())
	assert.Equal(t, "", Kind(7).Text(adminduk.English))
	assert.True(t, From5.IsValid())
	assert.Equal(t, "Replacement(9)", Replacement(9).String())
	assert.False(t, Replacement(9).IsValid())
	assert.Equal(t, "", Replacement(9).Text(adminduk.Indonesian))
	assert.Equal(t, "LeapDay(5)", LeapDay(5).String())
	assert.Equal(t, "28 February", Feb28.Text(adminduk.English))
	assert.Equal(t, "1 Maret", March1.Text(adminduk.Indonesian))
}

// TestDecodeCardLenient: Lenient accepts a NIK whose kecamatan is in range
// but in no Kemendagri edition; strict decoding refuses it at /nik.
func TestDecodeCardLenient(t *testing.T) {
	in := strings.Replace(readFile(t, "newborn.json"), `"6208014512230001"`, `"6208984512230001"`, 1)
	_, err := DecodeCard([]byte(in), DecodeOptions{})
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	require.NotNil(t, ve.Field("/nik"), "%v", err)
	assert.ErrorIs(t, ve.Field("/nik"), adminduk.ErrUnknownRegion)
	c, err := DecodeCard([]byte(in), DecodeOptions{Lenient: true})
	require.NoError(t, err)
	assert.Equal(t, "6208984512230001", c.NIK.String())
}

// TestDecodeCardWarningsOnce: a card from DecodeCard lists each warning
// once.
func TestDecodeCardWarningsOnce(t *testing.T) {
	in := strings.Replace(readFile(t, "newborn.json"), `"2023-12-05"`, `"2023-12-04"`, 1)
	c, err := DecodeCard([]byte(in), DecodeOptions{})
	require.NoError(t, err)
	w := c.Warnings()
	require.Len(t, w, 1, "%v", w)
	assert.Equal(t, adminduk.Pointer("/birth_date"), w[0].Pointer)
	assert.ErrorIs(t, &w[0], adminduk.ErrMismatch)
}
