package nikfile

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCSVField(t *testing.T) {
	for _, tt := range []struct {
		line  string
		n     int
		want  string
		cause Cause
	}{
		{`a,b,c`, 2, "b", 0},
		{`a,b,`, 3, "", 0},
		{`a,b`, 3, "", CauseMissingColumn},
		{` a , b `, 2, "b", 0},
		{`"a,b",c`, 2, "c", 0},
		{`"a,b",c`, 1, "a,b", 0},
		{`"Ani ""Bu"", S.",3201`, 2, "3201", 0},
		{`"Ani ""Bu"", S.",3201`, 1, `Ani "Bu", S.`, 0},
		{`""""`, 1, `"`, 0},
		{`"",x`, 1, "", 0},
		{`"a`, 1, "", CauseBadQuoting},
		{`"a"b,c`, 2, "", CauseBadQuoting},
		{`a"b,c`, 1, `a"b`, 0}, // a bare quote in an unquoted field is data
	} {
		got, _, cause := csvField([]byte(tt.line), tt.n, nil)
		assert.Equal(t, tt.cause, cause, tt.line)
		assert.Equal(t, tt.want, string(got), tt.line)
	}
}

// FuzzCSVField checks the field splitter against encoding/csv: on every line
// encoding/csv reads as one record, field n must agree.
func FuzzCSVField(f *testing.F) {
	for _, s := range []string{`a,b,c`, `"a,b",c`, `"Ani ""Bu"", S.",3201014512230001`, `""""`, `"a`, `x,"y""",z`, ` "a" ,b`} {
		f.Add(s, 2)
	}
	f.Fuzz(func(t *testing.T, line string, n int) {
		if strings.ContainsAny(line, "\r\n") || n < 1 || n > 20 {
			return
		}
		r := csv.NewReader(strings.NewReader(line))
		r.FieldsPerRecord = -1
		rec, err := r.Read()
		if err != nil {
			return // encoding/csv rejects it (or it is blank): no reference
		}
		got, _, cause := csvField([]byte(line), n, nil)
		if n > len(rec) {
			if cause != CauseMissingColumn {
				t.Fatalf("%q field %d: cause %v, want missing column (record %q)", line, n, cause, rec)
			}
			return
		}
		want := bytes.TrimSpace([]byte(rec[n-1]))
		if cause != 0 || !bytes.Equal(got, want) {
			t.Fatalf("%q field %d: got %q (cause %v), want %q", line, n, got, cause, want)
		}
	})
}
