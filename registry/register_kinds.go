package registry

import (
	"context"
	"errors"
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// registerBirth issues the documents of a birth registration inside its
// transaction: the family card's version with the child (see birthFamily),
// then the akta, the KIA and the KK (see issueBirth). A child whose death
// was registered before its birth (a death report linked to this birth
// report) gets the akta kelahiran only: no KIA, and no place on a card.
func (s *Service) registerBirth(ctx context.Context, tx RegisterTx, o *Office, r *Report, b *BirthReport, reg *Registration, actor string) ([]Document, error) {
	ab, err := aktaBirth(o, b, reg)
	if err != nil {
		return nil, err
	}
	switch _, err := tx.DeathOfBirthReport(ctx, r.ID); {
	case err == nil:
		payload, err := o.Signer.Sign(ab.Claims(reg.At))
		if err != nil {
			return nil, fmt.Errorf("registry: sign akta %s: %w", reg.Akta, err)
		}
		d, err := newDocument(o, r.ID, DocAktaKelahiran, reg.Akta.String(), payload, ab, reg.At)
		if err != nil {
			return nil, err
		}
		return []Document{d}, nil
	case !errors.Is(err, ErrNotFound):
		return nil, err
	}
	fam, err := birthFamily(ctx, tx, o, r, b, ab, reg, actor)
	if err != nil {
		return nil, err
	}
	return s.issueBirth(o, r, b, ab, reg, &fam)
}

// Reasons recorded with the state changes a death makes.
const reasonDeceased = "meninggal dunia (deceased)"

// registerDeath issues the documents of a death registration inside its
// transaction: the akta kematian; when the deceased is on a family card the
// registry holds (the KK of the report, else the card listing the NIK), the
// card's next version without them (a new KK number when the head died, the
// old card replaced); the deceased's KIA revoked with the reason
// "meninggal dunia"; and the person recorded deceased. A deceased without a
// NIK whose birth report was registered is the child of that registration.
func (s *Service) registerDeath(ctx context.Context, tx RegisterTx, o *Office, r *Report, reg *Registration, actor string) ([]Document, error) {
	d, err := r.Death()
	if err != nil {
		return nil, err
	}
	nik, _ := adminduk.ParseNIK(d.Deceased.NIK) // validated; "" leaves it zero
	if !nik.IsValid() && d.Deceased.BirthReport != "" {
		br, err := tx.Registration(ctx, d.Deceased.BirthReport)
		switch {
		case err == nil:
			nik = br.NIK
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	if nik.IsValid() {
		switch dr, err := tx.Death(ctx, nik); {
		case err == nil:
			return nil, &DeceasedError{NIK: nik, DeathDate: dr.DeathDate, ReportID: dr.ReportID}
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	ad := aktaDeath(o, d, reg, nik)
	var cur *FamilyVersion
	if d.Family.KK != "" {
		kk, _ := adminduk.ParseKK(d.Family.KK)
		ad.KK = kk
		switch v, err := currentFamily(ctx, tx, kk); {
		case err == nil:
			cur = &v
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	if cur == nil && nik.IsValid() {
		switch v, err := tx.FamilyOf(ctx, nik); {
		case err == nil:
			cur = &v
		case !errors.Is(err, ErrNotFound):
			return nil, err
		}
	}
	if cur != nil && nik.IsValid() {
		if _, ok := cur.Card.Member(nik); !ok {
			// The card the report names does not list the deceased: the
			// card in use that does, if any.
			switch v, err := tx.FamilyOf(ctx, nik); {
			case err == nil:
				cur = &v
			case !errors.Is(err, ErrNotFound):
				return nil, err
			}
		}
	}
	var fam *FamilyVersion
	if cur != nil {
		if m, ok := cur.Card.Member(nik); ok {
			ad.KK = cur.Number
			fillDeceased(&ad.Deceased, m)
			fam, err = deathFamily(ctx, tx, cur, ad, r.ID, actor, reg)
			if err != nil {
				return nil, err
			}
		}
	}
	payload, err := o.Signer.Sign(ad.Claims(reg.At))
	if err != nil {
		return nil, fmt.Errorf("registry: sign akta %s: %w", reg.Akta, err)
	}
	doc, err := newDocument(o, r.ID, DocAktaKematian, reg.Akta.String(), payload, ad, reg.At)
	if err != nil {
		return nil, err
	}
	docs := []Document{doc}
	if fam != nil && fam.Printable() {
		payload, err := o.Signer.Sign(fam.Card.Claims(reg.At))
		if err != nil {
			return nil, fmt.Errorf("registry: sign KK %s: %w", fam.Number, err)
		}
		kkDoc, err := familyDocument(o, r.ID, fam, payload)
		if err != nil {
			return nil, err
		}
		docs = append(docs, kkDoc)
	}
	if nik.IsValid() {
		if _, err := tx.ChangeState(ctx, DocKIA, nik.String(), DocRevoked, reg.At, actor, reasonDeceased); err != nil {
			return nil, err
		}
	}
	err = tx.RecordDeath(ctx, DeathRecord{Office: o.Regency(), ReportID: r.ID, NIK: nik,
		BirthReportID: d.Deceased.BirthReport, DeathDate: ad.DeathDate, At: reg.At})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// deathFamily stores the next version of cur without the deceased of ad and
// returns it; nil when the deceased was the only member (the card is left
// as it is: closing a card is not built yet).
func deathFamily(ctx context.Context, tx RegisterTx, cur *FamilyVersion, ad *akta.Death, reportID, actor string, reg *Registration) (*FamilyVersion, error) {
	// The card's change needs only who died and when; a card built from a
	// report may not know the birth place or date: the NIK's date and "-"
	// stand in for them here, never on the akta.
	rd := *ad
	if rd.Deceased.BirthPlace == "" {
		rd.Deceased.BirthPlace = "-"
	}
	if rd.Deceased.BirthDate.IsZero() {
		rd.Deceased.BirthDate = rd.Deceased.NIK.BirthDate()
	}
	card, err := cur.Card.RemoveDeceased(ctx, &rd, kkSequencer{tx})
	if errors.Is(err, akta.ErrFamilyDissolved) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("registry: KK %s without the deceased: %w", cur.Number, err)
	}
	card.Issuer = ad.Issuer
	v := FamilyVersion{Office: cur.Office, Number: card.Number, Version: cur.Version + 1, Source: FamilyNext,
		Status: DocActive, ReportID: reportID, Actor: actor, At: reg.At, Card: card}
	if card.Number != cur.Number {
		v.Version, v.Previous = 1, cur.Number
	}
	if err := putFamily(ctx, tx, v, actor); err != nil {
		return nil, err
	}
	return &v, nil
}

// fillDeceased completes from the card what the death report left out.
func fillDeceased(p *akta.Deceased, m akta.Member) {
	if p.BirthDate.IsZero() {
		p.BirthDate = m.BirthDate
	}
	if p.BirthPlace == "" {
		p.BirthPlace = m.BirthPlace
	}
	if p.FatherName == "" {
		p.FatherName = m.FatherName
	}
	if p.MotherName == "" {
		p.MotherName = m.MotherName
	}
	if m.Citizenship != 0 {
		p.Citizenship = m.Citizenship
	}
}

// aktaDeath makes the akta kematian of a validated death report registered
// as reg, for the deceased nik (zero when unknown).
func aktaDeath(o *Office, d *DeathReport, reg *Registration, nik adminduk.NIK) *akta.Death {
	sex, _ := adminduk.ParseSex(d.Deceased.Sex)
	born, _ := adminduk.ParseDate(d.Deceased.BirthDate)
	died, _ := adminduk.ParseDate(d.DeathDate)
	ad := &akta.Death{
		Number: reg.Akta, DeathDate: died, DeathPlace: regencyName(o.Regency()),
		Deceased: akta.Deceased{NIK: nik, Name: d.Deceased.Name, Sex: sex, BirthPlace: d.Deceased.BirthPlace, BirthDate: born},
		Reporter: party(d.Reporter.NIK, d.Reporter.Name), RegisteredAt: reg.Registered, IssuedAt: reg.Registered, Issuer: o.Issuer,
	}
	ad.DeathTime, _ = akta.ParseTimeOfDay(d.DeathTime)
	ad.Cause, _ = akta.ParseCause(d.Cause)
	ad.Proof, _ = akta.ParseProof(string(d.Proof))
	for _, w := range d.Witnesses {
		ad.Witnesses = append(ad.Witnesses, party(w.NIK, w.Name))
	}
	return ad
}
