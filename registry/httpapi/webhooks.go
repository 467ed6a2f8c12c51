package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// WebhookEndpointRequest registers a receiver of a partner's webhooks.
type WebhookEndpointRequest struct {
	URL string `json:"url"`
}

// WebhookEndpointView is a partner's webhook endpoint, without its secret.
type WebhookEndpointView struct {
	ID             string    `json:"id"`
	PartnerID      string    `json:"partner_id"`
	URL            string    `json:"url"`
	Created        time.Time `json:"created"`
	Active         bool      `json:"active"`
	Disabled       time.Time `json:"disabled,omitzero"`
	DisabledReason string    `json:"disabled_reason,omitempty"`
	Rotated        time.Time `json:"rotated,omitzero"`
}

// NewWebhookEndpoint is a created endpoint (or a rotated one) with its
// secret ("whsec_..."), shown this once.
type NewWebhookEndpoint struct {
	WebhookEndpointView
	Secret string `json:"secret"`
}

func endpointView(e *registry.WebhookEndpoint) WebhookEndpointView {
	return WebhookEndpointView{ID: e.ID, PartnerID: e.PartnerID, URL: e.URL, Created: e.Created, Active: e.Active(),
		Disabled: e.Disabled, DisabledReason: e.DisabledReason, Rotated: e.Rotated}
}

func (s *Server) createWebhookEndpoint(r *http.Request, c *call) (result, error) {
	var req WebhookEndpointRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	if strings.TrimSpace(req.URL) == "" {
		ch := adminduk.Checker{What: "httpapi: invalid webhook endpoint"}
		ch.Required(adminduk.NewPointer("url"))
		return result{}, ch.Err()
	}
	secret, e, err := s.svc.AddWebhookEndpoint(r.Context(), c.P.Office, c.P.PartnerID, req.URL, c.P.Actor())
	if err != nil {
		return result{}, destinationProblem(err)
	}
	return result{Status: http.StatusCreated, Value: NewWebhookEndpoint{WebhookEndpointView: endpointView(&e), Secret: secret}}, nil
}

// destinationProblem turns a destination the registry refuses (a private,
// loopback or unresolvable address: registry.WebhookConfig decides, and
// allows them only in demo mode) into a field error on /url (422), so the
// partner sees which field to change.
func destinationProblem(err error) error {
	if !isDestination(err) {
		return err
	}
	ch := adminduk.Checker{What: "httpapi: invalid webhook endpoint"}
	ch.AddCode(adminduk.NewPointer("url"), adminduk.CodeInvalid,
		"alamat privat atau lokal tidak diizinkan", "a private or loopback address is not allowed")
	return ch.Err()
}

func isDestination(err error) bool {
	var de *registry.DestinationError
	return errors.As(err, &de)
}

// ownEndpoint returns an endpoint of the calling partner; another
// partner's is 404.
func (s *Server) ownEndpoint(r *http.Request, c *call) (registry.WebhookEndpoint, error) {
	id := r.PathValue("id")
	e, err := s.svc.WebhookEndpoint(r.Context(), c.P.Office, id)
	if err != nil {
		return e, err
	}
	if e.PartnerID != c.P.PartnerID {
		return registry.WebhookEndpoint{}, fmt.Errorf("httpapi: webhook endpoint %q: %w", id, registry.ErrNotFound)
	}
	return e, nil
}

func (s *Server) webhookEndpoints(r *http.Request, c *call) (result, error) {
	es, err := s.svc.WebhookEndpoints(r.Context(), c.P.Office, c.P.PartnerID)
	if err != nil {
		return result{}, err
	}
	out := []WebhookEndpointView{}
	for i := range es {
		out = append(out, endpointView(&es[i]))
	}
	return ok(out)
}

func (s *Server) rotateWebhookEndpoint(r *http.Request, c *call) (result, error) {
	if err := decodeJSON(c.Body, &struct{}{}); err != nil {
		return result{}, err
	}
	if _, err := s.ownEndpoint(r, c); err != nil {
		return result{}, err
	}
	secret, err := s.svc.RotateWebhookSecret(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor())
	if err != nil {
		return result{}, err
	}
	e, err := s.svc.WebhookEndpoint(r.Context(), c.P.Office, r.PathValue("id"))
	if err != nil {
		return result{}, err
	}
	return ok(NewWebhookEndpoint{WebhookEndpointView: endpointView(&e), Secret: secret})
}

func (s *Server) disableWebhookEndpoint(r *http.Request, c *call) (result, error) {
	var req ReasonRequest
	if err := decodeJSON(c.Body, &req); err != nil {
		return result{}, err
	}
	if strings.TrimSpace(req.Reason) == "" {
		ch := adminduk.Checker{What: "httpapi: invalid request"}
		ch.Required(adminduk.NewPointer("reason"))
		return result{}, ch.Err()
	}
	if _, err := s.ownEndpoint(r, c); err != nil {
		return result{}, err
	}
	if err := s.svc.DisableWebhookEndpoint(r.Context(), c.P.Office, r.PathValue("id"), c.P.Actor(), req.Reason); err != nil {
		return result{}, err
	}
	e, err := s.svc.WebhookEndpoint(r.Context(), c.P.Office, r.PathValue("id"))
	if err != nil {
		return result{}, err
	}
	return ok(endpointView(&e))
}

func (s *Server) webhookDeliveries(r *http.Request, c *call) (result, error) {
	if _, err := s.ownEndpoint(r, c); err != nil {
		return result{}, err
	}
	ds, err := s.svc.WebhookDeliveries(r.Context(), c.P.Office, r.PathValue("id"))
	if err != nil {
		return result{}, err
	}
	if ds == nil {
		ds = []registry.WebhookDelivery{}
	}
	for i := range ds {
		if ds[i].Attempts == nil {
			ds[i].Attempts = []registry.WebhookAttempt{}
		}
	}
	return ok(ds)
}
