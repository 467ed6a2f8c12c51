package coverage

import (
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Warnings read in Indonesian or English; Msg stays English (the JSON).
func TestWarningLanguages(t *testing.T) {
	without := int64(273870)
	claim := MustParseClaimedPercent("65,24 %")
	for _, tc := range []struct {
		name   string
		f      Figures
		en, id string
	}{
		{"with + without", Figures{Required: 512217, With: 238357, Without: &without},
			"with 238,357 + without 273,870 = 512,227, not the 512,217 required (off by 10)",
			"memiliki 238.357 + belum 273.870 = 512.227, bukan wajib 512.217 (selisih 10)"},
		{"claimed percent", Figures{Required: 19662, With: 18726, Claimed: &claim},
			"claimed 65.24 %, but 18,726 of 19,662 is 95.24 % (one digit differs: a typo?)",
			"dinyatakan 65,24 %, padahal 18.726 dari 19.662 adalah 95,24 % (satu angka berbeda: salah ketik?)"},
		{"parts", Figures{Required: 46, With: 46, Parts: []Part{{"rs", 8}, {"", 39}}},
			"stated total 46, but the parts sum to 47 (rs 8 + 39)",
			"total dinyatakan 46, padahal jumlah rinciannya 47 (rs 8 + 39)"},
		{"above 100", Figures{Required: 1000, With: 1012},
			"1,012 hold it but 1,000 are required: 101.20 %, above 100 % (is the population figure older than the count?)",
			"1.012 memiliki padahal wajib hanya 1.000: 101,20 %, di atas 100 % (data penduduk lebih lama dari hitungan?)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.f.Check()
			require.NoError(t, err)
			require.Len(t, r.Warnings, 1)
			w := r.Warnings[0]
			assert.Equal(t, tc.en, w.Msg)
			assert.Equal(t, tc.en, w.In(adminduk.English))
			assert.Equal(t, tc.id, w.In(adminduk.Indonesian))
		})
	}
	assert.Equal(t, "x", Warning{Msg: "x"}.In(adminduk.Indonesian), "no Indonesian wording: Msg")
}

func TestResultViews(t *testing.T) {
	target := MustParsePercent("98")
	r, err := Figures{Required: 516047, With: 489382, Target: &target}.Check()
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b, adminduk.Indonesian))
	assert.Equal(t, "wajib         516.047\nmemiliki      489.382\nbelum         26.665\ncakupan       94,83 %\n"+
		"target        98,00 %\ndibutuhkan    505.727\nkekurangan    16.345\ntercapai      belum\nkonsisten     ya\n", b.String())
	b.Reset()
	require.NoError(t, r.WriteSummaryJSON(&b))
	assert.Equal(t, `{"percent":94.83,"target":98.00,"gap":16345,"meets_target":false,"consistent":true,"warnings":[]}`+"\n", b.String())
}
