package webui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestLoadPages measures the dashboard and the queue with many reports in
// the store: ADMINDUK_LOAD_REPORTS=100000 go test -run LoadPages -v. It
// logs p50/p95/p99 and asserts nothing about time (a measurement, not a
// test of speed).
func TestLoadPages(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ADMINDUK_LOAD_REPORTS"))
	if n <= 0 {
		t.Skip("skipping: set ADMINDUK_LOAD_REPORTS to the number of reports to load")
	}
	e := newEnv(t)
	ctx := context.Background()
	start := time.Now()
	// Four fifths registered (with their akta and KIA), as in a store that
	// has worked for a while, one fifth waiting in the queue (notified or
	// verified, half of them late): bulk-loaded, 5,000 a transaction.
	storetest.Preload(t, e.Store, 0, n*4/5)
	storetest.PreloadQueue(t, e.Store, 0, n-n*4/5)
	// And a few through the service, with their person index.
	for i := range 20 {
		b := storetest.Birth(fmt.Sprintf("load-%d", i), storetest.Today.AddDays(-1-i), []string{"L", "P"}[i%2])
		storetest.OtherMother(b)
		_, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, b)
		require.NoError(t, err)
	}
	t.Logf("%d reports stored in %s", n+20, time.Since(start).Round(time.Millisecond))
	o, err := e.Service.Login(ctx, "dewi", officerPW)
	require.NoError(t, err)
	token, _, err := e.Service.StartSession(ctx, o, 0)
	require.NoError(t, err)
	for _, path := range []string{"/", "/queue/births", "/queue/births?status=notified&flag=late",
		"/queue/births?status=verified", "/queue/deaths"} {
		var ds []time.Duration
		for range 200 {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.AddCookie(&http.Cookie{Name: "adminduk_session", Value: token})
			w := httptest.NewRecorder()
			t0 := time.Now()
			e.UI.ServeHTTP(w, req)
			ds = append(ds, time.Since(t0))
			require.Equal(t, http.StatusOK, w.Code)
		}
		slices.Sort(ds)
		t.Logf("%-40s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms", path, ms(ds[len(ds)/2]), ms(ds[len(ds)*95/100]), ms(ds[len(ds)*99/100]))
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
