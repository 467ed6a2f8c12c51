package httpapi_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// TestNewEndpointsSecurity: the operations of duplicates, documents,
// coverage, school batches and webhooks check who calls (partner or
// officer), keep bodies to the limit and refuse malformed JSON.
func TestNewEndpointsSecurity(t *testing.T) {
	e := newEnv(t, nil, func(c *httpapi.Config) { c.MaxBodyBytes = 4 << 10 })
	id := e.create(t, e.key1, "sec-1")
	big := `{"url":"https://hooks.example.org/` + strings.Repeat("a", 8<<10) + `"}`
	for _, tt := range []struct {
		name, method, path, token string
		body                      any
		contentType               string
		want                      int
	}{
		{"no key", "POST", "/api/v1/webhook-endpoints", "", httpapi.WebhookEndpointRequest{URL: "https://hooks.example.org/x"}, "", 401},
		{"officer on a partner operation", "GET", "/api/v1/webhook-endpoints", e.officer, nil, "", 403},
		{"partner on an officer operation", "POST", "/api/v1/birth-reports/" + id + "/duplicate-decision", e.key1,
			httpapi.DuplicateDecisionRequest{Reason: "x"}, "", 403},
		{"partner reads coverage", "GET", "/api/v1/coverage?region=62.08", e.key1, nil, "", 403},
		{"partner imports population", "POST", "/api/v1/population", e.key1, map[string]any{}, "", 403},
		{"partner corrects", "POST", "/api/v1/documents/AKTA-KELAHIRAN/x/corrections", e.key1, map[string]any{}, "", 403},
		{"lapsed PKS", "GET", "/api/v1/webhook-endpoints", e.keyOld, nil, "", 403},
		{"another partner resubmits", "POST", "/api/v1/birth-reports/" + id + "/resubmit", e.key2, birth("sec-1"), "", 404},
		{"resubmit not JSON", "POST", "/api/v1/birth-reports/" + id + "/resubmit", e.key1, []byte("<a/>"), "text/xml", 415},
		{"a birth under deaths", "POST", "/api/v1/death-reports/" + id + "/resubmit", e.key1, []byte("{}"), "", 404},
		{"body too large", "POST", "/api/v1/webhook-endpoints", e.key1, []byte(big), "", 413},
		{"malformed JSON", "POST", "/api/v1/webhook-endpoints", e.key1, []byte(`{"url":`), "", 400},
		{"unknown field", "POST", "/api/v1/webhook-endpoints", e.key1, []byte(`{"url":"https://hooks.example.org/x","secret":"mine"}`), "", 400},
		{"unknown document", "GET", "/api/v1/documents/AKTA-KELAHIRAN/6208-LU-01012026-9999/pdf", e.officer, nil, "", 404},
		{"unknown endpoint", "GET", "/api/v1/webhook-endpoints/nope/deliveries", e.key1, nil, "", 404},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(req{method: tt.method, path: tt.path, token: tt.token, body: tt.body, contentType: tt.contentType, invalid: true})
			assert.Equal(t, tt.want, r.Status, string(r.Body))
			assert.Equal(t, "application/problem+json", r.Header.Get("Content-Type"))
		})
	}
}
