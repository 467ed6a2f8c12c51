package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// ProblemTypeBase starts the type URI of every problem the registry
// answers: "urn:adminduk:problem:validation" ...
const ProblemTypeBase = "urn:adminduk:problem:"

// Sentinels of the answers that have no registry sentinel.
var (
	// ErrUnauthenticated: no credential, or one the registry does not
	// accept (unknown, revoked) — 401.
	ErrUnauthenticated = adminduk.Sentinel("client: unauthenticated", adminduk.ErrForbidden)
	// ErrTooLarge: the request body is over the server's limit — 413.
	ErrTooLarge = adminduk.Sentinel("client: request too large", adminduk.ErrInvalid)
	// ErrRateLimited: too many requests, still after the retries — 429.
	ErrRateLimited = adminduk.Sentinel("client: rate limited", adminduk.ErrConflict)
	// ErrServer: the server failed (5xx).
	ErrServer = adminduk.Sentinel("client: server error", nil)
)

// FieldError is one invalid field of a problem: a JSON pointer into the
// request body (or the FHIR bundle), a stable code ("required", "invalid"
// ...) and a message in the language asked for.
type FieldError struct {
	Pointer string `json:"pointer"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error is an answer of the registry outside 2xx: its RFC 9457 problem
// (type, title, detail, the partner's refusal reason, the invalid fields)
// and HTTP status. errors.Is matches the registry's sentinels:
// [registry.ErrNotFound] (404), [registry.ErrForbidden] (403, and 401 as
// [ErrUnauthenticated]), [registry.ErrConflict] (409, 422 idempotency key
// reused), [registry.ErrInvalidTransition] (409 for a step the workflow does
// not allow), [adminduk.ErrInvalid] (400, 413, 415, 422) and
// [adminduk.ErrSyntax] (400 malformed).
type Error struct {
	Status     int
	Type       string // "urn:adminduk:problem:validation" ...
	Title      string
	Detail     string
	Reason     string // why a partner is refused: "agreement expired" ...
	Fields     []FieldError
	RetryAfter time.Duration // from a 429 or 503
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "client: %d %s", e.Status, e.Title)
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	for i, f := range e.Fields {
		if i == 0 {
			b.WriteString(" (")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Pointer + ": " + f.Message)
		if i == len(e.Fields)-1 {
			b.WriteString(")")
		}
	}
	return b.String()
}

// Slug returns the type without [ProblemTypeBase]: "validation",
// "not-found", "invalid-transition" ...
func (e *Error) Slug() string { return strings.TrimPrefix(e.Type, ProblemTypeBase) }

// Unwrap returns the sentinel of the answer.
func (e *Error) Unwrap() error {
	switch e.Slug() {
	case "invalid-transition":
		return registry.ErrInvalidTransition
	case "idempotency-in-flight", "conflict", "idempotency-key-reused":
		return registry.ErrConflict
	case "malformed":
		return adminduk.ErrSyntax
	}
	switch {
	case e.Status == http.StatusUnauthorized:
		return ErrUnauthenticated
	case e.Status == http.StatusForbidden:
		return registry.ErrForbidden
	case e.Status == http.StatusNotFound:
		return registry.ErrNotFound
	case e.Status == http.StatusConflict:
		return registry.ErrConflict
	case e.Status == http.StatusRequestEntityTooLarge:
		return ErrTooLarge
	case e.Status == http.StatusTooManyRequests:
		return ErrRateLimited
	case e.Status == http.StatusBadRequest, e.Status == http.StatusUnsupportedMediaType,
		e.Status == http.StatusUnprocessableEntity:
		return adminduk.ErrInvalid
	case e.Status >= 500:
		return ErrServer
	}
	return nil
}

// temporary reports whether the same request may succeed later: 429, 503,
// or the same idempotency key still in flight.
func (e *Error) temporary() bool {
	return e.Status == http.StatusTooManyRequests || e.Status == http.StatusServiceUnavailable ||
		e.Slug() == "idempotency-in-flight"
}

// problem reads an error answer; a body that is not a problem (a proxy's
// page) gives the status text as title.
func problem(resp *http.Response, body []byte) *Error {
	var p struct {
		Type   string       `json:"type"`
		Title  string       `json:"title"`
		Status int          `json:"status"`
		Detail string       `json:"detail"`
		Reason string       `json:"reason"`
		Errors []FieldError `json:"errors"`
	}
	e := &Error{Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	if json.Unmarshal(body, &p) == nil && p.Title != "" {
		e.Type, e.Title, e.Detail, e.Reason, e.Fields = p.Type, p.Title, p.Detail, p.Reason, p.Errors
	} else {
		e.Title = strings.ToLower(http.StatusText(resp.StatusCode))
	}
	return e
}
