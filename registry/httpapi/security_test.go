package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func birth(ref string) *registry.BirthReport {
	return storetest.Birth(ref, storetest.Today.AddDays(-1), "P")
}

func (e *env) create(t *testing.T, token, ref string) string {
	t.Helper()
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: token, body: birth(ref)})
	require.Equal(t, 201, r.Status, string(r.Body))
	var c httpapi.ReportCreated
	r.json(t, &c)
	return c.ID
}

func TestAuthentication(t *testing.T) {
	e := newEnv(t, nil, nil)
	for _, tt := range []struct {
		name, auth string
	}{
		{"no header", ""},
		{"not bearer", "Basic " + e.key1},
		{"empty bearer", "Bearer "},
		{"unknown key", "Bearer adk_" + strings.Repeat("A", 43)},
		{"garbage", "Bearer ' OR 1=1 --"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(req{method: "GET", path: "/api/v1/birth-reports", header: map[string]string{"Authorization": tt.auth}, invalid: true})
			assert.Equal(t, 401, r.Status)
			p := r.problem(t)
			assert.Equal(t, httpapi.ProblemTypeBase+"unauthenticated", p.Type)
			assert.NotEmpty(t, r.Header.Get("WWW-Authenticate"))
		})
	}
	// A partner key on an officer operation, an officer token on a partner
	// one, a verifier on an admin one: 403.
	r := e.do(req{method: "GET", path: "/api/v1/agreements", token: e.key1})
	assert.Equal(t, 403, r.Status)
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.officer, body: birth("x")})
	assert.Equal(t, 403, r.Status)
	r = e.do(req{method: "POST", path: "/api/v1/partners/pkm-1/api-keys", token: e.officer, body: httpapi.KeyRequest{}})
	assert.Equal(t, 403, r.Status)
}

func TestRevokedKeyFailsAtOnce(t *testing.T) {
	e := newEnv(t, nil, nil)
	e.create(t, e.key1, "before")
	r := e.do(req{method: "POST", path: "/api/v1/partners/pkm-1/api-keys/" + e.key1ID + "/revoke", token: e.admin})
	require.Equal(t, 200, r.Status, string(r.Body))
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.key1})
	assert.Equal(t, 401, r.Status)
	assert.Equal(t, "revoked", r.problem(t).Detail)
	r = e.do(req{method: "POST", path: "/api/v1/partners/pkm-1/api-keys/" + e.key1ID + "/revoke", token: e.admin})
	assert.Equal(t, 409, r.Status, "revoked once")
}

func TestOtherPartnersReportIsNotFound(t *testing.T) {
	e := newEnv(t, nil, nil)
	id := e.create(t, e.key1, "mine")
	for _, path := range []string{"/api/v1/birth-reports/" + id, "/api/v1/birth-reports/" + id + "/attachments", "/api/v1/birth-reports/does-not-exist"} {
		r := e.do(req{method: "GET", path: path, token: e.key2})
		assert.Equal(t, 404, r.Status, path)
		assert.Equal(t, httpapi.ProblemTypeBase+"not-found", r.problem(t).Type)
	}
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports/" + id + "/resubmit", token: e.key2})
	assert.Equal(t, 404, r.Status)
	r = e.do(req{method: "GET", path: "/api/v1/death-reports/" + id, token: e.key1})
	assert.Equal(t, 404, r.Status, "a birth report is not a death report")
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.key2})
	var list httpapi.ReportList
	r.json(t, &list)
	assert.Empty(t, list.Items, "a partner lists only its own")
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports?partner=pkm-1", token: e.key2})
	assert.Equal(t, 422, r.Status)
}

func TestLapsedAgreementIsForbiddenWithReason(t *testing.T) {
	e := newEnv(t, nil, nil)
	for _, lang := range []string{"id", "en"} {
		r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.keyOld, body: birth("late"),
			header: map[string]string{"Accept-Language": lang}})
		assert.Equal(t, 403, r.Status)
		p := r.problem(t)
		assert.Equal(t, "agreement expired", p.Reason)
		assert.Contains(t, p.Detail, "pks-old")
		if lang == "en" {
			assert.Equal(t, "partner not permitted", p.Title)
		} else {
			assert.Equal(t, "mitra tidak berwenang", p.Title)
		}
	}
	r := e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.keyOld})
	assert.Equal(t, 403, r.Status, "reads stop too")
}

func TestBodyLimits(t *testing.T) {
	e := newEnv(t, nil, func(c *httpapi.Config) { c.MaxBodyBytes = 4 << 10; c.MaxAttachmentBytes = 64 << 10 })
	b := birth("big")
	b.Child.Place = strings.Repeat("x", 8<<10)
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: b, invalid: true})
	assert.Equal(t, 413, r.Status)
	assert.Equal(t, httpapi.ProblemTypeBase+"too-large", r.problem(t).Type)
	id := e.create(t, e.key1, "small")
	big := append(append([]byte{}, storetest.MinimalPDF[:9]...), bytes.Repeat([]byte("0"), 100<<10)...)
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports/" + id + "/attachments?kind=kk", token: e.key1, body: big,
		contentType: "application/pdf", invalid: true})
	assert.Equal(t, 413, r.Status)
}

func TestMalformedAndInvalid(t *testing.T) {
	e := newEnv(t, nil, nil)
	for _, tt := range []struct {
		name, body string
		status     int
		pointer    string
	}{
		{"not JSON", `{"child":`, 400, ""},
		{"wrong type", `{"child":{"weight_g":"heavy"}}`, 400, "/child/weight_g"},
		{"unknown field", `{"nope":1}`, 400, ""},
		{"trailing data", `{} {}`, 400, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: tt.body, invalid: true})
			assert.Equal(t, tt.status, r.Status, string(r.Body))
			p := r.problem(t)
			assert.Equal(t, httpapi.ProblemTypeBase+"malformed", p.Type)
			if tt.pointer != "" {
				require.NotEmpty(t, p.Errors)
				assert.Equal(t, tt.pointer, p.Errors[0].Pointer)
			}
		})
	}
	b := birth("invalid")
	b.Mother.NIK = "123"
	b.Child.BirthDate = "2026-02-30"
	for _, lang := range []string{"", "en-US,en;q=0.9"} {
		r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: b, invalid: true,
			header: map[string]string{"Accept-Language": lang}})
		assert.Equal(t, 422, r.Status)
		p := r.problem(t)
		pointers := map[string]string{}
		for _, f := range p.Errors {
			pointers[f.Pointer] = f.Message
		}
		assert.Contains(t, pointers, "/mother/nik")
		assert.Contains(t, pointers, "/child/birth_date")
		if lang == "" {
			assert.Equal(t, "data tidak valid", p.Title)
		} else {
			assert.Equal(t, "invalid data", p.Title)
		}
	}
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: "a=b", contentType: "text/plain", invalid: true})
	assert.Equal(t, 415, r.Status)
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports?status=lost&from=yesterday", token: e.officer, invalid: true})
	assert.Equal(t, 422, r.Status)
	assert.Len(t, r.problem(t).Errors, 2)
	id := e.create(t, e.key1, "ret")
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports/" + id + "/return", token: e.officer, body: `{"reasons":[]}`, invalid: true})
	assert.Equal(t, 422, r.Status)
	assert.Equal(t, "/reasons", r.problem(t).Errors[0].Pointer)
}

func TestHostileStringsStoredVerbatimReturnedEscaped(t *testing.T) {
	e := newEnv(t, nil, nil)
	b := birth("'; DROP TABLE reports; --")
	b.Child.Place = `<script>alert("x")</script>`
	b.Reporter.Relation = `ayah' OR '1'='1`
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: b})
	require.Equal(t, 201, r.Status, string(r.Body))
	var c httpapi.ReportCreated
	r.json(t, &c)
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports/" + c.ID, token: e.key1})
	require.Equal(t, 200, r.Status)
	assert.NotContains(t, string(r.Body), "<script>", "HTML is escaped in JSON")
	assert.Contains(t, string(r.Body), `\u003cscript\u003e`)
	var v httpapi.ReportView
	r.json(t, &v)
	var got registry.BirthReport
	require.NoError(t, json.Unmarshal(v.Body, &got))
	assert.Equal(t, `<script>alert("x")</script>`, got.Child.Place)
	assert.Equal(t, `ayah' OR '1'='1`, got.Reporter.Relation)
	assert.Equal(t, "'; DROP TABLE reports; --", v.ExternalRef)
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports?external_ref=" + "%27%3B%20DROP%20TABLE%20reports%3B%20--", token: e.key1})
	var list httpapi.ReportList
	r.json(t, &list)
	require.Len(t, list.Items, 1, "found by its reference, table intact")
	assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"))
}

func TestFakePDFRefused(t *testing.T) {
	e := newEnv(t, nil, nil)
	id := e.create(t, e.key1, "att")
	for _, tt := range []struct {
		name, ct string
		body     []byte
	}{
		{"html as pdf", "application/pdf", []byte("<html><script>x</script></html>")},
		{"truncated pdf", "application/pdf", []byte("%PDF-1.7\n1 0 obj")},
		{"pdf claimed as png", "image/png", storetest.MinimalPDF},
		{"exe", "application/octet-stream", []byte("MZ\x90\x00\x03")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(req{method: "POST", path: "/api/v1/birth-reports/" + id + "/attachments?kind=kk", token: e.key1,
				body: tt.body, contentType: tt.ct, invalid: true})
			assert.Equal(t, 415, r.Status, string(r.Body))
			assert.Equal(t, httpapi.ProblemTypeBase+"unsupported-media", r.problem(t).Type)
		})
	}
	as, err := e.svc.Attachments(context.Background(), storetest.Regency, id, false)
	require.NoError(t, err)
	assert.Empty(t, as, "nothing refused was stored")
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports/" + id + "/attachments?kind=selfie", token: e.key1,
		body: storetest.MinimalPDF, contentType: "application/pdf", invalid: true})
	assert.Equal(t, 422, r.Status)
	assert.Equal(t, "/kind", r.problem(t).Errors[0].Pointer)
}

func TestIdempotency(t *testing.T) {
	e := newEnv(t, nil, nil)
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("k"), key: "-", invalid: true})
	assert.Equal(t, 400, r.Status, "missing key")
	assert.Equal(t, httpapi.ProblemTypeBase+"idempotency-key", r.problem(t).Type)

	first := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("k"), key: "same"})
	require.Equal(t, 201, first.Status)
	replay := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("k"), key: "same"})
	assert.Equal(t, 201, replay.Status)
	assert.Equal(t, first.Body, replay.Body, "a replay is the first response")
	assert.Equal(t, "true", replay.Header.Get("Idempotent-Replayed"))
	other := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("k2"), key: "same"})
	assert.Equal(t, 422, other.Status)
	assert.Equal(t, httpapi.ProblemTypeBase+"idempotency-key-reused", other.problem(t).Type)
	// Keys are the caller's: another partner may use the same one.
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key2, body: birth("k"), key: "same"})
	assert.Equal(t, 201, r.Status)
	// external_ref is a second guard: another key, the same body -> the
	// same report (200); another body -> 409.
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("k")})
	assert.Equal(t, 200, r.Status)
	var a, b httpapi.ReportCreated
	r.json(t, &a)
	first.json(t, &b)
	assert.Equal(t, b.ID, a.ID)
	changed := birth("k")
	changed.Child.WeightG = 2500
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: changed})
	assert.Equal(t, 409, r.Status)
	assert.Equal(t, "/external_ref", r.problem(t).Errors[0].Pointer)
	reps, err := e.svc.Reports(context.Background(), registry.Filter{Office: storetest.Regency, PartnerID: "pkm-1"})
	require.NoError(t, err)
	assert.Len(t, reps, 1, "nothing duplicated")
}

// blockingStore holds CreateReport until released, so that a request is in
// flight.
type blockingStore struct {
	registry.Store
	entered chan struct{}
	release chan struct{}
}

func (b *blockingStore) CreateReport(ctx context.Context, r *registry.Report, keys []registry.SubjectKey, key string) (registry.Report, bool, error) {
	b.entered <- struct{}{}
	<-b.release
	return b.Store.CreateReport(ctx, r, keys, key)
}

func TestIdempotencyInFlight(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	bs := &blockingStore{Store: st, entered: make(chan struct{}, 1), release: make(chan struct{})}
	e := newEnv(t, bs, nil)
	done := make(chan *resp)
	go func() {
		done <- e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("f"), key: "fly"})
	}()
	select {
	case <-bs.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the first request never reached the store")
	}
	r := e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("f"), key: "fly"})
	assert.Equal(t, 409, r.Status)
	assert.Equal(t, httpapi.ProblemTypeBase+"idempotency-in-flight", r.problem(t).Type)
	close(bs.release)
	first := <-done
	assert.Equal(t, 201, first.Status)
	bs.entered = make(chan struct{}, 10)
	r = e.do(req{method: "POST", path: "/api/v1/birth-reports", token: e.key1, body: birth("f"), key: "fly"})
	assert.Equal(t, 201, r.Status)
	assert.Equal(t, first.Body, r.Body)
}

func TestRoutingProblems(t *testing.T) {
	e := newEnv(t, nil, nil)
	r := e.do(req{method: "GET", path: "/api/v1/nothing-here"})
	assert.Equal(t, 404, r.Status)
	assert.Equal(t, httpapi.ProblemTypeBase+"not-found", r.problem(t).Type)
	r = e.do(req{method: "DELETE", path: "/api/v1/birth-reports", token: e.key1})
	assert.Equal(t, 405, r.Status)
	assert.Equal(t, httpapi.ProblemTypeBase+"method-not-allowed", r.problem(t).Type)
	assert.Contains(t, r.Header.Get("Allow"), "POST")
	r = e.do(req{method: "GET", path: "/some/page"})
	assert.Equal(t, 404, r.Status, "no UI configured")
}

func TestUIMountedOutsideTheAPI(t *testing.T) {
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ui:" + r.URL.Path)) })
	e := newEnv(t, nil, func(c *httpapi.Config) { c.UI = ui })
	r := e.do(req{method: "GET", path: "/reports/123"})
	assert.Equal(t, 200, r.Status)
	assert.Equal(t, "ui:/reports/123", string(r.Body))
	r = e.do(req{method: "GET", path: "/api/v1/unknown"})
	assert.Equal(t, 404, r.Status, "the API keeps its own paths")
	r = e.do(req{method: "GET", path: "/healthz"})
	assert.Equal(t, 200, r.Status)
}

func TestRateLimit(t *testing.T) {
	e := newEnv(t, nil, func(c *httpapi.Config) { c.RateLimit = 1; c.RateBurst = 3 })
	var last *resp
	for range 4 {
		last = e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.key1})
	}
	assert.Equal(t, 429, last.Status)
	assert.NotEmpty(t, last.Header.Get("Retry-After"))
	assert.Equal(t, httpapi.ProblemTypeBase+"rate-limited", last.problem(t).Type)
	r := e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.key2})
	assert.Equal(t, 200, r.Status, "limits are per key")
	e.clock.SetDay(storetest.Today.AddDays(1))
	r = e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.key1})
	assert.Equal(t, 200, r.Status, "the bucket refills")
}

// failingStore fails every list with an error that carries a NIK.
type failingStore struct{ registry.Store }

func (failingStore) Reports(context.Context, registry.Filter) ([]registry.Report, error) {
	return nil, errors.New("disk on fire while reading 6208014505980001")
}

func TestLogsMaskNIKs(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	e := newEnv(t, failingStore{st}, func(c *httpapi.Config) { c.Demo = true })
	r := e.do(req{method: "GET", path: "/api/v1/birth-reports", token: e.officer})
	assert.Equal(t, 500, r.Status)
	p := r.problem(t)
	assert.Contains(t, p.Detail, "6208********0001", "demo mode shows the error, masked")
	logs := e.logs.String()
	assert.Contains(t, logs, "disk on fire while reading 6208********0001")
	assert.NotContains(t, logs, "6208014505980001")
	assert.NotContains(t, logs, e.officer, "no secret in the logs")
	assert.Contains(t, logs, `"route":"GET /api/v1/birth-reports"`)
}

func mustRequest(t *testing.T, method, path string) *http.Request {
	r, err := http.NewRequest(method, path, nil)
	require.NoError(t, err)
	return r
}

func TestPublicRateLimitPerAddress(t *testing.T) {
	e := newEnv(t, nil, func(c *httpapi.Config) { c.RateLimit = 1; c.RateBurst = 2 })
	var last *resp
	for range 3 {
		last = e.do(req{method: "GET", path: "/api/v1/documents/KIA/6208014505260001/status"})
	}
	assert.Equal(t, 429, last.Status)
	assert.NotEmpty(t, last.Header.Get("Retry-After"))
}

func TestNewHTTPServer(t *testing.T) {
	var buf bytes.Buffer
	s := httpapi.NewHTTPServer(":0", http.NotFoundHandler(), slog.New(slog.NewTextHandler(&buf, nil)))
	assert.Equal(t, httpapi.ReadHeaderTimeout, s.ReadHeaderTimeout)
	assert.Equal(t, httpapi.ReadTimeout, s.ReadTimeout)
	assert.Equal(t, httpapi.WriteTimeout, s.WriteTimeout)
	assert.Equal(t, httpapi.IdleTimeout, s.IdleTimeout)
	assert.Equal(t, httpapi.MaxHeaderBytes, s.MaxHeaderBytes)
	s.ErrorLog.Print("http: TLS handshake error from 6208014505980001")
	assert.Contains(t, buf.String(), "6208********0001")
	assert.NotContains(t, buf.String(), "6208014505980001")
}
