package coverage

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refPercent is the slow reference: with/required x 10000 rounded half up,
// in big rationals.
func refPercent(with, required int64) *big.Int {
	r := new(big.Rat).SetFrac(big.NewInt(with), big.NewInt(required))
	r.Mul(r, big.NewRat(10000, 1))
	r.Add(r, big.NewRat(1, 2))
	return new(big.Int).Quo(r.Num(), r.Denom()) // floor: both positive
}

func TestPercentOfPublished(t *testing.T) {
	for _, tc := range []struct {
		with, required int64
		want           string
	}{
		{18726, 19662, "95.24 %"},       // Sukamara akta, Aug 2023 (printed as 65.24 %)
		{13076, 18553, "70.48 %"},       // Sukamara KIA
		{489382, 516047, "94.83 %"},     // Serang akta
		{238357, 512217, "46.53 %"},     // Serang KIA
		{74244858, 79964264, "92.85 %"}, // national akta, 30 Aug 2020
		{63250516, 80281466, "78.79 %"}, // national akta, semester I 2017
		{0, 1, "0.00 %"},
		{1, 1, "100.00 %"},
		{110, 100, "110.00 %"}, // above 100 %: reported, not clamped
		{1, 3, "33.33 %"},
		{2, 3, "66.67 %"},
	} {
		p, err := PercentOf(tc.with, tc.required)
		require.NoError(t, err)
		assert.Equal(t, tc.want, p.String(), "%d/%d", tc.with, tc.required)
	}
}

// TestPercentHalfway checks every with for every required up to 2,000
// against big.Rat, and that each exact half-way case rounds up.
func TestPercentHalfway(t *testing.T) {
	halfway := 0
	for req := int64(1); req <= 2000; req++ {
		for with := int64(0); with <= req+req/10; with++ {
			p, err := PercentOf(with, req)
			require.NoError(t, err)
			if want := (with*20000 + req) / (2 * req); want != int64(p) {
				t.Fatalf("%d/%d: got %d, want %d", with, req, p, want)
			}
			if req <= 250 {
				if want := refPercent(with, req); want.Int64() != int64(p) {
					t.Fatalf("%d/%d: got %d, big.Rat says %s", with, req, p, want)
				}
			}
			// exactly half-way: with*20000 is an odd multiple of req
			if n := with * 20000; n%req == 0 && (n/req)%2 == 1 {
				halfway++
				assert.Equal(t, Percent((n/req+1)/2), p, "%d/%d rounds half up", with, req)
			}
		}
	}
	assert.Equal(t, 2660, halfway)
	// Named half-way cases.
	for _, tc := range []struct {
		with, required int64
		want           Percent
	}{
		{1, 32, 313},          // 3.125 -> 3.13
		{1, 160, 63},          // 0.625 -> 0.63
		{1, 16000, 1},         // 0.00625 -> 0.01
		{1, 40000, 0},         // 0.0025 -> 0.00 (below half)
		{1, 20000, 1},         // 0.005 -> 0.01
		{3, 20000, 2},         // 0.015 -> 0.02
		{19999, 20000, 10000}, // 99.995 -> 100.00
		{39997, 40000, 9999},  // 99.9925 -> 99.99
	} {
		p, err := PercentOf(tc.with, tc.required)
		require.NoError(t, err)
		assert.Equal(t, tc.want, p, "%d/%d", tc.with, tc.required)
	}
}

func TestPercentOfErrors(t *testing.T) {
	for _, tc := range []struct {
		with, required int64
		want           error
	}{
		{1, 0, ErrInvalid}, {-1, 5, ErrInvalid}, {1, -5, ErrInvalid},
		{math.MaxInt64, 1, ErrRange},
	} {
		_, err := PercentOf(tc.with, tc.required)
		assert.ErrorIs(t, err, tc.want, "%d/%d", tc.with, tc.required)
		var ve *adminduk.ValidationError
		assert.True(t, errors.As(err, &ve))
	}
	// The largest counts still compute exactly.
	p, err := PercentOf(math.MaxInt64, math.MaxInt64)
	require.NoError(t, err)
	assert.Equal(t, Hundred, p)
	p, err = PercentOf(math.MaxInt64/3, math.MaxInt64)
	require.NoError(t, err)
	assert.Equal(t, refPercent(math.MaxInt64/3, math.MaxInt64).Int64(), int64(p))
}

func TestPercentFormat(t *testing.T) {
	for _, tc := range []struct {
		p      Percent
		en, id string
		json   string
	}{
		{9483, "94.83 %", "94,83 %", "94.83"},
		{9800, "98.00 %", "98,00 %", "98.00"},
		{5, "0.05 %", "0,05 %", "0.05"},
		{0, "0.00 %", "0,00 %", "0.00"},
		{11000, "110.00 %", "110,00 %", "110.00"},
		{-150, "-1.50 %", "-1,50 %", "-1.50"},
		{math.MinInt64, "-92233720368547758.08 %", "-92233720368547758,08 %", "-92233720368547758.08"},
	} {
		assert.Equal(t, tc.en, tc.p.String())
		assert.Equal(t, tc.id, tc.p.In(adminduk.Indonesian))
		assert.Equal(t, tc.en, tc.p.In(adminduk.English))
		b, err := json.Marshal(tc.p)
		require.NoError(t, err)
		assert.Equal(t, tc.json, string(b))
		if tc.p != math.MinInt64 {
			var back Percent
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tc.p, back)
		}
	}
}

func TestParsePercent(t *testing.T) {
	for in, want := range map[string]Percent{
		"94.83": 9483, "94,83": 9483, "94.83 %": 9483, "94,83%": 9483, " 98 ": 9800, "98%": 9800,
		"0.5": 50, "-1.5": -150, "100": 10000, "7,5 %": 750, "65.24\u00a0%": 6524,
	} {
		p, err := ParsePercent(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, p, in)
	}
	for _, in := range []string{"", "%", "abc", "94.833", "1.234,5", "94.", ".5", "9x", "--1", "1e2", "1 000", "1234567890123456"} {
		_, err := ParsePercent(in)
		assert.ErrorIs(t, err, ErrSyntax, in)
		var pe *ParseError
		assert.ErrorAs(t, err, &pe, in)
	}
	var p Percent
	require.NoError(t, json.Unmarshal([]byte(`"94,83 %"`), &p))
	assert.Equal(t, Percent(9483), p)
	assert.ErrorIs(t, json.Unmarshal([]byte(`94.835`), &p), ErrSyntax)
	assert.Panics(t, func() { MustParsePercent("x") })
}

func TestCountsNeedGap(t *testing.T) {
	for _, tc := range []struct {
		c         Counts
		t         Percent
		need, gap int64
	}{
		{Counts{19662, 18726}, 9800, 19269, 543},      // Sukamara akta to 98 %
		{Counts{18553, 13076}, 5000, 9277, 0},         // Sukamara KIA: 50 % of 18,553 is 9,276.5
		{Counts{516047, 489382}, 9800, 505727, 16345}, // Serang akta
		{Counts{512217, 238357}, 5000, 256109, 17752}, // Serang KIA
		{Counts{100000, 97996}, 9800, 98000, 4},       // shows 98.00 %, does not meet 98 %
		{Counts{100, 100}, 10000, 100, 0},
		{Counts{100, 0}, 0, 0, 0},
		{Counts{3, 1}, 3334, 2, 1}, // 33.34 % of 3 is 1.0002: ceil 2
		{Counts{0, 0}, 9800, 0, 0},
	} {
		assert.Equal(t, tc.need, tc.c.Need(tc.t), "%+v %v", tc.c, tc.t)
		assert.Equal(t, tc.gap, tc.c.Gap(tc.t), "%+v %v", tc.c, tc.t)
		assert.Equal(t, tc.gap == 0, tc.c.Meets(tc.t))
	}
	// The largest count: ceil(MaxInt64 x 9999 / 10000) against big.Int.
	want := new(big.Int).Mul(big.NewInt(math.MaxInt64), big.NewInt(9999))
	want.Add(want, big.NewInt(9999)).Quo(want, big.NewInt(10000))
	assert.Equal(t, want.Int64(), Counts{math.MaxInt64, 0}.Need(9999))
	p, ok := Counts{100000, 97996}.Percent()
	assert.True(t, ok)
	assert.Equal(t, "98.00 %", p.String())
	_, ok = Counts{}.Percent()
	assert.False(t, ok)
	assert.Equal(t, int64(-10), Counts{100, 110}.Without())
}
