package main

import (
	"context"

	"github.com/adminduk-id/adminduk/registry"
)

// officerToken returns an API token of the demo officer ("" until the HTTP
// API's officer tokens are part of this build).
func officerToken(_ context.Context, _ *registry.Service, _ registry.Officer) (string, error) {
	return "", nil
}

// partnerKey returns an API key of a demo partner ("" until the HTTP API's
// partner keys are part of this build).
func partnerKey(_ context.Context, _ *registry.Service, _ string) (string, error) {
	return "", nil
}
