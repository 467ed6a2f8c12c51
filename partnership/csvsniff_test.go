package partnership

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recode rewrites comma-separated CSV with another delimiter, line end and
// optional byte order mark; ok is false when in is not valid CSV.
func recode(in []byte, comma rune, crlf, bom bool) ([]byte, bool) {
	r := csv.NewReader(bytes.NewReader(in))
	r.FieldsPerRecord = -1
	var buf bytes.Buffer
	if bom {
		buf.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = comma, crlf
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, false
		}
		if err := w.Write(rec); err != nil {
			return nil, false
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error() == nil
}

func reasons(im *Import) []string {
	var out []string
	for _, e := range im.Errors {
		out = append(out, e.Reason(adminduk.English))
	}
	return out
}

// assertSameImport checks that got read the same rows as want.
func assertSameImport(t *testing.T, want, got *Import) {
	t.Helper()
	assert.Equal(t, want.Agreements, got.Agreements)
	assert.Equal(t, want.Lines, got.Lines)
	assert.Equal(t, want.Warnings, got.Warnings)
	assert.Equal(t, want.Rows, got.Rows)
	assert.Equal(t, reasons(want), reasons(got))
}

// Semicolon (Indonesian Excel), tab and comma files, with or without a byte
// order mark and CRLF, read the same as the comma file (issue 10: a
// semicolon file failed row by row).
func TestReadCSVDelimiters(t *testing.T) {
	b, err := os.ReadFile("testdata/serang.csv")
	require.NoError(t, err)
	b = b[:bytes.LastIndex(b, []byte("\n470/008/PKS-DKP/2024"))+1] // up to before the short row (its reason names the delimiter)
	want, err := ReadCSV(bytes.NewReader(b), CSVOptions{})
	require.NoError(t, err)
	require.Equal(t, ',', want.Comma)
	require.NotEmpty(t, want.Agreements)
	for _, comma := range []rune{',', ';', '\t'} {
		for _, crlf := range []bool{false, true} {
			for _, bom := range []bool{false, true} {
				in, ok := recode(b, comma, crlf, bom)
				require.True(t, ok)
				got, err := ReadCSV(bytes.NewReader(in), CSVOptions{})
				require.NoError(t, err, "%q crlf=%v bom=%v", comma, crlf, bom)
				assert.Equal(t, comma, got.Comma)
				assertSameImport(t, want, got)
			}
		}
	}
}

func TestSniffComma(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rune
	}{
		{"number;partner;category\n", ';'},
		{"\n\r\n  \nnumber\tpartner\n", '\t'},
		{"number,partner;x\n", ','},
		{"\"number;x\",partner,number\n", ','},
		{"no;header;here;x,y\n", ';'},
		{"A/1,Klinik,klinik,36.04.05,kia;kk,2024-01-01,2024-01-01,,\n", ','},
		{"A/1;Klinik;klinik;36.04.05;kia,kk;2024-01-01;2024-01-01;;\n", ';'},
		{"", ','},
		{"single\n", ','},
	} {
		got := sniffComma(newPeekReader(tc.in))
		assert.Equal(t, tc.want, got, "%q", tc.in)
	}
	// A semicolon file without a header reads like the comma one.
	im, err := ReadCSV(strings.NewReader("A/1;Klinik;klinik;36.04.05;kia,kk;2024-01-01;2024-01-01;;\n"), CSVOptions{})
	require.NoError(t, err)
	assert.Empty(t, im.Errors)
	assert.Len(t, im.Agreements, 1)
	// A row with too many fields names the delimiter in its hint.
	im, err = ReadCSV(strings.NewReader("number;partner;category;district;services;signed;start;end;status\nA;B;C;D;E;F;G;H;I;J\n"), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, im.Errors, 1)
	assert.Contains(t, im.Errors[0].Reason(adminduk.English), "unquoted semicolon")
}

// FuzzReadCSVDelimiter: any comma file with a header row reads the same
// after recoding to semicolons or tabs, CRLF and a byte order mark.
func FuzzReadCSVDelimiter(f *testing.F) {
	b, err := os.ReadFile("testdata/serang.csv")
	require.NoError(f, err)
	lines := strings.SplitAfter(string(b), "\n")
	f.Add([]byte(strings.Join(lines[:4], "")+lines[19]), uint8(1))
	f.Add([]byte(lines[0]+lines[21]+lines[43]), uint8(6))
	f.Add([]byte("number,partner,category,district,services,signed,start,end\n\"x;y\",\"P\tQ\",sd,36.04.12,kk;kia,2023-01-01,2023-01-02,\n"), uint8(5))
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		r := csv.NewReader(bytes.NewReader(in))
		r.FieldsPerRecord = -1
		first, err := r.Read()
		if err != nil || !isHeader(first) || bytes.ContainsAny(in, "\r") {
			return
		}
		want, err := ReadCSV(bytes.NewReader(in), CSVOptions{Comma: ','})
		if err != nil {
			return
		}
		comma := delimiters[int(mode)%len(delimiters)]
		out, ok := recode(in, comma, mode&4 != 0, mode&8 != 0)
		if !ok {
			return
		}
		got, err := ReadCSV(bytes.NewReader(out), CSVOptions{})
		require.NoError(t, err, "%q", out)
		require.Equal(t, comma, got.Comma, "%q", out)
		require.Equal(t, want.Agreements, got.Agreements)
		require.Equal(t, want.Rows, got.Rows) // lines may differ: recoding drops blank lines
		require.Len(t, got.Errors, len(want.Errors))
	})
}

func newPeekReader(s string) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), sniffSize)
}
