package coverage

import (
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultTargets(t *testing.T) {
	ts := DefaultTargets()
	require.NoError(t, ts.Validate())
	for _, tc := range []struct {
		ind      Indicator
		year     int
		want     string
		fromYear int
		ok       bool
	}{
		{Akta, 2015, "75.00 %", 2015, true}, {Akta, 2016, "77.50 %", 2016, true}, {Akta, 2017, "80.00 %", 2017, true},
		{Akta, 2018, "82.50 %", 2018, true}, {Akta, 2019, "85.00 %", 2019, true}, {Akta, 2020, "92.00 %", 2020, true},
		{Akta, 2021, "92.00 %", 2020, true}, {Akta, 2023, "98.00 %", 2023, true}, {Akta, 2024, "98.00 %", 2024, true},
		{Akta, 2025, "98.00 %", 2024, true}, {KIA, 2022, "40.00 %", 2022, true}, {KIA, 2023, "50.00 %", 2023, true},
		{KIA, 2024, "75.00 %", 2024, true}, {Akta, 2014, "", 0, false}, {KIA, 2021, "", 0, false},
	} {
		got, ok := ts.For(tc.ind, tc.year)
		require.Equal(t, tc.ok, ok, "%v %d", tc.ind, tc.year)
		if ok {
			assert.Equal(t, tc.want, got.Percent.String(), "%v %d", tc.ind, tc.year)
			assert.Equal(t, tc.fromYear, got.Year)
		}
	}
	kia24, _ := ts.For(KIA, 2024)
	assert.Equal(t, Low, kia24.Confidence)
}

func TestTargetsOverride(t *testing.T) {
	ts := DefaultTargets().With(Target{Indicator: KIA, Year: 2023, Percent: 6000, Source: "Renstra"},
		Target{Indicator: KIA, Year: 2025, Percent: 8000})
	got, _ := ts.For(KIA, 2023)
	assert.Equal(t, Percent(6000), got.Percent)
	got, _ = ts.For(KIA, 2025)
	assert.Equal(t, Percent(8000), got.Percent)
	require.NoError(t, ts.Validate())
	assert.Len(t, ts, len(DefaultTargets())+1)

	ts, err := ReadTargets(strings.NewReader(`[{"indicator":"kia","year":2025,"percent":80,"confidence":"L","source":"x"},{"indicator":"akta","year":2025,"percent":"99,5 %"}]`))
	require.NoError(t, err)
	assert.Equal(t, Targets{{KIA, 2025, 8000, Low, "x"}, {Akta, 2025, 9950, 0, ""}}, ts)

	for _, in := range []string{`[{"indicator":"kia","year":2025,"percent":101}]`, `[{"indicator":"x","year":2025,"percent":1}]`,
		`[{"indicator":"kia","year":2025,"percent":1},{"indicator":"kia","year":2025,"percent":2}]`, `[{"indicator":"kia","year":2025,"pct":1}]`,
		`[{"indicator":"kia","year":20,"percent":1}]`} {
		_, err := ReadTargets(strings.NewReader(in))
		assert.Error(t, err, in)
	}

	// Every problem at once, with pointers into the array.
	_, err = ReadTargets(strings.NewReader(`[{"indicator":"kia","year":20,"percent":101},{"indicator":"akta","year":2025,"percent":1},{"indicator":"akta","year":2025,"percent":2}]`))
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var ptrs []adminduk.Pointer
	for _, f := range ve.Fields {
		ptrs = append(ptrs, f.Pointer)
		assert.NotEmpty(t, f.Message(adminduk.Indonesian))
	}
	assert.Equal(t, []adminduk.Pointer{"/0/year", "/0/percent", "/2"}, ptrs)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, adminduk.ErrInvalid)
}

func TestIndicatorAndAges(t *testing.T) {
	for in, want := range map[string]Indicator{"akta": Akta, "KIA": KIA, " Akta ": Akta} {
		got, err := ParseIndicator(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParseIndicator("ktp")
	assert.ErrorIs(t, err, ErrSyntax)
	assert.Equal(t, "0-17", DefaultAktaAges.String())
	assert.Equal(t, "0-16", DefaultKIAAges.String())
	assert.True(t, DefaultAktaAges.Contains(17))
	assert.False(t, DefaultAktaAges.Contains(18))
	assert.False(t, DefaultKIAAges.Contains(17))
	for in, want := range map[string]AgeRange{"0-17": {0, 18}, "<18": {0, 18}, "5-16": {5, 17}, "0": {0, 1}} {
		got, err := ParseAgeRange(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, got, must(ParseAgeRange(got.String())))
	}
	for _, in := range []string{"", "17-0", "a-b", "<0", "0-200"} {
		_, err := ParseAgeRange(in)
		assert.Error(t, err, in)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
