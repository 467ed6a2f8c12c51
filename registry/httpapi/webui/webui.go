package webui

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/registry"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

const (
	sessionCookie = "adminduk_session"
	langCookie    = "adminduk_lang"
)

// ContentSecurityPolicy is sent with every response: nothing but the
// server's own stylesheet and images, no script; the UI's own PDFs may be
// embedded in its pages, and nothing else may frame a page.
const ContentSecurityPolicy = "default-src 'self'; script-src 'none'; object-src 'self'; frame-src 'self'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; style-src 'self'"

// Config configures the web UI.
type Config struct {
	Service *registry.Service // required
	// Keys are the keys the verification page trusts (the offices' public
	// keys and those of other Dinas whose documents are shown here); empty
	// means the service's own (registry.Service.KeySet).
	Keys credential.KeySet
	// OfficeNames names the offices in page headers, by kab/kota code.
	OfficeNames map[string]string
	// Lang is the default language, "id" (the default) or "en".
	Lang string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger receives errors; nil means slog.Default(). NIKs are never logged.
	Logger *slog.Logger
	// SecureCookies marks the session cookie Secure even on plain HTTP
	// requests (behind a TLS-terminating proxy). It is always Secure over TLS.
	SecureCookies bool
	// SessionTTL is how long a login lasts; 0 means registry.SessionTTL.
	SessionTTL time.Duration
	// Extra, when set, is called to add the actions of other packages to a
	// report page (see [Extension]).
	Extensions []Extension
}

// Extension lets another package add a panel to the report page (the PDF of
// a document, a duplicate candidate side by side) without changing this one.
type Extension interface {
	// ReportPanel returns HTML to show on the report page of r, or "".
	ReportPanel(ctx context.Context, o registry.Officer, r *registry.Report, lang string) template.HTML
}

// UI is the web interface; it is an http.Handler.
type UI struct {
	cfg     Config
	pages   map[string]*template.Template
	mux     *http.ServeMux
	handler http.Handler
	limiter *limiter
	log     *slog.Logger
	charts  chartCache
}

// New returns the web UI of cfg.
func New(cfg Config) (*UI, error) {
	if cfg.Service == nil {
		return nil, errors.New("webui: config has no service")
	}
	if cfg.Lang == "" {
		cfg.Lang = "id"
	}
	if cfg.Lang != "id" && cfg.Lang != "en" {
		return nil, fmt.Errorf("webui: language %q is neither id nor en", cfg.Lang)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if len(cfg.Keys.Keys) == 0 {
		cfg.Keys = cfg.Service.KeySet()
	}
	u := &UI{cfg: cfg, pages: map[string]*template.Template{}, mux: http.NewServeMux(), log: cfg.Logger}
	if u.log == nil {
		u.log = slog.Default()
	}
	u.limiter = newLimiter(5, 15*time.Minute, cfg.Now)
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		base := n[len("templates/") : len(n)-len(".html")]
		if base == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("webui: template %s: %w", n, err)
		}
		u.pages[base] = t
	}
	u.routes()
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, http.StatusForbidden, "forbidden")
	}))
	u.handler = u.headers(cop.Handler(u.session(u.mux)))
	return u, nil
}

// ServeHTTP implements http.Handler.
func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) { u.handler.ServeHTTP(w, r) }

func (u *UI) routes() {
	static, _ := fs.Sub(staticFS, "static")
	u.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	u.mux.HandleFunc("GET /login", u.loginPage)
	u.mux.HandleFunc("POST /login", u.login)
	u.mux.HandleFunc("POST /logout", u.logout)
	u.mux.HandleFunc("GET /verify", u.verifyPage)
	u.mux.HandleFunc("POST /verify", u.verify)
	u.mux.HandleFunc("GET /{$}", u.need(registry.RoleViewer, u.dashboard))
	u.mux.HandleFunc("GET /queue/{kind}", u.need(registry.RoleViewer, u.queue))
	u.mux.HandleFunc("GET /reports/{id}", u.need(registry.RoleViewer, u.reportPage))
	u.mux.HandleFunc("POST /reports/{id}/act", u.need(registry.RoleViewer, u.act))
	u.mux.HandleFunc("GET /reports/{id}/documents/{type}/{number}", u.need(registry.RoleViewer, u.documentPage))
	u.mux.HandleFunc("GET /reports/{id}/documents/{type}/{number}/qr.png", u.need(registry.RoleViewer, u.documentQR))
	u.mux.HandleFunc("GET /reports/{id}/documents/{type}/{number}/document.pdf", u.need(registry.RoleViewer, u.documentPDF))
	u.mux.HandleFunc("GET /reports/{id}/documents/{type}/{number}/document.png", u.need(registry.RoleViewer, u.documentPNG))
	u.mux.HandleFunc("POST /reports/{id}/documents/{type}/{number}/correct", u.need(registry.RoleSupervisor, u.correct))
	u.mux.HandleFunc("POST /reports/{id}/documents/{type}/{number}/revoke", u.need(registry.RoleSupervisor, u.revoke))
	u.mux.HandleFunc("POST /reports/{id}/duplicate", u.need(registry.RoleOfficer, u.decideDuplicate))
	u.mux.HandleFunc("GET /coverage.png", u.need(registry.RoleViewer, u.coverageChart))
	u.mux.HandleFunc("GET /partners", u.need(registry.RoleViewer, u.partnersPage))
	u.mux.HandleFunc("POST /partners", u.need(registry.RoleSupervisor, u.createPartner))
	u.mux.HandleFunc("POST /agreements/{id}/event", u.need(registry.RoleSupervisor, u.agreementEvent))
	u.mux.HandleFunc("POST /partners/{id}/keys", u.need(registry.RoleSupervisor, u.createKey))
}

// headers sets the security headers of every response.
func (u *UI) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		if l := r.URL.Query().Get("lang"); l == "id" || l == "en" {
			http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
				HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: u.secure(r)})
		}
		next.ServeHTTP(w, r)
	})
}

func (u *UI) secure(r *http.Request) bool { return r.TLS != nil || u.cfg.SecureCookies }

type ctxKey struct{}

// session puts the officer of the session cookie, if any, in the context.
func (u *UI) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			o, _, err := u.cfg.Service.Session(r.Context(), c.Value)
			if err == nil {
				r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, &o))
			} else if !errors.Is(err, registry.ErrNoSession) {
				u.log.Error("webui: session", "err", err)
			}
		}
		next.ServeHTTP(w, r)
	})
}

// officerOf returns the officer logged in on r, or nil.
func officerOf(r *http.Request) *registry.Officer {
	o, _ := r.Context().Value(ctxKey{}).(*registry.Officer)
	return o
}

// need lets through requests of an officer of at least role; others are sent
// to the login page (GET) or refused (POST).
func (u *UI) need(role registry.Role, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		o := officerOf(r)
		if o == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			u.fail(w, r, http.StatusUnauthorized, "forbidden")
			return
		}
		if o.Role < role {
			u.fail(w, r, http.StatusForbidden, "forbidden")
			return
		}
		h(w, r)
	}
}

// view is what every page template receives.
type view struct {
	Lang    string
	Other   string // the other language
	L       map[string]string
	Officer *registry.Officer
	Office  string
	Title   string
	Nav     string
	Flash   string
	Errors  []string
	Data    any
}

func (u *UI) view(r *http.Request, title, nav string, data any) *view {
	lang := langOf(r, u.cfg.Lang)
	v := &view{Lang: lang, Other: "en", L: messages[lang], Officer: officerOf(r), Nav: nav, Data: data}
	if lang == "en" {
		v.Other = "id"
	}
	v.Title = v.L[title]
	if v.Title == "" {
		v.Title = title
	}
	if v.Officer != nil {
		v.Office = u.cfg.OfficeNames[v.Officer.Office.Plain()]
		if v.Office == "" {
			v.Office = v.Officer.Office.String()
		}
	}
	return v
}

// render writes page name with v and status.
func (u *UI) render(w http.ResponseWriter, status int, name string, v *view) {
	t, ok := u.pages[name]
	if !ok {
		http.Error(w, "webui: no page "+name, http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		u.log.Error("webui: render", "page", name, "err", err)
		http.Error(w, "webui: render failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail renders the error page with the message of key.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, status int, key string, detail ...string) {
	v := u.view(r, "error", "", nil)
	v.Errors = append([]string{v.L[key]}, detail...)
	u.render(w, status, "error", v)
}

// failErr maps a registry error to a page.
func (u *UI) failErr(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, registry.ErrNotFound):
		u.fail(w, r, http.StatusNotFound, "not_found")
	case errors.Is(err, registry.ErrForbidden):
		u.fail(w, r, http.StatusForbidden, "forbidden", err.Error())
	case errors.Is(err, registry.ErrInvalidTransition), errors.Is(err, registry.ErrConflict):
		u.fail(w, r, http.StatusConflict, "error", err.Error())
	default:
		if msgs := fieldMessages(err, langOf(r, u.cfg.Lang)); msgs != nil {
			u.fail(w, r, http.StatusUnprocessableEntity, "invalid", msgs...)
			return
		}
		u.log.Error("webui: request failed", "path", r.URL.Path, "err", err)
		u.fail(w, r, http.StatusInternalServerError, "error")
	}
}
