package adminduk

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestAddDaysClamped(t *testing.T) {
	d := MustDate(2024, time.February, 28)
	tests := []struct {
		name string
		d    Date
		n    int
		want Date
	}{
		{"zero stays zero", Date{}, 5, Date{}},
		{"plain", d, 2, MustDate(2024, time.March, 1)},
		{"back", d, -59, MustDate(2023, time.December, 31)},
		{"to the last day", MustDate(9999, time.December, 30), 1, LastDate},
		{"past the last day", MustDate(9999, time.December, 30), 2, LastDate},
		{"huge", d, math.MaxInt, LastDate},
		{"to the first day", MustDate(1, time.January, 2), -1, FirstDate},
		{"before the first day", MustDate(1, time.January, 2), -2, FirstDate},
		{"huge negative", d, math.MinInt, FirstDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.d.AddDaysClamped(tt.n))
			if r := tt.d.AddDays(tt.n); !r.IsZero() {
				require.Equal(t, r, tt.d.AddDaysClamped(tt.n), "agrees with AddDays inside the range")
			}
		})
	}
	require.Equal(t, "0001-01-01", FirstDate.String())
	require.Equal(t, "9999-12-31", LastDate.String())
}
