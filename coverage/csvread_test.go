package coverage

import (
	"bytes"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readReport(t *testing.T, o AggregateOptions, input string, level wilayah.Level) *Report {
	t.Helper()
	if o.AsOf.IsZero() {
		o.AsOf = asOf2025
	}
	a, err := NewAggregator(o)
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(strings.NewReader(input)))
	rep, err := a.Report(level)
	require.NoError(t, err)
	return rep
}

func TestReadCSVShapes(t *testing.T) {
	row := "6208011503200001,2020-03-15,L,62.08.01,1,2020-04-01,1,2021-01-10"
	for _, tc := range []struct {
		name  string
		input string
		rows  int64
	}{
		{"no header: the default columns", row + "\n" + row + "\n", 2},
		{"CRLF, no final newline", "nik,birth_date,sex,district,has_akta,akta_registered,has_kia,kia_issued\r\n" + row + "\r\n" + row, 2},
		{"columns in another order, aliases", "kecamatan,akta,nik,kia\n62.08.01,1,6208011503200001,0\n", 1},
		{"only akta", "nik,district,has_akta\n6208011503200001,62.08.01,ya\n", 1},
		{"blank lines", "\n\nnik,district,has_kia\n\n6208011503200001,620801,1\n\n", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := readReport(t, AggregateOptions{}, tc.input, wilayah.LevelDistrict)
			assert.Equal(t, tc.rows, rep.Stats.Counted)
			assert.Zero(t, rep.Stats.Malformed, "%v", rep.Errors)
		})
	}
	rep := readReport(t, AggregateOptions{}, "nik,district,has_akta\n6208011503200001,62.08.01,1\n", wilayah.LevelDistrict)
	require.Len(t, rep.Indicators, 1)
	assert.Equal(t, Akta, rep.Indicators[0].Indicator)
	assert.False(t, rep.Indicators[0].Dated)
	assert.Nil(t, rep.Total.KIA)
	assert.Nil(t, rep.Total.Akta.Projection, "no dates, no projection")
	assert.Nil(t, rep.Total.Cohorts)
}

func TestReadCSVHeaderErrors(t *testing.T) {
	for _, in := range []string{
		"", "\n\n", "nama,alamat\n", "nik,district\n", "nik,nik,district,has_akta\n", "nik,district,has_kia,akta_registered\n",
	} {
		a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
		require.NoError(t, err)
		err = a.ReadCSV(strings.NewReader(in))
		assert.ErrorIs(t, err, ErrSyntax, "%q", in)
		var pe *ParseError
		assert.ErrorAs(t, err, &pe, "%q", in)
	}
}

func TestReadCSVLongLine(t *testing.T) {
	row := "6208011503200001,2020-03-15,L,62.08.01,1,2020-04-01,1,2021-01-10\n"
	long := row[:len(row)-1] + "," + strings.Repeat("x", 3<<20) + "\n"
	mid := row[:len(row)-1] + "," + strings.Repeat("y", 200<<10) + "\n" // 200 KiB: read, 9 fields for 8 columns
	input := Columns[0] + "," + strings.Join(Columns[1:], ",") + "\n" + row + long + row + mid + row
	rep := readReport(t, AggregateOptions{}, input, wilayah.LevelDistrict)
	assert.Equal(t, int64(3), rep.Stats.Counted)
	require.Len(t, rep.Errors, 2)
	assert.Equal(t, 3, rep.Errors[0].Line)
	assert.Equal(t, "coverage: line 3: line longer than 1 MiB", rep.Errors[0].Error())
	assert.Equal(t, 5, rep.Errors[1].Line)
	assert.Equal(t, "coverage: line 5: 9 fields, but the header has 8", rep.Errors[1].Error())
	assert.Equal(t, int64(6), rep.Stats.Lines)
}

func TestReadCSVMaxErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("nik,district,has_akta\n")
	for range 250 {
		b.WriteString("x,62.08.01,1\n")
	}
	rep := readReport(t, AggregateOptions{MaxErrors: 10}, b.String(), wilayah.LevelDistrict)
	assert.Equal(t, int64(250), rep.Stats.Malformed)
	assert.Len(t, rep.Errors, 10)
	assert.Equal(t, 11, rep.Errors[9].Line)
	assert.Equal(t, `coverage: line 2: nik "x": want 16 digits`, rep.Errors[0].Error())
}

// TestAgesAndBoundaries: the range is in completed years on the reference
// date; 29 February has its birthday on 1 March.
func TestAgesAndBoundaries(t *testing.T) {
	csv := "nik,birth_date,district,has_akta\n" +
		"6208012902080001,2008-02-29,62.08.01,1\n" + // 17 on 2025-02-28? no: 16 until 1 March
		"6208012802070001,2007-02-28,62.08.01,1\n" + // 18 on 2025-02-28: out
		"6208010103070001,2007-03-01,62.08.01,0\n" // 17 until 2025-03-01
	feb28 := adminduk.MustDate(2025, 2, 28)
	rep := readReport(t, AggregateOptions{AsOf: feb28}, csv, wilayah.LevelDistrict)
	m := rep.Total.Akta
	assert.Equal(t, Counts{Required: 2, With: 1}, m.Counts)
	require.NotEmpty(t, m.Bands)
	last := m.Bands[len(m.Bands)-1]
	assert.Equal(t, AgeRange{16, 18}, last.Ages)
	assert.Equal(t, Counts{Required: 2, With: 1}, last.Counts)
	// With an inclusive "0-18" range the 18-year-old counts too.
	rep = readReport(t, AggregateOptions{AsOf: feb28, AktaAges: AgeRange{0, 19}}, csv, wilayah.LevelDistrict)
	assert.Equal(t, Counts{Required: 3, With: 2}, rep.Total.Akta.Counts)
	// A day later, the leap-day child is 17 and the 1 March child 18.
	rep = readReport(t, AggregateOptions{AsOf: feb28.AddDate(0, 0, 1)}, csv, wilayah.LevelDistrict)
	assert.Equal(t, Counts{Required: 1, With: 1}, rep.Total.Akta.Counts)
}

func TestRetiredDistrict(t *testing.T) {
	csv := "nik,district,has_akta\n9101010101150001,91.01.01,1\n9101010101150002,93.01.01,0\n9101010101150003,910101,1\n"
	rep := readReport(t, AggregateOptions{}, csv, wilayah.LevelRegency)
	require.Len(t, rep.Regions, 1)
	assert.Equal(t, "93.01", rep.Regions[0].Code.String())
	assert.Equal(t, "Kabupaten Merauke", rep.Regions[0].Name)
	assert.Equal(t, Counts{3, 2}, rep.Regions[0].Akta.Counts)
	var w *Warning
	for i := range rep.Warnings {
		if rep.Warnings[i].Kind == WarnRetiredDistrict {
			w = &rep.Warnings[i]
		}
	}
	require.NotNil(t, w)
	assert.Equal(t, int64(2), w.Rows)
	assert.Equal(t, 2, w.Line)
	assert.Equal(t, "93.01.01", w.Region.String())
	assert.Equal(t, "2 rows name the retired kecamatan 91.01.01; counted for its successor 93.01.01 (first on line 2)", w.String())
	// Province level: Papua Selatan, with the population of Merauke only.
	rep = readReport(t, AggregateOptions{}, csv, wilayah.LevelProvince)
	assert.Equal(t, "93", rep.Regions[0].Code.String())
	p, _ := PopulationOf(wilayah.MustParseCode("93.01"))
	assert.Equal(t, p.Total, rep.Regions[0].Population)
}

// TestForkMerge: a file read in two parts by forked aggregators gives the
// report a single pass gives.
func TestForkMerge(t *testing.T) {
	data := synthSukamara(t, 5)
	data = append(data, "x,62.08.01,1,,0,,,\n6208019999990001,62.08.01\n"...)
	one, err := NewAggregator(AggregateOptions{AsOf: asOf2025, MaxErrors: 3})
	require.NoError(t, err)
	require.NoError(t, one.ReadCSV(bytes.NewReader(data)))
	want, err := one.Report(wilayah.LevelDistrict)
	require.NoError(t, err)

	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	first, err := NewAggregator(AggregateOptions{AsOf: asOf2025, MaxErrors: 3})
	require.NoError(t, err)
	half := len(lines) / 2
	for i, l := range lines[:half] {
		require.NoError(t, first.Line(i+1, l))
	}
	second := first.Fork()
	for i, l := range lines[half:] {
		require.NoError(t, second.Line(half+i+1, l))
	}
	first.Merge(second)
	got, err := first.Report(wilayah.LevelDistrict)
	require.NoError(t, err)
	assert.Equal(t, want.Stats.Counted, got.Stats.Counted)
	assert.Equal(t, want.Stats.Malformed, got.Stats.Malformed)
	assert.Equal(t, want.Stats.Rows, got.Stats.Rows)
	assert.Equal(t, want.Regions, got.Regions)
	assert.Equal(t, want.Total, got.Total)
	assert.Equal(t, want.Warnings, got.Warnings)
	assert.Equal(t, want.Errors, got.Errors)
}

func TestAddRecord(t *testing.T) {
	a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
	require.NoError(t, err)
	nik := adminduk.MustParseNIK("6208015503150001") // female, 15 March 2015
	require.NoError(t, a.Add(Record{NIK: nik, District: wilayah.MustParseCode("62.08.01"), HasAkta: true,
		AktaDate: adminduk.MustDate(2015, 4, 1)}, 1))
	require.NoError(t, a.Add(Record{NIK: nik, District: wilayah.MustParseCode("62.08.02"), Sex: adminduk.Male}, 2))
	err = a.Add(Record{NIK: nik, District: wilayah.MustParseCode("62.08")}, 3)
	assert.ErrorIs(t, err, ErrSyntax)
	err = a.Add(Record{District: wilayah.MustParseCode("62.08.01")}, 4)
	assert.ErrorIs(t, err, ErrSyntax)
	err = a.Add(Record{NIK: nik, District: wilayah.MustParseCode("62.08.01"), AktaDate: asOf2025}, 5)
	assert.ErrorIs(t, err, ErrInvalid, "dated without the akta")
	err = a.Add(Record{NIK: nik, District: wilayah.MustParseCode("62.08.77")}, 6)
	assert.ErrorIs(t, err, ErrUnknownRegion)
	rep, err := a.Report(wilayah.LevelRegency)
	require.NoError(t, err)
	assert.Equal(t, Counts{2, 1}, rep.Total.Akta.Counts)
	assert.Equal(t, Counts{1, 1}, rep.Total.Akta.Female)
	assert.Equal(t, Counts{1, 0}, rep.Total.Akta.Male)
	assert.Equal(t, int64(4), rep.Stats.Malformed)
	var mismatch bool
	for _, w := range rep.Warnings {
		mismatch = mismatch || w.Kind == WarnNIKMismatch
	}
	assert.True(t, mismatch, "sex differs from the NIK's")
}

func TestOptionsErrors(t *testing.T) {
	for _, o := range []AggregateOptions{
		{}, {AsOf: asOf2025, AktaAges: AgeRange{5, 2}}, {AsOf: asOf2025, Bands: []int{1, 5}}, {AsOf: asOf2025, Bands: []int{0, 5, 5}},
		{AsOf: asOf2025, Window: -1}, {AsOf: asOf2025, CBR: -5}, {AsOf: asOf2025, Targets: Targets{{Indicator: Akta, Year: 2025, Percent: 12000}}},
		{AsOf: adminduk.MustDate(1200, 1, 1)},
	} {
		_, err := NewAggregator(o)
		assert.ErrorIs(t, err, ErrInvalid, "%+v", o)
	}
	a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
	require.NoError(t, err)
	_, err = a.Report(wilayah.LevelVillage)
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestCompleteness(t *testing.T) {
	// Three 2023 births in Sukamara: on time, within a year, later.
	csv := "nik,district,has_akta,akta_registered\n" +
		"6208011001230001,62.08.01,1,2023-02-20\n" + // 41 days
		"6208011001230002,62.08.01,1,2023-06-01\n" + // within a year
		"6208011001230003,62.08.01,1,2024-03-01\n" + // later
		"6208011001230004,62.08.01,0,\n"
	rep := readReport(t, AggregateOptions{CBR: 1650}, csv, wilayah.LevelRegency)
	c := rep.Regions[0].Completeness
	require.NotNil(t, c)
	assert.Equal(t, Completeness{Year: 2023, Population: 67234, CBR: 1650, Estimated: 1109, Within60: 1, Within1y: 2, Registered: 3}, *c)
	p, _ := c.Percent1y()
	assert.Equal(t, "0.18 %", p.String())
	var co Cohort
	for _, x := range rep.Regions[0].Cohorts {
		if x.Year == 2023 {
			co = x
		}
	}
	assert.Equal(t, Cohort{Year: 2023, Births: 4, Registered: 3, Within60: 1, Within1y: 2, Closed60: true, Closed1y: true}, co)
	s, _ := co.Share60()
	assert.Equal(t, "25.00 %", s.String())
	// A kecamatan has no population unless the caller knows it.
	assert.Nil(t, readReport(t, AggregateOptions{}, csv, wilayah.LevelDistrict).Regions[0].Completeness)
	rep = readReport(t, AggregateOptions{Population: func(c wilayah.Code) (int64, bool) { return 10000, c.String() == "62.08.01" }}, csv, wilayah.LevelDistrict)
	require.NotNil(t, rep.Regions[0].Completeness)
	assert.Equal(t, int64(160), rep.Regions[0].Completeness.Estimated)
}
