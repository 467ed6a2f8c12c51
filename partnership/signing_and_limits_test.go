package partnership

import (
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An agreement recorded signed, active or suspended is not in force before
// the day it was signed, even when its term started earlier.
func TestStatusOnBeforeSigning(t *testing.T) {
	for _, tc := range []struct {
		name     string
		recorded State
		day      string
		want     State
	}{
		{"active, day before signing", Active, "2024-01-09", Draft},
		{"active, signing day", Active, "2024-01-10", Active},
		{"signed, day before signing", Signed, "2023-12-31", Draft},
		{"suspended, day before signing", Suspended, "2024-01-09", Draft},
		{"suspended, after signing", Suspended, "2024-02-01", Suspended},
		{"expired stays expired", Expired, "2024-01-09", Expired},
		{"terminated stays terminated", Terminated, "2024-01-09", Terminated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := puskesmas("late")
			a.Signed = adminduk.MustParseDate("2024-01-10") // signed after its start 2024-01-01
			a.State = tc.recorded
			d := adminduk.MustParseDate(tc.day)
			assert.Equal(t, tc.want, a.StatusOn(d))
			as := []Agreement{a}
			assert.Equal(t, tc.want == Active, MayUse(as, a.Partner.ID, KIA, d), "MayUse")
			assert.Equal(t, tc.want == Active, len(ActiveOn(as, d)) == 1, "ActiveOn")
		})
	}
}

func TestReportSignedAfterAsOf(t *testing.T) {
	a := puskesmas("late")
	a.Signed, a.State = adminduk.MustParseDate("2024-03-01"), Active
	r, err := NewReport([]Agreement{a}, ReportOptions{AsOf: adminduk.MustParseDate("2024-02-01"), Targets: []CountTarget{}})
	require.NoError(t, err)
	assert.Equal(t, Draft, r.Items[0].Status)
	assert.Zero(t, r.InForce(0))
	assert.Empty(t, r.ByYear)
}

// adminduk.Date arithmetic near the end of the calendar saturates at adminduk.LastDate instead
// of wrapping to the zero Date.
func TestAddDaysSaturates(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want adminduk.Date
	}{
		{"9999-12-01", 30, adminduk.LastDate},
		{"9999-12-01", 31, adminduk.LastDate},
		{"9999-12-01", 1 << 40, adminduk.LastDate},
		{"2024-01-01", maxDaySpan + 1, adminduk.LastDate},
		{"2024-01-01", int(^uint(0) >> 1), adminduk.LastDate},
		{"0001-01-10", -10, adminduk.FirstDate},
		{"2024-01-01", -int(^uint(0)>>1) - 1, adminduk.FirstDate},
		{"2024-01-01", 366, adminduk.MustDate(2025, 1, 1)},
		{"2024-01-01", -1, adminduk.MustDate(2023, 12, 31)},
	} {
		got := adminduk.MustParseDate(tc.from).AddDaysClamped(tc.n)
		assert.Equal(t, tc.want, got, "%s %+d", tc.from, tc.n)
	}
	assert.True(t, adminduk.Date{}.AddDaysClamped(5).IsZero())
	assert.Equal(t, maxDaySpan, adminduk.FirstDate.DaysUntil(adminduk.LastDate))
	assert.Equal(t, adminduk.LastDate, DefaultTerm.End(adminduk.MustParseDate("9999-01-01")))
}

// A wider window never finds fewer expiring agreements: a class of windows
// and report dates up to the last representable day.
func TestExpiringMonotoneInWithin(t *testing.T) {
	im := readSerang(t)
	for _, asOf := range []string{"2024-12-31", "2025-03-01", "9999-12-31"} {
		d := adminduk.MustParseDate(asOf)
		prev := -1
		for _, within := range []int{1, 30, 60, 365, 3000, MaxWithin} {
			r, err := NewReport(im.Agreements, ReportOptions{AsOf: d, Within: within, Targets: []CountTarget{}})
			require.NoError(t, err)
			assert.GreaterOrEqual(t, len(r.Expiring), prev, "as of %s within %d", asOf, within)
			prev = len(r.Expiring)
			assert.Len(t, ExpiringWithin(im.Agreements, d, within), len(r.Expiring))
		}
		for _, days := range []int{2_900_000, 2_920_000, 3_000_000, int(^uint(0) >> 1)} {
			n := len(ExpiringWithin(im.Agreements, d, days))
			assert.GreaterOrEqual(t, n, prev, "as of %s within %d", asOf, days)
			prev = n
		}
	}
	// From 2024-12-31 a century ends past nothing: every agreement in force
	// with an end date is expiring.
	d := adminduk.MustParseDate("2024-12-31")
	r, err := NewReport(im.Agreements, ReportOptions{AsOf: d, Within: MaxWithin, Targets: []CountTarget{}})
	require.NoError(t, err)
	assert.Equal(t, r.InForce(0), len(r.Expiring))
	assert.Len(t, ExpiringWithin(im.Agreements, adminduk.MustParseDate("9990-01-01"), 1_000_000), 0)

	a := puskesmas("far")
	a.Signed, a.Start, a.End = adminduk.MustParseDate("9998-01-01"), adminduk.MustParseDate("9998-01-01"), adminduk.MustParseDate("9999-12-31")
	for _, within := range []int{30, 60, MaxWithin} {
		r, err := NewReport([]Agreement{a}, ReportOptions{AsOf: adminduk.MustParseDate("9999-12-01"), Within: within, Targets: []CountTarget{}})
		require.NoError(t, err)
		assert.Len(t, r.Expiring, 1, "within %d", within)
	}
	got := ExpiringWithin([]Agreement{a}, adminduk.MustParseDate("9999-12-01"), int(^uint(0)>>1))
	assert.Len(t, got, 1)

	_, err = NewReport(nil, ReportOptions{AsOf: d, Within: MaxWithin + 1})
	assert.ErrorIs(t, err, ErrInvalid)
}

// A successor whose predecessor runs to the last day cannot start after it.
func TestRenewAtEndOfCalendar(t *testing.T) {
	a := puskesmas("last")
	a.State, a.Start, a.End = Active, adminduk.MustParseDate("9998-01-01"), adminduk.LastDate
	a.Signed = a.Start
	_, err := a.Renew(change("2024-01-01", "renew"), Renewal{ID: "next", Number: "next"})
	assert.ErrorIs(t, err, ErrInvalid)
}

// FuzzAddDays: moving a date never gives the zero adminduk.Date, stays within
// adminduk.FirstDate-adminduk.LastDate, moves in the direction of n, and agrees with
// Date.AddDays wherever that has a result.
func FuzzAddDays(f *testing.F) {
	for _, s := range []struct {
		k int32
		n int
	}{{20241231, 60}, {99991231, 1}, {99991201, 3_000_000}, {10101, -10}, {20240229, 365}} {
		f.Add(s.k, s.n)
	}
	f.Fuzz(func(t *testing.T, k int32, n int) {
		d, ok := adminduk.NewDate(int(k/10000), time.Month(k/100%100), int(k%100))
		if !ok {
			return
		}
		got := d.AddDaysClamped(n)
		require.False(t, got.IsZero())
		require.False(t, got.Before(adminduk.FirstDate))
		require.False(t, got.After(adminduk.LastDate))
		switch {
		case n > 0:
			require.True(t, got.After(d) || d == adminduk.LastDate)
		case n < 0:
			require.True(t, got.Before(d) || d == adminduk.FirstDate)
		default:
			require.Equal(t, d, got)
		}
		if n > -maxDaySpan && n < maxDaySpan {
			if plain := d.AddDays(n); !plain.IsZero() {
				require.Equal(t, plain, got)
			}
		}
	})
}

// maxDaySpan is the number of days from adminduk.FirstDate to adminduk.LastDate.
const maxDaySpan = 3652058
