package registry

import (
	"context"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
)

// OfficeViewStore is the part of [Store] that answers an office's overview:
// its agreements and how many reports wait in each state.
type OfficeViewStore interface {
	// OfficeAgreements returns the agreements of an office, in ID order.
	OfficeAgreements(ctx context.Context, office wilayah.Code) ([]partnership.Agreement, error)
	// ReportCounts counts the reports of an office by kind and status, and
	// those flagged late, in kind and status order.
	ReportCounts(ctx context.Context, office wilayah.Code) ([]ReportCount, error)
}

// ReportCount is how many reports of a kind are in a status, and how many
// of those are flagged late.
type ReportCount struct {
	Kind   Kind   `json:"kind"`
	Status Status `json:"status"`
	N      int    `json:"n"`
	Late   int    `json:"late"`
}

// OfficeAgreements returns the agreements (PKS) of an office.
func (s *Service) OfficeAgreements(ctx context.Context, office wilayah.Code) ([]partnership.Agreement, error) {
	return s.store.OfficeAgreements(ctx, office)
}

// ReportCounts counts the reports of an office by kind and status.
func (s *Service) ReportCounts(ctx context.Context, office wilayah.Code) ([]ReportCount, error) {
	return s.store.ReportCounts(ctx, office)
}

// SaveAgreement validates an agreement of a partner in one of the service's
// offices and stores it (new, or a new state after a lifecycle event applied
// by [partnership.Agreement.Apply]); actor is journaled.
func (s *Service) SaveAgreement(ctx context.Context, a *partnership.Agreement, actor string) error {
	if strings.TrimSpace(actor) == "" {
		return checkActor(actor, "", ActVerify)
	}
	if err := a.Validate(); err != nil {
		return err
	}
	office := a.Partner.CurrentDistrict().Regency()
	if _, ok := s.offices[office]; !ok {
		return fmt.Errorf("registry: agreement %q: office %s is not run here: %w", a.ID, office, ErrForbidden)
	}
	return s.store.PutAgreement(ctx, a, actor)
}
