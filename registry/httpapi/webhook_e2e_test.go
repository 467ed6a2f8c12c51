package httpapi_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/client"
	"github.com/adminduk-id/adminduk/registry/httpapi"
	"github.com/adminduk-id/adminduk/registry/storetest"
	"github.com/adminduk-id/adminduk/registry/webhook"
)

// receiver is a partner's webhook receiver on this machine: it answers
// 500 to the first failFirst requests, then 204, and keeps every request.
type receiver struct {
	srv       *httptest.Server
	failFirst int32
	n         atomic.Int32
	mu        sync.Mutex
	got       []received
}

type received struct {
	header http.Header
	body   []byte
	status int
}

func newReceiver(t *testing.T, failFirst int32) *receiver {
	rc := &receiver{failFirst: failFirst}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		status := http.StatusNoContent
		if rc.n.Add(1) <= rc.failFirst {
			status = http.StatusInternalServerError
		}
		rc.mu.Lock()
		rc.got = append(rc.got, received{header: r.Header.Clone(), body: body, status: status})
		rc.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) requests() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

// demoEnv is a server in demo mode whose registry accepts endpoints on
// loopback addresses, with a webhook worker whose clock the test moves.
func demoEnv(t *testing.T) (*env, *webhook.Worker, *atomic.Int64) {
	e := newEnvWith(t, nil, func(c *registry.Config) { c.Webhooks.AllowPrivate = true },
		func(c *httpapi.Config) { c.Demo = true })
	var offset atomic.Int64
	w := webhook.NewWorker(e.store, webhook.Options{AllowPrivate: true, Owner: "test-worker", OnAttempt: e.api.WebhookAttempt,
		Now: func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }})
	return e, w, &offset
}

func (e *env) endpoint(url string) httpapi.NewWebhookEndpoint {
	e.t.Helper()
	r := e.do(req{method: "POST", path: "/api/v1/webhook-endpoints", token: e.key1, body: httpapi.WebhookEndpointRequest{URL: url}})
	require.Equal(e.t, 201, r.Status, string(r.Body))
	var ep httpapi.NewWebhookEndpoint
	r.json(e.t, &ep)
	return ep
}

// TestWebhookDelivery: a partner registers an endpoint on a local receiver
// (demo mode); its report goes through verify and register; the receiver
// gets every status change and document as a signed Standard Webhooks
// message that client.VerifyWebhook accepts, each once.
func TestWebhookDelivery(t *testing.T) {
	e, w, _ := demoEnv(t)
	rc := newReceiver(t, 0)
	ep := e.endpoint(rc.srv.URL + "/hooks")

	id := e.post("/api/v1/birth-reports", storetest.Birth("hook-1", storetest.Today.AddDays(-1), "P")).ID
	for _, step := range []string{"verify", "register"} {
		r := e.do(req{method: "POST", path: "/api/v1/birth-reports/" + id + "/" + step, token: e.officer})
		require.Equal(t, 200, r.Status, string(r.Body))
	}
	for range 5 {
		n, err := w.RunOnce(context.Background())
		require.NoError(t, err)
		if n == 0 {
			break
		}
	}
	got := rc.requests()
	require.NotEmpty(t, got)
	ids := map[string]int{}
	statuses := map[string]bool{}
	types := map[string]bool{}
	for _, m := range got {
		ev, err := client.VerifyWebhook(ep.Secret, m.header, m.body)
		require.NoError(t, err, string(m.body))
		ids[m.header.Get("webhook-id")]++
		types[string(ev.Type)] = true
		if ev.Data.ID == id {
			statuses[ev.Data.Status] = true
		}
		_, err = client.VerifyWebhook("whsec_"+"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", m.header, m.body)
		assert.ErrorIs(t, err, client.ErrWebhook, "another secret does not verify")
	}
	for id, n := range ids {
		assert.Equal(t, 1, n, "message %s delivered once", id)
	}
	assert.True(t, statuses["notified"] && statuses["verified"] && statuses["registered"], "%v", statuses)
	assert.Len(t, types, 2, "status changes and documents: %v", types)

	r := e.do(req{method: "GET", path: "/api/v1/webhook-endpoints/" + ep.ID + "/deliveries", token: e.key1})
	require.Equal(t, 200, r.Status)
	assert.Contains(t, string(r.Body), `"state":"delivered"`)
	assert.NotContains(t, string(r.Body), `"state":"pending"`)
	r = e.do(req{method: "GET", path: "/metrics"})
	assert.Contains(t, string(r.Body), "adminduk_webhook_deliveries_total{outcome=\"delivered\"} "+itoa(len(got)))
}

// TestWebhookRetry: a receiver that fails three times and then succeeds
// gets the message four times under one message ID, each signed; the
// delivery lists the four attempts.
func TestWebhookRetry(t *testing.T) {
	e, w, offset := demoEnv(t)
	rc := newReceiver(t, 3)
	ep := e.endpoint(rc.srv.URL + "/hooks")
	e.post("/api/v1/birth-reports", storetest.Birth("retry-1", storetest.Today.AddDays(-1), "P"))

	for i := range 4 {
		n, err := w.RunOnce(context.Background())
		require.NoError(t, err)
		require.Equal(t, 1, n, "attempt %d", i+1)
		n, err = w.RunOnce(context.Background())
		require.NoError(t, err)
		require.Zero(t, n, "not due again before its backoff")
		offset.Add(int64(registry.WebhookBackoff[i] + time.Second))
	}
	got := rc.requests()
	require.Len(t, got, 4)
	first := got[0].header.Get("webhook-id")
	for i, m := range got {
		assert.Equal(t, first, m.header.Get("webhook-id"), "attempt %d has the same message ID", i+1)
		// The worker's clock moved on by the backoff: verify at its time.
		ts := m.header.Get("webhook-timestamp")
		require.NotEmpty(t, ts)
		_, err := client.VerifyWebhookAt(unix(t, ts), ep.Secret, m.header, m.body)
		require.NoError(t, err)
	}
	assert.Equal(t, []int{500, 500, 500, 204}, []int{got[0].status, got[1].status, got[2].status, got[3].status})

	r := e.do(req{method: "GET", path: "/api/v1/webhook-endpoints/" + ep.ID + "/deliveries", token: e.key1})
	require.Equal(t, 200, r.Status)
	var ds []struct {
		EventID  string `json:"event_id"`
		State    string `json:"state"`
		Attempts []struct {
			N          int `json:"n"`
			StatusCode int `json:"status_code"`
		} `json:"attempts"`
	}
	r.json(t, &ds)
	require.Len(t, ds, 1)
	assert.Equal(t, first, ds[0].EventID)
	assert.Equal(t, "delivered", ds[0].State)
	require.Len(t, ds[0].Attempts, 4)
	assert.Equal(t, 204, ds[0].Attempts[3].StatusCode)
	r = e.do(req{method: "GET", path: "/metrics"})
	assert.Contains(t, string(r.Body), `adminduk_webhook_deliveries_total{outcome="retry"} 3`)
	assert.Contains(t, string(r.Body), `adminduk_webhook_deliveries_total{outcome="delivered"} 1`)
}

func unix(t *testing.T, s string) time.Time {
	n, err := strconv.ParseInt(s, 10, 64)
	require.NoError(t, err)
	return time.Unix(n, 0)
}

func itoa(n int) string { return strconv.Itoa(n) }
