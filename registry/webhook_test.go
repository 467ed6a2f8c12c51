package registry_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func TestCheckWebhookAddr(t *testing.T) {
	for _, tt := range []struct {
		addr, reason string // reason "": public
	}{
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"10.0.0.1", "private"},
		{"172.16.5.4", "private"},
		{"192.168.1.1", "private"},
		{"fc00::1", "private"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"100.64.0.1", "cgnat"},
		{"100.127.255.255", "cgnat"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"0.1.2.3", "reserved"},
		{"224.0.0.1", "link-local"},
		{"239.1.1.1", "multicast"},
		{"255.255.255.255", "reserved"},
		{"198.18.0.1", "reserved"},
		{"::ffff:10.0.0.1", "private"},
		{"::ffff:127.0.0.1", "loopback"},
		{"64:ff9b::a00:1", "private"},
		{"8.8.8.8", ""},
		{"100.128.0.1", ""},
		{"172.32.0.1", ""},
		{"2001:4860:4860::8888", ""},
		{"64:ff9b::808:808", ""},
	} {
		t.Run(tt.addr, func(t *testing.T) {
			err := registry.CheckWebhookAddr(netip.MustParseAddr(tt.addr))
			if tt.reason == "" {
				require.NoError(t, err)
				return
			}
			var de *registry.DestinationError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.reason, de.Reason)
			assert.ErrorIs(t, err, registry.ErrDestination)
			assert.ErrorIs(t, err, registry.ErrForbidden)
			assert.ErrorIs(t, err, adminduk.ErrForbidden)
		})
	}
}

// TestAddWebhookEndpointURL: bad URLs are a validation error at /url,
// non-public destinations a *DestinationError, and neither writes anything;
// demo mode accepts loopback and plain http.
func TestAddWebhookEndpointURL(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	svc := storetest.HookService(t, e, registry.WebhookConfig{})
	for _, tt := range []struct {
		url    string
		code   adminduk.Code // a validation error
		reason string        // a destination error
	}{
		{url: "", code: adminduk.CodeRequired},
		{url: "ftp://hooks.example.org/x", code: adminduk.CodeInvalid},
		{url: "/relative", code: adminduk.CodeInvalid},
		{url: "http://hooks.example.org/x", code: adminduk.CodeInvalid},
		{url: "https://user:pw@hooks.example.org/x", code: adminduk.CodeNotAllowed},
		{url: "https://hooks.example.org/x#frag", code: adminduk.CodeNotAllowed},
		{url: "https://" + strings.Repeat("a", 2048) + ".org/", code: adminduk.CodeRange},
		{url: "https://nxdomain.example/x", code: adminduk.CodeInvalid},
		{url: "https://127.0.0.1/x", reason: "loopback"},
		{url: "https://[::1]:8443/x", reason: "loopback"},
		{url: "https://internal.example.org/x", reason: "private"},
		{url: "https://[::ffff:a9fe:a9fe]/latest/meta-data", reason: "link-local"},
		{url: "https://100.64.1.1/x", reason: "cgnat"},
		{url: "https://0.0.0.0/x", reason: "unspecified"},
	} {
		t.Run(tt.url, func(t *testing.T) {
			_, _, err := svc.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", tt.url, "admin")
			if tt.reason != "" {
				var de *registry.DestinationError
				require.ErrorAs(t, err, &de)
				assert.Equal(t, tt.reason, de.Reason)
				require.ErrorIs(t, err, registry.ErrDestination)
				return
			}
			var ve *adminduk.ValidationError
			require.ErrorAs(t, err, &ve)
			require.Len(t, ve.Fields, 1)
			assert.Equal(t, "/url", ve.Fields[0].Pointer.String())
			assert.Equal(t, tt.code, ve.Fields[0].Code)
			assert.NotEmpty(t, ve.Fields[0].Indonesian)
			assert.NotEmpty(t, ve.Fields[0].English)
		})
	}
	eps, err := svc.WebhookEndpoints(ctx, storetest.Regency, "pkm-1")
	require.NoError(t, err)
	assert.Empty(t, eps, "nothing refused is stored")

	_, ep, err := svc.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", "https://hooks.example.org/ok?x=1", "admin")
	require.NoError(t, err)
	assert.Equal(t, "https://hooks.example.org/ok?x=1", ep.URL)
	_, _, err = svc.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", "https://hooks.example.org/ok", " ")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)

	demo := storetest.HookService(t, e, registry.WebhookConfig{AllowPrivate: true})
	_, ep, err = demo.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", "http://127.0.0.1:9/hook", "admin")
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:9/hook", ep.URL)
}

func TestWebhookPayload(t *testing.T) {
	at := time.Date(2026, 12, 3, 3, 0, 0, 1_000_000, time.UTC)
	rep := registry.WebhookEvent{Type: registry.EventReportStatusChanged, ReportID: "r-1", ExternalRef: "RM-7", Status: "verified", At: at}
	b, err := rep.Payload()
	require.NoError(t, err)
	assert.JSONEq(t, `{"type":"report.status_changed","timestamp":"2026-12-03T03:00:00.001Z",
		"data":{"id":"r-1","external_ref":"RM-7","status":"verified"}}`, string(b))
	b2, err := rep.Payload()
	require.NoError(t, err)
	assert.Equal(t, b, b2, "the same bytes on every retry")

	doc := registry.WebhookEvent{Type: registry.EventDocumentIssued, ReportID: "r-1", ExternalRef: "RM-7", Status: "active", At: at,
		Document: &registry.DocumentRef{Type: registry.DocKIA, Number: "6208014312260001", Version: 1, Status: registry.DocActive}}
	b, err = doc.Payload()
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, map[string]any{"id": "r-1", "external_ref": "RM-7", "type": "KIA", "number": "6208014312260001",
		"version": float64(1), "status": "active"}, got["data"])
}

func TestEventIDs(t *testing.T) {
	a := registry.ReportEventID(storetest.Regency, "r-1", 1)
	assert.Regexp(t, `^msg_[0-9a-f]{24}$`, a)
	assert.Equal(t, a, registry.ReportEventID(storetest.Regency, "r-1", 1), "stable")
	assert.NotEqual(t, a, registry.ReportEventID(storetest.Regency, "r-1", 2))
	assert.NotEqual(t, registry.ReportEventID(storetest.Regency, "r-11", 1), registry.ReportEventID(storetest.Regency, "r-1", 11))
	nik := "6208014312260001"
	d := registry.DocumentEventID(storetest.Regency, "r-1", registry.DocKIA, nik, 1)
	assert.NotContains(t, d, nik, "no personal data in a message id")
	assert.NotEqual(t, d, registry.DocumentEventID(storetest.Regency, "r-1", registry.DocKIA, nik, 2))
	// The events of a later report sort after those of an earlier one.
	r1, r2 := "0190a1b2c3d4"+strings.Repeat("7", 20), "0190a1b2c3d5"+strings.Repeat("0", 20)
	e1, e2 := registry.ReportEventID(storetest.Regency, r1, 9), registry.DocumentEventID(storetest.Regency, r2, registry.DocKIA, nik, 1)
	assert.Regexp(t, `^msg_[0-9a-f]{24}$`, e2)
	assert.Less(t, e1, e2)
}

func TestNewReportID(t *testing.T) {
	a := registry.NewReportID()
	time.Sleep(2 * time.Millisecond)
	b := registry.NewReportID()
	assert.Regexp(t, `^[0-9a-f]{32}$`, a)
	assert.Less(t, a, b, "a later report sorts after")
	assert.NotEqual(t, a[12:], b[12:], "random after the time")
}

func TestWebhookRetryAt(t *testing.T) {
	t0 := time.Date(2026, 12, 3, 3, 0, 0, 0, time.UTC)
	var total time.Duration
	for n, want := range []time.Duration{5 * time.Second, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 5 * time.Hour, 10 * time.Hour, 24 * time.Hour} {
		next, ok := registry.WebhookRetryAt(n+1, t0)
		require.True(t, ok, n+1)
		assert.Equal(t, want, next.Sub(t0), "after attempt %d", n+1)
		total += want
	}
	_, ok := registry.WebhookRetryAt(8, t0)
	assert.False(t, ok, "eight attempts in all")
	_, ok = registry.WebhookRetryAt(0, t0)
	assert.False(t, ok)
	assert.Equal(t, 41*time.Hour+35*time.Minute+5*time.Second, total)
	assert.Equal(t, "pending", registry.DeliveryPending.String())
	assert.True(t, errors.Is(registry.ErrDestination, registry.ErrForbidden))
}
