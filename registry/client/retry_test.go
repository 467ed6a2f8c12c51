package client_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/client"
)

// script is a server that answers the attempts of one call in turn, and
// records what each attempt carried. It checks the client's retry rules,
// not the registry (the live tests do that).
type script struct {
	mu       sync.Mutex
	answers  []func(w http.ResponseWriter)
	keys     []string
	auth     []string
	attempts int
}

func (s *script) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	i := s.attempts
	s.attempts++
	s.keys = append(s.keys, r.Header.Get("Idempotency-Key"))
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	s.mu.Unlock()
	s.answers[min(i, len(s.answers)-1)](w)
}

func status(code int, retryAfter, body string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		if body != "" {
			w.Header().Set("Content-Type", "application/problem+json")
		}
		w.WriteHeader(code)
		_, _ = w.Write([]byte(body))
	}
}

var created = func(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_, _ = w.Write([]byte(`{"id": "r-1", "status": "notified", "flags": ["late", "incomplete"]}`))
}

// hangUp closes the connection without an answer: a network error.
func hangUp(w http.ResponseWriter) {
	c, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		_ = c.Close()
	}
}

func scripted(t *testing.T, answers ...func(w http.ResponseWriter)) (*script, *client.Client, *[]time.Duration) {
	s := &script{answers: answers}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	var waits []time.Duration
	c, err := client.New(client.Config{BaseURL: srv.URL, Token: "adk_test", MaxRetries: 3,
		MinBackoff: 100 * time.Millisecond, MaxBackoff: 2 * time.Second,
		Sleep: func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return ctx.Err() }})
	require.NoError(t, err)
	return s, c, &waits
}

func birth() *registry.BirthReport { return &registry.BirthReport{ExternalRef: "x"} }

func TestRetrySameKey(t *testing.T) {
	// Go's transport itself resends a request carrying an Idempotency-Key
	// once when a reused connection fails; the second hang-up, on a fresh
	// connection, reaches the client.
	s, c, waits := scripted(t, status(503, "", ""), hangUp, hangUp, status(429, "1", `{"type":"urn:adminduk:problem:rate-limited","title":"too many requests","status":429}`), created)
	got, err := c.CreateBirthReport(context.Background(), birth())
	require.NoError(t, err)
	assert.Equal(t, "r-1", got.ID)
	assert.Equal(t, registry.StatusNotified, got.Status)
	assert.True(t, got.Flags.Has(registry.FlagLate|registry.FlagIncomplete))
	require.Equal(t, 5, s.attempts)
	assert.NotEmpty(t, s.keys[0])
	for _, k := range s.keys {
		assert.Equal(t, s.keys[0], k, "one key for every attempt")
	}
	assert.Equal(t, "Bearer adk_test", s.auth[0])
	require.Len(t, *waits, 3)
	assert.Equal(t, time.Second, (*waits)[2], "Retry-After honoured")
	for i, d := range (*waits)[:2] {
		base := 100 * time.Millisecond << i
		assert.True(t, d >= base/2 && d <= base, "backoff %d: %s within [%s, %s]", i, d, base/2, base)
	}
}

func TestRetryGivenKey(t *testing.T) {
	s, c, _ := scripted(t, status(503, "", ""), created)
	var replayed bool
	_, err := c.CreateBirthReport(context.Background(), birth(), client.IdempotencyKey("faskes-key-7"), client.Replayed(&replayed))
	require.NoError(t, err)
	assert.Equal(t, []string{"faskes-key-7", "faskes-key-7"}, s.keys)
	assert.False(t, replayed)
}

func TestRetryBounded(t *testing.T) {
	s, c, waits := scripted(t, status(503, "", ""))
	_, err := c.CreateBirthReport(context.Background(), birth())
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 503, e.Status)
	assert.ErrorIs(t, err, client.ErrServer)
	assert.Equal(t, 4, s.attempts, "first attempt and 3 retries")
	assert.Len(t, *waits, 3)
	for _, d := range *waits {
		assert.LessOrEqual(t, d, 2*time.Second)
	}
}

func TestRetryAfterTooLong(t *testing.T) {
	s, c, waits := scripted(t, status(429, "30", `{"type":"urn:adminduk:problem:rate-limited","title":"too many requests","status":429}`), created)
	_, err := c.CreateBirthReport(context.Background(), birth())
	require.ErrorIs(t, err, client.ErrRateLimited)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 30*time.Second, e.RetryAfter)
	assert.Equal(t, 1, s.attempts)
	assert.Empty(t, *waits)
}

func TestNoRetryOnAnswers(t *testing.T) {
	tests := []struct {
		name  string
		code  int
		body  string
		is    []error
		isNot []error
	}{
		{"validation", 422, `{"type":"urn:adminduk:problem:validation","title":"invalid data","status":422,
			"errors":[{"pointer":"/child/sex","code":"required","message":"is required"}]}`,
			[]error{adminduk.ErrInvalid}, []error{registry.ErrConflict}},
		{"not found", 404, `{"type":"urn:adminduk:problem:not-found","title":"not found","status":404}`,
			[]error{registry.ErrNotFound, adminduk.ErrNotFound}, []error{adminduk.ErrInvalid}},
		{"lapsed PKS", 403, `{"type":"urn:adminduk:problem:forbidden","title":"partner not permitted","status":403,"reason":"agreement expired"}`,
			[]error{registry.ErrForbidden}, nil},
		{"no key", 401, `{"type":"urn:adminduk:problem:unauthenticated","title":"invalid credentials","status":401}`,
			[]error{client.ErrUnauthenticated, adminduk.ErrForbidden}, []error{registry.ErrNotFound}},
		{"step not allowed", 409, `{"type":"urn:adminduk:problem:invalid-transition","title":"step not allowed in this state","status":409}`,
			[]error{registry.ErrInvalidTransition}, []error{registry.ErrConflict}},
		{"external_ref reused", 409, `{"type":"urn:adminduk:problem:conflict","title":"conflict","status":409}`,
			[]error{registry.ErrConflict}, []error{registry.ErrInvalidTransition}},
		{"key reused with another body", 422, `{"type":"urn:adminduk:problem:idempotency-key-reused","title":"x","status":422}`,
			[]error{registry.ErrConflict}, nil},
		{"malformed", 400, `{"type":"urn:adminduk:problem:malformed","title":"malformed JSON","status":400}`,
			[]error{adminduk.ErrSyntax}, nil},
		{"too large", 413, `{"type":"urn:adminduk:problem:too-large","title":"request body too large","status":413}`,
			[]error{client.ErrTooLarge}, nil},
		{"a proxy's page", 502, `<html>bad gateway</html>`, []error{client.ErrServer}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c, _ := scripted(t, status(tt.code, "", tt.body), created)
			_, err := c.CreateBirthReport(context.Background(), birth())
			var e *client.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.code, e.Status)
			assert.NotEmpty(t, e.Title)
			assert.Equal(t, 1, s.attempts)
			for _, want := range tt.is {
				assert.ErrorIs(t, err, want)
			}
			for _, not := range tt.isNot {
				assert.NotErrorIs(t, err, not)
			}
		})
	}
}

func TestProblemFields(t *testing.T) {
	_, c, _ := scripted(t, status(422, "", `{"type":"urn:adminduk:problem:validation","title":"invalid data","status":422,
		"errors":[{"pointer":"/entry/3/resource/valueQuantity/unit","code":"invalid","message":"unknown unit"}]}`))
	_, err := c.CreateBirthBundle(context.Background(), []byte(`{}`))
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "validation", e.Slug())
	assert.Equal(t, []client.FieldError{{Pointer: "/entry/3/resource/valueQuantity/unit", Code: "invalid", Message: "unknown unit"}}, e.Fields)
}

func TestRetryStopsWithContext(t *testing.T) {
	s := &script{answers: []func(http.ResponseWriter){status(503, "", "")}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	c, err := client.New(client.Config{BaseURL: srv.URL, MinBackoff: time.Hour, MaxBackoff: time.Hour,
		Sleep: func(ctx context.Context, d time.Duration) error { cancel(); <-ctx.Done(); return ctx.Err() }})
	require.NoError(t, err)
	_, err = c.CreateBirthReport(ctx, birth())
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, s.attempts)
}

func TestNewRefusesBadURL(t *testing.T) {
	for _, u := range []string{"", "ftp://x", "localhost:8080", "http://"} {
		_, err := client.New(client.Config{BaseURL: u})
		assert.Error(t, err, u)
	}
}
