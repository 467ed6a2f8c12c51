package partnership

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/require"
)

// sentinel reports whether err unwraps to one of the package's sentinels.
func sentinel(err error) bool {
	for _, s := range []error{ErrSyntax, ErrInvalid, ErrConflict, adminduk.ErrInvalidDate} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// FuzzParseRecord: the row parser never panics; a rejected row is a
// *RowError with a sentinel; an accepted row is valid and round-trips
// through FormatRecord and ParseRecord to the same agreement and warnings.
func FuzzParseRecord(f *testing.F) {
	b, err := os.ReadFile("testdata/serang.csv")
	require.NoError(f, err)
	for _, line := range strings.Split(string(b), "\n")[1:] {
		p := strings.Split(line, ",")
		for len(p) < 9 {
			p = append(p, "")
		}
		f.Add(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8])
	}
	f.Add("X/1", "Klinik", "BPM", "91.01.01", "kia, kk", "01/02/2024", "01-02-2024", "", "Active")
	f.Add("X/2", "Draft", "other", "3604052001", "kia_benefit", "", "", "", "draft")
	f.Fuzz(func(t *testing.T, number, partner, category, district, services, signed, start, end, status string) {
		rec := []string{number, partner, category, district, services, signed, start, end, status}
		a, warns, err := ParseRecord(rec, CSVOptions{})
		if err != nil {
			var re *RowError
			require.ErrorAs(t, err, &re)
			require.True(t, sentinel(err), "%v", err)
			require.NotEmpty(t, re.Reason(adminduk.English))
			return
		}
		require.NoError(t, a.Validate())
		require.False(t, a.End.Before(a.Start))
		require.NotZero(t, a.Scope.Services)
		out := FormatRecord(&a)
		b, warns2, err := ParseRecord(out, CSVOptions{})
		require.NoError(t, err, "%q", out)
		require.Equal(t, a, b)
		require.Equal(t, warns, warns2)
		require.Equal(t, out, FormatRecord(&b))
	})
}

// FuzzReadCSV: any input is read without panic; rows are either accepted or
// rejected with a line; writing the accepted agreements and reading them back
// gives the same agreements and no rejected row.
func FuzzReadCSV(f *testing.F) {
	b, err := os.ReadFile("testdata/serang.csv")
	require.NoError(f, err)
	// Small seeds: the fuzzer minimises every new input, which is slow on
	// large ones.
	lines := strings.SplitAfter(string(b), "\n")
	f.Add([]byte(strings.Join(lines[:4], "") + lines[19] + lines[20] + lines[76]))
	f.Add([]byte(lines[0] + lines[21] + lines[43] + lines[60]))
	f.Add([]byte("\uFEFFnumber,partner,category,district,services,signed,start,end,status\r\nA,\"B, C\",rs,36.04.05,kia,2024-01-01,2024-01-01,,\r\n"))
	f.Add([]byte("A,B,klinik,91.01.01,kk,01/01/2024,2024-01-01,,active\nA,B,klinik,91.01.01,kk,01/01/2024,2024-01-01,,active\n"))
	f.Add([]byte("end,number,partner,category,district,services,signed,start\n2025-01-01,\"x\"\"y\",P,sd,36.04.12,perekaman_sekolah,2023-01-01,2023-01-02\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		im, err := ReadCSV(bytes.NewReader(in), CSVOptions{})
		if err != nil {
			require.ErrorIs(t, err, ErrInvalid)
			return
		}
		require.Equal(t, im.Rows, len(im.Agreements)+len(im.Errors))
		require.Len(t, im.Lines, len(im.Agreements))
		prev := 0
		for _, e := range im.Errors {
			require.GreaterOrEqual(t, e.Line, 1)
			require.GreaterOrEqual(t, e.Line, prev, "errors in line order")
			prev = e.Line
		}
		var buf bytes.Buffer
		require.NoError(t, WriteCSV(&buf, im.Agreements))
		again, err := ReadCSV(&buf, CSVOptions{})
		require.NoError(t, err)
		require.Empty(t, again.Errors, "%q", buf.String())
		require.Equal(t, im.Agreements, again.Agreements)
	})
}

// FuzzParseDate: the CSV date reader accepts what time.Parse reads as
// YYYY-MM-DD, DD-MM-YYYY or D/M/YYYY (one or two digits) from the year 1,
// gives the same day, and refuses everything else with an error that
// unwraps to adminduk.ErrInvalidDate.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "0001-01-01", "9999-12-31", "2024-1-01", "+024-01-01", "29/02/2024", "1/2/2024", "31-12-2023", "1-2-2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseCSVDate(s)
		var ref time.Time
		refErr := errors.New("no layout")
		for _, layout := range []string{"2006-01-02", "02-01-2006", "2/1/2006"} {
			if r, e := time.Parse(layout, s); e == nil && r.Year() >= 1 {
				ref, refErr = r, nil
				break
			}
		}
		if refErr != nil {
			require.Error(t, err, s)
			require.ErrorIs(t, err, adminduk.ErrInvalidDate, s)
			return
		}
		require.NoError(t, err, s)
		want, ok := adminduk.NewDate(ref.Date())
		require.True(t, ok)
		require.Equal(t, want, d, s)
	})
}

// FuzzParseTerm: an accepted term prints and parses back to itself and ends
// after its start.
func FuzzParseTerm(f *testing.F) {
	for _, s := range []string{"2y", "24m", "1y6m", "2", "0y", "99y", "6m1y"} {
		f.Add(s)
	}
	start := adminduk.MustParseDate("2024-02-29")
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseTerm(s)
		if err != nil {
			require.ErrorIs(t, err, ErrSyntax)
			return
		}
		again, err := ParseTerm(tm.String())
		require.NoError(t, err)
		require.Equal(t, tm, again)
		require.True(t, tm.End(start).After(start), "%v", tm)
	})
}

// FuzzNormKey: the fast path for keys already normalised agrees with the
// general one.
func FuzzNormKey(f *testing.F) {
	for _, s := range []string{"rumah_sakit", "Rumah Sakit", "_kia", "kia_", "a__b", "paud/tk", " sd ", "x-y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, normKeySlow(s), normKey(s), "%q", s)
	})
}
