package adminduk_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/require"
)

// refNIK is what the slow reference parser found.
type refNIK struct {
	reason adminduk.Reason
	birth  time.Time
	female bool
	serial int
	region string
}

// referenceParseNIK follows DOMAIN.md step by step with the standard library,
// sharing no code with the fast parser.
func referenceParseNIK(s string, ref time.Time) refNIK {
	if len(s) != 16 {
		return refNIK{reason: adminduk.ReasonSyntax}
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return refNIK{reason: adminduk.ReasonSyntax}
		}
	}
	code, err := wilayah.ParseCode(s[0:2] + "." + s[2:4] + "." + s[4:6])
	if err != nil {
		return refNIK{reason: adminduk.ReasonRegion}
	}
	if _, known := wilayah.Lookup(code); !known {
		return refNIK{reason: adminduk.ReasonRegion}
	}
	day, _ := strconv.Atoi(s[6:8])
	month, _ := strconv.Atoi(s[8:10])
	yy, _ := strconv.Atoi(s[10:12])
	serial, _ := strconv.Atoi(s[12:16])
	female := day > 40
	if female {
		day -= 40
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return refNIK{reason: adminduk.ReasonDate}
	}
	year := 1900 + yy
	if yy <= ref.Year()%100 {
		year = 2000 + yy
	}
	// Compare on the calendar, allowing for a day that does not exist.
	if year*10000+month*100+day > ref.Year()*10000+int(ref.Month())*100+ref.Day() {
		year -= 100
	}
	birth := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if birth.Day() != day { // time.Date normalised 31 February into March
		return refNIK{reason: adminduk.ReasonDate}
	}
	if serial == 0 {
		return refNIK{reason: adminduk.ReasonSerial}
	}
	return refNIK{birth: birth, female: female, serial: serial, region: code.String()}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{"3201014512230001", "9101011202990001", "3201013102230001", "3201012902000001",
		"3201012311260001", "3201014512230000", "9901014512230001", "3201004512230001", "", "32010145122300011", "3201 01451223001"} {
		f.Add(s)
	}
	ref := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	p := adminduk.NewParser(adminduk.Options{AsOf: adminduk.DateOf(ref)})
	f.Fuzz(func(t *testing.T, s string) {
		n, err := p.ParseNIK(s)
		want := referenceParseNIK(s, ref)
		if want.reason != 0 {
			var pe *adminduk.ParseError
			require.ErrorAs(t, err, &pe, "%q", s)
			require.Equal(t, want.reason, pe.Reason, "%q: %v", s, err)
			require.False(t, n.IsValid())
			return
		}
		require.NoError(t, err, "%q", s)
		require.Equal(t, s, n.String(), "round trip")
		require.Equal(t, want.birth, n.BirthDate().Time())
		require.Equal(t, want.female, n.Sex() == adminduk.Female)
		require.Equal(t, want.serial, n.Serial())
		require.Equal(t, want.region, n.Region().String())
		again, err := p.ParseNIK(n.String())
		require.NoError(t, err)
		require.Equal(t, n, again)
	})
}
