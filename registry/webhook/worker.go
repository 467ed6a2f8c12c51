package webhook

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/adminduk-id/adminduk/registry"
)

// Options configure a [Worker].
type Options struct {
	// Now is the clock (attempt times, retry times, the webhook-timestamp
	// header); nil means time.Now.
	Now func() time.Time
	// Owner names the worker in leases and attempts; "" means "worker-" and
	// 8 random bytes in hex. Two running workers must have distinct owners.
	Owner string
	// Lease is how long a claimed delivery belongs to the worker; if the
	// worker dies, the delivery is due again after it. 0 means 2 min. It
	// must be longer than Timeout.
	Lease time.Duration
	// Batch is the most deliveries claimed at once; 0 means 16.
	Batch int
	// Parallel is the most requests in flight; 0 means 4.
	Parallel int
	// Timeout bounds one request; 0 means 10 s.
	Timeout time.Duration
	// Poll is how long Run waits when nothing is due; 0 means 1 s.
	Poll time.Duration
	// AllowPrivate lets the worker dial private and loopback addresses:
	// demo and test mode only.
	AllowPrivate bool
	// Client sends the requests; nil means NewClient(AllowPrivate, Timeout).
	Client *http.Client
	// Logger receives one line per attempt (event and endpoint IDs, status;
	// never the payload); nil discards.
	Logger *slog.Logger
	// OnAttempt, when set, is called after each attempt is recorded, with
	// its outcome and whether recording it failed: the hook of metrics
	// (package httpapi counts deliveries by outcome with it). It is called
	// from several goroutines at once and must not block.
	OnAttempt func(r registry.WebhookResult, recordErr error)
}

// Worker delivers the webhook outbox of a store. Any number of workers, in
// any number of processes, may drain one store: each delivery is leased to
// one worker at a time by [registry.WebhookStore.ClaimWebhookDeliveries].
type Worker struct {
	store  registry.WebhookStore
	o      Options
	client *http.Client
}

// NewWorker returns a worker over st.
func NewWorker(st registry.WebhookStore, o Options) *Worker {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Owner == "" {
		var b [8]byte
		_, _ = rand.Read(b[:]) // never fails (crypto/rand)
		o.Owner = "worker-" + hex.EncodeToString(b[:])
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Lease <= 0 {
		o.Lease = 2 * time.Minute
	}
	o.Lease = max(o.Lease, 2*o.Timeout)
	if o.Batch <= 0 {
		o.Batch = 16
	}
	if o.Parallel <= 0 {
		o.Parallel = 4
	}
	if o.Poll <= 0 {
		o.Poll = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	c := o.Client
	if c == nil {
		c = NewClient(o.AllowPrivate, o.Timeout)
	}
	return &Worker{store: st, o: o, client: c}
}

// Owner returns the name the worker leases deliveries under.
func (w *Worker) Owner() string { return w.o.Owner }

// RunOnce claims the deliveries due now (at most Options.Batch), attempts
// each and records the outcomes. It returns how many it attempted.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	claims, err := w.store.ClaimWebhookDeliveries(ctx, w.o.Owner, w.o.Now(), w.o.Lease, w.o.Batch)
	if err != nil {
		return 0, err
	}
	sem := make(chan struct{}, w.o.Parallel)
	errs := make([]error, len(claims))
	var wg sync.WaitGroup
	for i := range claims {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			c := &claims[i]
			r := w.attempt(ctx, c)
			errs[i] = w.store.FinishWebhookAttempt(ctx, c, r)
			if w.o.OnAttempt != nil {
				w.o.OnAttempt(r, errs[i])
			}
			w.o.Logger.LogAttrs(ctx, slog.LevelInfo, "webhook attempt",
				slog.String("event", c.Event.ID), slog.String("type", string(c.Event.Type)),
				slog.String("endpoint", c.EndpointID), slog.Int("attempt", c.Attempt),
				slog.Int("status", r.Attempt.StatusCode), slog.String("error", r.Attempt.Error),
				slog.String("state", r.State.String()), slog.Duration("duration", r.Attempt.Duration))
		})
	}
	wg.Wait()
	return len(claims), errors.Join(errs...)
}

// Run drains the outbox until ctx is done, polling every Options.Poll when
// nothing is due. Errors of the store are logged and retried after Poll.
func (w *Worker) Run(ctx context.Context) error {
	for {
		n, err := w.RunOnce(ctx)
		if err != nil {
			w.o.Logger.LogAttrs(ctx, slog.LevelError, "webhook worker", slog.String("error", err.Error()))
		}
		if n < w.o.Batch || err != nil {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(w.o.Poll):
			}
		} else if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// maxError bounds the error text kept with an attempt.
const maxError = 300

// attempt POSTs the event of c and returns the outcome: delivered on a 2xx,
// failed and the endpoint disabled on 410 Gone, otherwise pending until the
// next retry of [registry.WebhookBackoff], or failed after the last.
func (w *Worker) attempt(ctx context.Context, c *registry.WebhookClaim) registry.WebhookResult {
	now := w.o.Now()
	r := registry.WebhookResult{Attempt: registry.WebhookAttempt{N: c.Attempt, At: now, Worker: w.o.Owner}}
	start := time.Now()
	code, err := w.post(ctx, c, now)
	r.Attempt.Duration, r.Attempt.StatusCode = time.Since(start), code
	if err != nil {
		msg := err.Error()
		if len(msg) > maxError {
			msg = msg[:maxError]
		}
		r.Attempt.Error = msg
	}
	switch {
	case err == nil && code >= 200 && code < 300:
		r.State = registry.DeliveryDelivered
	case code == http.StatusGone:
		r.State, r.Disable = registry.DeliveryFailed, true
	default:
		if r.Attempt.Error == "" {
			r.Attempt.Error = "status " + strconv.Itoa(code)
		}
		if next, ok := registry.WebhookRetryAt(c.Attempt, now); ok {
			r.State, r.NextAt = registry.DeliveryPending, next
		} else {
			r.State = registry.DeliveryFailed
		}
	}
	return r
}

func (w *Worker) post(ctx context.Context, c *registry.WebhookClaim, now time.Time) (int, error) {
	body, err := c.Event.Payload()
	if err != nil {
		return 0, err
	}
	sig, err := SignatureHeader(c.Secrets, c.Event.ID, now, body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("webhook: request: %w", err)
	}
	h := req.Header
	h.Set("Content-Type", "application/json")
	h.Set("User-Agent", "adminduk-webhooks/1")
	h.Set("webhook-id", c.Event.ID)
	h.Set("webhook-timestamp", strconv.FormatInt(now.Unix(), 10))
	h.Set("webhook-signature", sig)
	resp, err := w.client.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}
