package partnership

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inMemory is what StreamReport must write: the report built in memory.
func inMemory(t testing.TB, csvText string, o StreamOptions) (string, StreamResult) {
	t.Helper()
	im, err := ReadCSV(strings.NewReader(csvText), o.CSV)
	require.NoError(t, err)
	r, err := NewReport(im.Agreements, o.Report)
	require.NoError(t, err)
	r.WithImport(o.Name, im)
	var b bytes.Buffer
	if o.JSON {
		require.NoError(t, r.WriteJSON(&b))
	} else {
		require.NoError(t, r.WriteText(&b, o.Lang))
	}
	return b.String(), StreamResult{Rows: im.Rows, Accepted: len(im.Agreements), Rejected: len(im.Errors)}
}

func streamed(t testing.TB, csvText string, o StreamOptions) (string, StreamResult) {
	t.Helper()
	var b bytes.Buffer
	res, err := StreamReport(strings.NewReader(csvText), o, &b)
	require.NoError(t, err)
	return b.String(), res
}

// assertSameReport checks that the streamed report is byte-identical to the
// in-memory one in both views and languages.
func assertSameReport(t *testing.T, csvText string, ro ReportOptions) {
	t.Helper()
	for _, o := range []StreamOptions{
		{Report: ro, Name: "x.csv", JSON: true},
		{Report: ro, Name: "x.csv", Lang: adminduk.English},
		{Report: ro, Name: "x.csv", Lang: adminduk.Indonesian},
	} {
		want, wantRes := inMemory(t, csvText, o)
		got, gotRes := streamed(t, csvText, o)
		require.Equal(t, want, got, "json=%v lang=%v", o.JSON, o.Lang)
		require.Equal(t, wantRes, gotRes)
	}
}

func TestStreamReportSerang(t *testing.T) {
	b, err := os.ReadFile("testdata/serang.csv")
	require.NoError(t, err)
	for _, ro := range []ReportOptions{
		{AsOf: adminduk.MustParseDate("2024-12-31"), StatedTotals: []StatedTotal{{Label: "health", Total: 46, Group: GroupHealth}}},
		{AsOf: adminduk.MustParseDate("2024-06-30"), Within: 365},
		{AsOf: adminduk.MustParseDate("2023-01-01"), Regions: []wilayah.Code{wilayah.MustParseCode("36.04")}, Targets: []CountTarget{}},
	} {
		assertSameReport(t, string(b), ro)
	}
}

// randomCSV returns a CSV file of n random rows: renewals of a few
// partners, stale statuses, drafts, duplicate numbers, bad rows, blank lines
// and quoted fields, with a header (in a random column order) or without.
func randomCSV(rng *rand.Rand, n int) string {
	var districts []wilayah.Code
	for _, reg := range []string{"36.04", "36.71"} {
		for _, k := range wilayah.Children(wilayah.MustParseCode(reg)) {
			districts = append(districts, k.Code)
		}
	}
	cats := Categories()
	states := []string{"", "", "", "", "", "", "active", "active", "suspended", "terminated", "expired", "draft", "bogus"}
	base := adminduk.MustParseDate("2022-01-01")
	var b strings.Builder
	comma := []string{",", ";", "\t"}[rng.IntN(3)]
	if rng.IntN(4) == 0 {
		b.WriteString("\uFEFF")
	}
	header := rng.IntN(4) != 0
	if header {
		b.WriteString(strings.Join(Columns, comma) + "\n")
	}
	for range n {
		switch rng.IntN(25) {
		case 0:
			b.WriteString("\n")
		case 1:
			b.WriteString("x" + comma + "y\n") // too few fields
			continue
		}
		num := "470/" + strconv.Itoa(rng.IntN(n*10)) + "/PKS"
		if rng.IntN(30) == 0 {
			num = strings.ToLower(num) + " "
		}
		p := rng.IntN(max(n/4, 1))
		c := cats[p%len(cats)]
		name := "Mitra " + strconv.Itoa(p)
		if rng.IntN(20) == 0 {
			name = "\"Mitra\n" + strconv.Itoa(p) + "\"" // a quoted line break: rejected
		} else if rng.IntN(6) == 0 {
			name = "\"Mitra " + strconv.Itoa(p) + comma + " cabang\""
		}
		start := base.AddDays(rng.IntN(1500) - 400)
		signed := start.AddDays(rng.IntN(40) - 30)
		end := ""
		if rng.IntN(2) == 0 {
			end = start.AddDays(rng.IntN(900)).String()
		}
		state := states[rng.IntN(len(states))]
		sig := signed.String()
		if state == "draft" {
			sig = ""
		}
		services := "kia"
		if rng.IntN(3) == 0 {
			services = "akta_kelahiran;kk"
		}
		rec := []string{num, name, c.String(), districts[p%len(districts)].String(), services, sig, start.String(), end, state}
		b.WriteString(strings.Join(rec, comma) + "\n")
	}
	return b.String()
}

// The streamed report is byte-identical to the in-memory one for random
// agreement sets, report dates and windows.
func TestStreamReportMatchesInMemory(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 1))
	for k := range 60 {
		text := randomCSV(rng, 1+rng.IntN(120))
		ro := ReportOptions{AsOf: adminduk.MustParseDate("2022-01-01").AddDays(rng.IntN(1500)), Within: 1 + rng.IntN(400)}
		if k%3 == 0 {
			ro.StatedTotals = []StatedTotal{{Label: "health", Total: 3, Group: GroupHealth}}
		}
		t.Run(strconv.Itoa(k), func(t *testing.T) { assertSameReport(t, text, ro) })
	}
}

// Duplicate numbers are found by their key even when every hash collides.
func TestStreamReportNumberHashCollisions(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for k := range 10 {
		text := randomCSV(rng, 1+rng.IntN(80))
		o := StreamOptions{Report: ReportOptions{AsOf: adminduk.MustParseDate("2022-01-01").AddDays(rng.IntN(1500))}, JSON: true}
		want, wantRes := inMemory(t, text, o)
		var b bytes.Buffer
		res, err := streamReport(strings.NewReader(text), o, &b, func(string) uint64 { return 7 })
		require.NoError(t, err)
		assert.Equal(t, want, b.String(), "case %d", k)
		assert.Equal(t, wantRes, res)
	}
}

func FuzzStreamReport(f *testing.F) {
	f.Add(uint64(1), uint16(30), uint16(60))
	f.Fuzz(func(t *testing.T, seed uint64, n, within uint16) {
		rng := rand.New(rand.NewPCG(seed, 2))
		text := randomCSV(rng, int(n%300))
		ro := ReportOptions{AsOf: adminduk.MustParseDate("2022-01-01").AddDays(rng.IntN(1500)), Within: 1 + int(within)%MaxWithin}
		assertSameReport(t, text, ro)
	})
}

// changing rewrites the input after the first pass, once it is read to the
// end.
type changing struct {
	*bytes.Reader
	eofs   int
	change func([]byte) []byte
	data   []byte
}

func (c *changing) Read(p []byte) (int, error) {
	n, err := c.Reader.Read(p)
	if err == io.EOF {
		if c.eofs++; c.eofs == 1 {
			c.data = c.change(c.data)
			c.Reader = bytes.NewReader(c.data)
		}
	}
	return n, err
}

// An input that changes between passes is an error, never a report mixing
// two files.
func TestStreamReportInputChanged(t *testing.T) {
	b, err := os.ReadFile("testdata/serang.csv")
	require.NoError(t, err)
	for name, change := range map[string]func([]byte) []byte{
		"appended row": func(b []byte) []byte {
			return append(bytes.Clone(b), "470/999/X,Mitra,puskesmas,36.04.05,kia,2023-01-01,2023-01-01,,\n"...)
		},
		"same size": func(b []byte) []byte {
			c := bytes.Clone(b)
			i := bytes.Index(c, []byte("Melati"))
			c[i] = 'm'
			return c
		},
		"same rows, other date": func(b []byte) []byte {
			return bytes.Replace(b, []byte("2025-03-31"), []byte("2025-03-30"), 1)
		},
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
	} {
		for _, asJSON := range []bool{true, false} {
			t.Run(name+" json="+strconv.FormatBool(asJSON), func(t *testing.T) {
				c := &changing{Reader: bytes.NewReader(b), change: change, data: b}
				_, err := StreamReport(c, StreamOptions{Report: ReportOptions{AsOf: adminduk.MustParseDate("2024-12-31")}, JSON: asJSON}, io.Discard)
				require.Error(t, err)
				assert.True(t, errors.Is(err, ErrInputChanged), "%v", err)
				assert.True(t, errors.Is(err, adminduk.ErrConflict))
			})
		}
	}
}

func TestStreamReportBadInput(t *testing.T) {
	_, err := StreamReport(strings.NewReader("number,partner\n"), StreamOptions{Report: ReportOptions{AsOf: adminduk.MustParseDate("2024-12-31")}}, io.Discard)
	var ve *adminduk.ValidationError
	assert.ErrorAs(t, err, &ve, "a header without the required columns")
	_, err = StreamReport(strings.NewReader(""), StreamOptions{}, io.Discard)
	assert.ErrorIs(t, err, ErrInvalid, "no report date")
	got, res := streamed(t, "", StreamOptions{Report: ReportOptions{AsOf: adminduk.MustParseDate("2024-12-31")}, JSON: true})
	want, wantRes := inMemory(t, "", StreamOptions{Report: ReportOptions{AsOf: adminduk.MustParseDate("2024-12-31")}, JSON: true})
	assert.Equal(t, want, got)
	assert.Equal(t, wantRes, res)
}
