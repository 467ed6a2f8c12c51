package coverage

import (
	"errors"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var asOf2025 = adminduk.MustDate(2025, 6, 30)

// smallCSV has one row per case; the comment column is ignored (with a
// warning), and its quoted commas must not shift the fields.
const smallCSV = "\ufeffnik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued,note\r\n" +
	"6208011503200001,2020-03-15,L,62.08.01,1,2020-04-01,1,2021-01-10,on time\r\n" + // 2
	"6208014112240001,2024-12-01,P,62.08.01,0,,0,,\"no akta, infant\"\n" + // 3
	"6208027006070001,2007-06-30,P,620802,1,,0,,18 today: out of range\n" + // 4
	"6208020107080001,2008-07-01,L,62.08.02,1,2015-01-05,1,2025-07-15,KIA after as-of\n" + // 5
	"9101010101150001,2015-01-01,L,91.01.01,ya,2015-02-15,tidak,,retired Merauke\n" + // 6
	"6208011503200003,2023-02-30,L,62.08.01,1,,0,,bad date\n" + // 7
	"6208011503200000,2020-03-15,L,62.08.01,1,,0,,serial 0000\n" + // 8
	"6208991503200001,2020-03-15,L,62.08.99,1,,0,,unknown kecamatan\n" + // 9
	"6208010108250001,2025-08-01,L,62.08.01,0,,0,,born after as-of\n" + // 10
	"6208011503200004,2020-03-16,P,62.08.01,1,2020-03-20,0,,differs from NIK\n" + // 11
	"6208011503200005,2020-03-15,L,62.08.01,0,2020-03-20,0,,dated without akta\n" + // 12
	"6208011503200006,2020-03-15,L,62.08.01,1\n" + // 13
	"\n" + // 14 blank
	"\"6208011503200002\",\"2020-03-15\",\"L\",\"62.08.01\",\"1\",\"2020-06-01\",\"0\",\"\",\"quoted, \"\"late\"\"\"\n" + // 15
	"6208011503200007,2020-03-15,X,62.08.01,1,,0,,bad sex\n" + // 16
	"6208011503200008,2020-03-15,L,62.08.01,2,,0,,bad flag\n" + // 17
	"6208011503200009,2020-03-15,L,62.08.01,1,2019-01-01,0,,akta before birth\n" + // 18
	"6208011503200010,2020-03-15,L,62.08.01,1,,0,,\"unterminated\n" + // 19
	"6208011503200011,,,62.08.01,1,2021-03-15,1,2021-03-15,from the NIK" // 20, no final newline

func TestAggregateSmall(t *testing.T) {
	a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(strings.NewReader(smallCSV)))
	rep, err := a.Report(wilayah.LevelDistrict)
	require.NoError(t, err)

	assert.Equal(t, Stats{Lines: 20, Rows: 18, Counted: 8, Malformed: 9, Future: 1, Older: 1}, rep.Stats)
	var lines []int
	for _, e := range rep.Errors {
		lines = append(lines, e.Line)
	}
	assert.Equal(t, []int{7, 8, 9, 12, 13, 16, 17, 18, 19}, lines)
	byLine := map[int]*RowError{}
	for _, e := range rep.Errors {
		byLine[e.Line] = e
	}
	assert.ErrorIs(t, byLine[7], ErrSyntax)
	assert.ErrorIs(t, byLine[7], adminduk.ErrSyntax)
	assert.ErrorIs(t, byLine[7], adminduk.ErrInvalidDate, "an invalid date unwraps to adminduk.ErrInvalidDate")
	assert.Equal(t, adminduk.Pointer("/rows/7/birth_date"), byLine[7].Field.Pointer)
	assert.Equal(t, `birth_date "2023-02-30": seharusnya tanggal YYYY-MM-DD`, byLine[7].Reason(adminduk.Indonesian))
	assert.Equal(t, adminduk.Pointer("/rows/13"), byLine[13].Field.Pointer)
	assert.Equal(t, adminduk.CodeRegion, byLine[9].Field.Code)
	assert.Equal(t, "birth_date", byLine[7].Column)
	assert.Equal(t, `coverage: line 8: nik "6208********0000": serial 0000 is never issued`, byLine[8].Error())
	assert.ErrorIs(t, byLine[9], ErrUnknownRegion)
	assert.ErrorIs(t, byLine[12], ErrInvalid)
	assert.Equal(t, "coverage: line 13: 5 fields, but the header has 9", byLine[13].Error())
	assert.ErrorIs(t, byLine[18], ErrInvalid)
	var re *RowError
	require.True(t, errors.As(error(rep.Errors[0]), &re))

	codes := []string{}
	for _, r := range rep.Regions {
		codes = append(codes, r.Code.String()+" "+r.Name)
	}
	assert.Equal(t, []string{"62.08.01 Sukamara", "62.08.02 Jelai", "93.01.01 Merauke"}, codes)

	// 62.08.01: rows 2, 3, 11, 15, 20 (all ages 0-17, all under 17).
	s := rep.Regions[0]
	assert.Equal(t, Counts{Required: 5, With: 4}, s.Akta.Counts)
	assert.Equal(t, Counts{Required: 5, With: 2}, s.KIA.Counts)
	assert.Equal(t, Counts{Required: 3, With: 3}, s.Akta.Male)
	assert.Equal(t, Counts{Required: 2, With: 1}, s.Akta.Female)
	// 62.08.02: row 4 is 18 today (out of both ranges), row 5 is 16 with an
	// akta; its KIA is dated after the reference date.
	j := rep.Regions[1]
	assert.Equal(t, Counts{Required: 1, With: 1}, j.Akta.Counts)
	assert.Equal(t, Counts{Required: 1, With: 0}, j.KIA.Counts)
	assert.Equal(t, Counts{Required: 1, With: 1}, rep.Regions[2].Akta.Counts)

	assert.Equal(t, Counts{Required: 7, With: 6}, rep.Total.Akta.Counts)
	assert.Equal(t, "85.71 %", must(PercentOf(6, 7)).String())
	assert.Equal(t, int64(1), rep.Total.Akta.TargetGap()) // 98 % of 7 is 6.86: 7 needed
	assert.False(t, rep.Total.Akta.TargetMet())
	assert.Equal(t, Counts{Required: 7, With: 2}, rep.Total.KIA.Counts)
	assert.Equal(t, Percent(7500), *rep.Total.KIA.Target) // 2024's, carried to 2025
	assert.Equal(t, int64(4), rep.Total.KIA.TargetGap())
	kinds := map[WarningKind]int64{}
	for _, w := range rep.Warnings {
		kinds[w.Kind] += max(w.Rows, 1)
	}
	assert.Equal(t, map[WarningKind]int64{WarnTargetCarried: 2, WarnUnknownColumn: 1, WarnRetiredDistrict: 1,
		WarnNIKMismatch: 1, WarnBornAfterAsOf: 1, WarnIssuedAfterAsOf: 1, WarnUndated: 1}, kinds)
	_ = adminduk.English
}

// The text report lists skipped rows in its own language.
func TestTextSkippedRowsInLang(t *testing.T) {
	a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(strings.NewReader(smallCSV)))
	rep, err := a.Report(wilayah.LevelDistrict)
	require.NoError(t, err)
	for lang, want := range map[adminduk.Lang][]string{
		adminduk.Indonesian: {`  baris 7: birth_date "2023-02-30": seharusnya tanggal YYYY-MM-DD`, "  baris 18: akta_registered: sebelum tanggal lahir"},
		adminduk.English:    {`  line 7: birth_date "2023-02-30": want a calendar date YYYY-MM-DD`, "  line 18: akta_registered: before the birth date"},
	} {
		var b strings.Builder
		require.NoError(t, WriteText(&b, rep, TextOptions{Lang: lang}))
		for _, w := range want {
			assert.Contains(t, b.String(), w+"\n")
		}
	}
}

// within60 agrees with the day count for every pair of dates from a birth
// across 2023-2025 (leap February included) and up to 200 days later.
func TestWithin60(t *testing.T) {
	for a := adminduk.MustDate(2023, 1, 1); a.Year() < 2026; a = a.AddDays(1) {
		for n := 0; n <= 200; n++ {
			b := a.AddDays(n)
			if within60(a, b) != (n <= 60) {
				t.Fatalf("within60(%v, %v) = %v, %d days apart", a, b, within60(a, b), n)
			}
		}
	}
}
