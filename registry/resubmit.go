package registry

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// ResubmitBirth records that the partner sent a returned birth report again
// with a corrected body: the body is validated like a new report (every
// problem at once, nothing written on error), stored as the report's next
// body version (the earlier ones are kept, see [Service.BodyVersions]) with
// the resubmit action, and its flags and potential duplicates are evaluated
// again. The external_ref cannot change. [Service.Resubmit] resubmits
// without a new body.
func (s *Service) ResubmitBirth(ctx context.Context, office wilayah.Code, id string, body *BirthReport, actor string) (Report, error) {
	return s.resubmit(ctx, office, id, KindBirth, body, body.ExternalRef, body.Family.Address.Village, actor,
		body.eventFlags)
}

// ResubmitDeath is [Service.ResubmitBirth] for a death report.
func (s *Service) ResubmitDeath(ctx context.Context, office wilayah.Code, id string, body *DeathReport, actor string) (Report, error) {
	return s.resubmit(ctx, office, id, KindDeath, body, body.ExternalRef, body.Family.Address.Village, actor,
		body.eventFlags)
}

// ResubmitStillbirth is [Service.ResubmitBirth] for a stillbirth report.
func (s *Service) ResubmitStillbirth(ctx context.Context, office wilayah.Code, id string, body *StillbirthReport, actor string) (Report, error) {
	return s.resubmit(ctx, office, id, KindStillbirth, body, body.ExternalRef, body.Family.Address.Village, actor,
		body.eventFlags)
}

func (s *Service) resubmit(ctx context.Context, office wilayah.Code, id string, kind Kind, body report, extRef, village, actor string,
	check func(c *adminduk.Checker, today adminduk.Date) Flags) (Report, error) {
	if err := checkActor(actor, "", ActResubmit); err != nil {
		return Report{}, err
	}
	r, err := s.report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	if r.Kind != kind {
		return Report{}, fmt.Errorf("registry: report %q is a %s report, not a %s: %w", id, r.Kind, kind, ErrConflict)
	}
	next, err := Next(r.Status, ActResubmit)
	if err != nil {
		var te *TransitionError
		if errors.As(err, &te) {
			te.ReportID = id
		}
		return Report{}, err
	}
	now, today := s.clock()
	c := adminduk.Checker{What: "registry: invalid " + kind.String() + " report"}
	if err := body.Validate(); err != nil {
		var ve *adminduk.ValidationError
		if !errors.As(err, &ve) {
			return Report{}, err
		}
		for _, f := range ve.Fields {
			c.Add(f)
		}
	}
	flags := check(&c, today)
	if v, err := wilayah.ParseCode(village); err == nil && !office.Contains(v) {
		c.AddCode(adminduk.NewPointer("family", "address", "village"), adminduk.CodeRegion,
			"alamat di luar wilayah Dinas", "the address is outside the office's kab/kota")
	}
	if extRef != r.ExternalRef {
		c.AddCode(adminduk.NewPointer("external_ref"), adminduk.CodeMismatch,
			"referensi eksternal tidak boleh berubah", "the external_ref cannot change on resubmission")
	}
	if err := c.Err(); err != nil {
		return Report{}, err
	}
	data, err := json.Marshal(body)
	if err != nil {
		return Report{}, fmt.Errorf("registry: encode report: %w", err)
	}
	sum := sha256.Sum256(data)
	nr := r
	nr.Body, nr.BodyHash, nr.Flags = data, hex.EncodeToString(sum[:]), flags
	keys, err := nr.SubjectKeys()
	if err != nil {
		return Report{}, err
	}
	act := Action{Seq: len(r.Actions) + 1, Type: ActResubmit, Actor: actor, At: now}
	bv := BodyVersion{Body: data, BodyHash: nr.BodyHash, Flags: flags, Actor: actor, At: now, Keys: keys}
	if err := s.store.ResubmitBody(ctx, office, id, act, next, bv); err != nil {
		return Report{}, err
	}
	nr.Actions = append(nr.Actions, act)
	nr.Status = next
	if _, err := s.flagDuplicates(ctx, &nr, keys, actor); err != nil {
		return nr, err
	}
	return nr, nil
}

// BodyVersions returns every body of a report, version 1 (as notified)
// first; a report never resubmitted with a correction has one.
func (s *Service) BodyVersions(ctx context.Context, office wilayah.Code, id string) ([]BodyVersion, error) {
	return s.store.BodyVersions(ctx, office, id)
}
