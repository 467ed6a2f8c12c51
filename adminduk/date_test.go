package adminduk_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDateArithmeticAgreesWithTime(t *testing.T) {
	d := adminduk.MustDate(1899, 12, 25)
	ref := d.Time()
	for ref.Year() < 2102 {
		require.Equal(t, adminduk.DateOf(ref), d)
		next := d.AddDays(1)
		require.Equal(t, 1, d.DaysUntil(next))
		require.Equal(t, -1, d.DaysSince(next))
		d, ref = next, ref.AddDate(0, 0, 1)
	}
	assert.Equal(t, adminduk.MustDate(2025, 3, 1), adminduk.MustDate(2024, 2, 29).AddDate(1, 0, 0))
}

func TestDateParseAndText(t *testing.T) {
	for in, ok := range map[string]bool{"2024-02-29": true, "2023-02-29": false, "2023-13-01": false, "23-01-01": false,
		"2023/01/01": false, "": false, "0000-01-01": false, "2023-1-01": false} {
		d, err := adminduk.ParseDate(in)
		if ok {
			require.NoError(t, err, in)
			assert.Equal(t, in, d.String())
			continue
		}
		require.ErrorIs(t, err, adminduk.ErrInvalidDate, in)
		var de *adminduk.DateError
		require.ErrorAs(t, err, &de, in)
	}
	type doc struct {
		D adminduk.Date `json:"d"`
	}
	var got doc
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2023-08-25"}`), &got))
	assert.Equal(t, adminduk.MustDate(2023, time.August, 25), got.D)
	require.NoError(t, json.Unmarshal([]byte(`{"d":""}`), &got))
	assert.True(t, got.D.IsZero())
	b, err := json.Marshal(doc{adminduk.MustDate(2023, 8, 5)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2023-08-05"}`, string(b))

	birth := adminduk.MustDate(2008, 2, 29)
	assert.Equal(t, 16, birth.YearsAt(adminduk.MustDate(2025, 2, 28)))
	assert.Equal(t, 17, birth.YearsAt(adminduk.MustDate(2025, 3, 1)))
	assert.Equal(t, -1, birth.Compare(adminduk.MustDate(2008, 3, 1)))
	assert.True(t, adminduk.Date{}.Time().IsZero())

	var d adminduk.Date
	require.NoError(t, d.Scan(time.Date(2024, 1, 4, 23, 0, 0, 0, time.UTC)))
	v, err := d.Value()
	require.NoError(t, err)
	assert.Equal(t, "2024-01-04", v)
	assert.Error(t, d.Scan(42))
}
