package adminduk_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var asOf2026 = adminduk.NewParser(adminduk.Options{AsOf: adminduk.MustDate(2026, 11, 22)})

func date(y, m, d int) adminduk.Date { return adminduk.MustDate(y, time.Month(m), d) }

func TestParseNIKValid(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		sex    adminduk.Sex
		birth  adminduk.Date
		serial int
		region string
	}{
		{"domain example, woman", "3201014512230001", adminduk.Female, date(2023, 12, 5), 1, "32.01.01"},
		{"man", "3201010508900123", adminduk.Male, date(1990, 8, 5), 123, "32.01.01"},
		{"woman born on the 31st", "3201017101990001", adminduk.Female, date(1999, 1, 31), 1, "32.01.01"},
		{"leap day 2024", "3201012902240001", adminduk.Male, date(2024, 2, 29), 1, "32.01.01"},
		{"leap day 2000 (00 -> 2000)", "3201016902009999", adminduk.Female, date(2000, 2, 29), 9999, "32.01.01"},
		{"YY equal to the reference, before it", "3201012211260001", adminduk.Male, date(2026, 11, 22), 1, "32.01.01"},
		{"YY equal to the reference, after it", "3201012311260001", adminduk.Male, date(1926, 11, 23), 1, "32.01.01"},
		{"YY just above the reference", "3201010101270001", adminduk.Male, date(1927, 1, 1), 1, "32.01.01"},
		{"retired Merauke 91.01", "9101014512230001", adminduk.Female, date(2023, 12, 5), 1, "91.01.01"},
		{"retired Kota Sorong 92.71", "9271010101100001", adminduk.Male, date(2010, 1, 1), 1, "92.71.01"},
		{"current Merauke 93.01", "9301014512230001", adminduk.Female, date(2023, 12, 5), 1, "93.01.01"},
		{"kota code", "3271010101800001", adminduk.Male, date(1980, 1, 1), 1, "32.71.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := asOf2026.ParseNIK(tt.in)
			require.NoError(t, err)
			assert.True(t, n.IsValid())
			assert.Equal(t, tt.sex, n.Sex())
			assert.Equal(t, tt.birth, n.BirthDate())
			y, m, d := n.Birth()
			assert.Equal(t, tt.birth, date(y, int(m), d))
			assert.Equal(t, tt.serial, n.Serial())
			assert.Equal(t, tt.region, n.Region().String())
			assert.Equal(t, tt.in, n.String())
			assert.Equal(t, tt.in, string(n.AppendTo(nil)))
		})
	}
}

func TestParseNIKInvalid(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		reason adminduk.Reason
		err    error
	}{
		{"empty", "", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"15 digits", "320101451223000", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"17 digits", "32010145122300011", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"spaces", "3201 0145 1223 0001", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"leading space", " 320101451223000", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"letter", "320101451223000O", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"fullwidth digits", "３２０１０１４５１２２３０００１", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"arabic-indic digit", "32010145122300٠", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"dots", "32.01.01.451223", adminduk.ReasonSyntax, adminduk.ErrSyntax},
		{"unknown province", "9901014512230001", adminduk.ReasonRegion, adminduk.ErrUnknownRegion},
		{"province 00", "0001014512230001", adminduk.ReasonRegion, adminduk.ErrUnknownRegion},
		{"unknown kecamatan", "3201994512230001", adminduk.ReasonRegion, adminduk.ErrUnknownRegion},
		{"kecamatan 00", "3201004512230001", adminduk.ReasonRegion, adminduk.ErrUnknownRegion},
		{"31 February", "3201013102230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"29 February 2023", "3201012902230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"woman 29 February 2023", "3201016902230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"31 April", "3201013104230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"day 00", "3201010001230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"day 32", "3201013201230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"day 40", "3201014001230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"day 72", "3201017201230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"month 00", "3201010100230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"month 13", "3201010113230001", adminduk.ReasonDate, adminduk.ErrInvalidDate},
		{"serial 0000", "3201014512230000", adminduk.ReasonSerial, adminduk.ErrInvalidSerial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := asOf2026.ParseNIK(tt.in)
			require.ErrorIs(t, err, tt.err)
			assert.False(t, n.IsValid())
			var pe *adminduk.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.reason, pe.Reason)
			assert.Equal(t, tt.in, pe.Input)
			assert.Equal(t, "NIK", pe.What)
			assert.True(t, strings.HasPrefix(err.Error(), "adminduk: NIK "), err.Error())
			if len(tt.in) == 16 {
				assert.NotContains(t, err.Error(), tt.in, "the message masks the NIK")
			}
		})
	}
}

func TestCenturyAgainstReference(t *testing.T) {
	// 29 February 2000 exists, 29 February 1900 does not: the century decides.
	before2000 := adminduk.NewParser(adminduk.Options{AsOf: date(1999, 12, 31)})
	_, err := before2000.ParseNIK("3201012902000001")
	require.ErrorIs(t, err, adminduk.ErrInvalidDate)
	n, err := adminduk.NewParser(adminduk.Options{AsOf: date(2000, 3, 1)}).ParseNIK("3201012902000001")
	require.NoError(t, err)
	assert.Equal(t, date(2000, 2, 29), n.BirthDate())
	// A date after the reference falls back a century: on 28 Feb 2000 the
	// 29th is still in the future, and 1900 has no 29 February.
	_, err = adminduk.NewParser(adminduk.Options{AsOf: date(2000, 2, 28)}).ParseNIK("3201012902000001")
	require.ErrorIs(t, err, adminduk.ErrInvalidDate)
	// A known birth date as the reference gives its century.
	n, err = adminduk.NewParser(adminduk.Options{AsOf: date(1923, 12, 5)}).ParseNIK("3201014512230001")
	require.NoError(t, err)
	assert.Equal(t, 1923, n.BirthDate().Year())
	// The default parser uses today: never a birth date in the future.
	n, err = adminduk.ParseNIK("3201014512230001")
	require.NoError(t, err)
	assert.False(t, n.BirthDate().After(adminduk.Today()))
}

func TestLenient(t *testing.T) {
	lenient := adminduk.NewParser(adminduk.Options{Lenient: true, AsOf: date(2026, 1, 1)})
	for _, ok := range []string{"3299014512230001", "3201994512230001", "9699994512230001", "1171014512230001"} {
		_, err := lenient.ParseNIK(ok)
		assert.NoError(t, err, ok)
	}
	for _, bad := range []string{"9901014512230001", "1001014512230001", "3270014512230001", "3200014512230001", "3201004512230001"} {
		_, err := lenient.ParseNIK(bad)
		assert.ErrorIs(t, err, adminduk.ErrUnknownRegion, bad)
	}
	_, err := lenient.ParseNIK("3299013102230001")
	assert.ErrorIs(t, err, adminduk.ErrInvalidDate)
}

func TestNIKMasking(t *testing.T) {
	n := adminduk.MustParseNIK("3201014512230001")
	assert.Equal(t, "3201********0001", n.Masked())
	assert.Equal(t, "3201********0001", fmt.Sprint(n))
	assert.Equal(t, "3201********0001", fmt.Sprintf("%v", n))
	assert.Equal(t, `"3201********0001"`, fmt.Sprintf("%q", n))
	assert.Equal(t, "3201014512230001", n.String())
	assert.Equal(t, "", adminduk.NIK{}.Masked())
}

func TestNIKText(t *testing.T) {
	type person struct {
		NIK adminduk.NIK `json:"nik"`
	}
	b, err := json.Marshal(person{adminduk.MustParseNIK("3201014512230001")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"nik":"3201014512230001"}`, string(b))
	var p person
	require.NoError(t, json.Unmarshal(b, &p))
	assert.Equal(t, "3201014512230001", p.NIK.String())
	require.NoError(t, json.Unmarshal([]byte(`{"nik":""}`), &p))
	assert.False(t, p.NIK.IsValid())
	require.ErrorIs(t, json.Unmarshal([]byte(`{"nik":"3201013102230001"}`), &p), adminduk.ErrInvalidDate)

	var n adminduk.NIK
	require.NoError(t, n.Scan([]byte("3201014512230001")))
	v, err := n.Value()
	require.NoError(t, err)
	assert.Equal(t, "3201014512230001", v)
	require.NoError(t, n.Scan(nil))
	v, err = n.Value()
	require.NoError(t, err)
	assert.Nil(t, v)
	assert.Error(t, n.Scan(3.5))
	assert.Equal(t, adminduk.Sex(0), n.Sex())
	assert.True(t, n.BirthDate().IsZero())
	assert.Equal(t, "", n.String())
}

func TestParseNIKAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(1000, func() {
		_, _ = adminduk.ParseNIK("9101014512230001")
		_, _ = asOf2026.ParseNIK("3201014512230001")
		_, _ = adminduk.ParseKK("3201012208230001")
	})
	assert.Zero(t, allocs)
}

func TestParseKK(t *testing.T) {
	k, err := asOf2026.ParseKK("3201012208230001")
	require.NoError(t, err)
	assert.Equal(t, date(2023, 8, 22), k.RecordDate())
	assert.Equal(t, "32.01.01", k.Region().String())
	assert.Equal(t, 1, k.Serial())
	assert.Equal(t, "3201012208230001", k.String())
	assert.Equal(t, "3201********0001", fmt.Sprint(k))

	for in, want := range map[string]error{
		"3201016208230001": adminduk.ErrInvalidDate, // no +40 on a KK
		"3201013102230001": adminduk.ErrInvalidDate,
		"9901012208230001": adminduk.ErrUnknownRegion,
		"3201012208230000": adminduk.ErrInvalidSerial,
		"32010122082300":   adminduk.ErrSyntax,
	} {
		_, err := asOf2026.ParseKK(in)
		require.ErrorIs(t, err, want, in)
		var pe *adminduk.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "KK", pe.What)
	}
	var kk adminduk.KK
	require.NoError(t, kk.UnmarshalText([]byte("3201012208230001")))
	b, err := kk.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "3201012208230001", string(b))
	require.NoError(t, adminduk.ValidateKK("3201012208230001"))
}

func TestReasonString(t *testing.T) {
	assert.Equal(t, []string{"syntax", "date", "region", "serial"}, []string{
		adminduk.ReasonSyntax.String(), adminduk.ReasonDate.String(), adminduk.ReasonRegion.String(), adminduk.ReasonSerial.String()})
	assert.Equal(t, "Reason(9)", adminduk.Reason(9).String())
	assert.False(t, adminduk.Reason(9).IsValid())
	assert.False(t, adminduk.Reason(0).IsValid())
	assert.True(t, adminduk.ReasonSerial.IsValid())
}

func TestExtremeReferenceDates(t *testing.T) {
	for _, asOf := range []adminduk.Date{date(2, 3, 4), date(9999, 12, 31), date(1, 1, 1)} {
		n, err := adminduk.NewParser(adminduk.Options{AsOf: asOf}).ParseNIK("3201014512190001")
		require.NoError(t, err, asOf)
		y := n.BirthDate().Year()
		assert.True(t, y >= 100 && y <= 4000, "%v gives year %d", asOf, y)
		assert.Equal(t, "3201014512190001", n.String())
	}
}
