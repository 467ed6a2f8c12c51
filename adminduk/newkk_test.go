package adminduk_test

import (
	"encoding"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	_ encoding.TextAppender = adminduk.NIK{}
	_ encoding.TextAppender = adminduk.KK{}
	_ encoding.TextAppender = wilayah.Code{}
)

func TestNewKK(t *testing.T) {
	rec := adminduk.MustDate(2023, time.August, 25)
	k, err := adminduk.NewKK(wilayah.MustParseCode("32.01.01"), rec, 17)
	require.NoError(t, err)
	assert.Equal(t, "3201012508230017", k.String())
	assert.Equal(t, adminduk.MustParseKK("3201012508230017"), k)
	assert.Equal(t, 17, k.Serial())
	assert.Equal(t, wilayah.MustParseCode("32.01.01"), k.Region())

	// A village code stands for its kecamatan.
	kv, err := adminduk.NewKK(wilayah.MustParseCode("32.01.01.2001"), rec, 17)
	require.NoError(t, err)
	assert.Equal(t, k, kv)

	// The full year is kept: a card of 1925 is not read as 2025.
	old, err := adminduk.NewKK(wilayah.MustParseCode("32.01.01"), adminduk.MustDate(1925, time.March, 1), 1)
	require.NoError(t, err)
	assert.Equal(t, 1925, old.RecordDate().Year())

	b, err := k.AppendText([]byte("kk="))
	require.NoError(t, err)
	assert.Equal(t, "kk=3201012508230017", string(b))
}

func TestNewKKErrors(t *testing.T) {
	rec := adminduk.MustDate(2023, time.August, 25)
	for _, tc := range []struct {
		name   string
		code   wilayah.Code
		date   adminduk.Date
		serial int
		want   error
	}{
		{"regency code", wilayah.MustParseCode("32.01"), rec, 1, adminduk.ErrUnknownRegion},
		{"zero code", wilayah.Code{}, rec, 1, adminduk.ErrUnknownRegion},
		{"unknown kecamatan", wilayah.MustParseCode("32.01.99"), rec, 1, adminduk.ErrUnknownRegion},
		{"zero date", wilayah.MustParseCode("32.01.01"), adminduk.Date{}, 1, adminduk.ErrInvalidDate},
		{"year 150", wilayah.MustParseCode("32.01.01"), adminduk.MustDate(150, 1, 1), 1, adminduk.ErrInvalidDate},
		{"year 5000", wilayah.MustParseCode("32.01.01"), adminduk.MustDate(5000, 1, 1), 1, adminduk.ErrInvalidDate},
		{"serial 0", wilayah.MustParseCode("32.01.01"), rec, 0, adminduk.ErrInvalidSerial},
		{"serial 10000", wilayah.MustParseCode("32.01.01"), rec, 10000, adminduk.ErrInvalidSerial},
		{"negative serial", wilayah.MustParseCode("32.01.01"), rec, -3, adminduk.ErrInvalidSerial},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := adminduk.NewKK(tc.code, tc.date, tc.serial)
			assert.ErrorIs(t, err, tc.want)
			var pe *adminduk.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "KK", pe.What)
			assert.False(t, k.IsValid())
		})
	}
}

func TestNIKAppendText(t *testing.T) {
	n := adminduk.MustParseNIK("3201014512230001")
	b, err := n.AppendText(nil)
	require.NoError(t, err)
	assert.Equal(t, "3201014512230001", string(b))
	b, err = adminduk.NIK{}.AppendText([]byte("x"))
	require.NoError(t, err)
	assert.Equal(t, "x", string(b))
}

// FuzzNewKK checks that NewKK agrees with ParseKK: the digits it gives parse,
// with the record date as reference, to the same KK, whose parts are the
// ones it was built from.
func FuzzNewKK(f *testing.F) {
	f.Add(uint16(0), int32(19594), 1)
	f.Add(uint16(700), int32(-10000), 9999)
	var kecs []wilayah.Code
	for r := range wilayah.All {
		if r.Code.Level() == wilayah.LevelDistrict {
			kecs = append(kecs, r.Code)
		}
	}
	f.Fuzz(func(t *testing.T, i uint16, day int32, serial int) {
		kec := kecs[int(i)%len(kecs)]
		rec := adminduk.FromDayNumber(int(day))
		k, err := adminduk.NewKK(kec, rec, serial)
		if rec.Year() < 200 || rec.Year() > 4000 || serial < 1 || serial > 9999 {
			if err == nil {
				t.Fatalf("NewKK(%v, %v, %d) accepted", kec, rec, serial)
			}
			return
		}
		if err != nil {
			t.Fatalf("NewKK(%v, %v, %d): %v", kec, rec, serial, err)
		}
		p := adminduk.NewParser(adminduk.Options{AsOf: rec})
		back, err := p.ParseKK(k.String())
		if err != nil || back != k {
			t.Fatalf("ParseKK(%s) = %v, %v; want %v", k.String(), back, err, k)
		}
		if k.Region() != kec || k.Serial() != serial || k.RecordDate() != rec {
			t.Fatalf("NewKK(%v, %v, %d) has parts %v %v %d", kec, rec, serial, k.Region(), k.RecordDate(), k.Serial())
		}
	})
}
