package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// A partner registers its webhook receiver: an address on the server's own
// machine is refused outside demo mode, with the field to change; an https
// receiver on a public address is registered, and its secret shown once.
func Example_webhookEndpoint() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "httpapi-example")
	defer os.RemoveAll(dir)
	store, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	svc, err := registry.New(registry.Config{Store: store, Offices: []registry.Office{storetest.Office()},
		Now: storetest.NewClock(storetest.Today).Now, NewID: storetest.IDs("id"),
		Webhooks: registry.WebhookConfig{Resolver: storetest.HookResolver}}) // hooks.example.org: a public address
	if err != nil {
		fmt.Println(err)
		return
	}
	today := storetest.Today
	ag := storetest.Agreement("pks-1", "pkm-1", partnership.Active, today.AddYears(-1), today.AddYears(1))
	if err := store.PutAgreement(ctx, &ag, "admin"); err != nil {
		fmt.Println(err)
		return
	}
	_, key, err := svc.CreateAPIKey(ctx, storetest.Regency, "pkm-1", "admin", "SIMRS")
	if err != nil {
		fmt.Println(err)
		return
	}
	api, err := httpapi.New(httpapi.Config{Service: svc})
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := httptest.NewServer(api)
	defer srv.Close()

	register := func(url, idempotencyKey string) {
		body, _ := json.Marshal(httpapi.WebhookEndpointRequest{URL: url})
		r, _ := http.NewRequest("POST", srv.URL+"/api/v1/webhook-endpoints", bytes.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+key)
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Accept-Language", "en")
		r.Header.Set("Idempotency-Key", idempotencyKey)
		res, err := http.DefaultClient.Do(r)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer res.Body.Close()
		var out struct {
			httpapi.NewWebhookEndpoint
			Errors []httpapi.ProblemField `json:"errors"`
		}
		_ = json.NewDecoder(res.Body).Decode(&out)
		switch {
		case res.StatusCode == http.StatusCreated:
			fmt.Println(res.StatusCode, out.URL, out.Active, strings.HasPrefix(out.Secret, "whsec_"))
		case len(out.Errors) > 0:
			fmt.Println(res.StatusCode, out.Errors[0].Pointer, out.Errors[0].Message)
		default:
			fmt.Println(res.StatusCode)
		}
	}
	register("https://127.0.0.1:8443/hooks", "hook-1")
	register("https://hooks.example.org/adminduk", "hook-2")
	// Output:
	// 422 /url a private or loopback address is not allowed
	// 201 https://hooks.example.org/adminduk true true
}
