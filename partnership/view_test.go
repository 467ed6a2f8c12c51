package partnership

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// WriteJSON streams what one json.Encoder with two-space indent would write
// for the same document: decoding and re-encoding it gives the same bytes.
func TestWriteJSONMatchesEncoder(t *testing.T) {
	im := readSerang(t)
	for _, withImport := range []bool{true, false} {
		r, err := NewReport(im.Agreements, ReportOptions{AsOf: adminduk.MustParseDate("2024-12-31"),
			StatedTotals: []StatedTotal{{Label: "health", Total: 46, Group: GroupHealth}}})
		require.NoError(t, err)
		if withImport {
			r.WithImport("serang.csv", im)
		}
		var b bytes.Buffer
		require.NoError(t, r.WriteJSON(&b))
		var doc struct {
			AsOf       string            `json:"as_of"`
			Source     json.RawMessage   `json:"source"`
			Within     int               `json:"within"`
			Agreements []json.RawMessage `json:"agreements"`
			Expiring   []json.RawMessage `json:"expiring"`
			ByCategory map[string]int    `json:"by_category"`
			ByGroup    map[string]int    `json:"by_group"`
			ByYear     map[string]int    `json:"by_year"`
			Targets    []json.RawMessage `json:"targets"`
			Uncovered  []json.RawMessage `json:"uncovered_districts"`
			Warnings   []json.RawMessage `json:"warnings"`
			Errors     []json.RawMessage `json:"errors"`
		}
		dec := json.NewDecoder(bytes.NewReader(b.Bytes()))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&doc))
		assert.Len(t, doc.Agreements, len(im.Agreements))
		if !withImport {
			doc.Errors = []json.RawMessage{} // an empty list, not null
		}
		var again bytes.Buffer
		enc := json.NewEncoder(&again)
		enc.SetIndent("", "  ")
		require.NoError(t, enc.Encode(doc))
		assert.Equal(t, again.String(), b.String())
	}
}

func TestWriteTextLanguages(t *testing.T) {
	im := readSerang(t)
	r, err := NewReport(im.Agreements, ReportOptions{AsOf: adminduk.MustParseDate("2024-12-31")})
	require.NoError(t, err)
	r.WithImport("serang.csv", im)
	var en, id strings.Builder
	require.NoError(t, r.WriteText(&en, adminduk.English))
	require.NoError(t, r.WriteText(&id, adminduk.Indonesian))
	assert.True(t, strings.HasPrefix(en.String(), "PKS report as of 2024-12-31: serang.csv, 76 rows, 69 accepted, 7 rejected\n"))
	assert.True(t, strings.HasPrefix(id.String(), "Laporan PKS per 2024-12-31: serang.csv, 76 baris, 69 diterima, 7 ditolak\n"))
	assert.Contains(t, en.String(), "ends on 2025-01-08 (in 8 days) and no successor is signed")
	assert.Contains(t, id.String(), "berakhir 2025-01-08 (dalam 8 hari) dan belum ada perjanjian penerus")
	for _, w := range append(append([]Warning(nil), im.Warnings...), r.Warnings...) {
		assert.NotEmpty(t, w.In(adminduk.Indonesian))
		assert.Equal(t, w.Msg, w.In(adminduk.English))
	}
}

// writeAligned lays out rows exactly as text/tabwriter with padding 2 does.
func TestWriteAlignedMatchesTabwriter(t *testing.T) {
	rows := [][]string{
		{"LINE", "NUMBER", "PARTNER", "LEFT"},
		{"2", "470/001", "RSU Harapan Sehat", "1"},
		{"10", "x", "Klinik Pratama Sehat, Cikande — Banten ✓", "-"},
		{"100", "470/002/PKS-DKP/2023", "Ñ", "12345"},
	}
	var want, got bytes.Buffer
	tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	require.NoError(t, tw.Flush())
	writeAligned(&got, len(rows)-1, func(i int, dst []string) []string { return append(dst[:0], rows[i+1]...) })
	assert.Equal(t, want.String(), got.String())
}
