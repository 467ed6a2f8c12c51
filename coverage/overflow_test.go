package coverage

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Sums beyond int64 are inconsistencies, never saturated into agreement
// (issue 10: with + without overflowing to MaxInt64 read as "consistent").
func TestCheckOverflowIsInconsistent(t *testing.T) {
	max := int64(math.MaxInt64)
	for _, tc := range []struct {
		name          string
		required      int64
		with, without int64
		parts         []int64
		consistent    bool
	}{
		{"with + without overflows to required", max, max, 1, nil, false},
		{"with + without overflows far", max, max - 5, max, nil, false},
		{"with + without exactly max", max, max - 1, 1, nil, true},
		{"parts overflow to required", max, 1, max - 1, []int64{max, 1}, false},
		{"parts overflow then come back", max, 1, max - 1, []int64{max, max, -max}, false},
		{"parts exactly max", max, 1, max - 1, []int64{max - 1, 1}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.without
			f := Figures{Required: tc.required, With: tc.with, Without: &w}
			for _, p := range tc.parts {
				f.Parts = append(f.Parts, Part{N: p})
			}
			r, err := f.Check()
			require.NoError(t, err)
			assert.Equal(t, tc.consistent, r.Consistent(), "%+v", r.Warnings)
		})
	}
	w, bad := CheckTotal("x", max, Part{N: max}, Part{N: 1})
	assert.True(t, bad)
	assert.Contains(t, w.Msg, "overflows")
}

// FuzzWithoutSum: the figures are consistent about with + without exactly
// when the sum, computed without overflow (in big integers), is required.
func FuzzWithoutSum(f *testing.F) {
	f.Add(int64(512217), int64(238357), int64(273870))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(1))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64-1), int64(1))
	f.Fuzz(func(t *testing.T, required, with, without int64) {
		fs := Figures{Required: required, With: with, Without: &without}
		r, err := fs.Check()
		if err != nil || without < 0 {
			return
		}
		sum := new(big.Int).Add(big.NewInt(with), big.NewInt(without))
		want := sum.Cmp(big.NewInt(required)) == 0
		got := true
		for _, w := range r.Warnings {
			if w.Kind == WarnWithoutSum {
				got = false
			}
		}
		require.Equal(t, want, got, "%d + %d vs %d: %v", with, without, required, r.Warnings)
	})
}
