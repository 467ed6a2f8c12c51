package registry

import (
	"context"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/partnership"
)

// ImportAgreement stores an agreement as it stands, in whatever state its
// journal or its paper record says (active, suspended, expired): the way to
// bring in the PKS a Dinas signed before it used the registry (from a CSV
// file of package partnership, or demo data). A new agreement made in the
// registry goes through [Service.CreateAgreement] and its events instead.
// The agreement must validate and its partner be in a kab/kota this service
// runs; actor is journaled.
func (s *Service) ImportAgreement(ctx context.Context, a *partnership.Agreement, actor string) error {
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
