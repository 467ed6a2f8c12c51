package main

import (
	"context"

	"github.com/adminduk-id/adminduk/registry"
)

// officerToken returns a bearer token of the API for the demo officer.
func officerToken(ctx context.Context, svc *registry.Service, o registry.Officer) (string, error) {
	_, secret, err := svc.CreateOfficerToken(ctx, o.Office, o.Username, o.Role.String(), "demo", "demo-credentials.json")
	return secret, err
}

// partnerKey returns an API key of a demo partner.
func partnerKey(ctx context.Context, svc *registry.Service, partnerID string) (string, error) {
	_, secret, err := svc.CreateAPIKey(ctx, Regency, partnerID, "demo", "demo-credentials.json")
	return secret, err
}
