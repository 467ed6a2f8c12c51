package coverage

import (
	"encoding/json"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) adminduk.Date { return adminduk.MustParseDate(s) }

func TestProject(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to Snapshot
		target   Percent
		status   ProjectionStatus
		perMonth int64
		months   int
		date     string
	}{
		// Serang akta: the gap of 16,345 closing by 12,000 in 2024's 366
		// days, 998 a month.
		{"on track", Snapshot{day("2023-12-31"), Counts{510000, 471455}}, Snapshot{day("2024-12-31"), Counts{516047, 489382}}, 9800,
			OnTrack, 998, 17, "2026-05-14"},
		{"reached", Snapshot{day("2024-01-01"), Counts{100, 90}}, Snapshot{day("2025-01-01"), Counts{100, 99}}, 9800, Reached, 1, 0, ""},
		{"stalled: the gap grew", Snapshot{day("2024-01-01"), Counts{100, 95}}, Snapshot{day("2025-01-01"), Counts{110, 100}}, 9800, Stalled, 0, 0, ""},
		{"beyond 100 years", Snapshot{day("2024-01-01"), Counts{1000000, 1}}, Snapshot{day("2025-01-01"), Counts{1000000, 2}}, 9800, Beyond, 0, 0, ""},
		{"one day apart", Snapshot{day("2025-01-01"), Counts{1000, 900}}, Snapshot{day("2025-01-02"), Counts{1000, 901}}, 9800, OnTrack, 30, 3, "2025-03-22"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Project(tc.from, tc.to, tc.target)
			require.NoError(t, err)
			assert.Equal(t, tc.status, p.Status)
			assert.Equal(t, tc.perMonth, p.PerMonth)
			assert.Equal(t, tc.months, p.Months)
			assert.Equal(t, tc.date, p.Date.String())
		})
	}
	// 16,345 left at 12,000 a year (366 days in 2024): ceil(16345 x 366 / 12000) = 499 days.
	p, _ := Project(Snapshot{day("2023-12-31"), Counts{510000, 471455}}, Snapshot{day("2024-12-31"), Counts{516047, 489382}}, 9800)
	assert.Equal(t, int64(28345), p.GapFrom)
	assert.Equal(t, int64(16345), p.GapTo)
	assert.Equal(t, day("2024-12-31").AddDate(0, 0, 499), p.Date)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Equal(t, `{"from":{"date":"2023-12-31","required":510000,"with":471455},"to":{"date":"2024-12-31","required":516047,"with":489382},`+
		`"target":98.00,"gap_from":28345,"gap_to":16345,"per_month":998,"status":"on_track","months":17,"date":"2026-05-14"}`, string(b))

	for _, bad := range [][2]Snapshot{
		{{day("2025-01-01"), Counts{1, 1}}, {day("2025-01-01"), Counts{1, 1}}},
		{{day("2025-01-02"), Counts{1, 1}}, {day("2025-01-01"), Counts{1, 1}}},
		{{adminduk.Date{}, Counts{1, 1}}, {day("2025-01-01"), Counts{1, 1}}},
		{{day("2024-01-01"), Counts{-1, 1}}, {day("2025-01-01"), Counts{1, 1}}},
	} {
		_, err := Project(bad[0], bad[1], 9800)
		assert.ErrorIs(t, err, ErrInvalid)
	}
	_, err = Project(Snapshot{day("2024-01-01"), Counts{1, 1}}, Snapshot{day("2025-01-01"), Counts{1, 1}}, 10001)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "beyond_100_years", Beyond.String())
}

func TestDates(t *testing.T) {
	for in, want := range map[string]string{"2025-03-31": "2025-02-28", "2024-03-31": "2024-02-29", "2025-06-30": "2024-06-30", "2025-01-15": "2024-12-15"} {
		c, ok := parseDate([]byte(in))
		require.True(t, ok)
		back := c.AddMonths(-1) // the projection window clamps to the end of a month
		if in == "2025-06-30" {
			back = c.AddMonths(-12)
		}
		assert.Equal(t, want, back.String(), in)
	}
	for in, ok := range map[string]bool{"2025-02-29": false, "2024-02-29": true, "29/02/2024": true, "29-02-2024": true,
		"2024/02/29": false, "1799-12-31": false, "2024-13-01": false, "2024-00-10": false, "20240229": false, "2024-02-3x": false} {
		d, got := parseDate([]byte(in))
		assert.Equal(t, ok, got, in)
		if ok {
			assert.Equal(t, "2024-02-29", d.String(), in)
		}
	}
}

// FuzzParseDate checks that the byte reader of the CSV agrees with
// adminduk.ParseDateLenient, apart from refusing years before 1800.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "29/02/2024", "29-02-2024", "2023-02-29", "1799-12-31", "0001-01-01", "2024/02/29", "31-12-9999", "2024-1-012"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := parseDate(b)
		want, err := adminduk.ParseDateLenient(string(b))
		wantOK := err == nil && want.Year() >= minYear
		require.Equal(t, wantOK, ok, "%q", b)
		if ok {
			require.Equal(t, want, got, "%q", b)
		}
	})
}
