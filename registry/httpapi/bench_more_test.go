package httpapi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// BenchmarkGetReportOfficer measures GET /api/v1/birth-reports/{id} for an
// officer (the report, its documents and its duplicate candidates and
// decisions) and for the partner (no duplicates) on SQLite, without the
// network.
func BenchmarkGetReportOfficer(b *testing.B) {
	e := newEnv(b, nil, func(c *httpapi.Config) { c.RateLimit = 1e9 })
	id := e.post("/api/v1/birth-reports", birth("bench-view-1")).ID
	e.post("/api/v1/birth-reports", birth("bench-view-2")) // a potential duplicate of the first
	for _, who := range []struct{ name, token string }{{"officer", e.officer}, {"partner", e.key1}} {
		b.Run(who.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := httptest.NewRequest(http.MethodGet, "/api/v1/birth-reports/"+id, nil)
				r.Header.Set("Authorization", "Bearer "+who.token)
				w := httptest.NewRecorder()
				e.api.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
		})
	}
}
