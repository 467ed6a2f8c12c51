package adminduk_test

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enumValue is what every enumeration of adminduk offers.
type enumValue interface {
	IsValid() bool
	fmt.Stringer
	Text(adminduk.Lang) string
	encoding.TextMarshaler
}

type enumCase struct {
	typ   string
	count int
	of    func(n uint8) enumValue
	parse func(string) (enumValue, error)
}

var enumCases = []enumCase{
	{"Sex", 2, func(n uint8) enumValue { return adminduk.Sex(n) },
		func(s string) (enumValue, error) { return adminduk.ParseSex(s) }},
	{"Religion", 7, func(n uint8) enumValue { return adminduk.Religion(n) },
		func(s string) (enumValue, error) { return adminduk.ParseReligion(s) }},
	{"Citizenship", 2, func(n uint8) enumValue { return adminduk.Citizenship(n) },
		func(s string) (enumValue, error) { return adminduk.ParseCitizenship(s) }},
	{"BloodType", 12, func(n uint8) enumValue { return adminduk.BloodType(n) },
		func(s string) (enumValue, error) { return adminduk.ParseBloodType(s) }},
	{"Lang", 2, func(n uint8) enumValue { return adminduk.Lang(n - 1) }, // Lang starts at 0
		func(s string) (enumValue, error) { v, err := adminduk.ParseLang(s); return v, err }},
}

// TestEnumRule checks the one rule of every enumeration: IsValid for the
// named values; String, Text in both languages and MarshalText round-trip
// through the parser; an invalid value has the fixed String "Type(n)", no
// Text, and fails to marshal instead of giving "".
func TestEnumRule(t *testing.T) {
	for _, ec := range enumCases {
		t.Run(ec.typ, func(t *testing.T) {
			for n := 1; n <= ec.count; n++ {
				v := ec.of(uint8(n))
				require.True(t, v.IsValid(), "%s %d", ec.typ, n)
				texts := []string{v.String(), v.Text(adminduk.Indonesian), v.Text(adminduk.English)}
				b, err := v.MarshalText()
				require.NoError(t, err)
				texts = append(texts, string(b))
				for _, s := range texts {
					require.NotEmpty(t, s, "%s %d", ec.typ, n)
					got, err := ec.parse(s)
					require.NoError(t, err, s)
					assert.Equal(t, v, got, s)
				}
			}
			bad := ec.of(200)
			assert.False(t, bad.IsValid())
			wantBad := fmt.Sprintf("%s(%d)", ec.typ, 200)
			if ec.typ == "Lang" {
				wantBad = "Lang(199)"
			}
			assert.Equal(t, wantBad, bad.String())
			assert.Empty(t, bad.Text(adminduk.Indonesian))
			_, err := bad.MarshalText()
			assert.ErrorIs(t, err, adminduk.ErrUnknownValue)
		})
	}
}

func TestEnumZeroIsUnknown(t *testing.T) {
	assert.False(t, adminduk.Sex(0).IsValid())
	assert.Equal(t, "", adminduk.Sex(0).String())
	assert.Equal(t, "", adminduk.Religion(0).Text(adminduk.English))
	assert.Equal(t, "-", adminduk.BloodType(0).String())
	assert.Equal(t, "-", adminduk.BloodType(0).Text(adminduk.Indonesian))
	b, err := adminduk.BloodType(0).MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
}

func TestEnumText(t *testing.T) {
	assert.Equal(t, "PEREMPUAN", adminduk.Female.Text(adminduk.Indonesian))
	assert.Equal(t, "FEMALE", adminduk.Female.Text(adminduk.English))
	assert.Equal(t, "CATHOLIC", adminduk.Katolik.Text(adminduk.English))
	assert.Equal(t, "INDONESIAN", adminduk.WNI.Text(adminduk.English))
	assert.Equal(t, "WNI", adminduk.WNI.Text(adminduk.Indonesian))
	assert.Equal(t, "AB+", adminduk.BloodABPos.Text(adminduk.English))
	assert.Equal(t, "bahasa Indonesia", adminduk.Indonesian.Text(adminduk.Indonesian))
	assert.Equal(t, "English", adminduk.English.Text(adminduk.English))
	for in, want := range map[string]adminduk.Lang{"id": adminduk.Indonesian, "ID": adminduk.Indonesian, "id-ID": adminduk.Indonesian,
		"in": adminduk.Indonesian, "en": adminduk.English, "en-GB": adminduk.English, "eng": adminduk.English} {
		got, err := adminduk.ParseLang(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := adminduk.ParseLang("fr")
	var ve *adminduk.ValueError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, `adminduk: unknown language "fr"`, err.Error())
}

func TestValueError(t *testing.T) {
	errUnknownCause := adminduk.Sentinel("akta: unknown value", adminduk.ErrUnknownValue)
	for _, tc := range []struct {
		e    *adminduk.ValueError
		msg  string
		errs []error
	}{
		{&adminduk.ValueError{Type: "sex", Input: "x"}, `adminduk: unknown sex "x"`, []error{adminduk.ErrUnknownValue, adminduk.ErrInvalid}},
		{&adminduk.ValueError{Type: "cause", Input: "x", Err: errUnknownCause}, `akta: unknown cause "x"`,
			[]error{errUnknownCause, adminduk.ErrUnknownValue, adminduk.ErrInvalid}},
		{&adminduk.ValueError{Type: "sex", Input: strings.Repeat("a", 70)}, `adminduk: unknown sex "` + strings.Repeat("a", 64) + `..."`, nil},
		{&adminduk.ValueError{Type: "sex", Input: "\x00\""}, `adminduk: unknown sex "\x00\""`, nil},
	} {
		assert.Equal(t, tc.msg, tc.e.Error())
		for _, target := range tc.errs {
			assert.ErrorIs(t, tc.e, target)
		}
	}
}
