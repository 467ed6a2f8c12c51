package coverage

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSmallAPI(t *testing.T) {
	assert.Equal(t, DefaultKIAAges, KIA.DefaultAges())
	assert.Equal(t, DefaultAktaAges, Akta.DefaultAges())
	assert.Equal(t, int64(9483), Percent(9483).Hundredths())

	// Text form, as used for map keys and CSV cells.
	var m map[Percent]int
	require.NoError(t, json.Unmarshal([]byte(`{"94,83":1,"98":2}`), &m))
	assert.Equal(t, map[Percent]int{9483: 1, 9800: 2}, m)
	b, err := json.Marshal(map[Percent]int{9483: 1})
	require.NoError(t, err)
	assert.Equal(t, `{"94.83":1}`, string(b))
	var p Percent
	assert.ErrorIs(t, p.UnmarshalText([]byte("x")), ErrSyntax)

	ve := (&Counts{Required: -3}).Validate()
	assert.Equal(t, "coverage: invalid required: /required: -3 is negative", ve.Error())
	assert.ErrorIs(t, ve, ErrInvalid)
	assert.ErrorIs(t, ve, adminduk.ErrInvalid)
	var fe *adminduk.FieldError
	require.ErrorAs(t, ve, &fe)
	assert.Equal(t, "-3 negatif", fe.Message(adminduk.Indonesian))
	_, err = PercentOf(1<<62, 1)
	assert.ErrorIs(t, err, ErrRange)
	assert.ErrorIs(t, err, adminduk.ErrOutOfRange)
	pe := &ParseError{What: "percent", Input: strings.Repeat("9", 80), Msg: "too large"}
	assert.Equal(t, `coverage: percent "`+strings.Repeat("9", 60)+`...": too large`, pe.Error())

	for k := WarnClaimedPercent; k <= WarnUnknownColumn; k++ {
		assert.NotContains(t, k.String(), "warning(")
	}
	assert.Equal(t, "WarningKind(99)", WarningKind(99).String())
	assert.Equal(t, "Indicator(9)", Indicator(9).String())
	assert.Equal(t, "M", Medium.String())
	var c Confidence
	assert.Error(t, c.UnmarshalText([]byte("X")))

	assert.Equal(t, `"b,c"`, string(appendCSVField(nil, "b,c")))
	assert.Equal(t, "Jelai", string(appendCSVField(nil, "Jelai")))
	assert.Equal(t, `"say ""hi"""`, string(appendCSVField(nil, `say "hi"`)))
	assert.Equal(t, "Kabupaten Sukamara", regionName(wilayah.MustParseCode("62.08")))
	assert.Equal(t, "62.99", regionName(wilayah.MustParseCode("62.99")))
}
