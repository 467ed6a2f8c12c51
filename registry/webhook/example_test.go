package webhook_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
	"github.com/adminduk-id/adminduk/registry/webhook"
)

// A partner registers an endpoint; the birth it reports is announced to it
// by a worker, signed, with a message id derived from the report's action.
func ExampleWorker() {
	dir, _ := os.MkdirTemp("", "webhook-example")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	now := func() time.Time { return time.Date(2026, 12, 3, 3, 0, 0, 0, time.UTC) }
	svc, err := registry.New(registry.Config{Store: st, Offices: []registry.Office{storetest.Office()}, Now: now,
		NewID: storetest.IDs("id"), Webhooks: registry.WebhookConfig{AllowPrivate: true}}) // demo mode: a loopback receiver
	if err != nil {
		fmt.Println(err)
		return
	}
	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, storetest.Today.AddYears(-1), storetest.Today.AddYears(1))
	if err := st.PutAgreement(ctx, &ag, "admin"); err != nil {
		fmt.Println(err)
		return
	}

	got := make(chan string, 1)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got <- r.Header.Get("webhook-id") + " " + string(body)
	}))
	defer rcv.Close()
	secret, _, err := svc.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL+"/adminduk", "admin")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("secret:", secret[:6]+"...")
	_, _, err = svc.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth("RM-001", storetest.Today.AddDays(-1), "L"))
	if err != nil {
		fmt.Println(err)
		return
	}

	w := webhook.NewWorker(st, webhook.Options{AllowPrivate: true, Now: now})
	n, err := w.RunOnce(ctx)
	fmt.Println("attempted:", n, err)
	fmt.Println(<-got)
	// Output:
	// secret: whsec_...
	// attempted: 1 <nil>
	// msg_d01be02a4e15c16580d3f5b1 {"type":"report.status_changed","timestamp":"2026-12-03T03:00:00Z","data":{"id":"id-000002","external_ref":"RM-001","status":"notified"}}
}
