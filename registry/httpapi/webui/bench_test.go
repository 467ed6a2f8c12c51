package webui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// benchPage measures one page for a logged-in officer over a store holding
// n birth reports, in process (no network).
func benchPage(b *testing.B, n int, path string) {
	e := newEnvB(b)
	ctx := context.Background()
	for i := range n {
		_, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"},
			storetest.Birth(fmt.Sprintf("b-%d", i), storetest.Today.AddDays(-1-i%90), "L"))
		require.NoError(b, err)
	}
	o, err := e.Service.Login(ctx, "dewi", officerPW)
	require.NoError(b, err)
	token, _, err := e.Service.StartSession(ctx, o, 0)
	require.NoError(b, err)
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(&http.Cookie{Name: "adminduk_session", Value: token})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.UI.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d", path, w.Code)
		}
	}
}

func BenchmarkDashboard(b *testing.B) { benchPage(b, 500, "/") }

func BenchmarkQueue(b *testing.B) { benchPage(b, 500, "/queue/births?status=notified") }
