package client_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/client"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func init() {
	for _, ct := range []string{"application/pdf", "image/png", "image/jpeg"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
	}
	openapi3filter.RegisterBodyDecoder("application/jwk-set+json", openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/problem+json", openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/fhir+json", openapi3filter.JSONBodyDecoder)
}

// contract is an http.RoundTripper that checks every request the client
// sends and every answer it gets against the server's openapi.json, and
// records the operations answered with success.
type contract struct {
	t       testing.TB
	router  routers.Router
	mu      sync.Mutex
	covered map[string]bool
	all     []string
	lax     atomic.Bool // requests break the contract on purpose: check only the answers
}

func (c *contract) RoundTrip(r *http.Request) (*http.Response, error) {
	route, params, err := c.router.FindRoute(r)
	if !assert.NoError(c.t, err, "%s %s is a documented operation", r.Method, r.URL.Path) {
		return http.DefaultTransport.RoundTrip(r)
	}
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if !c.lax.Load() {
		assert.NoError(c.t, openapi3filter.ValidateRequest(context.Background(), in), "request %s %s", r.Method, r.URL.Path)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	res, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(out))
	rin := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	rin.SetBodyBytes(out)
	assert.NoError(c.t, openapi3filter.ValidateResponse(context.Background(), rin), "response %d of %s %s: %s",
		res.StatusCode, r.Method, r.URL.Path, out)
	if res.StatusCode < 300 {
		c.mu.Lock()
		c.covered[route.Operation.OperationID] = true
		c.mu.Unlock()
	}
	return res, nil
}

// live is a registry server on a SQLite store and clients for it: a partner
// (pkm-1), another partner (pkm-2), a partner whose PKS lapsed yesterday
// (pkm-old), an officer and an admin.
type live struct {
	contract                        *contract
	svc                             *registry.Service
	partner, other, lapsed, officer *client.Client
	admin                           *client.Client
	school                          *client.Client // sd-1, a school (KIA)
	clock                           *storetest.Clock
}

func newLive(t *testing.T) *live {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "registry.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	clk := storetest.NewClock(storetest.Today)
	svc, err := registry.New(registry.Config{Store: st, Offices: []registry.Office{storetest.Office()}, Now: clk.Now,
		Webhooks: registry.WebhookConfig{Resolver: storetest.HookResolver}})
	require.NoError(t, err)
	today := storetest.Today
	for _, a := range []partnership.Agreement{
		storetest.Agreement("pks-1", "pkm-1", partnership.Active, today.AddYears(-1), today.AddYears(1)),
		storetest.Agreement("pks-2", "pkm-2", partnership.Active, today.AddYears(-1), today.AddYears(1)),
		storetest.Agreement("pks-old", "pkm-old", partnership.Active, today.AddYears(-2), today.AddDays(-1)),
		storetest.SchoolAgreement("pks-sd", "sd-1", partnership.Active, today.AddYears(-1), today.AddYears(1)),
	} {
		require.NoError(t, st.PutAgreement(ctx, &a, "admin"))
	}
	secret := func(partner string) string {
		_, s, err := svc.CreateAPIKey(ctx, storetest.Regency, partner, "setup", "")
		require.NoError(t, err)
		return s
	}
	officer := func(name, role string) string {
		_, s, err := svc.CreateOfficerToken(ctx, storetest.Regency, name, role, "setup", "")
		require.NoError(t, err)
		return s
	}
	api, err := httpapi.New(httpapi.Config{Service: svc, Now: clk.Now, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), RateLimit: 1000})
	require.NoError(t, err)
	srv := httptest.NewServer(api)
	t.Cleanup(srv.Close)

	doc, err := openapi3.NewLoader().LoadFromData(httpapi.OpenAPI)
	require.NoError(t, err)
	doc.Servers = openapi3.Servers{{URL: srv.URL}}
	router, err := gorillamux.NewRouter(doc)
	require.NoError(t, err)
	ct := &contract{t: t, router: router, covered: map[string]bool{}}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			ct.all = append(ct.all, op.OperationID)
		}
	}
	mk := func(token string) *client.Client {
		c, err := client.New(client.Config{BaseURL: srv.URL, Token: token, HTTPClient: &http.Client{Transport: ct}, Language: "en"})
		require.NoError(t, err)
		return c
	}
	return &live{contract: ct, svc: svc, partner: mk(secret("pkm-1")), other: mk(secret("pkm-2")), lapsed: mk(secret("pkm-old")),
		officer: mk(officer("ani", "verifikator")), admin: mk(officer("kasi", "admin")), school: mk(secret("sd-1")), clock: clk}
}

// TestLiveWalk calls every operation of the OpenAPI document through the
// client against a live server, each request and answer checked against the
// document, and fails on an operation never answered with success.
func TestLiveWalk(t *testing.T) {
	ctx := context.Background()
	l := newLive(t)
	today := storetest.Today

	h, err := l.partner.Health(ctx)
	require.NoError(t, err)
	assert.Equal(t, "ok", h.Status)
	doc, err := l.partner.OpenAPI(ctx)
	require.NoError(t, err)
	assert.Equal(t, httpapi.OpenAPI, doc)
	jwks, err := l.partner.JWKS(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, jwks.Keys)
	assert.Equal(t, "ID-6208", jwks.Keys[0].Iss)

	for _, k := range []struct {
		kind   registry.Kind
		create func(ref string, opts ...client.CallOption) (*client.ReportCreated, error)
	}{
		{registry.KindBirth, func(ref string, o ...client.CallOption) (*client.ReportCreated, error) {
			return l.partner.CreateBirthReport(ctx, storetest.Birth(ref, today.AddDays(-1), "P"), o...)
		}},
		{registry.KindDeath, func(ref string, o ...client.CallOption) (*client.ReportCreated, error) {
			return l.partner.CreateDeathReport(ctx, storetest.Death(ref, today.AddDays(-1)), o...)
		}},
		{registry.KindStillbirth, func(ref string, o ...client.CallOption) (*client.ReportCreated, error) {
			return l.partner.CreateStillbirthReport(ctx, stillbirthOf(ref, today.AddDays(-1), 1), o...)
		}},
	} {
		t.Run(k.kind.String(), func(t *testing.T) {
			ref := k.kind.String() + "-1"
			var replayed bool
			created, err := k.create(ref, client.IdempotencyKey("walk-"+ref), client.Replayed(&replayed))
			require.NoError(t, err)
			assert.Equal(t, registry.StatusNotified, created.Status)
			assert.False(t, replayed)
			again, err := k.create(ref, client.IdempotencyKey("walk-"+ref), client.Replayed(&replayed))
			require.NoError(t, err)
			assert.True(t, replayed, "a retry with the same key is answered from the journal")
			assert.Equal(t, created.ID, again.ID)
			id := created.ID

			r, err := l.partner.Report(ctx, k.kind, id)
			require.NoError(t, err)
			assert.Equal(t, ref, r.ExternalRef)
			byRef, err := l.partner.ReportByExternalRef(ctx, k.kind, ref)
			require.NoError(t, err)
			assert.Equal(t, id, byRef.ID)

			att, err := l.partner.Attach(ctx, k.kind, id, registry.AttachKK, "application/pdf", storetest.MinimalPDF)
			require.NoError(t, err)
			assert.Equal(t, "application/pdf", att.MediaType)
			atts, err := l.officer.Attachments(ctx, k.kind, id)
			require.NoError(t, err)
			assert.Len(t, atts, 1)

			_, err = l.officer.Return(ctx, k.kind, id, []client.ReturnReason{{Pointer: "/reporter/relation", Message: "hubungan tidak jelas"}})
			require.NoError(t, err)
			r, err = l.partner.Resubmit(ctx, k.kind, id)
			require.NoError(t, err)
			assert.Equal(t, registry.StatusNotified, r.Status)
			_, err = l.officer.Verify(ctx, k.kind, id)
			require.NoError(t, err)
			list, err := l.officer.Reports(ctx, k.kind, client.ListOptions{Status: registry.StatusVerified,
				From: today.AddDays(-7).String(), To: today.String(), Limit: 10})
			require.NoError(t, err)
			require.Len(t, list.Items, 1)

			reg, err := l.officer.Register(ctx, k.kind, id)
			require.NoError(t, err)
			_, err = l.officer.Issue(ctx, k.kind, id)
			require.NoError(t, err)
			if k.kind == registry.KindBirth {
				require.Len(t, reg.Documents, 2, "akta and KIA")
				for _, d := range reg.Documents {
					doc, err := l.officer.Document(ctx, d.Type, d.Number)
					require.NoError(t, err)
					st, err := l.partner.DocumentStatus(ctx, d.Type, d.Number)
					require.NoError(t, err)
					assert.Equal(t, registry.DocActive, st.Status)
					v, err := l.partner.VerifyQR(ctx, doc.Payload)
					require.NoError(t, err)
					assert.Equal(t, "valid", v.Result)
				}
				ho, err := l.officer.HandOver(ctx, k.kind, id, client.HandOverRequest{Receiver: "Siti Aminah", Relation: "ibu"})
				require.NoError(t, err)
				assert.Len(t, ho.Documents, 2)
			}
			second, err := k.create(k.kind.String() + "-2")
			require.NoError(t, err)
			r, err = l.officer.Archive(ctx, k.kind, second.ID, "laporan ganda")
			require.NoError(t, err)
			assert.Equal(t, registry.StatusArchived, r.Status)
		})
	}
	v, err := l.partner.VerifyQR(ctx, "NOT BASE45 ~~")
	require.NoError(t, err)
	assert.Equal(t, "malformed", v.Result)

	ps, err := l.officer.Partners(ctx)
	require.NoError(t, err)
	assert.NotEmpty(t, ps)
	ags, err := l.officer.Agreements(ctx)
	require.NoError(t, err)
	assert.Len(t, ags, 4, "three health agreements and a school's")
	ag := storetest.Agreement("pks-new", "pkm-new", partnership.Draft, today.AddDays(10), today.AddDays(10).AddYears(2))
	ag.Signed = adminduk.Date{}
	_, err = l.admin.CreateAgreement(ctx, &ag)
	require.NoError(t, err)
	got, err := l.officer.Agreement(ctx, "pks-new")
	require.NoError(t, err)
	assert.Equal(t, partnership.Draft, got.State)
	got, err = l.admin.AgreementEvent(ctx, "pks-new", "sign", "")
	require.NoError(t, err)
	assert.Equal(t, partnership.Signed, got.State)
	_, err = l.admin.RenewAgreement(ctx, "pks-1", client.RenewRequest{ID: "pks-1b", Number: "470/pks-1b/PKS-DUKCAPIL/2027"})
	require.NoError(t, err)
	nk, err := l.admin.CreateAPIKey(ctx, "pkm-2", "cadangan")
	require.NoError(t, err)
	keys, err := l.admin.APIKeys(ctx, "pkm-2")
	require.NoError(t, err)
	assert.Len(t, keys, 2)
	_, err = l.admin.RevokeAPIKey(ctx, "pkm-2", nk.ID)
	require.NoError(t, err)
	_, err = l.partner.WithToken(nk.Secret).Reports(ctx, registry.KindBirth, client.ListOptions{})
	require.ErrorIs(t, err, client.ErrUnauthenticated, "a revoked key fails at once")
	m, err := l.partner.Metrics(ctx)
	require.NoError(t, err)
	assert.Contains(t, m, "adminduk_http_requests_total")

	walkMore(t, l)

	var missing []string
	for _, op := range l.contract.all {
		if !l.contract.covered[op] {
			missing = append(missing, op)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "operations the client never called with success")
}

// TestLiveErrors: the server's refusals arrive as typed errors carrying the
// problem's fields.
func TestLiveErrors(t *testing.T) {
	ctx := context.Background()
	l := newLive(t)
	day := storetest.Today.AddDays(-1)

	created, err := l.partner.CreateBirthReport(ctx, storetest.Birth("e-1", day, "L"))
	require.NoError(t, err)
	_, err = l.other.Report(ctx, registry.KindBirth, created.ID)
	require.ErrorIs(t, err, registry.ErrNotFound, "another partner's report does not exist for it")

	_, err = l.lapsed.CreateBirthReport(ctx, storetest.Birth("e-2", day, "L"))
	require.ErrorIs(t, err, registry.ErrForbidden)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 403, e.Status)
	assert.Equal(t, "agreement expired", e.Reason)

	bad := storetest.Birth("e-3", day, "X")
	bad.Mother.NIK = "12"
	l.contract.lax.Store(true)
	_, err = l.partner.CreateBirthReport(ctx, bad)
	l.contract.lax.Store(false)
	require.ErrorIs(t, err, adminduk.ErrInvalid)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 422, e.Status)
	var ptrs []string
	for _, f := range e.Fields {
		ptrs = append(ptrs, f.Pointer)
		assert.NotEmpty(t, f.Message)
	}
	assert.Equal(t, []string{"/child/sex", "/mother/nik"}, ptrs)

	_, err = l.partner.CreateBirthReport(ctx, storetest.Birth("e-1", day, "P"))
	require.ErrorIs(t, err, registry.ErrConflict, "external_ref used before with another body")

	_, err = l.officer.Register(ctx, registry.KindBirth, created.ID)
	require.ErrorIs(t, err, registry.ErrInvalidTransition, "not verified yet")
	assert.NotErrorIs(t, err, registry.ErrConflict)

	_, err = l.partner.WithToken("").Reports(ctx, registry.KindBirth, client.ListOptions{})
	require.ErrorIs(t, err, client.ErrUnauthenticated)

	// A discharge-only report is accepted and flagged incomplete, and the
	// officer cannot verify it.
	d := storetest.Birth("e-4", day, "P")
	d.Reporter, d.Proof, d.Certificate, d.Parents, d.Father, d.Marriage = registry.Reporter{}, "", nil, "", nil, nil
	inc, err := l.partner.CreateBirthReport(ctx, d)
	require.NoError(t, err)
	assert.True(t, inc.Flags.Has(registry.FlagIncomplete))
	_, err = l.officer.Verify(ctx, registry.KindBirth, inc.ID)
	require.ErrorIs(t, err, registry.ErrInvalidTransition)
}

// TestLiveFHIR: a SATUSEHAT-style bundle goes in unchanged and yields the
// same stored report as its JSON equivalent; a broken one is refused with
// pointers into the bundle.
func TestLiveFHIR(t *testing.T) {
	ctx := context.Background()
	l := newLive(t)
	bundle, err := os.ReadFile("../fhir/testdata/discharge-bundle.json")
	require.NoError(t, err)
	created, err := l.partner.CreateBirthBundle(ctx, bundle)
	require.NoError(t, err)
	assert.True(t, created.Flags.Has(registry.FlagIncomplete))
	r, err := l.partner.Report(ctx, registry.KindBirth, created.ID)
	require.NoError(t, err)
	got, err := r.Birth()
	require.NoError(t, err)
	want, err := os.ReadFile("../fhir/testdata/discharge-report.json")
	require.NoError(t, err)
	wantReport, err := registry.DecodeBirthReport(bytes.NewReader(want))
	require.NoError(t, err)
	assert.Equal(t, wantReport, got)

	broken, err := os.ReadFile("../fhir/testdata/broken-unit.json")
	require.NoError(t, err)
	_, err = l.partner.CreateBirthBundle(ctx, broken)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 422, e.Status)
	require.Len(t, e.Fields, 1)
	assert.Equal(t, "/entry/3/resource/valueQuantity/unit", e.Fields[0].Pointer)
}
