package registry

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// ImportFamily stores a family card as it is in SIAK or as an officer
// enters it, source [FamilyImported]: version 1 of a KK the registry did not
// hold, or the next version of one whose current version was built from a
// report ([FamilyFromReport]), which it completes. The card must validate
// (akta.Family.Validate: a *[adminduk.ValidationError]) and lie in the
// kab/kota of an office this service runs; any other KK already held is an
// error that unwraps to [ErrConflict]. Completing a card the registry could
// not print ([FamilyVersion.Printable]) issues its KK document: version
// v.Version, signed, listed with the documents of the report that built the
// card, the KK document it follows (if any) replaced. Later births and deaths
// make its next versions.
func (s *Service) ImportFamily(ctx context.Context, card *akta.Family, actor string) (FamilyVersion, error) {
	if strings.TrimSpace(actor) == "" {
		c := adminduk.Checker{What: "registry: invalid family import"}
		c.Required(adminduk.NewPointer("actor"))
		return FamilyVersion{}, c.Err()
	}
	if err := card.Validate(); err != nil {
		return FamilyVersion{}, err
	}
	office := card.Address.Village.Truncate(wilayah.LevelRegency)
	if _, ok := s.offices[office]; !ok {
		c := adminduk.Checker{What: "registry: invalid family import"}
		c.AddCode(adminduk.NewPointer("address", "village"), adminduk.CodeRegion,
			"alamat di luar wilayah Dinas", "the address is outside the kab/kota of every office of this service")
		return FamilyVersion{}, c.Err()
	}
	now, _ := s.clock()
	v := FamilyVersion{Office: office, Number: card.Number, Version: 1, Source: FamilyImported, Status: DocActive,
		Actor: actor, At: now, Card: card.Clone()}
	cur, err := s.store.Family(ctx, office, card.Number, 0)
	switch {
	case err == nil && cur.Status == DocActive && (cur.Source == FamilyFromReport || !cur.Printable()):
		v.Version = cur.Version + 1
		if err := s.completeFamily(ctx, &v, cur.ReportID); err != nil {
			return FamilyVersion{}, err
		}
		return v, nil
	case err == nil:
		return FamilyVersion{}, fmt.Errorf("registry: KK %s is already in the register (version %d, %s): %w",
			card.Number, cur.Version, cur.Source, ErrConflict)
	case !errors.Is(err, ErrNotFound):
		return FamilyVersion{}, err
	}
	if err := s.store.ImportFamily(ctx, v); err != nil {
		return FamilyVersion{}, err
	}
	return v, nil
}

// completeFamily stores v, the imported card that completes a version the
// registry could not print, and issues its KK document (signed by the
// office, with the card as its model) under the report that built the card
// (reportID), as a registration would have: the parents receive the KK
// their child's registration could not give them.
func (s *Service) completeFamily(ctx context.Context, v *FamilyVersion, reportID string) error {
	o := s.offices[v.Office]
	payload, err := o.Signer.Sign(v.Card.Claims(v.At))
	if err != nil {
		return fmt.Errorf("registry: sign KK %s: %w", v.Number, err)
	}
	doc, err := familyDocument(&o, reportID, v, payload)
	if err != nil {
		return err
	}
	return s.store.CompleteFamily(ctx, *v, doc)
}

// Family returns the current version of a KK the registry holds, with its
// state (replaced when a new number took its place), or ErrNotFound.
func (s *Service) Family(ctx context.Context, office wilayah.Code, kk adminduk.KK) (FamilyVersion, error) {
	return s.store.Family(ctx, office, kk, 0)
}

// FamilyVersion returns one version of a KK (0: the current one).
func (s *Service) FamilyVersion(ctx context.Context, office wilayah.Code, kk adminduk.KK, version int) (FamilyVersion, error) {
	if version < 0 {
		return FamilyVersion{}, fmt.Errorf("registry: KK version %d: %w", version, ErrNotFound)
	}
	return s.store.Family(ctx, office, kk, version)
}

// FamilyOf returns the current family card in use that lists nik, or
// ErrNotFound.
func (s *Service) FamilyOf(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (FamilyVersion, error) {
	return s.store.FamilyOf(ctx, office, nik)
}

// Death returns the registered death of a person, or ErrNotFound. A child
// whose death was registered before its birth (linked to the birth report)
// is found by the NIK its birth registration gave it.
func (s *Service) Death(ctx context.Context, office wilayah.Code, nik adminduk.NIK) (DeathRecord, error) {
	return s.store.Death(ctx, office, nik)
}

// CheckLiving returns nil when no death of nik is registered, and a
// *[DeceasedError] (unwrapping to [ErrDeceased]) when one is: a KIA or KTP
// request for the person is refused. Other errors are the store's.
func (s *Service) CheckLiving(ctx context.Context, office wilayah.Code, nik adminduk.NIK) error {
	d, err := s.store.Death(ctx, office, nik)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	return &DeceasedError{NIK: nik, DeathDate: d.DeathDate, ReportID: d.ReportID}
}

// Stillbirths returns the stillbirths registered with a date from from to
// to (both included), for counting per period (coverage, statistics).
func (s *Service) Stillbirths(ctx context.Context, office wilayah.Code, from, to adminduk.Date) ([]StillbirthRecord, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		c := adminduk.Checker{What: "registry: invalid period"}
		c.AddCode(adminduk.NewPointer("to"), adminduk.CodeOrder, "periode tidak sah", "the period needs a start on or before its end")
		return nil, c.Err()
	}
	return s.store.Stillbirths(ctx, office, from, to)
}

// checkBirthReportLink returns the field error of a death report whose
// deceased links a birth report that is not a birth report of office.
func (s *Service) checkBirthReportLink(ctx context.Context, office wilayah.Code, id string) (*adminduk.FieldError, error) {
	r, err := s.store.Report(ctx, office, id)
	if err == nil && r.Kind == KindBirth {
		return nil, nil
	}
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	return &adminduk.FieldError{Pointer: adminduk.NewPointer("deceased", "birth_report"), Code: adminduk.CodeInvalid,
		Indonesian: "laporan kelahiran tidak ditemukan di Dinas ini",
		English:    "no birth report with this ID in the office"}, nil
}

// deathLink checks the birth report a death report links, in the office of
// the partner's agreement; an unauthorised partner is left to submit.
func (s *Service) deathLink(ctx context.Context, sub Submission, r *DeathReport) (*adminduk.FieldError, error) {
	if r.Deceased.BirthReport == "" || sub.PartnerID == "" {
		return nil, nil
	}
	_, today := s.clock()
	ag, err := s.authorize(ctx, sub.PartnerID, KindDeath.Service(), today)
	if err != nil {
		return nil, nil // submit reports it
	}
	return s.checkBirthReportLink(ctx, ag.Partner.CurrentDistrict().Regency(), r.Deceased.BirthReport)
}
