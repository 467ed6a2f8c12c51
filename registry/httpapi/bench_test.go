package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// BenchmarkCreateBirthReport measures POST /api/v1/birth-reports through
// the handler (authentication, agreement check, idempotency journal,
// decoding, validation and the store's transaction) on SQLite, without the
// network.
func BenchmarkCreateBirthReport(b *testing.B) {
	e := newEnv(b, nil, func(c *httpapi.Config) { c.RateLimit = 1e9 })
	bodies := make([][]byte, 0, 1024)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		if len(bodies) == 0 {
			for i := range 1024 {
				body, err := json.Marshal(birth(fmt.Sprintf("bench-%d-%d", n, i)))
				require.NoError(b, err)
				bodies = append(bodies, body)
			}
			n++
		}
		body := bodies[len(bodies)-1]
		bodies = bodies[:len(bodies)-1]
		r := httptest.NewRequest(http.MethodPost, "/api/v1/birth-reports", bytes.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+e.key1)
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Idempotency-Key", nextKey())
		w := httptest.NewRecorder()
		e.api.ServeHTTP(w, r)
		if w.Code != http.StatusCreated {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

// BenchmarkNotifyBirthService is the same work without HTTP and without the
// idempotency journal: the floor of BenchmarkCreateBirthReport.
func BenchmarkNotifyBirthService(b *testing.B) {
	e := newEnv(b, nil, nil)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		n++
		_, _, err := e.svc.NotifyBirth(context.Background(), registry.Submission{PartnerID: "pkm-1"}, birth(fmt.Sprintf("svc-%d", n)))
		if err != nil {
			b.Fatal(err)
		}
	}
}
