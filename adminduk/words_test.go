package adminduk_test

import (
	"math"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTerbilang(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "nol"}, {1, "satu"}, {9, "sembilan"}, {10, "sepuluh"}, {11, "sebelas"}, {12, "dua belas"},
		{19, "sembilan belas"}, {20, "dua puluh"}, {21, "dua puluh satu"}, {99, "sembilan puluh sembilan"},
		{100, "seratus"}, {101, "seratus satu"}, {110, "seratus sepuluh"}, {111, "seratus sebelas"},
		{200, "dua ratus"}, {999, "sembilan ratus sembilan puluh sembilan"}, {1000, "seribu"},
		{1001, "seribu satu"}, {1100, "seribu seratus"}, {1999, "seribu sembilan ratus sembilan puluh sembilan"},
		{2000, "dua ribu"}, {2023, "dua ribu dua puluh tiga"}, {10000, "sepuluh ribu"}, {11000, "sebelas ribu"},
		{100000, "seratus ribu"}, {101000, "seratus satu ribu"}, {1000000, "satu juta"},
		{1001000, "satu juta seribu"}, {2000001, "dua juta satu"}, {1000000000, "satu miliar"},
		{1000000000000, "satu triliun"}, {1000000000000000, "satu kuadriliun"},
		{1000000000000000000, "satu kuintiliun"}, {-1, "minus satu"}, {-2023, "minus dua ribu dua puluh tiga"},
		{math.MaxInt64, "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus tujuh"},
		{math.MinInt64, "minus sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu delapan ratus delapan"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, adminduk.Terbilang(tt.n), "%d", tt.n)
	}
}

func TestWordsEnglish(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "zero"}, {13, "thirteen"}, {21, "twenty-one"}, {100, "one hundred"}, {115, "one hundred fifteen"},
		{2023, "two thousand twenty-three"}, {1000000, "one million"}, {-40, "minus forty"},
		{1002003, "one million two thousand three"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, adminduk.Words(tt.n, adminduk.English), "%d", tt.n)
	}
}

func TestOrdinal(t *testing.T) {
	id := map[int64]string{1: "kesatu", 2: "kedua", 3: "ketiga", 10: "kesepuluh", 11: "kesebelas", 12: "kedua belas", 21: "kedua puluh satu", 100: "keseratus"}
	en := map[int64]string{1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth", 20: "twentieth",
		21: "twenty-first", 22: "twenty-second", 100: "one hundredth", 101: "one hundred first", 1000: "one thousandth"}
	for n, want := range id {
		assert.Equal(t, want, adminduk.Ordinal(n, adminduk.Indonesian), "%d", n)
	}
	for n, want := range en {
		assert.Equal(t, want, adminduk.Ordinal(n, adminduk.English), "%d", n)
	}
	assert.Equal(t, "nol", adminduk.Ordinal(0, adminduk.Indonesian))
}

func TestDateWords(t *testing.T) {
	assert.Equal(t, "DUA PULUH LIMA AGUSTUS DUA RIBU DUA PULUH TIGA", strings.ToUpper(adminduk.DateWords(date(2023, 8, 25), adminduk.Indonesian)))
	assert.Equal(t, "satu januari seribu sembilan ratus sembilan puluh sembilan", adminduk.DateWords(date(1999, 1, 1), adminduk.Indonesian))
	assert.Equal(t, "twenty-fifth august two thousand twenty-three", adminduk.DateWords(date(2023, 8, 25), adminduk.English))
	assert.Equal(t, "25 Agustus 2023", adminduk.FormatDate(date(2023, 8, 25), adminduk.Indonesian))
	assert.Equal(t, "5 December 2023", adminduk.FormatDate(date(2023, 12, 5), adminduk.English))
	assert.Equal(t, "", adminduk.FormatDate(adminduk.Date{}, adminduk.English)) // not "30 November -1"
	assert.Equal(t, "", adminduk.DateWords(adminduk.Date{}, adminduk.Indonesian))
	assert.Equal(t, "", adminduk.MonthName(13, adminduk.Indonesian))
}

// parseTerbilang is a slow reference that reads Indonesian number words back.
func parseTerbilang(s string) (int64, bool) {
	units := map[string]int64{"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
		"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
	scales := map[string]uint64{"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "triliun": 1e12, "kuadriliun": 1e15, "kuintiliun": 1e18}
	words := strings.Fields(s)
	neg := len(words) > 0 && words[0] == "minus"
	if neg {
		words = words[1:]
	}
	var total, group, cur uint64
	for _, w := range words {
		switch {
		case w == "belas":
			cur += 10
		case w == "puluh":
			cur *= 10
		case w == "ratus":
			cur *= 100
		case w == "seribu":
			total += (group + cur + 1) * 1000
			group, cur = 0, 0
		case scales[w] != 0:
			total += (group + cur) * scales[w]
			group, cur = 0, 0
		default:
			v, ok := units[w]
			if !ok {
				return 0, false
			}
			if w == "seratus" || w == "sepuluh" || w == "sebelas" {
				group += cur
				cur = uint64(v)
				continue
			}
			group += cur
			cur = uint64(v)
		}
	}
	total += group + cur
	if neg {
		return -int64(total), true
	}
	return int64(total), true
}

func FuzzTerbilang(f *testing.F) {
	for _, n := range []int64{0, 11, 101000, 1001000, 2023, math.MaxInt64, math.MinInt64, -1} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		w := adminduk.Terbilang(n)
		got, ok := parseTerbilang(w)
		require.True(t, ok, "%d -> %q", n, w)
		require.Equal(t, n, got, "%d -> %q", n, w)
		require.NotContains(t, w, "  ")
		require.Equal(t, strings.TrimSpace(w), w)
	})
}
