package coverage

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeedFigures(t *testing.T) {
	target := func(s string) *Percent { p := MustParsePercent(s); return &p }
	claim := func(s string) *ClaimedPercent { c := MustParseClaimedPercent(s); return &c }
	for _, tc := range []struct {
		name       string
		f          Figures
		percent    string
		id         string
		need, gap  int64
		meets      bool
		consistent bool
		warnings   []WarningKind
		stated     []int64
		computed   []int64
	}{
		{name: "Sukamara akta", f: Figures{Required: 19662, With: 18726, Claimed: claim("65,24 %"), Target: target("98")},
			percent: "95.24 %", id: "95,24 %", need: 19269, gap: 543, warnings: []WarningKind{WarnClaimedPercent},
			stated: []int64{6524}, computed: []int64{9524}},
		{name: "Sukamara KIA", f: Figures{Required: 18553, With: 13076, Claimed: claim("70.48"), Target: target("50")},
			percent: "70.48 %", id: "70,48 %", need: 9277, gap: 0, meets: true, consistent: true},
		{name: "Serang akta", f: Figures{Required: 516047, With: 489382, Without: new(int64(26665)), Claimed: claim("94,83"), Target: target("98")},
			percent: "94.83 %", id: "94,83 %", need: 505727, gap: 16345, consistent: true},
		// 238,357 + 273,870 = 512,227, ten more than the 512,217 required:
		// the release's counts disagree, though the percent is 46.53 % on
		// either denominator.
		{name: "Serang KIA", f: Figures{Required: 512217, With: 238357, Without: new(int64(273870)), Claimed: claim("46,53"), Target: target("50")},
			percent: "46.53 %", id: "46,53 %", need: 256109, gap: 17752, warnings: []WarningKind{WarnWithoutSum},
			stated: []int64{512217}, computed: []int64{512227}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.f.Check()
			require.NoError(t, err)
			assert.Equal(t, tc.percent, r.Percent.String())
			assert.Equal(t, tc.id, r.Percent.In(adminduk.Indonesian))
			assert.Equal(t, tc.need, r.Need)
			assert.Equal(t, tc.gap, r.Gap)
			assert.Equal(t, tc.meets, r.Meets)
			assert.Equal(t, tc.consistent, r.Consistent())
			var kinds []WarningKind
			var stated, computed []int64
			for _, w := range r.Warnings {
				kinds, stated, computed = append(kinds, w.Kind), append(stated, w.Stated), append(computed, w.Computed)
			}
			assert.Equal(t, tc.warnings, kinds)
			assert.Equal(t, tc.stated, stated)
			assert.Equal(t, tc.computed, computed)
		})
	}
}

func TestClaimMessages(t *testing.T) {
	for _, tc := range []struct {
		claim string
		c     Counts
		msg   string // "" when it matches
	}{
		{"65.24", Counts{19662, 18726}, "claimed 65.24 %, but 18,726 of 19,662 is 95.24 % (one digit differs: a typo?)"},
		{"95,2 %", Counts{19662, 18726}, ""},
		{"95", Counts{19662, 18726}, ""},
		{"95.3", Counts{19662, 18726}, "claimed 95.3 %, but 18,726 of 19,662 is 95.2 % (95.24 %) (one digit differs: a typo?)"},
		{"70.47", Counts{18553, 13076}, "claimed 70.47 %, but 13,076 of 18,553 is 70.48 % (truncated, not rounded half up)"},
		{"3.12", Counts{32, 1}, "claimed 3.12 %, but 1 of 32 is 3.13 % (truncated, not rounded half up)"},
		{"50", Counts{32, 1}, "claimed 50 %, but 1 of 32 is 3 % (3.13 %)"},
	} {
		c := MustParseClaimedPercent(tc.claim)
		r, err := Figures{Required: tc.c.Required, With: tc.c.With, Claimed: &c}.Check()
		require.NoError(t, err)
		if tc.msg == "" {
			assert.Empty(t, r.Warnings, tc.claim)
			continue
		}
		require.Len(t, r.Warnings, 1, tc.claim)
		assert.Equal(t, tc.msg, r.Warnings[0].Msg)
	}
}

func TestCheckAbove100AndErrors(t *testing.T) {
	r, err := Figures{Label: "KIA Kota X", Required: 1000, With: 1012}.Check()
	require.NoError(t, err)
	assert.Equal(t, "101.20 %", r.Percent.String())
	assert.True(t, r.Consistent())
	require.Len(t, r.Warnings, 1)
	assert.Equal(t, WarnAbove100, r.Warnings[0].Kind)
	assert.Equal(t, int64(-12), r.Without())
	assert.True(t, strings.HasPrefix(r.Warnings[0].String(), "KIA Kota X: 1,012 hold it but 1,000 are required: 101.20 %"))

	bad := Percent(10001)
	for _, f := range []Figures{
		{Required: 0, With: 0}, {Required: -1, With: 0}, {Required: 10, With: -1},
		{Required: 10, With: 1, Without: new(int64(-9))}, {Required: 10, With: 1, Target: &bad},
	} {
		_, err := f.Check()
		assert.ErrorIs(t, err, ErrInvalid, "%+v", f)
	}
}

func TestResultJSON(t *testing.T) {
	c := MustParseClaimedPercent("65.24")
	tg := MustParsePercent("98")
	r, err := Figures{Required: 19662, With: 18726, Claimed: &c, Target: &tg}.Check()
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, `{"percent":95.24,"target":98.00,"gap":543,"meets_target":false,"consistent":false,`+
		`"warnings":[{"kind":"claimed_percent","stated":65.24,"computed":95.24,`+
		`"message":"claimed 65.24 %, but 18,726 of 19,662 is 95.24 % (one digit differs: a typo?)"}],`+
		`"required":19662,"with":18726,"without":936,"need":19269}`, string(b))

	r, err = Figures{Required: 4, With: 1}.Check()
	require.NoError(t, err)
	b, err = json.Marshal(r)
	require.NoError(t, err)
	assert.Equal(t, `{"percent":25.00,"target":null,"gap":null,"meets_target":null,"consistent":true,"warnings":[],`+
		`"required":4,"with":1,"without":3,"need":null}`, string(b))
}

func TestCheckTotal(t *testing.T) {
	w, bad := CheckTotal("health PKS", 46, Part{"rumah sakit", 8}, Part{"klinik", 2}, Part{"bidan", 12}, Part{"puskesmas", 25})
	require.True(t, bad)
	assert.Equal(t, WarnPartsTotal, w.Kind)
	assert.Equal(t, int64(46), w.Stated)
	assert.Equal(t, int64(47), w.Computed)
	assert.Equal(t, "health PKS: stated total 46, but the parts sum to 47 (rumah sakit 8 + klinik 2 + bidan 12 + puskesmas 25)", w.String())
	_, bad = CheckTotal("ok", 47, Part{"a", 40}, Part{"b", 7})
	assert.False(t, bad)
}

func TestClaimString(t *testing.T) {
	for in, want := range map[string]string{"95": "95 %", "95,2": "95.2 %", "95.24 %": "95.24 %", "0.5": "0.5 %"} {
		assert.Equal(t, want, MustParseClaimedPercent(in).String())
	}
	assert.Equal(t, "95,2 %", MustParseClaimedPercent("95.2").In(adminduk.Indonesian))
	assert.Panics(t, func() { MustParseClaimedPercent("") })
}

func TestGroup(t *testing.T) {
	assert.Equal(t, "1,234,567", group(1234567, adminduk.English))
	assert.Equal(t, "1.234.567", group(1234567, adminduk.Indonesian))
	assert.Equal(t, "-1,000", group(-1000, adminduk.English))
	assert.Equal(t, "999", group(999, adminduk.English))
	assert.Equal(t, "0", group(0, adminduk.English))
}

func TestCheckParts(t *testing.T) {
	r, err := Figures{Label: "akta", Required: 19662, With: 18726, Parts: []Part{{"62.08.01", 7644}, {"62.08.02", 1449}, {"62.08.03", 3483},
		{"62.08.04", 2592}, {"62.08.05", 3994}}}.Check()
	require.NoError(t, err)
	require.Len(t, r.Warnings, 1)
	w := r.Warnings[0]
	assert.Equal(t, WarnPartsTotal, w.Kind)
	assert.Equal(t, int64(19662), w.Stated)
	assert.Equal(t, int64(19162), w.Computed)
	assert.False(t, r.Consistent())
	assert.Equal(t, "akta: required: stated total 19,662, but the parts sum to 19,162 (62.08.01 7,644 + 62.08.02 1,449 + "+
		"62.08.03 3,483 + 62.08.04 2,592 + 62.08.05 3,994)", w.String())
}
