package webui

import (
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// limiter counts failed logins per username and client address in memory:
// after max failures within window the pair is refused until the window of
// its first failure has passed.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	now    func() time.Time
	fails  map[string]*failures
}

type failures struct {
	first time.Time
	n     int
}

func newLimiter(max int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{max: max, window: window, now: now, fails: map[string]*failures{}}
}

// blocked returns how long key is still refused, 0 if it is not.
func (l *limiter) blocked(key string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	f, ok := l.fails[key]
	if !ok {
		return 0
	}
	left := f.first.Add(l.window).Sub(l.now())
	if left <= 0 {
		delete(l.fails, key)
		return 0
	}
	if f.n >= l.max {
		return left
	}
	return 0
}

// fail records a failure of key.
func (l *limiter) fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	f, ok := l.fails[key]
	if !ok || now.Sub(f.first) >= l.window {
		f = &failures{first: now}
		l.fails[key] = f
		if len(l.fails) > 100000 { // bound the memory a flood of usernames takes
			for k, g := range l.fails {
				if now.Sub(g.first) >= l.window {
					delete(l.fails, k)
				}
			}
		}
	}
	f.n++
}

// clientIP is the address of the peer (proxies are not trusted).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (u *UI) loginPage(w http.ResponseWriter, r *http.Request) {
	if officerOf(r) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	u.render(w, http.StatusOK, "login", u.view(r, "login_title", "login", ""))
}

func (u *UI) login(w http.ResponseWriter, r *http.Request) {
	username := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	key := strings.ToLower(username) + "|" + clientIP(r)
	v := u.view(r, "login_title", "login", username)
	if u.limiter.blocked(key) > 0 {
		v.Errors = []string{v.L["login_limited"]}
		u.render(w, http.StatusTooManyRequests, "login", v)
		return
	}
	o, err := u.cfg.Service.Login(r.Context(), username, password)
	if err != nil {
		if !errors.Is(err, registry.ErrBadLogin) {
			u.failErr(w, r, err)
			return
		}
		u.limiter.fail(key)
		u.log.Info("webui: login failed", "user", username, "ip", clientIP(r))
		v.Errors = []string{v.L["login_failed"]}
		u.render(w, http.StatusUnauthorized, "login", v)
		return
	}
	token, sess, err := u.cfg.Service.StartSession(r.Context(), o, u.cfg.SessionTTL)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	// The cookie's lifetime is relative (Max-Age), so that a browser whose
	// clock differs from the server's keeps it as long; the session's end
	// on the server is what counts.
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/",
		MaxAge:   max(1, int(sess.Expires.Sub(u.cfg.Now()).Round(time.Second).Seconds())),
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: u.secure(r)})
	u.log.Info("webui: login", "user", o.Username, "office", o.Office.String())
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (u *UI) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := u.cfg.Service.EndSession(r.Context(), c.Value); err != nil && !errors.Is(err, registry.ErrNoSession) {
			u.failErr(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: u.secure(r)})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// fieldMessages returns the messages of a validation error in lang, or nil.
func fieldMessages(err error, lang string) []string {
	var ve *adminduk.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	l := adminduk.Indonesian
	if lang == "en" {
		l = adminduk.English
	}
	out := make([]string, 0, len(ve.Fields))
	for i := range ve.Fields {
		out = append(out, ve.Fields[i].Pointer.String()+": "+ve.Fields[i].Message(l))
	}
	return out
}
