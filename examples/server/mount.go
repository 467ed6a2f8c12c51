package main

import (
	"log/slog"
	"net/http"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/httpapi"
)

// mount returns the handler of the whole server: the JSON API (partners'
// API keys and officers' tokens) with the web UI on every other path.
func mount(svc *registry.Service, ui http.Handler, log *slog.Logger) (*httpapi.Server, error) {
	return httpapi.New(httpapi.Config{Service: svc, Logger: log, Demo: true,
		AdminRole: registry.RoleSupervisor.String(), UI: ui})
}
