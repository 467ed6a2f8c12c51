package webui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi/webui"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// The web UI over a SQLite registry: the dashboard sends a visitor without a
// session to the login page, which is served with a strict CSP.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "webui")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "registry.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	svc, err := registry.New(registry.Config{Store: st, Offices: []registry.Office{storetest.Office()}})
	if err != nil {
		fmt.Println(err)
		return
	}
	ui, err := webui.New(webui.Config{Service: svc})
	if err != nil {
		fmt.Println(err)
		return
	}
	w := httptest.NewRecorder()
	ui.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	fmt.Println(w.Code, w.Header().Get("Location"))
	w = httptest.NewRecorder()
	ui.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/login?lang=en", nil))
	fmt.Println(w.Code, w.Header().Get("Content-Security-Policy") == webui.ContentSecurityPolicy)
	// Output:
	// 303 /login
	// 200 true
}
