package registry

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

// Offices returns the kab/kota codes of the offices the service runs, in
// order.
func (s *Service) Offices() []wilayah.Code {
	out := slices.Collect(maps.Keys(s.offices))
	slices.SortFunc(out, func(a, b wilayah.Code) int { return strings.Compare(a.Plain(), b.Plain()) })
	return out
}

// KeySet returns the public keys of the offices' signers, the JWK Set a
// verifier trusts (CREDENTIAL.md, "Keys").
func (s *Service) KeySet() credential.KeySet {
	var ks credential.KeySet
	for _, code := range s.Offices() {
		o := s.offices[code]
		ks.Add(o.Signer.PublicKey(time.Time{})) // open: vouches for every issue time
	}
	return ks
}

// BeginRequest records the start of an idempotent request (see
// [APIStore.BeginRequest]), at the service's clock.
func (s *Service) BeginRequest(ctx context.Context, office wilayah.Code, caller, key, requestHash string) (bool, string, *StoredResponse, error) {
	now, _ := s.clock()
	return s.store.BeginRequest(ctx, office, caller, key, requestHash, now)
}

// FinishRequest records the response of an idempotent request.
func (s *Service) FinishRequest(ctx context.Context, office wilayah.Code, caller, key string, status int, contentType string, body []byte) error {
	now, _ := s.clock()
	return s.store.FinishRequest(ctx, office, caller, key, StoredResponse{Status: status, ContentType: contentType, Body: body, At: now})
}

// Document returns the current version of a document of office, with its
// signed credential, or ErrNotFound.
func (s *Service) Document(ctx context.Context, office wilayah.Code, t DocType, number string) (Document, error) {
	if err := t.check(); err != nil {
		return Document{}, err
	}
	ds, err := s.store.DocumentVersions(ctx, office, t, number)
	if err != nil {
		return Document{}, err
	}
	if len(ds) == 0 {
		return Document{}, fmt.Errorf("registry: document %s %q: %w", t, number, ErrNotFound)
	}
	return ds[len(ds)-1], nil
}

// CountReports returns the number of reports of office by kind and status.
func (s *Service) CountReports(ctx context.Context, office wilayah.Code) ([]ReportCount, error) {
	return s.store.CountReports(ctx, office)
}

// Agreements returns the agreements of the partners of office.
func (s *Service) Agreements(ctx context.Context, office wilayah.Code) ([]partnership.Agreement, error) {
	return s.store.OfficeAgreements(ctx, office)
}

// Agreement returns one agreement of office, or ErrNotFound.
func (s *Service) Agreement(ctx context.Context, office wilayah.Code, id string) (partnership.Agreement, error) {
	as, err := s.store.OfficeAgreements(ctx, office)
	if err != nil {
		return partnership.Agreement{}, err
	}
	for i := range as {
		if as[i].ID == id {
			return as[i], nil
		}
	}
	return partnership.Agreement{}, fmt.Errorf("registry: agreement %q in %s: %w", id, office, ErrNotFound)
}

// CreateAgreement stores a new agreement (a draft, or signed) of a partner
// of office: it must validate, be in a state from which the lifecycle
// starts (draft or signed), have an ID not used before, and its partner
// must be in the office's kab/kota.
func (s *Service) CreateAgreement(ctx context.Context, office wilayah.Code, a *partnership.Agreement, actor string) error {
	if _, ok := s.offices[office]; !ok {
		return fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	c := adminduk.Checker{What: "registry: invalid agreement"}
	if err := a.Validate(); err != nil {
		var ve *adminduk.ValidationError
		if !errors.As(err, &ve) {
			return err
		}
		for _, f := range ve.Fields {
			c.Add(f)
		}
	}
	if strings.TrimSpace(a.ID) == "" {
		c.Required(adminduk.NewPointer("id"))
	}
	if strings.TrimSpace(a.Partner.ID) == "" {
		c.Required(adminduk.NewPointer("partner", "id"))
	}
	if a.State != partnership.Draft && a.State != partnership.Signed {
		c.AddCode(adminduk.NewPointer("state"), adminduk.CodeInvalid, "perjanjian baru berstatus draf atau ditandatangani",
			"a new agreement is a draft or signed")
	}
	if d := a.Partner.CurrentDistrict(); d.IsValid() && d.Regency() != office {
		c.AddCode(adminduk.NewPointer("partner", "district"), adminduk.CodeRegion, "mitra di luar wilayah Dinas",
			"the partner is outside the office's kab/kota")
	}
	if err := c.Err(); err != nil {
		return err
	}
	if _, err := s.Agreement(ctx, office, a.ID); err == nil {
		return &ConflictError{PartnerID: a.Partner.ID, Field: "id", Value: a.ID, ReportID: a.ID}
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	return s.store.PutAgreement(ctx, a, actor)
}

// AgreementEvent applies a lifecycle event (sign, activate, suspend,
// resume, expire, terminate) to an agreement of office and stores it; the
// partnership package decides what is allowed (a *partnership.TransitionError
// otherwise). Renewal is [Service.RenewAgreement].
func (s *Service) AgreementEvent(ctx context.Context, office wilayah.Code, id string, e partnership.Event, actor, reason string) (partnership.Agreement, error) {
	a, err := s.Agreement(ctx, office, id)
	if err != nil {
		return a, err
	}
	if e == partnership.EventRenew || !e.IsValid() {
		return a, fmt.Errorf("registry: agreement event %s is not applied here: %w", e, ErrInvalidTransition)
	}
	now, _ := s.clock()
	if err := a.Apply(e, partnership.Change{Actor: actor, At: now.In(adminduk.WIB), Reason: reason}); err != nil {
		return a, err
	}
	return a, s.store.PutAgreement(ctx, &a, actor)
}

// RenewAgreement creates the successor of an agreement of office and
// stores both.
func (s *Service) RenewAgreement(ctx context.Context, office wilayah.Code, id string, r partnership.Renewal, actor string) (partnership.Agreement, error) {
	a, err := s.Agreement(ctx, office, id)
	if err != nil {
		return partnership.Agreement{}, err
	}
	if _, err := s.Agreement(ctx, office, r.ID); err == nil {
		return partnership.Agreement{}, &ConflictError{PartnerID: a.Partner.ID, Field: "id", Value: r.ID, ReportID: r.ID}
	}
	now, _ := s.clock()
	next, err := a.Renew(partnership.Change{Actor: actor, At: now.In(adminduk.WIB)}, r)
	if err != nil {
		return partnership.Agreement{}, err
	}
	if err := s.store.PutAgreement(ctx, &next, actor); err != nil {
		return partnership.Agreement{}, err
	}
	return next, s.store.PutAgreement(ctx, &a, actor)
}
