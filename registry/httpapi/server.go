package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// Config configures a [Server].
type Config struct {
	Service *registry.Service
	// Logger receives one line per request (method, route, status,
	// duration, credential ID; never a body) and the errors behind 5xx
	// answers, with NIKs masked (the handler is wrapped in
	// [MaskingHandler]). nil discards.
	Logger *slog.Logger
	// Now is the clock of rate limits and credential checks; nil: time.Now.
	Now func() time.Time
	// Demo marks a demonstration or test server: a 500 answer then carries
	// the error (NIKs masked) in its detail.
	Demo bool
	// MaxBodyBytes limits a JSON body; 0 means 1 MiB. Larger is 413.
	MaxBodyBytes int64
	// MaxAttachmentBytes limits an attachment; 0 means
	// registry.MaxAttachmentSize (10 MiB).
	MaxAttachmentBytes int64
	// RateLimit is the sustained requests per second allowed to one
	// credential (or to one client address on the public endpoints); 0
	// means 50. RateBurst is the bucket size; 0 means twice RateLimit.
	// Beyond it a request is 429 with Retry-After. The limit is kept per
	// process: several servers each allow it.
	RateLimit float64
	RateBurst int
	// AdminRole is the officer role that may manage agreements and API
	// keys; "" means "admin".
	AdminRole string
	// UI serves every path outside the API (/api/, /openapi.json,
	// /.well-known/, /healthz, /metrics): the web UI. nil answers 404.
	UI http.Handler
}

// Server is the HTTP API of a registry: an http.Handler.
type Server struct {
	svc     *registry.Service
	log     *slog.Logger
	now     func() time.Time
	demo    bool
	maxBody int64
	maxAtt  int64
	admin   string
	ui      http.Handler
	mux     *http.ServeMux
	limits  *limiter
	metrics *metrics
}

// New returns the server of cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Service == nil {
		return nil, errors.New("httpapi: config has no service")
	}
	s := &Server{svc: cfg.Service, now: cfg.Now, demo: cfg.Demo, maxBody: cfg.MaxBodyBytes, maxAtt: cfg.MaxAttachmentBytes,
		admin: cfg.AdminRole, ui: cfg.UI, mux: http.NewServeMux()}
	if s.now == nil {
		s.now = time.Now
	}
	if cfg.Logger == nil {
		s.log = slog.New(slog.DiscardHandler)
	} else {
		s.log = slog.New(MaskingHandler(cfg.Logger.Handler()))
	}
	if s.maxBody <= 0 {
		s.maxBody = 1 << 20
	}
	if s.maxAtt <= 0 {
		s.maxAtt = registry.MaxAttachmentSize
	}
	if s.admin == "" {
		s.admin = "admin"
	}
	rate, burst := cfg.RateLimit, cfg.RateBurst
	if rate <= 0 {
		rate = 50
	}
	if burst <= 0 {
		burst = int(2 * rate)
	}
	s.limits = newLimiter(rate, burst, s.now)
	m, err := newMetrics(s.svc)
	if err != nil {
		return nil, err
	}
	s.metrics = m
	s.routes()
	return s, nil
}

// isAPIPath reports whether path belongs to the API rather than the UI.
func isAPIPath(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/api" || path == "/openapi.json" ||
		strings.HasPrefix(path, "/.well-known/") || path == "/healthz" || path == "/metrics"
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	route := "ui"
	switch {
	case !isAPIPath(r.URL.Path) && s.ui != nil:
		s.ui.ServeHTTP(rec, r)
	default:
		route = s.serveAPI(rec, r)
	}
	d := time.Since(start)
	s.metrics.observe(r.Method, route, rec.status, d)
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", slog.String("method", r.Method), slog.String("route", route),
		slog.Int("status", rec.status), slog.Duration("duration", d), slog.String("credential", rec.credential))
}

// serveAPI routes r and returns its route pattern ("unmatched" when none).
func (s *Server) serveAPI(w *recorder, r *http.Request) string {
	h, pattern := s.mux.Handler(r)
	if pattern == "" {
		// Not found, or another method: ask the mux which, answer a problem.
		probe := &probeWriter{header: http.Header{}}
		h.ServeHTTP(probe, r)
		l := lang(r)
		if probe.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", probe.header.Get("Allow"))
			writeProblem(w, newProblem(l, http.StatusMethodNotAllowed, "method-not-allowed", "metode tidak diizinkan",
				"method not allowed", r.Method+" "+r.URL.Path))
		} else {
			writeProblem(w, newProblem(l, http.StatusNotFound, "not-found", "tidak ditemukan", "not found", r.URL.Path))
		}
		return "unmatched"
	}
	s.mux.ServeHTTP(w, r)
	return pattern
}

// recorder keeps the status of a response and the credential that made it.
type recorder struct {
	http.ResponseWriter
	status     int
	credential string
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// probeWriter records what the mux's fallback handler answers.
type probeWriter struct {
	header http.Header
	status int
}

func (p *probeWriter) Header() http.Header { return p.header }
func (p *probeWriter) WriteHeader(code int) {
	if p.status == 0 {
		p.status = code
	}
}
func (p *probeWriter) Write(b []byte) (int, error) {
	p.WriteHeader(http.StatusOK)
	return len(b), nil
}

// access says who may call an operation.
type access int

const (
	public  access = iota // anyone; rate-limited by client address
	partner               // a partner's API key, its PKS in force
	officer               // an officer's token
	admin                 // an officer's token with the admin role
	anyone                // a partner key or an officer token
)

// call is one authenticated request as a handler sees it.
type call struct {
	P    registry.Principal
	Lang adminduk.Lang
	Body []byte
	Key  string // Idempotency-Key
}

// result is what a handler answers: a status and a value marshalled as
// JSON (or raw bytes with their content type).
type result struct {
	Status      int
	Value       any
	Raw         []byte
	ContentType string
}

type handlerFunc func(r *http.Request, c *call) (result, error)

// op describes how an operation is served.
type op struct {
	access     access
	idempotent bool  // requires Idempotency-Key, replays the first response
	maxBody    int64 // 0: the server's JSON limit
}

func (s *Server) handle(pattern string, o op, fn handlerFunc) {
	s.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serve(w, r, o, fn)
	}))
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, o op, fn handlerFunc) {
	c := &call{Lang: lang(r)}
	fail := func(err error) {
		p := problemOf(c.Lang, err, s.demo)
		if p.Status >= 500 {
			s.log.LogAttrs(r.Context(), slog.LevelError, "request failed", slog.String("method", r.Method),
				slog.String("path", r.URL.Path), slog.Any("error", err))
		}
		writeProblem(w, p)
	}
	if err := s.authenticate(w, r, o.access, c); err != nil {
		fail(err)
		return
	}
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		limit := o.maxBody
		if limit == 0 {
			limit = s.maxBody
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			fail(err)
			return
		}
		c.Body = body
	}
	var caller string
	if o.idempotent {
		c.Key = r.Header.Get("Idempotency-Key")
		if c.Key == "" || len(c.Key) > 255 {
			fail(newProblem(c.Lang, http.StatusBadRequest, "idempotency-key", "header Idempotency-Key wajib (1-255 karakter)",
				"the Idempotency-Key header is required (1-255 characters)", ""))
			return
		}
		caller = callerOf(c.P)
		h := sha256.New()
		io.WriteString(h, r.Method+" "+r.URL.RequestURI()+"\n"+r.Header.Get("Content-Type")+"\n")
		h.Write(c.Body)
		hash := hex.EncodeToString(h.Sum(nil))
		begun, prev, resp, err := s.svc.BeginRequest(r.Context(), c.P.Office, caller, c.Key, hash)
		if err != nil {
			fail(err)
			return
		}
		if !begun {
			switch {
			case prev != hash:
				fail(newProblem(c.Lang, http.StatusUnprocessableEntity, "idempotency-key-reused",
					"Idempotency-Key sudah dipakai untuk permintaan lain", "Idempotency-Key already used for another request", ""))
			case resp == nil:
				fail(newProblem(c.Lang, http.StatusConflict, "idempotency-in-flight",
					"permintaan dengan Idempotency-Key ini masih diproses", "a request with this Idempotency-Key is still being processed", ""))
			default:
				w.Header().Set("Idempotent-Replayed", "true")
				writeJSON(w, resp.Status, resp.ContentType, resp.Body)
			}
			return
		}
	}
	res, err := fn(r, c)
	var status int
	var ct string
	var body []byte
	if err != nil {
		p := problemOf(c.Lang, err, s.demo)
		if p.Status >= 500 {
			s.log.LogAttrs(r.Context(), slog.LevelError, "request failed", slog.String("method", r.Method),
				slog.String("path", r.URL.Path), slog.Any("error", err))
		}
		status, ct, body = p.Status, "application/problem+json", marshal(p)
	} else {
		status, ct, body = res.Status, res.ContentType, res.Raw
		if res.Raw == nil {
			ct, body = "application/json", marshal(res.Value)
		}
	}
	if o.idempotent {
		// A new context: the response is recorded even when the client left.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 5*time.Second)
		err := s.svc.FinishRequest(ctx, c.P.Office, caller, c.Key, status, ct, body)
		cancel()
		if err != nil {
			s.log.LogAttrs(r.Context(), slog.LevelError, "idempotency: response not recorded", slog.Any("error", err))
		}
	}
	writeJSON(w, status, ct, body)
}

func callerOf(p registry.Principal) string {
	if p.IsOfficer() {
		return "officer:" + p.Username
	}
	return "partner:" + p.PartnerID
}

// authenticate checks the credential that access asks for, the rate limit,
// and for a partner its agreement.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, a access, c *call) error {
	if a == public {
		return s.limit(w, c, "addr:"+clientAddr(r))
	}
	auth := r.Header.Get("Authorization")
	scheme, secret, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || secret == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="adminduk"`)
		return newProblem(c.Lang, http.StatusUnauthorized, "unauthenticated", "kredensial diperlukan",
			"credentials required", "Authorization: Bearer <API key or token>")
	}
	p, err := s.svc.Authenticate(r.Context(), strings.TrimSpace(secret))
	if err != nil {
		if errors.Is(err, registry.ErrUnauthenticated) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="adminduk", error="invalid_token"`)
		}
		return err
	}
	c.P = p
	if rec, ok := w.(*recorder); ok {
		rec.credential = p.CredentialID
	}
	if err := s.limit(w, c, "cred:"+p.CredentialID); err != nil {
		return err
	}
	switch a {
	case partner:
		if !p.IsPartner() {
			return newProblem(c.Lang, http.StatusForbidden, "forbidden", "hanya untuk kunci API mitra", "for partner API keys only", "")
		}
	case officer, admin:
		if !p.IsOfficer() {
			return newProblem(c.Lang, http.StatusForbidden, "forbidden", "hanya untuk petugas", "for officers only", "")
		}
		if a == admin && p.Role != s.admin {
			return newProblem(c.Lang, http.StatusForbidden, "forbidden", "hanya untuk peran "+s.admin, "for the "+s.admin+" role only", "")
		}
	}
	if p.IsPartner() {
		return s.svc.CheckPartner(r.Context(), p.PartnerID)
	}
	return nil
}

func (s *Server) limit(w http.ResponseWriter, c *call, key string) error {
	if wait, ok := s.limits.allow(key); !ok {
		secs := int(wait/time.Second) + 1
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		return newProblem(c.Lang, http.StatusTooManyRequests, "rate-limited", "terlalu banyak permintaan", "too many requests",
			"retry after "+strconv.Itoa(secs)+" s")
	}
	return nil
}

func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// decodeJSON reads a small request body strictly: unknown fields and
// trailing data are errors (400 with a pointer when known).
func decodeJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	return registry.DecodeJSON(bytes.NewReader(body), v)
}
