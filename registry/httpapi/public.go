package httpapi

import (
	_ "embed"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/registry"
)

// OpenAPI is the API's contract, served at /openapi.json.
//
//go:embed openapi.json
var OpenAPI []byte

func (s *Server) openapi(*http.Request, *call) (result, error) {
	return result{Status: http.StatusOK, Raw: OpenAPI, ContentType: "application/json"}, nil
}

// Health is the answer of /healthz.
type Health struct {
	Status  string   `json:"status"`
	Offices []string `json:"offices"`
}

func (s *Server) healthz(*http.Request, *call) (result, error) {
	h := Health{Status: "ok", Offices: []string{}}
	for _, o := range s.svc.Offices() {
		h.Offices = append(h.Offices, o.String())
	}
	return ok(h)
}

func (s *Server) jwks(*http.Request, *call) (result, error) {
	b, err := s.svc.KeySet().MarshalJSON()
	if err != nil {
		return result{}, err
	}
	return result{Status: http.StatusOK, Raw: append(b, '\n'), ContentType: "application/jwk-set+json"}, nil
}

func (s *Server) metricsHandler() http.Handler {
	return promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
}

// VerifyRequest is a QR's text to check.
type VerifyRequest struct {
	QR string `json:"qr"`
}

func (s *Server) verify(r *http.Request, c *call) (result, error) {
	var req VerifyRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	if req.QR == "" {
		ch := adminduk.Checker{What: "httpapi: invalid verification"}
		ch.Required(adminduk.NewPointer("qr"))
		return result{}, ch.Err()
	}
	res := credential.Verify(req.QR, s.svc.KeySet(), s.now())
	out := VerifyResult{Result: res.Status.String()}
	if res.Kid != (credential.KeyID{}) {
		out.KeyID = res.Kid.String()
	}
	if res.Authentic() {
		out.Issuer = res.Claims.Issuer
		out.Document = &VerifiedDocument{Type: res.Claims.Document.Type, Number: res.Claims.Document.Number}
		st, err := s.svc.DocumentStatus(r.Context(), registry.DocType(res.Claims.Document.Type), res.Claims.Document.Number)
		switch {
		case err == nil:
			out.Online = &st
		case !errors.Is(err, registry.ErrNotFound):
			// The offline result stands when the registry cannot answer.
			s.log.LogAttrs(r.Context(), slog.LevelWarn, "verify: online status unavailable", slog.Any("error", err))
		}
	}
	return ok(out)
}

func (s *Server) documentStatus(r *http.Request, c *call) (result, error) {
	st, err := s.svc.DocumentStatus(r.Context(), registry.DocType(strings.ToUpper(r.PathValue("type"))), r.PathValue("number"))
	if err != nil {
		return result{}, err
	}
	return ok(st)
}

func (s *Server) document(r *http.Request, c *call) (result, error) {
	t := registry.DocType(strings.ToUpper(r.PathValue("type")))
	d, err := s.svc.Document(r.Context(), c.P.Office, t, r.PathValue("number"))
	if err != nil {
		return result{}, err
	}
	return ok(DocumentView{Type: d.Type, Number: d.Number, Version: d.Version, Status: d.Status, CurrentVersion: d.Version,
		ReportID: d.ReportID, IssuedAt: d.IssuedAt, ChangedAt: d.ChangedAt, Payload: d.Payload})
}
