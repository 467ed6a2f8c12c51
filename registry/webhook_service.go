package registry

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// SecretPrefix starts every webhook secret (Standard Webhooks).
const SecretPrefix = "whsec_"

// newWebhookSecret returns "whsec_" and the base64 of 32 random bytes.
func newWebhookSecret() string {
	var b [32]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return SecretPrefix + base64.StdEncoding.EncodeToString(b[:])
}

func (s *Service) overlap() time.Duration {
	if s.hooks.Overlap > 0 {
		return s.hooks.Overlap
	}
	return 24 * time.Hour
}

// AddWebhookEndpoint registers a receiver of the webhooks of partner, a
// partner with an agreement under office, and returns its secret. The
// secret is shown this once; the store keeps it in clear because it is a
// shared HMAC key the registry must sign with (unlike an API key, it cannot
// be kept as a hash), so the store's file or database holds it like the
// personal data it holds. A URL that is not https, carries user info, or
// whose host resolves to a private, loopback, link-local, CGNAT or
// unspecified address is refused (a *[adminduk.ValidationError] or a
// *[DestinationError]) unless [WebhookConfig].AllowPrivate is set.
func (s *Service) AddWebhookEndpoint(ctx context.Context, office wilayah.Code, partnerID, rawURL, actor string) (string, WebhookEndpoint, error) {
	if err := s.checkPartnerOffice(ctx, office, partnerID); err != nil {
		return "", WebhookEndpoint{}, err
	}
	if strings.TrimSpace(actor) == "" {
		var c adminduk.Checker
		c.What = "registry: invalid webhook endpoint"
		c.Required(adminduk.NewPointer("actor"))
		return "", WebhookEndpoint{}, c.Err()
	}
	u, err := checkWebhookURL(ctx, rawURL, &s.hooks)
	if err != nil {
		return "", WebhookEndpoint{}, err
	}
	now, _ := s.clock()
	ep := WebhookEndpoint{Office: office, ID: s.newID(), PartnerID: partnerID, URL: u.String(), Created: now}
	secret := newWebhookSecret()
	if err := s.store.AddWebhookEndpoint(ctx, ep, secret, actor); err != nil {
		return "", WebhookEndpoint{}, err
	}
	return secret, ep, nil
}

func (s *Service) checkPartnerOffice(ctx context.Context, office wilayah.Code, partnerID string) error {
	if _, ok := s.offices[office]; !ok {
		return fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	ags, err := s.store.Agreements(ctx, partnerID)
	if err != nil {
		return err
	}
	for i := range ags {
		if ags[i].Partner.CurrentDistrict().Regency() == office {
			return nil
		}
	}
	_, today := s.clock()
	return &ForbiddenError{PartnerID: partnerID, Day: today, Reason: ReasonNoAgreement}
}

// RotateWebhookSecret gives an endpoint a new secret and returns it. During
// the overlap ([WebhookConfig].Overlap, 24 h by default) messages carry two
// signatures, by the new secret and the previous one, so the receiver can
// switch at leisure.
func (s *Service) RotateWebhookSecret(ctx context.Context, office wilayah.Code, endpointID, actor string) (string, error) {
	if err := checkActor(actor, "", 0); err != nil {
		return "", err
	}
	ep, err := s.store.WebhookEndpoint(ctx, office, endpointID)
	if err != nil {
		return "", err
	}
	if !ep.Active() {
		return "", fmt.Errorf("registry: webhook endpoint %q is disabled: %w", endpointID, ErrConflict)
	}
	now, _ := s.clock()
	secret := newWebhookSecret()
	if err := s.store.RotateWebhookSecret(ctx, office, endpointID, secret, now.Add(s.overlap()), now, actor); err != nil {
		return "", err
	}
	return secret, nil
}

// DisableWebhookEndpoint disables an endpoint for good (the reason is
// required); its pending deliveries are not attempted any more.
func (s *Service) DisableWebhookEndpoint(ctx context.Context, office wilayah.Code, endpointID, actor, reason string) error {
	if err := checkActor(actor, reason, ActArchive); err != nil {
		return err
	}
	now, _ := s.clock()
	return s.store.DisableWebhookEndpoint(ctx, office, endpointID, reason, now, actor)
}

// WebhookEndpoint returns an endpoint, without its secret.
func (s *Service) WebhookEndpoint(ctx context.Context, office wilayah.Code, endpointID string) (WebhookEndpoint, error) {
	return s.store.WebhookEndpoint(ctx, office, endpointID)
}

// WebhookEndpoints returns the endpoints of a partner, without secrets.
func (s *Service) WebhookEndpoints(ctx context.Context, office wilayah.Code, partnerID string) ([]WebhookEndpoint, error) {
	return s.store.WebhookEndpoints(ctx, office, partnerID)
}

// WebhookDeliveries returns the latest deliveries (at most 100) to an
// endpoint with their attempts and state, newest first.
func (s *Service) WebhookDeliveries(ctx context.Context, office wilayah.Code, endpointID string) ([]WebhookDelivery, error) {
	if _, err := s.store.WebhookEndpoint(ctx, office, endpointID); err != nil {
		return nil, err
	}
	return s.store.WebhookDeliveries(ctx, office, endpointID, 100)
}
