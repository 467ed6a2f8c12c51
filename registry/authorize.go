package registry

import (
	"context"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
)

// authorize returns the agreement under which partnerID may use service s on
// day d, or a *ForbiddenError saying why it may not.
func (s *Service) authorize(ctx context.Context, partnerID string, svc partnership.Service, d adminduk.Date) (*partnership.Agreement, error) {
	as, err := s.store.Agreements(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	forbid := func(r ForbidReason, a *partnership.Agreement, date adminduk.Date) error {
		e := &ForbiddenError{PartnerID: partnerID, Service: svc, Day: d, Reason: r, Date: date}
		if a != nil {
			e.AgreementID = a.ID
		}
		return e
	}
	if partnership.MayUse(as, partnerID, svc, d) {
		for i := range as {
			a := &as[i]
			if a.Partner.ID == partnerID && a.Permits(svc, d) {
				if _, ok := s.offices[a.Partner.CurrentDistrict().Regency()]; !ok {
					return nil, forbid(ReasonOfficeNotServed, a, adminduk.Date{})
				}
				return a, nil
			}
		}
	}
	// Explain, from the most telling agreement that covers the service: the
	// one that ended last, else any.
	var best *partnership.Agreement
	for i := range as {
		a := &as[i]
		if a.Partner.ID != partnerID || !a.Scope.Services.Has(svc) {
			continue
		}
		if best == nil || a.End.After(best.End) {
			best = a
		}
	}
	if best == nil {
		if len(as) == 0 {
			return nil, forbid(ReasonNoAgreement, nil, adminduk.Date{})
		}
		return nil, forbid(ReasonNotCovered, nil, adminduk.Date{})
	}
	switch best.StatusOn(d) {
	case partnership.Expired:
		return nil, forbid(ReasonExpired, best, best.End)
	case partnership.Suspended:
		return nil, forbid(ReasonSuspended, best, adminduk.Date{})
	case partnership.Signed, partnership.Draft: // Draft: signed after d
		return nil, forbid(ReasonNotYetActive, best, best.Start)
	default:
		return nil, forbid(ReasonTerminated, best, adminduk.Date{})
	}
}
