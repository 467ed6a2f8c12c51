package registry

import (
	"context"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// journalRead appends the "read" entry of a person's record to the audit
// journal; a read without an actor is refused.
func (s *Service) journalRead(ctx context.Context, office wilayah.Code, actor, record, detail string) error {
	if err := checkActor(actor, "", ActVerify); err != nil {
		return err
	}
	now, _ := s.clock()
	return s.store.JournalRead(ctx, office, actor, record, detail, now)
}

// ViewReport is [Service.Report] for an officer: the read is journaled in
// the audit table (actor, time, the report, action "read") before the
// report is returned.
func (s *Service) ViewReport(ctx context.Context, office wilayah.Code, id, actor string) (Report, error) {
	r, err := s.Report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	if err := s.journalRead(ctx, office, actor, id, "report"); err != nil {
		return Report{}, err
	}
	return r, nil
}

// checkNIK parses a NIK a caller looks up.
func lookupNIK(nik string) error {
	if _, err := adminduk.ParseNIK(nik); err != nil {
		var c adminduk.Checker
		c.What = "registry: invalid look-up"
		c.Add(adminduk.FieldError{Pointer: adminduk.NewPointer("nik"), Code: adminduk.CodeInvalid,
			Indonesian: "NIK tidak sah", English: "invalid NIK", Cause: err})
		return c.Err()
	}
	return nil
}

// DocumentsByNIK returns the documents issued for a person (the akta and
// KIA of the birth registered with the NIK, the akta kematian of a death
// naming it), every version with its state. The read is journaled under the
// NIK as actor's.
func (s *Service) DocumentsByNIK(ctx context.Context, office wilayah.Code, nik, actor string) ([]Document, error) {
	if err := lookupNIK(nik); err != nil {
		return nil, err
	}
	docs, err := s.store.DocumentsByNIK(ctx, office, nik)
	if err != nil {
		return nil, err
	}
	if err := s.journalRead(ctx, office, actor, nik, "documents"); err != nil {
		return nil, err
	}
	return docs, nil
}

// History is a person's record: the reports naming the NIK (as the
// registered child, mother, father or deceased) and the documents issued
// for the person.
type History struct {
	NIK       string         `json:"nik"`
	Reports   []PersonReport `json:"reports"`
	Documents []Document     `json:"documents"`
}

// PersonHistory returns a person's record, journaled as actor's read of the
// NIK.
func (s *Service) PersonHistory(ctx context.Context, office wilayah.Code, nik, actor string) (History, error) {
	if err := lookupNIK(nik); err != nil {
		return History{}, err
	}
	rs, err := s.store.PersonReports(ctx, office, nik)
	if err != nil {
		return History{}, err
	}
	docs, err := s.store.DocumentsByNIK(ctx, office, nik)
	if err != nil {
		return History{}, err
	}
	if err := s.journalRead(ctx, office, actor, nik, "history"); err != nil {
		return History{}, err
	}
	return History{NIK: nik, Reports: rs, Documents: docs}, nil
}
