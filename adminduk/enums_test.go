package adminduk_test

import (
	"encoding/json"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEnums(t *testing.T) {
	for in, want := range map[string]adminduk.Sex{"male": adminduk.Male, "L": adminduk.Male, "Laki-Laki": adminduk.Male,
		"female": adminduk.Female, "P": adminduk.Female, "PEREMPUAN": adminduk.Female, "2": adminduk.Female} {
		got, err := adminduk.ParseSex(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := adminduk.ParseSex("x")
	require.ErrorIs(t, err, adminduk.ErrUnknownValue)
	var ve *adminduk.ValueError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "sex", ve.Type)

	for in, want := range map[string]adminduk.Religion{"Islam": adminduk.Islam, "kristen protestan": adminduk.Kristen,
		"KATOLIK": adminduk.Katolik, "Hindu": adminduk.Hindu, "Budha": adminduk.Buddha, "Konghucu": adminduk.Khonghucu,
		"Kepercayaan  terhadap Tuhan YME": adminduk.Kepercayaan} {
		got, err := adminduk.ParseReligion(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	assert.Equal(t, "Kepercayaan terhadap Tuhan YME", adminduk.Kepercayaan.String())
	assert.Equal(t, "PEREMPUAN", adminduk.Female.Text(adminduk.Indonesian))

	c, err := adminduk.ParseCitizenship("wni")
	require.NoError(t, err)
	assert.Equal(t, adminduk.WNI, c)
	_, err = adminduk.ParseCitizenship("WNX")
	require.ErrorIs(t, err, adminduk.ErrUnknownValue)

	for in, want := range map[string]adminduk.BloodType{"A": adminduk.BloodA, "ab": adminduk.BloodAB, "O+": adminduk.BloodOPos,
		"AB -": adminduk.BloodABNeg, "": 0, "-": 0} {
		got, err := adminduk.ParseBloodType(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err = adminduk.ParseBloodType("C")
	require.ErrorIs(t, err, adminduk.ErrUnknownValue)
	assert.Equal(t, "-", adminduk.BloodType(0).String())
}

func TestEnumsJSON(t *testing.T) {
	type rec struct {
		Sex         adminduk.Sex         `json:"sex"`
		Religion    adminduk.Religion    `json:"religion"`
		Citizenship adminduk.Citizenship `json:"citizenship"`
		Blood       adminduk.BloodType   `json:"blood_type"`
	}
	in := rec{adminduk.Female, adminduk.Khonghucu, adminduk.WNA, adminduk.BloodBNeg}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"sex":"female","religion":"Khonghucu","citizenship":"WNA","blood_type":"B-"}`, string(b))
	var out rec
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"sex":"unknown"}`), &out), adminduk.ErrUnknownValue)
}
