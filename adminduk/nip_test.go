package adminduk_test

import (
	"encoding"
	"encoding/json"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var _ encoding.TextAppender = adminduk.NIP{}

func TestParseNIP(t *testing.T) {
	for _, in := range []string{"197001012000031001", "19700101 200003 1 001", " 198512312010122003 "} {
		n, err := adminduk.ParseNIP(in)
		require.NoError(t, err, in)
		assert.True(t, n.IsValid())
	}
	n := adminduk.MustParseNIP("19850607 201001 2 015")
	assert.Equal(t, "198506072010012015", n.String())
	assert.Equal(t, "19850607 201001 2 015", n.Printed())
	assert.Equal(t, adminduk.MustDate(1985, time.June, 7), n.BirthDate())
	y, m := n.Appointed()
	assert.Equal(t, 2010, y)
	assert.Equal(t, time.January, m)
	assert.Equal(t, adminduk.Female, n.Sex())
	assert.Equal(t, 15, n.Serial())
	b, err := n.AppendText([]byte("nip="))
	require.NoError(t, err)
	assert.Equal(t, "nip=198506072010012015", string(b))

	var zero adminduk.NIP
	assert.False(t, zero.IsValid())
	assert.Equal(t, "", zero.String()+zero.Printed())
	assert.True(t, zero.BirthDate().IsZero())
	assert.Equal(t, adminduk.Sex(0), zero.Sex())
}

func TestParseNIPErrors(t *testing.T) {
	for _, tc := range []struct {
		in     string
		reason error
	}{
		{"", adminduk.ErrSyntax},
		{"19700101200003100", adminduk.ErrSyntax},
		{"19700101200003100x", adminduk.ErrSyntax},
		{"197002302000031001", adminduk.ErrInvalidDate}, // 30 February
		{"180001012000031001", adminduk.ErrInvalidDate}, // born before 1900
		{"197001011980031001", adminduk.ErrInvalidDate}, // appointed at 10
		{"197001012000131001", adminduk.ErrInvalidDate}, // month 13
		{"197001012000033001", adminduk.ErrSyntax},      // sex digit 3
		{"197001012000031000", adminduk.ErrInvalidSerial},
	} {
		_, err := adminduk.ParseNIP(tc.in)
		require.Error(t, err, tc.in)
		assert.ErrorIs(t, err, tc.reason, tc.in)
		assert.ErrorIs(t, err, adminduk.ErrInvalidNIP, tc.in)
		var pe *adminduk.ParseError
		require.ErrorAs(t, err, &pe, tc.in)
		assert.Equal(t, "NIP", pe.What)
	}
	// A NIK error is not a NIP error.
	_, err := adminduk.ParseNIK("x")
	assert.NotErrorIs(t, err, adminduk.ErrInvalidNIP)
}

func TestNIPErrorMasksDigits(t *testing.T) {
	_, err := adminduk.ParseNIP("19700101 200003 1 000")
	require.Error(t, err)
	assert.Equal(t, `adminduk: NIP "1970**** ****** * 000": serial 000 is never issued`, err.Error())
	assert.NotContains(t, err.Error(), "0101")
}

func TestNIPText(t *testing.T) {
	type rec struct {
		NIP adminduk.NIP `json:"nip"`
	}
	var r rec
	require.NoError(t, json.Unmarshal([]byte(`{"nip":"19700101 200003 1 001"}`), &r))
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"nip":"197001012000031001"}`, string(b))
	require.NoError(t, json.Unmarshal([]byte(`{"nip":""}`), &r))
	assert.False(t, r.NIP.IsValid())
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"nip":"1"}`), &r), adminduk.ErrInvalidNIP)
	v, err := adminduk.MustParseNIP("197001012000031001").Value()
	require.NoError(t, err)
	assert.Equal(t, "197001012000031001", v)
	var s adminduk.NIP
	require.NoError(t, s.Scan([]byte("197001012000031001")))
	assert.Equal(t, adminduk.MustParseNIP("197001012000031001"), s)
	assert.Error(t, s.Scan(42))
}

func FuzzParseNIP(f *testing.F) {
	f.Add("197001012000031001")
	f.Add("19850607 201001 2 015")
	f.Add("197002302000031001")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := adminduk.ParseNIP(s)
		if err != nil {
			if n.IsValid() {
				t.Fatalf("ParseNIP(%q) returned a valid NIP with error %v", s, err)
			}
			return
		}
		// The digits and the printed form parse back to the same NIP, and
		// the parts agree with the digits.
		for _, again := range []string{n.String(), n.Printed()} {
			m, err := adminduk.ParseNIP(again)
			if err != nil || m != n {
				t.Fatalf("ParseNIP(%q) = %v, %v; want %v", again, m, err, n)
			}
		}
		d := n.String()
		if got := n.BirthDate().String(); got != d[:4]+"-"+d[4:6]+"-"+d[6:8] {
			t.Fatalf("BirthDate of %s = %s", d, got)
		}
		if n.Serial() < 1 || n.Serial() > 999 || !n.Sex().IsValid() {
			t.Fatalf("%s: serial %d, sex %v", d, n.Serial(), n.Sex())
		}
	})
}
