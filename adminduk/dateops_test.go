package adminduk_test

import (
	"encoding"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var _ encoding.TextAppender = adminduk.Date{}

func TestWIBAndToday(t *testing.T) {
	_, off := time.Now().In(adminduk.WIB).Zone()
	assert.Equal(t, 7*3600, off)
	want := adminduk.DateOf(time.Now().In(adminduk.WIB))
	got := adminduk.Today()
	// Midnight may pass between the two reads.
	assert.Contains(t, []adminduk.Date{want, want.AddDays(1)}, got)
}

func TestLeapAndDaysIn(t *testing.T) {
	for _, tc := range []struct {
		year int
		leap bool
	}{{1900, false}, {2000, true}, {2023, false}, {2024, true}, {2100, false}} {
		assert.Equal(t, tc.leap, adminduk.IsLeap(tc.year), tc.year)
		assert.Equal(t, map[bool]int{true: 29, false: 28}[tc.leap], adminduk.DaysIn(tc.year, time.February), tc.year)
	}
	assert.Equal(t, 31, adminduk.DaysIn(2023, time.December))
	assert.Equal(t, 30, adminduk.DaysIn(2023, time.April))
	assert.Equal(t, 0, adminduk.DaysIn(2023, 13))
}

func TestMakeDate(t *testing.T) {
	d, err := adminduk.MakeDate(2024, time.February, 29)
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	for _, tc := range [][3]int{{2023, 2, 29}, {2023, 2, 30}, {2023, 13, 1}, {0, 1, 1}, {2023, 4, 31}, {10000, 1, 1}} {
		_, err := adminduk.MakeDate(tc[0], time.Month(tc[1]), tc[2])
		require.Error(t, err, tc)
		assert.True(t, errors.Is(err, adminduk.ErrInvalidDate), tc)
		var de *adminduk.DateError
		assert.True(t, errors.As(err, &de), tc)
	}
}

func TestDayNumbers(t *testing.T) {
	for _, tc := range []struct {
		date string
		n    int
	}{{"1970-01-01", 0}, {"1970-01-02", 1}, {"1969-12-31", -1}, {"2000-03-01", 11017}, {"0001-01-01", -719162}, {"9999-12-31", 2932896}} {
		d := adminduk.MustParseDate(tc.date)
		assert.Equal(t, tc.n, d.DaysSinceEpoch(), tc.date)
		assert.Equal(t, d, adminduk.FromDayNumber(tc.n), tc.date)
		assert.Equal(t, tc.n, int(d.Time().Unix()/86400), tc.date) // agrees with package time
	}
	assert.True(t, adminduk.FromDayNumber(-719163).IsZero())
	assert.True(t, adminduk.FromDayNumber(2932897).IsZero())
	assert.Equal(t, 0, adminduk.Date{}.DaysSinceEpoch())
}

func TestSubAndDaysBetween(t *testing.T) {
	a, b := adminduk.MustParseDate("2024-02-28"), adminduk.MustParseDate("2024-03-01")
	assert.Equal(t, 2, b.Sub(a))
	assert.Equal(t, -2, a.Sub(b))
	assert.Equal(t, 2, adminduk.DaysBetween(a, b))
	assert.Equal(t, 0, adminduk.DaysBetween(adminduk.Date{}, b))
	assert.True(t, a.Before(b) && b.After(a) && a.Compare(b) == -1 && a.Equal(a))
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2024-03-31", 1, "2024-04-30"},
		{"2024-05-15", 12, "2025-05-15"},
		{"2024-05-15", -17, "2022-12-15"},
		{"2024-12-31", 2, "2025-02-28"},
		{"9999-12-01", 1, ""},
		{"0001-01-31", -1, ""},
	} {
		assert.Equal(t, tc.want, adminduk.MustParseDate(tc.from).AddMonths(tc.n).String(), "%s %+d", tc.from, tc.n)
	}
	assert.True(t, adminduk.Date{}.AddMonths(1).IsZero())
}

func TestAddYearsFeb29(t *testing.T) {
	leap := adminduk.MustParseDate("2024-02-29")
	assert.Equal(t, "2025-02-28", leap.AddYears(1).String())
	assert.Equal(t, "2025-02-28", leap.AddYears(1, adminduk.Feb28).String())
	assert.Equal(t, "2025-03-01", leap.AddYears(1, adminduk.March1).String())
	assert.Equal(t, "2028-02-29", leap.AddYears(4, adminduk.March1).String())
	assert.Equal(t, "2023-03-01", leap.AddYears(-1, adminduk.March1).String())
	assert.Equal(t, "2026-06-30", adminduk.MustParseDate("2024-06-30").AddYears(2).String())
	// March1 agrees with time.AddDate for every day of a leap year.
	for d := adminduk.MustParseDate("2024-01-01"); d.Year() == 2024; d = d.AddDays(1) {
		assert.Equal(t, d.AddDate(1, 0, 0), d.AddYears(1, adminduk.March1), d.String())
	}
}

func TestAddDaysOutOfRange(t *testing.T) {
	d := adminduk.MustParseDate("2024-01-01")
	assert.True(t, d.AddDays(1<<62).IsZero())
	assert.True(t, d.AddDays(-(1 << 62)).IsZero())
	assert.True(t, adminduk.MustParseDate("9999-12-31").AddDays(1).IsZero())
	assert.Equal(t, "2024-03-01", adminduk.MustParseDate("2024-02-28").AddDays(2).String())
}

func TestDateAppendText(t *testing.T) {
	b, err := adminduk.MustParseDate("2024-02-29").AppendText([]byte("d="))
	require.NoError(t, err)
	assert.Equal(t, "d=2024-02-29", string(b))
	b, err = adminduk.Date{}.AppendText(nil)
	require.NoError(t, err)
	assert.Empty(t, b)
}

func FuzzDayNumberRoundTrip(f *testing.F) {
	f.Add(0)
	f.Add(-719162)
	f.Add(2932896)
	f.Fuzz(func(t *testing.T, n int) {
		d := adminduk.FromDayNumber(n)
		if n < -719162 || n > 2932896 {
			if !d.IsZero() {
				t.Fatalf("FromDayNumber(%d) = %v, want zero", n, d)
			}
			return
		}
		if d.DaysSinceEpoch() != n {
			t.Fatalf("FromDayNumber(%d).DaysSinceEpoch() = %d", n, d.DaysSinceEpoch())
		}
		y, m, dd := time.Unix(int64(n)*86400, 0).UTC().Date()
		if want := adminduk.MustDate(y, m, dd); want != d {
			t.Fatalf("FromDayNumber(%d) = %v, time says %v", n, d, want)
		}
		for _, s := range []string{d.String(), fmt.Sprintf("%02d/%02d/%04d", d.Day(), d.Month(), d.Year()), fmt.Sprintf("%02d-%02d-%04d", d.Day(), d.Month(), d.Year())} {
			if back, err := adminduk.ParseDateLenient(s); err != nil || back != d {
				t.Fatalf("ParseDateLenient(%q) = %v, %v; want %v", s, back, err, d)
			}
		}
		if m := d.AddMonths(1); !m.IsZero() && (m.Day() > d.Day() || m.Sub(d) < 28 || m.Sub(d) > 31) {
			t.Fatalf("%v.AddMonths(1) = %v", d, m)
		}
	})
}

// FuzzAddMonths checks AddMonths against time.AddDate: the same month, and
// the same day unless the day does not exist in that month, where it is the
// month's last day.
func FuzzAddMonths(f *testing.F) {
	f.Add(19753, 1)   // 2024-01-31
	f.Add(19782, -12) // 2024-02-29
	f.Add(0, 1200)
	f.Fuzz(func(t *testing.T, day, n int) {
		d := adminduk.FromDayNumber(day)
		if d.IsZero() || n < -120000 || n > 120000 {
			return
		}
		got := d.AddMonths(n)
		first := d.Time().AddDate(0, n, 1-d.Day()) // the first of the target month
		if first.Year() < 1 || first.Year() > 9999 {
			if !got.IsZero() {
				t.Fatalf("%v.AddMonths(%d) = %v, want zero (out of range)", d, n, got)
			}
			return
		}
		want := adminduk.MustDate(first.Year(), first.Month(), min(d.Day(), adminduk.DaysIn(first.Year(), first.Month())))
		if got != want {
			t.Fatalf("%v.AddMonths(%d) = %v, want %v", d, n, got, want)
		}
		if y := d.AddYears(n / 12); y != d.AddMonths(n/12*12) {
			t.Fatalf("%v.AddYears(%d) = %v, AddMonths gives %v", d, n/12, y, d.AddMonths(n/12*12))
		}
	})
}

func TestParseDateLenient(t *testing.T) {
	for in, want := range map[string]string{
		"2024-02-29": "2024-02-29", "29-02-2024": "2024-02-29", "29/02/2024": "2024-02-29", "01/12/1999": "1999-12-01",
	} {
		d, err := adminduk.ParseDateLenient(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, d.String(), in)
	}
	for in, msg := range map[string]string{
		"30/02/2024": "no such calendar date", "2023-02-29": "no such calendar date",
		"29-02/2024": "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY", "2/2/2024": "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY",
		"2024/02/29": "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY", "aa/02/2024": "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY",
		"": "want YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY",
	} {
		_, err := adminduk.ParseDateLenient(in)
		require.Error(t, err, in)
		assert.ErrorIs(t, err, adminduk.ErrInvalidDate, in)
		var de *adminduk.DateError
		require.ErrorAs(t, err, &de, in)
		assert.Equal(t, msg, de.Msg, in)
	}
}
