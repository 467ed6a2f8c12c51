package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// env is a live server on a SQLite store with its credentials: partner
// keys of pkm-1 and pkm-2 (agreements in force) and of pkm-old (agreement
// expired yesterday), an admin token and a verifier token.
type env struct {
	t         testing.TB
	svc       *registry.Service
	store     registry.Store
	clock     *storetest.Clock
	srv       *httptest.Server
	api       *httpapi.Server
	logs      *syncBuffer
	key1      string // pkm-1
	key1ID    string
	key2      string // pkm-2
	keyOld    string // pkm-old, lapsed
	keySchool string // sd-1, a school (KIA)
	admin     string // officer "kasi", role admin
	officer   string // officer "ani", role verifikator
	doc       *openapi3.T
	router    routers.Router
	mu        sync.Mutex
	covered   map[string]bool // operation IDs answered with a documented 2xx
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newEnv(t testing.TB, store registry.Store, mod func(*httpapi.Config)) *env {
	t.Helper()
	return newEnvWith(t, store, nil, mod)
}

// newEnvWith is newEnv with the registry's configuration changed by reg
// (webhooks resolve through storetest.HookResolver unless reg changes it).
func newEnvWith(t testing.TB, store registry.Store, reg func(*registry.Config), mod func(*httpapi.Config)) *env {
	t.Helper()
	ctx := context.Background()
	if store == nil {
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "registry.db"), sqlite.Options{})
		require.NoError(t, err)
		t.Cleanup(func() { _ = st.Close() })
		store = st
	}
	clk := storetest.NewClock(storetest.Today)
	rc := registry.Config{Store: store, Offices: []registry.Office{storetest.Office()}, Now: clk.Now,
		Webhooks: registry.WebhookConfig{Resolver: storetest.HookResolver}}
	if reg != nil {
		reg(&rc)
	}
	svc, err := registry.New(rc)
	require.NoError(t, err)
	today := storetest.Today
	for _, a := range []partnership.Agreement{
		storetest.Agreement("pks-1", "pkm-1", partnership.Active, today.AddYears(-1), today.AddYears(1)),
		storetest.Agreement("pks-2", "pkm-2", partnership.Active, today.AddYears(-1), today.AddYears(1)),
		storetest.Agreement("pks-old", "pkm-old", partnership.Active, today.AddYears(-2), today.AddDays(-1)),
		storetest.SchoolAgreement("pks-sd", "sd-1", partnership.Active, today.AddYears(-1), today.AddYears(1)),
	} {
		require.NoError(t, store.PutAgreement(ctx, &a, "admin"))
	}
	e := &env{t: t, svc: svc, store: store, clock: clk, logs: &syncBuffer{}, covered: map[string]bool{}}
	k1, s1, err := svc.CreateAPIKey(ctx, storetest.Regency, "pkm-1", "setup", "SIMRS")
	require.NoError(t, err)
	e.key1, e.key1ID = s1, k1.ID
	_, e.key2, err = svc.CreateAPIKey(ctx, storetest.Regency, "pkm-2", "setup", "")
	require.NoError(t, err)
	_, e.keyOld, err = svc.CreateAPIKey(ctx, storetest.Regency, "pkm-old", "setup", "")
	require.NoError(t, err)
	_, e.keySchool, err = svc.CreateAPIKey(ctx, storetest.Regency, "sd-1", "setup", "")
	require.NoError(t, err)
	_, e.admin, err = svc.CreateOfficerToken(ctx, storetest.Regency, "kasi", "admin", "setup", "")
	require.NoError(t, err)
	_, e.officer, err = svc.CreateOfficerToken(ctx, storetest.Regency, "ani", "verifikator", "setup", "")
	require.NoError(t, err)
	cfg := httpapi.Config{Service: svc, Now: clk.Now, Logger: slog.New(slog.NewJSONHandler(e.logs, nil)), RateLimit: 1000}
	if mod != nil {
		mod(&cfg)
	}
	e.api, err = httpapi.New(cfg)
	require.NoError(t, err)
	e.srv = httptest.NewServer(e.api)
	t.Cleanup(e.srv.Close)

	loader := openapi3.NewLoader()
	e.doc, err = loader.LoadFromData(httpapi.OpenAPI)
	require.NoError(t, err)
	require.NoError(t, e.doc.Validate(ctx), "the OpenAPI document is valid")
	e.doc.Servers = openapi3.Servers{{URL: e.srv.URL}}
	e.router, err = gorillamux.NewRouter(e.doc)
	require.NoError(t, err)
	return e
}

func init() {
	for _, ct := range []string{"application/pdf", "image/png", "image/jpeg"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
	}
	openapi3filter.RegisterBodyDecoder("application/jwk-set+json", openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/problem+json", openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/fhir+json", openapi3filter.JSONBodyDecoder)
}

// req is one request of a test.
type req struct {
	method, path, token string
	body                any    // marshalled as JSON unless []byte
	contentType         string // default application/json when body is set
	key                 string // Idempotency-Key; "-" for none
	header              map[string]string
	invalid             bool // the request breaks the contract on purpose: do not validate it
}

// resp is a response read whole.
type resp struct {
	Status int
	Header http.Header
	Body   []byte
}

func (r *resp) json(t testing.TB, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(r.Body, v), string(r.Body))
}

func (r *resp) problem(t testing.TB) httpapi.Problem {
	t.Helper()
	require.Equal(t, "application/problem+json", r.Header.Get("Content-Type"), string(r.Body))
	var p httpapi.Problem
	r.json(t, &p)
	require.Equal(t, r.Status, p.Status)
	return p
}

var keyN atomic.Int64

func nextKey() string { return fmt.Sprintf("idem-%06d", keyN.Add(1)) }

// do sends r to the live server, checks the request (unless invalid) and
// the response against openapi.json, and returns the response.
func (e *env) do(r req) *resp {
	t := e.t
	t.Helper()
	var body []byte
	switch b := r.body.(type) {
	case nil:
	case []byte:
		body = b
	case string:
		body = []byte(b)
	default:
		var err error
		body, err = json.Marshal(b)
		require.NoError(t, err)
	}
	hr, err := http.NewRequest(r.method, e.srv.URL+r.path, bytes.NewReader(body))
	require.NoError(t, err)
	if r.body != nil {
		ct := r.contentType
		if ct == "" {
			ct = "application/json"
		}
		hr.Header.Set("Content-Type", ct)
	}
	if r.token != "" {
		hr.Header.Set("Authorization", "Bearer "+r.token)
	}
	if r.method == http.MethodPost && r.key != "-" {
		k := r.key
		if k == "" {
			k = nextKey()
		}
		hr.Header.Set("Idempotency-Key", k)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	route, params, routeErr := e.router.FindRoute(hr)
	var in *openapi3filter.RequestValidationInput
	if routeErr == nil {
		in = &openapi3filter.RequestValidationInput{Request: hr, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		if !r.invalid {
			// Validation reads the body: give the request a fresh one after.
			require.NoError(t, openapi3filter.ValidateRequest(context.Background(), in), "request %s %s", r.method, r.path)
			hr.Body = io.NopCloser(bytes.NewReader(body))
		}
	}
	res, err := http.DefaultClient.Do(hr)
	require.NoError(t, err)
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	if routeErr == nil {
		rin := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
			Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		rin.SetBodyBytes(out)
		require.NoError(t, openapi3filter.ValidateResponse(context.Background(), rin), "response %d of %s %s: %s",
			res.StatusCode, r.method, r.path, out)
		if res.StatusCode < 300 {
			e.mu.Lock()
			e.covered[route.Operation.OperationID] = true
			e.mu.Unlock()
		}
	}
	return &resp{Status: res.StatusCode, Header: res.Header, Body: out}
}

func zeroDate() (d adminduk.Date) { return d }
