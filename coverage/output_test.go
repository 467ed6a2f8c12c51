package coverage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update after checking the change", name)
}

// sukamaraReport is the report of the synthetic Sukamara of seed 1.
func sukamaraReport(t *testing.T, level wilayah.Level) *Report {
	t.Helper()
	a, err := NewAggregator(Options{AsOf: asOf2025})
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(bytes.NewReader(synthSukamara(t, 1))))
	rep, err := a.Report(level)
	require.NoError(t, err)
	return rep
}

// TestSynthesizePinned pins the generator's bytes: a change to the model or
// to the random source shows here.
func TestSynthesizePinned(t *testing.T) {
	out := synthSukamara(t, 1)
	sum := sha256.Sum256(out)
	lines := bytes.SplitN(out, []byte("\n"), 4)
	golden(t, "synth-sukamara-seed1.golden", []byte(string(lines[0])+"\n"+string(lines[1])+"\n"+string(lines[2])+"\n"+
		"rows "+itoa(int64(bytes.Count(out, []byte("\n"))-1))+" sha256 "+hex.EncodeToString(sum[:])+"\n"))
}

func itoa(n int64) string { return group(n, adminduk.Indonesian) }

func TestOutputsGolden(t *testing.T) {
	rep := sukamaraReport(t, wilayah.LevelDistrict)
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, rep, TextOptions{Lang: adminduk.Indonesian, Breakdown: true}))
	golden(t, "sukamara-id.txt.golden", b.Bytes())
	b.Reset()
	require.NoError(t, WriteText(&b, rep, TextOptions{Lang: adminduk.English}))
	golden(t, "sukamara-en.txt.golden", b.Bytes())
	b.Reset()
	require.NoError(t, WriteReportCSV(&b, rep))
	golden(t, "sukamara.csv.golden", b.Bytes())
	b.Reset()
	require.NoError(t, WriteSVG(&b, rep, ChartOptions{Lang: adminduk.Indonesian}))
	golden(t, "sukamara.svg.golden", b.Bytes())
	js, err := json.MarshalIndent(sukamaraReport(t, wilayah.LevelRegency), "", "  ")
	require.NoError(t, err)
	golden(t, "sukamara-regency.json.golden", append(js, '\n'))
}

// TestPNG: the same report gives the same bytes, and the pixels are pinned
// (hashed after decoding, so a change of the PNG compressor does not
// matter).
func TestPNG(t *testing.T) {
	rep := sukamaraReport(t, wilayah.LevelDistrict)
	var one, two bytes.Buffer
	require.NoError(t, WritePNG(&one, rep, ChartOptions{Lang: adminduk.Indonesian}))
	require.NoError(t, WritePNG(&two, rep, ChartOptions{Lang: adminduk.Indonesian}))
	assert.Equal(t, one.Bytes(), two.Bytes())
	img, err := png.Decode(&one)
	require.NoError(t, err)
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, image.Point{}, draw.Src)
	sum := sha256.Sum256(rgba.Pix)
	golden(t, "sukamara.png.sha256.golden", []byte(hex.EncodeToString(sum[:])+"\n"))
	assert.Equal(t, image.Rect(0, 0, 1920, 992), img.Bounds())
	if *update {
		f, err := os.Create(filepath.Join(os.TempDir(), "coverage-sukamara.png"))
		require.NoError(t, err)
		require.NoError(t, WritePNG(f, rep, ChartOptions{Lang: adminduk.Indonesian}))
		require.NoError(t, f.Close())
		t.Logf("look at %s", f.Name())
	}
	_, err = (func() (int, error) { return 0, WritePNG(&one, rep, ChartOptions{Scale: 100}) })()
	assert.ErrorIs(t, err, ErrInvalid)
}

// TestChartShapes checks the chart for what a reader needs: every region
// and the total labelled, one bar per indicator, the target lines dashed,
// values below their target in red.
func TestChartShapes(t *testing.T) {
	rep := sukamaraReport(t, wilayah.LevelDistrict)
	c, err := layoutChart(rep, ChartOptions{Lang: adminduk.English})
	require.NoError(t, err)
	texts := map[string]shape{}
	var dashed, bars int
	for _, s := range c.shapes {
		switch {
		case s.kind == shapeText:
			texts[s.text] = s
		case s.kind == shapeVLine && s.dash:
			dashed++
		case s.kind == shapeRect && (s.color == colorBar[0] || s.color == colorBar[1]) && s.h == 13:
			bars++
		}
	}
	for _, r := range rep.Regions {
		assert.Contains(t, texts, r.Name)
		assert.Contains(t, texts, r.Code.String())
	}
	assert.Contains(t, texts, "Total")
	assert.Equal(t, 2*(len(rep.Regions)+1), bars)
	assert.Equal(t, 4, dashed, "two target lines and their two legend marks")
	p, _ := rep.Total.Akta.Percent()
	assert.Equal(t, colorBelow, texts[p.String()].color, "the total akta is below 98 %")
	assert.Contains(t, texts, "98.00 %")
	assert.Contains(t, texts, "100 %")
}
