package partnership

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// heapProbe is an io.Writer that measures the live heap every so many
// writes, after a collection.
type heapProbe struct {
	writes int
	peak   uint64
}

func (h *heapProbe) Write(p []byte) (int, error) {
	if h.writes++; h.writes%64 == 0 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.peak = max(h.peak, m.HeapAlloc)
	}
	return len(p), nil
}

// Issue 10: the report of many agreements must not hold them. While it is
// written, the live heap grows by a few dozen bytes a row (the first pass's
// summary), not by the agreements (some 700 bytes a row in memory).
func TestStreamReportLiveHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50 000 rows")
	}
	const n = 50000
	path := filepath.Join(t.TempDir(), "pks.csv")
	f, err := os.Create(path)
	require.NoError(t, err)
	w := bufio.NewWriter(f)
	districts := wilayah.Children(wilayah.MustParseCode("36.04"))
	base := adminduk.MustParseDate("2022-01-01")
	w.WriteString("number,partner,category,district,services,signed,start,end,status\n")
	for i := range n {
		p := i / 2
		start := base.AddDays(p % 700)
		if i%2 == 1 {
			start = start.AddDays(731 + p%3*20)
		}
		w.WriteString("470/" + strconv.Itoa(i) + "/PKS-DKP/2024,Puskesmas Mitra " + strconv.Itoa(p) + ",puskesmas," +
			districts[p%len(districts)].Code.String() + ",akta_kelahiran;kk;kia," + start.AddDays(-10).String() + "," + start.String() + ",,\n")
	}
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())

	in, err := os.Open(path)
	require.NoError(t, err)
	defer in.Close()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	probe := &heapProbe{}
	res, err := StreamReport(in, StreamOptions{Report: ReportOptions{AsOf: adminduk.MustParseDate("2024-06-30")}, JSON: true}, probe)
	require.NoError(t, err)
	require.Equal(t, n, res.Accepted)
	require.NotZero(t, probe.peak)
	perRow := float64(int64(probe.peak)-int64(m.HeapAlloc)) / n
	t.Logf("live heap while writing: %.0f bytes a row", perRow)
	assert.Less(t, perRow, 150.0)
}
