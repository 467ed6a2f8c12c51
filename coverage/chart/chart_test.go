package chart

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"go/build"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// sukamaraReport aggregates the synthetic Sukamara population of seed 1 as
// of 30 June 2025, as the coverage package's tests do.
func sukamaraReport(t *testing.T, level wilayah.Level) *coverage.Report {
	t.Helper()
	asOf := adminduk.MustDate(2025, 6, 30)
	var buf bytes.Buffer
	_, err := coverage.Synthesize(&buf, coverage.SynthOptions{Regency: wilayah.MustParseCode("62.08"), Seed: 1, AsOf: asOf})
	require.NoError(t, err)
	a, err := coverage.NewAggregator(coverage.AggregateOptions{AsOf: asOf})
	require.NoError(t, err)
	require.NoError(t, a.ReadCSV(&buf))
	rep, err := a.Report(level)
	require.NoError(t, err)
	return rep
}

func TestSVGGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, sukamaraReport(t, wilayah.LevelDistrict), Options{Lang: adminduk.Indonesian}))
	golden(t, "sukamara.svg.golden", b.Bytes())
}

// TestPNG: the same report gives the same bytes, and the pixels are pinned
// (hashed after decoding, so a change of the PNG compressor does not
// matter).
func TestPNG(t *testing.T) {
	rep := sukamaraReport(t, wilayah.LevelDistrict)
	var one, two bytes.Buffer
	require.NoError(t, WritePNG(&one, rep, Options{Lang: adminduk.Indonesian}))
	require.NoError(t, WritePNG(&two, rep, Options{Lang: adminduk.Indonesian}))
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
		require.NoError(t, WritePNG(f, rep, Options{Lang: adminduk.Indonesian}))
		require.NoError(t, f.Close())
		t.Logf("look at %s", f.Name())
	}
	_, err = (func() (int, error) { return 0, WritePNG(&one, rep, Options{Scale: 100}) })()
	assert.ErrorIs(t, err, coverage.ErrInvalid)
}

// TestChartShapes checks the chart for what a reader needs: every region
// and the total labelled, one bar per indicator, the target lines dashed,
// values below their target in red.
func TestChartShapes(t *testing.T) {
	rep := sukamaraReport(t, wilayah.LevelDistrict)
	c, err := layoutChart(rep, Options{Lang: adminduk.English})
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

func TestFitText(t *testing.T) {
	require.NoError(t, loadChartFonts())
	m := &measurer{faces: map[[2]float64]font.Face{}}
	defer m.close()
	long := "Kecamatan Dengan Nama Yang Sangat Panjang Sekali Untuk Diuji"
	got := fitText(m, long, 13, false, 120)
	assert.True(t, strings.HasSuffix(got, "…"), got)
	assert.LessOrEqual(t, m.width(got, 13, false), 120.0)
	assert.Equal(t, "Jelai", fitText(m, "Jelai", 13, false, 120))
}

// Computing a percent must not link fonts or images: the coverage package
// imports none of them, directly or through another package of the module;
// the charts live here.
func TestCoverageLinksNoFontsOrImages(t *testing.T) {
	seen := map[string]bool{}
	var walk func(path, dir string)
	walk = func(path, dir string) {
		if seen[path] {
			return
		}
		seen[path] = true
		p, err := build.Import(path, dir, 0)
		require.NoError(t, err, path)
		for _, imp := range p.Imports {
			if imp == "image" || strings.HasPrefix(imp, "image/") || strings.HasPrefix(imp, "golang.org/x/image") ||
				strings.HasSuffix(imp, "/internal/pdfkit") || strings.HasSuffix(imp, "/coverage/chart") {
				t.Errorf("%s imports %s (coverage must not link fonts or images)", path, imp)
			}
			if strings.HasPrefix(imp, "github.com/adminduk-id/adminduk/") {
				walk(imp, p.Dir)
			}
		}
	}
	walk("github.com/adminduk-id/adminduk/coverage", ".")
}
