package coverage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
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
	a, err := NewAggregator(AggregateOptions{AsOf: asOf2025})
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
	js, err := json.MarshalIndent(sukamaraReport(t, wilayah.LevelRegency), "", "  ")
	require.NoError(t, err)
	golden(t, "sukamara-regency.json.golden", append(js, '\n'))
}
