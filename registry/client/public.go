package client

import (
	"context"
	"net/http"

	"github.com/adminduk-id/adminduk/registry"
)

func docPath(t registry.DocType, number, suffix string) (string, error) {
	ts, err := seg(string(t))
	if err != nil {
		return "", err
	}
	n, err := seg(number)
	if err != nil {
		return "", err
	}
	return "/api/v1/documents/" + ts + "/" + n + suffix, nil
}

// Document returns a document's metadata and QR payload (officer token).
func (cl *Client) Document(ctx context.Context, t registry.DocType, number string) (*Document, error) {
	path, err := docPath(t, number, "")
	if err != nil {
		return nil, err
	}
	var out Document
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: path}, &out)
}

// DocumentStatus returns the online status of a document (public, no
// personal data; CREDENTIAL.md).
func (cl *Client) DocumentStatus(ctx context.Context, t registry.DocType, number string) (*registry.DocumentStatus, error) {
	path, err := docPath(t, number, "/status")
	if err != nil {
		return nil, err
	}
	var out registry.DocumentStatus
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: path}, &out)
}

// VerifyQR asks the registry to check the text of a QR code (public).
func (cl *Client) VerifyQR(ctx context.Context, qr string) (*VerifyResult, error) {
	c, err := postJSON("/api/v1/verify", struct {
		QR string `json:"qr"`
	}{qr})
	if err != nil {
		return nil, err
	}
	c.noKey = true
	var out VerifyResult
	err = cl.do(ctx, c, &out)
	return &out, err
}

// JWKS returns the registry's public signing keys (public).
func (cl *Client) JWKS(ctx context.Context) (*JWKSet, error) {
	var out JWKSet
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: "/.well-known/jwks.json", accept: "application/jwk-set+json, application/json"}, &out)
}

// Health returns the server's health (public).
func (cl *Client) Health(ctx context.Context) (*Health, error) {
	var out Health
	return &out, cl.do(ctx, &call{method: http.MethodGet, path: "/healthz"}, &out)
}

// OpenAPI returns the server's OpenAPI document (public).
func (cl *Client) OpenAPI(ctx context.Context) ([]byte, error) {
	var out []byte
	return out, cl.do(ctx, &call{method: http.MethodGet, path: "/openapi.json"}, &out)
}

// Metrics returns the server's Prometheus metrics, as text (public).
func (cl *Client) Metrics(ctx context.Context) (string, error) {
	var out []byte
	err := cl.do(ctx, &call{method: http.MethodGet, path: "/metrics", accept: "text/plain"}, &out)
	return string(out), err
}
