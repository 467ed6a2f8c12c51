package registry

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/kia"
)

// issueBirth returns the documents a birth registration issues, signed by
// the office: the akta kelahiran, the KIA when the child's religion is known
// (the card prints it; the under-5 kind, valid to the 5th birthday, as
// kia.Rules decide) and the version fam of the family card with the child
// (see birthFamily), in that order. The akta and the KIA carry fam's
// number; the KIA prints fam's head.
func (s *Service) issueBirth(o *Office, r *Report, b *BirthReport, ab *akta.Birth, reg *Registration, fam *FamilyVersion) ([]Document, error) {
	f := b.facts()
	ab.KK = fam.Number
	// Signed one after the other: a goroutine for part of them cost its
	// start and the other processor's wake-up inside the writer's turn,
	// more than it saved.
	aktaPayload, err := o.Signer.Sign(ab.Claims(reg.At))
	if err != nil {
		return nil, fmt.Errorf("registry: sign akta %s: %w", reg.Akta, err)
	}
	var kkPayload string
	if fam.Printable() {
		if kkPayload, err = o.Signer.Sign(fam.Card.Claims(reg.At)); err != nil {
			return nil, fmt.Errorf("registry: sign KK %s: %w", fam.Number, err)
		}
	}
	var card *kia.Card
	var kiaPayload string
	if f.religion != 0 {
		card = kiaCard(o, b, ab, reg, fam)
		card.Religion, card.Citizenship = f.religion, f.citizenship
		if kiaPayload, err = card.Sign(o.Signer, kia.Rules{Now: s.now}); err != nil {
			return nil, fmt.Errorf("registry: sign KIA of %s: %w", reg.NIK.Masked(), err)
		}
	}
	aktaDoc, err := newDocument(o, r.ID, DocAktaKelahiran, reg.Akta.String(), aktaPayload, ab, reg.At)
	if err != nil {
		return nil, err
	}
	docs := []Document{aktaDoc}
	if card != nil {
		kiaDoc, err := newDocument(o, r.ID, DocKIA, reg.NIK.String(), kiaPayload, card, reg.At)
		if err != nil {
			return nil, err
		}
		docs = append(docs, kiaDoc)
	}
	if !fam.Printable() {
		return docs, nil
	}
	kkDoc, err := familyDocument(o, r.ID, fam, kkPayload)
	if err != nil {
		return nil, err
	}
	return append(docs, kkDoc), nil
}

// familyDocument is the document of family version fam: type KK, number the
// KK number, version fam's, active, model the card.
func familyDocument(o *Office, reportID string, fam *FamilyVersion, payload string) (Document, error) {
	d, err := newDocument(o, reportID, DocKK, fam.Number.String(), payload, fam.Card, fam.At)
	d.Version = fam.Version
	return d, err
}

// newDocument is version 1, active, of a document issued from model (stored
// as its JSON form) with its signed QR payload.
func newDocument(o *Office, reportID string, t DocType, number, payload string, model any, at time.Time) (Document, error) {
	m, err := json.Marshal(model)
	if err != nil {
		return Document{}, fmt.Errorf("registry: %s %s: model: %w", t, number, err)
	}
	return Document{Office: o.Regency(), Type: t, Number: number, Version: 1, Status: DocActive,
		Payload: payload, IssuedAt: at, ReportID: reportID, ChangedAt: at, Model: m}, nil
}

// aktaBirth makes the akta kelahiran of a validated birth report registered
// as reg.
func aktaBirth(o *Office, b *BirthReport, reg *Registration) (*akta.Birth, error) {
	f := b.facts()
	ch := akta.Child{NIK: reg.NIK, Name: b.Child.Name, Sex: f.sex, BirthDate: f.birth,
		BirthPlace: regencyName(o.Regency()), BirthOrder: b.Child.BirthOrder,
		WeightGrams: b.Child.WeightG, LengthMM: int(b.Child.LengthCM*10 + 0.5)}
	ch.BirthTime, _ = akta.ParseTimeOfDay(b.Child.BirthTime) // validated; "" leaves it zero
	ch.Multiplicity, _ = akta.ParseMultiplicity(b.Child.Multiplicity)
	parents, err := akta.ParseParents(string(b.Parents))
	if err != nil {
		return nil, fmt.Errorf("registry: parents: %w", err)
	}
	proof, err := akta.ParseProof(string(b.Proof))
	if err != nil {
		return nil, fmt.Errorf("registry: proof: %w", err)
	}
	ab := &akta.Birth{
		Number: reg.Akta, Child: ch, Mother: party(b.Mother.NIK, b.Mother.Name),
		Parents: parents, Proof: proof, Reporter: party(b.Reporter.NIK, b.Reporter.Name),
		RegisteredAt: reg.Registered, IssuedAt: reg.Registered, Issuer: o.Issuer,
	}
	if b.Father != nil {
		p := party(b.Father.NIK, b.Father.Name)
		ab.Father = &p
	}
	for _, w := range b.Witnesses {
		ab.Witnesses = append(ab.Witnesses, party(w.NIK, w.Name))
	}
	if b.Family.KK != "" {
		ab.KK, _ = adminduk.ParseKK(b.Family.KK) // validated with the report
	}
	return ab, nil
}

// kiaCard makes the KIA of a newborn: no photo (under 5), issued on the day
// of registration, with the KK number and head of family of fam.
func kiaCard(o *Office, b *BirthReport, ab *akta.Birth, reg *Registration, fam *FamilyVersion) *kia.Card {
	village, _ := wilayah.ParseCode(b.Family.Address.Village)
	var head string
	if h, ok := fam.Head(); ok {
		head = h.Name
	}
	return &kia.Card{
		NIK: reg.NIK, Name: ab.Child.Name, BirthPlace: ab.Child.BirthPlace, BirthDate: ab.Child.BirthDate,
		Sex: ab.Child.Sex, KK: ab.KK, HeadOfFamily: head, AktaNumber: reg.Akta.String(),
		Address:  adminduk.Address{Street: b.Family.Address.Street, RT: b.Family.Address.RT, RW: b.Family.Address.RW, Village: village},
		IssuedAt: reg.Registered, Issuer: o.Issuer,
	}
}

func party(nik, name string) akta.Party {
	n, _ := adminduk.ParseNIK(nik) // validated with the report; "" leaves it zero
	return akta.Party{NIK: n, Name: name}
}

func regencyName(c wilayah.Code) string {
	if r, ok := wilayah.Lookup(c); ok {
		return r.Name
	}
	return c.String()
}
