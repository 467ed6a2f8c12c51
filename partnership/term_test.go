package partnership

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTerm(t *testing.T) {
	for _, tc := range []struct {
		start string
		term  Term
		end   string
	}{
		{"2024-01-01", DefaultTerm, "2025-12-31"},
		{"2024-01-01", Term{}, "2025-12-31"},
		{"2024-02-29", DefaultTerm, "2026-02-28"},
		{"2023-03-01", Term{Years: 1}, "2024-02-29"},
		{"2024-01-31", Term{Months: 1}, "2024-03-01"}, // 31 January + 1 month normalises to 2 March
		{"2024-07-15", Term{Years: 1, Months: 6}, "2026-01-14"},
	} {
		assert.Equal(t, tc.end, tc.term.End(adminduk.MustParseDate(tc.start)).String(), "%s + %v", tc.start, tc.term)
	}
	for in, want := range map[string]Term{"2y": {2, 0}, "2": {2, 0}, "24m": {0, 24}, "1y6m": {1, 6}, "6M": {0, 6}, "99y": {99, 0}} {
		got, err := ParseTerm(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		again, err := ParseTerm(got.String())
		require.NoError(t, err)
		assert.Equal(t, got, again)
	}
	for _, bad := range []string{"", "0", "0y", "y", "2x", "6m1y", "1y1y", "100y", "-1y", "2 y", "12345m"} {
		_, err := ParseTerm(bad)
		assert.ErrorIs(t, err, ErrSyntax, bad)
	}
	assert.Equal(t, Term{Years: 2}, termBetween(adminduk.MustParseDate("2024-02-29"), adminduk.MustParseDate("2026-02-28")))
	assert.Equal(t, Term{}, termBetween(adminduk.MustParseDate("2024-01-01"), adminduk.MustParseDate("2024-01-20")))
	assert.Equal(t, Term{Months: 18}.String(), "18m")
}
