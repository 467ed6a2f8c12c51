package webui_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi/webui"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

const (
	officerPW    = "kata-sandi-petugas-1"
	supervisorPW = "kata-sandi-kepala-01"
	viewerPW     = "kata-sandi-pembaca-1"
)

// env is a web UI over a fresh SQLite store with the storetest fixtures and
// three accounts: dewi (officer), kepala (supervisor), tamu (viewer).
type env struct {
	*storetest.Env
	UI  *webui.UI
	Srv *httptest.Server
}

func newEnv(t *testing.T) *env { return newEnvB(t) }

// newEnvB is newEnv for tests and benchmarks.
func newEnvB(t testing.TB) *env {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	e := storetest.NewEnvOn(t, st)
	for _, a := range []struct {
		user, name, pw string
		role           registry.Role
	}{{"dewi", "Dewi Lestari", officerPW, registry.RoleOfficer}, {"kepala", "H. Ahmad Suhaemi", supervisorPW, registry.RoleSupervisor},
		{"tamu", "Tamu", viewerPW, registry.RoleViewer}} {
		_, err := e.Service.CreateOfficer(context.Background(), storetest.Regency, a.user, a.name, a.role, a.pw, "setup")
		require.NoError(t, err)
	}
	ui, err := webui.New(webui.Config{Service: e.Service, Keys: storetest.Keys(), Now: e.Clock.Now,
		OfficeNames: map[string]string{"6208": "Disdukcapil Kab. Sukamara"},
		Logger:      slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	srv := httptest.NewServer(ui)
	t.Cleanup(srv.Close)
	return &env{Env: e, UI: ui, Srv: srv}
}

// client returns an HTTP client with a cookie jar that does not follow
// redirects.
func (e *env) client(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// login logs c in and requires success.
func (e *env) login(t *testing.T, c *http.Client, user, pw string) {
	t.Helper()
	res := e.post(t, c, "/login", url.Values{"username": {user}, "password": {pw}})
	require.Equal(t, http.StatusSeeOther, res.StatusCode, body(t, res))
	require.Equal(t, "/", res.Header.Get("Location"))
}

// post sends a same-origin form POST.
func (e *env) post(t *testing.T, c *http.Client, path string, form url.Values) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.Srv.URL+path, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", e.Srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := c.Do(req)
	require.NoError(t, err)
	return res
}

func (e *env) get(t *testing.T, c *http.Client, path string) *http.Response {
	t.Helper()
	res, err := c.Get(e.Srv.URL + path)
	require.NoError(t, err)
	return res
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b)
}
