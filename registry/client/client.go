package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config configures a [Client].
type Config struct {
	// BaseURL is the registry's address, "https://dukcapil.example.go.id".
	BaseURL string
	// Token is the bearer credential: a partner's API key ("adk_...") or an
	// officer's token. Empty calls only the public operations.
	Token string
	// HTTPClient sends the requests; nil means a client with a 30 s timeout.
	HTTPClient *http.Client
	// MaxRetries bounds the retries of one call after its first attempt
	// (0: 4; negative: none).
	MaxRetries int
	// MinBackoff and MaxBackoff bound the wait between attempts, which
	// doubles from MinBackoff (0: 200 ms) up to MaxBackoff (0: 10 s), with
	// jitter. A Retry-After longer than MaxBackoff ends the retries.
	MinBackoff, MaxBackoff time.Duration
	// Language is sent as Accept-Language: "id" (the server's default) or
	// "en" for English problem messages.
	Language string
	// UserAgent is sent as User-Agent; "" means "adminduk-client".
	UserAgent string
	// NewKey returns an Idempotency-Key for a POST that was given none;
	// nil means 16 random bytes in hex.
	NewKey func() string
	// Sleep waits between attempts; nil means a timer that stops with ctx.
	// Tests inject one.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client calls the registry's HTTP API. It is safe for concurrent use.
type Client struct {
	base *url.URL
	cfg  Config
	hc   *http.Client
}

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("client: base URL %q is not an http(s) URL", cfg.BaseURL)
	}
	c := &Client{base: u, cfg: cfg, hc: cfg.HTTPClient}
	if c.hc == nil {
		c.hc = &http.Client{Timeout: 30 * time.Second}
	}
	if c.cfg.MaxRetries == 0 {
		c.cfg.MaxRetries = 4
	}
	if c.cfg.MinBackoff <= 0 {
		c.cfg.MinBackoff = 200 * time.Millisecond
	}
	if c.cfg.MaxBackoff <= 0 {
		c.cfg.MaxBackoff = 10 * time.Second
	}
	if c.cfg.UserAgent == "" {
		c.cfg.UserAgent = "adminduk-client"
	}
	if c.cfg.NewKey == nil {
		c.cfg.NewKey = randomKey
	}
	if c.cfg.Sleep == nil {
		c.cfg.Sleep = sleep
	}
	return c, nil
}

// WithToken returns a copy of c that sends another bearer credential (an
// officer token next to a partner key, say).
func (c *Client) WithToken(token string) *Client {
	d := *c
	d.cfg.Token = token
	return &d
}

func randomKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// CallOption changes one call.
type CallOption func(*call)

// IdempotencyKey sets the Idempotency-Key of a POST: give the same key to
// retry, later, a call whose outcome you do not know. Without it a key is
// generated per call and reused by the client's own retries.
func IdempotencyKey(key string) CallOption { return func(c *call) { c.key = key } }

// Replayed sets *b to whether the server answered a POST from its
// idempotency journal (Idempotent-Replayed: true): a retry of a request
// it had already carried out.
func Replayed(b *bool) CallOption { return func(c *call) { c.replayed = b } }

// call is one operation: method, path, query, body and what to do with
// the answer.
type call struct {
	method, path string
	query        url.Values
	body         []byte
	contentType  string
	key          string
	replayed     *bool
	accept       string
	noKey        bool // an operation that changes nothing takes no Idempotency-Key
}

// do runs c, retrying on network errors, 429 and 503 (and a 409 for an
// idempotency key still in flight) with backoff, honouring Retry-After,
// and decodes a 2xx answer into out (nil: discard; *[]byte: raw body).
func (cl *Client) do(ctx context.Context, c *call, out any, opts ...CallOption) error {
	for _, o := range opts {
		o(c)
	}
	if c.method == http.MethodPost && c.key == "" && !c.noKey {
		c.key = cl.cfg.NewKey()
	}
	u := strings.TrimRight(cl.base.String(), "/") + c.path // c.path holds escaped segments
	if len(c.query) > 0 {
		u += "?" + c.query.Encode()
	}
	retries := max(cl.cfg.MaxRetries, 0)
	for attempt := 0; ; attempt++ {
		resp, body, err := cl.once(ctx, c, u)
		var wait time.Duration
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if attempt >= retries {
				return fmt.Errorf("client: %s %s: %w", c.method, c.path, err)
			}
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			if c.replayed != nil {
				*c.replayed = resp.Header.Get("Idempotent-Replayed") == "true"
			}
			return decode(resp, body, out)
		default:
			e := problem(resp, body)
			if !e.temporary() || attempt >= retries {
				return e
			}
			if e.RetryAfter > cl.cfg.MaxBackoff {
				return e
			}
			wait = e.RetryAfter
		}
		if wait == 0 {
			wait = cl.backoff(attempt)
		}
		if err := cl.cfg.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// backoff returns the wait before retry attempt+1: MinBackoff doubled per
// attempt up to MaxBackoff, the upper half of it randomised.
func (cl *Client) backoff(attempt int) time.Duration {
	d := cl.cfg.MinBackoff << min(attempt, 20)
	if d <= 0 || d > cl.cfg.MaxBackoff {
		d = cl.cfg.MaxBackoff
	}
	return d/2 + mrand.N(d/2+1)
}

func (cl *Client) once(ctx context.Context, c *call, u string) (*http.Response, []byte, error) {
	var body io.Reader
	if c.body != nil {
		body = bytes.NewReader(c.body)
	}
	req, err := http.NewRequestWithContext(ctx, c.method, u, body)
	if err != nil {
		return nil, nil, err
	}
	if c.body != nil {
		req.Header.Set("Content-Type", c.contentType)
	}
	if c.key != "" {
		req.Header.Set("Idempotency-Key", c.key)
	}
	if cl.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+cl.cfg.Token)
	}
	if cl.cfg.Language != "" {
		req.Header.Set("Accept-Language", cl.cfg.Language)
	}
	accept := c.accept
	if accept == "" {
		accept = "application/json, application/problem+json"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", cl.cfg.UserAgent)
	resp, err := cl.hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, nil, err
	}
	return resp, b, nil
}

func decode(resp *http.Response, body []byte, out any) error {
	switch v := out.(type) {
	case nil:
		return nil
	case *[]byte:
		*v = body
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("client: %s %s: decode %d answer: %w", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, err)
	}
	return nil
}

// retryAfter parses a Retry-After header: delay seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// postJSON is a POST of v as JSON.
func postJSON(path string, v any) (*call, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("client: encode request: %w", err)
	}
	return &call{method: http.MethodPost, path: path, body: b, contentType: "application/json"}, nil
}

var errNoID = errors.New("client: empty ID")

// seg escapes one path segment; an empty one is an error.
func seg(s string) (string, error) {
	if s == "" {
		return "", errNoID
	}
	return url.PathEscape(s), nil
}
