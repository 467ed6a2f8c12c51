package webhook_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// BenchmarkEnqueue measures complete registrations (notify, verify,
// register: three report events and two document events, each written in
// its transaction) on SQLite when the partner has 0, 1 or 2 endpoints (one
// delivery row per event and endpoint). Compare endpoints=0 with
// registry/sqlite's BenchmarkRegistration before the outbox for the cost of
// the event rows themselves.
func BenchmarkEnqueue(b *testing.B) {
	for _, endpoints := range []int{0, 1, 2} {
		b.Run(fmt.Sprintf("endpoints=%d", endpoints), func(b *testing.B) {
			storetest.BenchRegistration(b, func(tb testing.TB) registry.Store {
				st, err := sqlite.Open(ctx, filepath.Join(tb.TempDir(), "bench.db"), sqlite.Options{})
				if err != nil {
					tb.Fatal(err)
				}
				tb.Cleanup(func() { _ = st.Close() })
				for i := range endpoints {
					ep := registry.WebhookEndpoint{Office: storetest.Regency, ID: fmt.Sprintf("ep-%d", i), PartnerID: "pkm-1",
						URL: "https://hooks.example.org/" + fmt.Sprint(i), Created: time.Now()}
					if err := st.AddWebhookEndpoint(ctx, ep, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "bench"); err != nil {
						tb.Fatal(err)
					}
				}
				return st
			})
		})
	}
}
