package partnership

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, 2024, d.Year())
	assert.Equal(t, time.February, d.Month())
	assert.Equal(t, 29, d.Day())
	assert.Equal(t, "2024-02-29", d.String())
	for _, bad := range []string{"", "2023-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "24-01-01", "2024/01/01", "2024-1-01", "２０２４-01-01", "2024-01-32"} {
		_, err := ParseDate(bad)
		assert.ErrorIs(t, err, ErrSyntax, bad)
	}
	assert.Panics(t, func() { MustParseDate("x") })
	assert.Panics(t, func() { MustDate(2023, 2, 29) })
}

func TestDateArithmetic(t *testing.T) {
	d := MustDate(2024, 2, 28)
	assert.Equal(t, MustDate(2024, 2, 29), d.AddDays(1))
	assert.Equal(t, MustDate(2024, 3, 1), d.AddDays(2))
	assert.Equal(t, MustDate(2023, 12, 31), MustDate(2024, 1, 1).AddDays(-1))
	assert.Equal(t, 366, MustDate(2024, 1, 1).DaysUntil(MustDate(2025, 1, 1)))
	assert.Equal(t, -1, MustDate(2024, 1, 2).DaysUntil(MustDate(2024, 1, 1)))
	assert.Equal(t, 0, Date{}.DaysUntil(d))
	assert.True(t, Date{}.AddDays(5).IsZero())
	assert.True(t, Date{}.Before(d))
	assert.Equal(t, 0, d.Compare(MustParseDate("2024-02-28")))
	assert.Equal(t, 1, d.Compare(Date{}))
	assert.Equal(t, MustDate(2024, 3, 1), DateOf(time.Date(2024, 2, 29, 17, 30, 0, 0, time.UTC).In(wib)))
	assert.True(t, DateOf(time.Time{}).IsZero())
}

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
		assert.Equal(t, tc.end, tc.term.End(MustParseDate(tc.start)).String(), "%s + %v", tc.start, tc.term)
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
	assert.Equal(t, Term{Years: 2}, termBetween(MustParseDate("2024-02-29"), MustParseDate("2026-02-28")))
	assert.Equal(t, Term{}, termBetween(MustParseDate("2024-01-01"), MustParseDate("2024-01-20")))
	assert.Equal(t, Term{Months: 18}.String(), "18m")
}

func TestDateText(t *testing.T) {
	type doc struct {
		D Date `json:"d"`
		Z Date `json:"z,omitzero"`
	}
	b, err := json.Marshal(doc{D: MustParseDate("2023-08-25")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2023-08-25"}`, string(b))
	var got doc
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2023-08-25","z":""}`), &got))
	assert.Equal(t, MustParseDate("2023-08-25"), got.D)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"d":"25-08-2023"}`), &got), adminduk.ErrInvalidDate) // the shared adminduk.Date

	var d Date
	require.NoError(t, d.Scan("2024-01-02"))
	assert.Equal(t, "2024-01-02", d.String())
	require.NoError(t, d.Scan([]byte("2024-01-03")))
	require.NoError(t, d.Scan(time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, "2024-01-04", d.String())
	v, err := d.Value()
	require.NoError(t, err)
	assert.Equal(t, "2024-01-04", v)
	require.NoError(t, d.Scan(nil))
	assert.True(t, d.IsZero())
	v, _ = d.Value()
	assert.Nil(t, v)
	assert.Error(t, d.Scan(42))
}

// TestDayArithmeticAgreesWithTime checks the integer day arithmetic against
// package time over every day from 1899 to 2101 and at the ends of the range.
func TestDayArithmeticAgreesWithTime(t *testing.T) {
	ref := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC)
	d := MustDate(1899, 1, 1)
	epoch := MustDate(1970, 1, 1)
	for i := 0; i < 74000; i++ {
		want := DateOf(ref)
		if d != want {
			t.Fatalf("day %d: AddDays gives %v, time gives %v", i, d, want)
		}
		if got, w := epoch.DaysUntil(d), int(ref.Sub(time.Unix(0, 0).UTC()).Hours())/24; got != w {
			t.Fatalf("%v: %d days from epoch, time says %d", d, got, w)
		}
		ref = ref.AddDate(0, 0, 1)
		d = d.AddDays(1)
	}
	assert.Equal(t, MustDate(1, 1, 1), MustDate(1, 1, 2).AddDays(-1))
	assert.True(t, MustDate(1, 1, 1).AddDays(-1).IsZero())
	assert.True(t, MustDate(9999, 12, 31).AddDays(1).IsZero())
	assert.Equal(t, 3652058, MustDate(1, 1, 1).DaysUntil(MustDate(9999, 12, 31)))
}
