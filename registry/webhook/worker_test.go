package webhook_test

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
	"github.com/adminduk-id/adminduk/registry/webhook"
)

var ctx = context.Background()

// clock is a fake clock the test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newClock starts an hour after the fixtures' events.
func newClock() *clock {
	return &clock{t: storetest.Today.In(time.UTC).Add(4 * time.Hour)}
}

func openStore(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// env is a SQLite store with the fixtures and a service in demo mode (so
// that the httptest receivers on loopback can be registered).
type env struct {
	*storetest.Env
	hooks *registry.Service
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := storetest.NewEnvOn(t, openStore(t, filepath.Join(t.TempDir(), "registry.db")))
	return &env{Env: e, hooks: storetest.HookService(t, e, registry.WebhookConfig{AllowPrivate: true})}
}

var partner = registry.Submission{PartnerID: "pkm-1", Actor: "bidan.rina"}

func (e *env) notify(t *testing.T, ref string) registry.Report {
	t.Helper()
	r, _, err := e.Service.NotifyBirth(ctx, partner, storetest.Birth(ref, storetest.Today.AddDays(-1), "L"))
	require.NoError(t, err)
	return r
}

// message is one request a receiver got.
type message struct {
	id, timestamp, signature string
	body                     []byte
}

// receiver is an httptest server answering with codes in turn (the last
// one repeated) and keeping what it got.
type receiver struct {
	*httptest.Server
	mu    sync.Mutex
	codes []int
	got   []message
}

func newReceiver(t *testing.T, codes ...int) *receiver {
	r := &receiver{codes: codes}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.got = append(r.got, message{req.Header.Get("webhook-id"), req.Header.Get("webhook-timestamp"), req.Header.Get("webhook-signature"), body})
		code := r.codes[min(len(r.got), len(r.codes))-1]
		w.WriteHeader(code)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) messages() []message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]message(nil), r.got...)
}

// verify checks a Standard Webhooks signature header independently of the
// package: some "v1,<sig>" in it is the base64 HMAC-SHA256, keyed by the
// base64-decoded secret, of "id.timestamp.body".
func verify(secret string, m message) bool {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s.%s.%s", m.id, m.timestamp, m.body)
	want := mac.Sum(nil)
	for _, s := range strings.Fields(m.signature) {
		v, sig, ok := strings.Cut(s, ",")
		if !ok || v != "v1" {
			continue
		}
		got, err := base64.StdEncoding.DecodeString(sig)
		if err == nil && hmac.Equal(got, want) {
			return true
		}
	}
	return false
}

func worker(e *env, clk *clock, o webhook.Options) *webhook.Worker {
	o.Now = clk.Now
	return webhook.NewWorker(e.Store, o)
}

// TestRetriesThenDelivers: a receiver that fails three times, then
// succeeds, gets one message id four times with valid signatures and fresh
// timestamps; four attempts are recorded with the backoff between them.
func TestRetriesThenDelivers(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t, 500, 502, 503, 200)
	secret, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL+"/hook", "admin")
	require.NoError(t, err)
	r := e.notify(t, "ref-retry")
	clk := newClock()
	w := worker(e, clk, webhook.Options{AllowPrivate: true, Owner: "w1"})

	start := clk.Now()
	for _, wait := range []time.Duration{0, 5 * time.Second, 5 * time.Minute, 30 * time.Minute} {
		if wait > 0 {
			clk.Add(wait - time.Millisecond)
			n, err := w.RunOnce(ctx)
			require.NoError(t, err)
			assert.Zero(t, n, "not due before its backoff")
			clk.Add(time.Millisecond)
		}
		n, err := w.RunOnce(ctx)
		require.NoError(t, err)
		require.Equal(t, 1, n)
	}
	n, err := w.RunOnce(ctx)
	require.NoError(t, err)
	assert.Zero(t, n, "delivered: nothing left")

	msgs := rcv.messages()
	require.Len(t, msgs, 4)
	id := registry.ReportEventID(storetest.Regency, r.ID, 1)
	times := map[string]bool{}
	for _, m := range msgs {
		assert.Equal(t, id, m.id, "one message id across retries")
		assert.Equal(t, msgs[0].body, m.body)
		assert.True(t, verify(secret, m), "signature of %s", m.timestamp)
		assert.Len(t, strings.Fields(m.signature), 1)
		times[m.timestamp] = true
	}
	assert.Len(t, times, 4, "each attempt has its own timestamp")
	assert.Equal(t, strconv.FormatInt(clk.Now().Unix(), 10), msgs[3].timestamp)
	var body struct {
		Type      string
		Timestamp string
		Data      map[string]string
	}
	require.NoError(t, json.Unmarshal(msgs[0].body, &body))
	assert.Equal(t, "report.status_changed", body.Type)
	assert.Equal(t, map[string]string{"id": r.ID, "external_ref": "ref-retry", "status": "notified"}, body.Data)

	tampered := msgs[0]
	tampered.body = append([]byte(nil), tampered.body...)
	tampered.body[len(tampered.body)-2] ^= 1
	assert.False(t, verify(secret, tampered), "the check can fail")

	ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, registry.DeliveryDelivered, ds[0].State)
	require.Len(t, ds[0].Attempts, 4)
	var codes []int
	for i, a := range ds[0].Attempts {
		codes = append(codes, a.StatusCode)
		assert.Equal(t, i+1, a.N)
		assert.Equal(t, "w1", a.Worker)
		assert.Positive(t, a.Duration)
	}
	assert.Equal(t, []int{500, 502, 503, 200}, codes)
	assert.Equal(t, "status 500", ds[0].Attempts[0].Error)
	assert.Empty(t, ds[0].Attempts[3].Error)
	assert.Equal(t, 5*time.Second, ds[0].Attempts[1].At.Sub(ds[0].Attempts[0].At))
	assert.Equal(t, 5*time.Minute, ds[0].Attempts[2].At.Sub(ds[0].Attempts[1].At))
	assert.True(t, start.Equal(ds[0].Attempts[0].At))
}

// TestGivesUp: a receiver that always fails gets eight attempts, spaced by
// the backoff, then the delivery fails.
func TestGivesUp(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t, 500)
	_, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL, "admin")
	require.NoError(t, err)
	e.notify(t, "ref-down")
	clk := newClock()
	w := worker(e, clk, webhook.Options{AllowPrivate: true})
	for i := 0; i < 20; i++ {
		_, err := w.RunOnce(ctx)
		require.NoError(t, err)
		ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
		require.NoError(t, err)
		if ds[0].State != registry.DeliveryPending {
			break
		}
		clk.t = ds[0].NextAt
	}
	ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.DeliveryFailed, ds[0].State)
	require.Len(t, ds[0].Attempts, 8)
	for i := 1; i < 8; i++ {
		assert.Equal(t, registry.WebhookBackoff[i-1], ds[0].Attempts[i].At.Sub(ds[0].Attempts[i-1].At), "before attempt %d", i+1)
	}
	assert.Len(t, rcv.messages(), 8)
}

// TestRotationSignsTwice: during the overlap a message carries the
// signatures of the new and the old secret, and each verifies; afterwards
// only the new one signs.
func TestRotationSignsTwice(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t, 200)
	old, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL, "admin")
	require.NoError(t, err)
	fresh, err := e.hooks.RotateWebhookSecret(ctx, storetest.Regency, ep.ID, "admin")
	require.NoError(t, err)
	r := e.notify(t, "ref-rot")
	clk := newClock()
	w := worker(e, clk, webhook.Options{AllowPrivate: true})
	_, err = w.RunOnce(ctx)
	require.NoError(t, err)
	msgs := rcv.messages()
	require.Len(t, msgs, 1)
	sigs := strings.Fields(msgs[0].signature)
	require.Len(t, sigs, 2)
	assert.True(t, verify(fresh, message{msgs[0].id, msgs[0].timestamp, sigs[0], msgs[0].body}), "the first by the new secret")
	assert.True(t, verify(old, message{msgs[0].id, msgs[0].timestamp, sigs[1], msgs[0].body}), "the second by the old one")
	assert.False(t, verify(old, message{msgs[0].id, msgs[0].timestamp, sigs[0], msgs[0].body}))

	e.Clock.SetDay(storetest.Today.AddDays(2))
	_, err = e.Service.Verify(ctx, storetest.Regency, r.ID, "officer")
	require.NoError(t, err)
	clk.t = storetest.Today.AddDays(2).In(time.UTC).Add(4 * time.Hour)
	_, err = w.RunOnce(ctx)
	require.NoError(t, err)
	msgs = rcv.messages()
	require.Len(t, msgs, 2)
	assert.Len(t, strings.Fields(msgs[1].signature), 1, "after the overlap")
	assert.True(t, verify(fresh, msgs[1]))
	assert.False(t, verify(old, msgs[1]))
}

// TestGoneDisables: 410 fails the delivery and disables the endpoint.
func TestGoneDisables(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t, http.StatusGone)
	_, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL, "admin")
	require.NoError(t, err)
	r := e.notify(t, "ref-gone")
	clk := newClock()
	w := worker(e, clk, webhook.Options{AllowPrivate: true})
	n, err := w.RunOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	got, err := e.hooks.WebhookEndpoint(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	assert.False(t, got.Active())
	ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.Equal(t, registry.DeliveryFailed, ds[0].State)

	_, err = e.Service.Verify(ctx, storetest.Regency, r.ID, "officer")
	require.NoError(t, err)
	clk.Add(time.Hour)
	n, err = w.RunOnce(ctx)
	require.NoError(t, err)
	assert.Zero(t, n)
	assert.Len(t, rcv.messages(), 1, "nothing more is sent")
}

// TestDialRefusesPrivate: outside demo mode the worker does not connect to
// a loopback receiver, even one stored earlier (DNS rebinding); the attempt
// is recorded as failed and retried.
func TestDialRefusesPrivate(t *testing.T) {
	e := newEnv(t)
	rcv := newReceiver(t, 200)
	_, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL, "admin")
	require.NoError(t, err)
	e.notify(t, "ref-private")
	clk := newClock()
	n, err := worker(e, clk, webhook.Options{}).RunOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	assert.Empty(t, rcv.messages(), "no connection to loopback")
	ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	require.Len(t, ds[0].Attempts, 1)
	assert.Contains(t, ds[0].Attempts[0].Error, "refused: loopback address")
	assert.Zero(t, ds[0].Attempts[0].StatusCode)
	assert.Equal(t, registry.DeliveryPending, ds[0].State)

	clk.Add(5 * time.Second)
	n, err = worker(e, clk, webhook.Options{AllowPrivate: true}).RunOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	assert.Len(t, rcv.messages(), 1, "demo mode delivers")
}

// TestNoRedirects: a 3xx is a failed attempt; its target is never called.
func TestNoRedirects(t *testing.T) {
	e := newEnv(t)
	target := newReceiver(t, 200)
	redirect := httptest.NewServer(http.RedirectHandler(target.URL, http.StatusTemporaryRedirect))
	t.Cleanup(redirect.Close)
	_, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", redirect.URL, "admin")
	require.NoError(t, err)
	e.notify(t, "ref-redirect")
	_, err = worker(e, newClock(), webhook.Options{AllowPrivate: true}).RunOnce(ctx)
	require.NoError(t, err)
	assert.Empty(t, target.messages())
	ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	assert.Equal(t, http.StatusTemporaryRedirect, ds[0].Attempts[0].StatusCode)
	assert.Equal(t, registry.DeliveryPending, ds[0].State)
}

// TestTimeout: a receiver slower than Options.Timeout is a failed attempt.
func TestTimeout(t *testing.T) {
	e := newEnv(t)
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(release); slow.Close() })
	_, ep, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", slow.URL, "admin")
	require.NoError(t, err)
	e.notify(t, "ref-slow")
	_, err = worker(e, newClock(), webhook.Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}).RunOnce(ctx)
	require.NoError(t, err)
	ds, err := e.hooks.WebhookDeliveries(ctx, storetest.Regency, ep.ID)
	require.NoError(t, err)
	assert.Contains(t, ds[0].Attempts[0].Error, "Timeout")
	assert.Equal(t, registry.DeliveryPending, ds[0].State)
}

const childEnv = "ADMINDUK_WEBHOOK_CRASH_DB"

// TestCrashChild is the child of TestCrashBeforeDelivery: it commits a
// birth report (and so its event) in the store at $ADMINDUK_WEBHOOK_CRASH_DB,
// says so, and waits to be killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("the child of TestCrashBeforeDelivery; runs only when " + childEnv + " is set")
	}
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	e := storetest.NewEnvOn(t, st)
	r, _, err := e.Service.NotifyBirth(ctx, partner, storetest.Birth("ref-crash", storetest.Today.AddDays(-1), "P"))
	require.NoError(t, err)
	fmt.Printf("\ncommitted %s\n", r.ID)
	_ = os.Stdout.Sync()
	time.Sleep(time.Minute) // killed before this ends
	t.Fatal("not killed")
}

// TestCrashBeforeDelivery: a process commits a registration and is killed
// (SIGKILL) before any delivery; a worker on the reopened store delivers the
// event exactly once.
func TestCrashBeforeDelivery(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	e := storetest.NewEnvOn(t, st)
	rcv := newReceiver(t, 200)
	secret, _, err := storetest.HookService(t, e, registry.WebhookConfig{AllowPrivate: true}).
		AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL, "admin")
	require.NoError(t, err)
	require.NoError(t, st.Close())

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	reportID := ""
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
			reportID = id
			break
		}
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err = cmd.Wait()
	require.Error(t, err, "the child was killed")
	require.NotEmpty(t, reportID, "the child committed a report")
	assert.Empty(t, rcv.messages(), "nothing delivered before the crash")

	st2 := openStore(t, path)
	rep, err := st2.Report(ctx, storetest.Regency, reportID)
	require.NoError(t, err)
	assert.Equal(t, "ref-crash", rep.ExternalRef)
	clk := newClock()
	w := webhook.NewWorker(st2, webhook.Options{AllowPrivate: true, Now: clk.Now})
	for range 3 {
		_, err := w.RunOnce(ctx)
		require.NoError(t, err)
		clk.Add(time.Hour)
	}
	msgs := rcv.messages()
	require.Len(t, msgs, 1, "delivered exactly once")
	assert.Equal(t, registry.ReportEventID(storetest.Regency, reportID, 1), msgs[0].id)
	assert.True(t, verify(secret, msgs[0]))
}

// TestRun: Run delivers what becomes due while it runs and returns when its
// context ends.
func TestRun(t *testing.T) {
	e := newEnv(t)
	got := make(chan string, 4)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Get("webhook-id")
	}))
	t.Cleanup(rcv.Close)
	_, _, err := e.hooks.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", rcv.URL, "admin")
	require.NoError(t, err)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	w := worker(e, newClock(), webhook.Options{AllowPrivate: true, Poll: 5 * time.Millisecond})
	go func() { done <- w.Run(runCtx) }()
	r := e.notify(t, "ref-run")
	select {
	case id := <-got:
		assert.Equal(t, registry.ReportEventID(storetest.Regency, r.ID, 1), id)
	case <-time.After(10 * time.Second):
		t.Fatal("Run delivered nothing")
	}
	cancel()
	select {
	case err := <-done:
		require.ErrorIs(t, err, context.Canceled)
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
	}
	assert.Empty(t, got, "delivered once")
}
