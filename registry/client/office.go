package client

import (
	"context"
	"net/http"

	"github.com/adminduk-id/adminduk/partnership"
)

// Agreements lists the office's agreements (officer token).
func (cl *Client) Agreements(ctx context.Context) ([]partnership.Agreement, error) {
	var out []partnership.Agreement
	return out, cl.do(ctx, &call{method: http.MethodGet, path: "/api/v1/agreements"}, &out)
}

// Agreement returns one agreement (officer token).
func (cl *Client) Agreement(ctx context.Context, id string) (*partnership.Agreement, error) {
	s, err := seg(id)
	if err != nil {
		return nil, err
	}
	var out partnership.Agreement
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: "/api/v1/agreements/" + s}, &out)
}

// CreateAgreement stores a new agreement (a draft, or one signed on paper
// already) under the office of its partner (officer token).
func (cl *Client) CreateAgreement(ctx context.Context, a *partnership.Agreement, opts ...CallOption) (*partnership.Agreement, error) {
	c, err := postJSON("/api/v1/agreements", a)
	if err != nil {
		return nil, err
	}
	var out partnership.Agreement
	return &out, cl.do(ctx, c, &out, opts...)
}

// AgreementEvent takes a lifecycle step of an agreement: "sign",
// "activate", "suspend", "resume", "expire" or "terminate", with a reason
// where the step needs one (officer token).
func (cl *Client) AgreementEvent(ctx context.Context, id, event, reason string, opts ...CallOption) (*partnership.Agreement, error) {
	s, err := seg(id)
	if err != nil {
		return nil, err
	}
	e, err := seg(event)
	if err != nil {
		return nil, err
	}
	c, err := postJSON("/api/v1/agreements/"+s+"/"+e, struct {
		Reason string `json:"reason,omitempty"`
	}{reason})
	if err != nil {
		return nil, err
	}
	var out partnership.Agreement
	return &out, cl.do(ctx, c, &out, opts...)
}

// RenewAgreement creates the successor of an agreement (officer token).
func (cl *Client) RenewAgreement(ctx context.Context, id string, r RenewRequest, opts ...CallOption) (*partnership.Agreement, error) {
	s, err := seg(id)
	if err != nil {
		return nil, err
	}
	c, err := postJSON("/api/v1/agreements/"+s+"/renew", r)
	if err != nil {
		return nil, err
	}
	var out partnership.Agreement
	return &out, cl.do(ctx, c, &out, opts...)
}

// Partners lists the office's partners with their agreements (officer
// token).
func (cl *Client) Partners(ctx context.Context) ([]PartnerView, error) {
	var out []PartnerView
	return out, cl.do(ctx, &call{method: http.MethodGet, path: "/api/v1/partners"}, &out)
}

// APIKeys lists a partner's API keys, without secrets (officer token).
func (cl *Client) APIKeys(ctx context.Context, partner string) ([]APIKey, error) {
	s, err := seg(partner)
	if err != nil {
		return nil, err
	}
	var out []APIKey
	return out, cl.do(ctx, &call{method: http.MethodGet, path: "/api/v1/partners/" + s + "/api-keys"}, &out)
}

// CreateAPIKey creates an API key for a partner; its secret is in the
// answer only (officer token).
func (cl *Client) CreateAPIKey(ctx context.Context, partner, label string, opts ...CallOption) (*NewAPIKey, error) {
	s, err := seg(partner)
	if err != nil {
		return nil, err
	}
	c, err := postJSON("/api/v1/partners/"+s+"/api-keys", struct {
		Label string `json:"label,omitempty"`
	}{label})
	if err != nil {
		return nil, err
	}
	var out NewAPIKey
	return &out, cl.do(ctx, c, &out, opts...)
}

// RevokeAPIKey revokes a partner's key at once (officer token).
func (cl *Client) RevokeAPIKey(ctx context.Context, partner, keyID string, opts ...CallOption) (*APIKey, error) {
	s, err := seg(partner)
	if err != nil {
		return nil, err
	}
	k, err := seg(keyID)
	if err != nil {
		return nil, err
	}
	var out APIKey
	return &out, cl.do(ctx, &call{method: http.MethodPost, path: "/api/v1/partners/" + s + "/api-keys/" + k + "/revoke"}, &out, opts...)
}
