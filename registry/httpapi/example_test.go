package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// A partner faskes reports a birth with its API key (ID id-000001; the
// report is id-000002); a retry with the same
// Idempotency-Key gets the first answer again; a request without a key is
// an RFC 9457 problem.
func Example() {
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
		Now: storetest.NewClock(storetest.Today).Now, NewID: storetest.IDs("id")})
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

	body, _ := json.Marshal(storetest.Birth("RM-2026-0042", today.AddDays(-1), "P"))
	post := func(idempotencyKey string) {
		r, _ := http.NewRequest("POST", srv.URL+"/api/v1/birth-reports", bytes.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+key)
		r.Header.Set("Content-Type", "application/json")
		if idempotencyKey != "" {
			r.Header.Set("Idempotency-Key", idempotencyKey)
		}
		res, err := http.DefaultClient.Do(r)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		fmt.Print(res.StatusCode, " ", res.Header.Get("Idempotent-Replayed"), " ", string(b))
	}
	post("2026-12-02-RM-0042")
	post("2026-12-02-RM-0042")
	post("")
	// Output:
	// 201  {"id":"id-000002","status":"notified","flags":[]}
	// 201 true {"id":"id-000002","status":"notified","flags":[]}
	// 400  {"type":"urn:adminduk:problem:idempotency-key","title":"header Idempotency-Key wajib (1-255 karakter)","status":400}
}
