package registry

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// birthFamily makes, inside the registration's transaction, the version of
// the family card that a birth registration issues and stores it:
//   - the report names a KK the registry holds: its next version with the
//     child added (the previous version becomes replaced);
//   - the report names a KK the registry does not hold: version 1 of that
//     number built from the report ([FamilyFromReport]);
//   - the report names no KK (a new family): a new KK number (the kecamatan
//     of the address, the day of registration and the next serial of that
//     kecamatan and day) with version 1 built from the report.
func birthFamily(ctx context.Context, tx RegisterTx, o *Office, r *Report, b *BirthReport, ab *akta.Birth,
	reg *Registration, actor string) (FamilyVersion, error) {
	f := b.facts()
	v := FamilyVersion{Office: o.Regency(), ReportID: r.ID, Actor: actor, At: reg.At, Status: DocActive}
	if b.Family.KK != "" {
		kk, _ := adminduk.ParseKK(b.Family.KK) // validated with the report
		cur, err := currentFamily(ctx, tx, kk)
		switch {
		case err == nil:
			card := cur.Card.Clone()
			card.Members = insertMember(card.Members, newbornMember(card, ab, f))
			v.Number, v.Version, v.Source, v.Card = cur.Number, cur.Version+1, FamilyNext, card
		case errors.Is(err, ErrNotFound):
			v.Number, v.Version, v.Source, v.Card = kk, 1, FamilyFromReport, reportFamily(b, ab, f, kk)
		default:
			return FamilyVersion{}, err
		}
	} else {
		serial, err := tx.NextKKSerial(ctx, f.kecamatan, reg.Registered)
		if err != nil {
			return FamilyVersion{}, err
		}
		kk, err := adminduk.NewKK(f.kecamatan, reg.Registered, serial)
		if err != nil {
			return FamilyVersion{}, fmt.Errorf("registry: new KK number: %w", err)
		}
		v.Number, v.Version, v.Source, v.Card = kk, 1, FamilyFromReport, reportFamily(b, ab, f, kk)
	}
	v.Card.IssuedAt, v.Card.Issuer = reg.Registered, o.Issuer
	if err := putFamily(ctx, tx, v, actor); err != nil {
		return FamilyVersion{}, err
	}
	return v, nil
}

// currentFamily returns the current version of kk, following a KK that was
// replaced by a new number (the head died) to the number in use.
func currentFamily(ctx context.Context, tx RegisterTx, kk adminduk.KK) (FamilyVersion, error) {
	for range 10 {
		v, err := tx.Family(ctx, kk)
		if err != nil || !v.ReplacedBy.IsValid() {
			return v, err
		}
		kk = v.ReplacedBy
	}
	return FamilyVersion{}, fmt.Errorf("registry: KK %s: too many replacements: %w", kk, ErrConflict)
}

// putFamily stores v and marks the document of the version it follows
// replaced: the previous version of the same number, or the last version
// of the KK a new number replaces.
func putFamily(ctx context.Context, tx RegisterTx, v FamilyVersion, actor string) error {
	if err := tx.PutFamily(ctx, v); err != nil {
		return err
	}
	old := v.Number
	if v.Previous.IsValid() {
		old = v.Previous
	} else if v.Version == 1 {
		return nil
	}
	_, err := tx.ChangeState(ctx, DocKK, old.String(), DocReplaced, v.At, actor, "diganti KK "+v.Number.String()+" versi "+fmt.Sprint(v.Version))
	return err
}

// reportFamily builds a family card from a birth report: the father as
// head when he is named with a NIK (the mother as ISTRI), else the mother,
// and the child as ANAK. What the report does not carry stays unknown.
func reportFamily(b *BirthReport, ab *akta.Birth, f birthFacts, kk adminduk.KK) *akta.Family {
	village, _ := wilayah.ParseCode(b.Family.Address.Village)
	card := &akta.Family{Number: kk,
		Address: adminduk.Address{Street: b.Family.Address.Street, RT: b.Family.Address.RT, RW: b.Family.Address.RW, Village: village}}
	var marital akta.MaritalStatus
	switch b.Parents {
	case ParentsMarried:
		marital = akta.MarriedRecorded
	case ParentsUnrecorded:
		marital = akta.MarriedUnrecorded
	}
	mother := parentMember(&b.Mother, adminduk.Female, marital)
	if b.Father != nil && b.Father.NIK != "" {
		father := parentMember(b.Father, adminduk.Male, marital)
		father.Relationship, mother.Relationship = akta.RelHead, akta.RelWife
		card.Members = append(card.Members, father, mother)
	} else {
		mother.Relationship = akta.RelHead
		card.Members = append(card.Members, mother)
	}
	card.Members = append(card.Members, newbornMember(card, ab, f))
	return card
}

func parentMember(p *Parent, sex adminduk.Sex, marital akta.MaritalStatus) akta.Member {
	nik, _ := adminduk.ParseNIK(p.NIK)
	birth, _ := adminduk.ParseDate(p.BirthDate) // "" leaves it unknown
	m := akta.Member{Name: p.Name, NIK: nik, Sex: sex, BirthPlace: p.BirthPlace, BirthDate: birth,
		MaritalStatus: marital, Citizenship: adminduk.WNI}
	if !p.indonesian() {
		m.Citizenship = adminduk.WNA
	}
	return m
}

// newbornMember is the child's row on card: ANAK when the mother or father
// found on the card (by NIK) is the head or the head's spouse, CUCU when the
// parent is a child or child-in-law of the head, FAMILI LAIN otherwise (as
// akta.Family.AddNewborn decides); the religion reported for the child, else
// that of the parent's row.
func newbornMember(card *akta.Family, ab *akta.Birth, f birthFacts) akta.Member {
	m := akta.Member{Name: ab.Child.Name, NIK: ab.Child.NIK, Sex: ab.Child.Sex, BirthPlace: ab.Child.BirthPlace,
		BirthDate: ab.Child.BirthDate, Religion: f.religion, Education: akta.NoSchooling,
		Occupation: akta.OccupationNone, MaritalStatus: akta.Unmarried, Relationship: akta.RelOtherRelative,
		Citizenship: f.citizenship, MotherName: ab.Mother.Name}
	if ab.Father != nil {
		m.FatherName = ab.Father.Name
	}
	parent, ok := card.Member(ab.Mother.NIK)
	if !ok && ab.Father != nil {
		parent, ok = card.Member(ab.Father.NIK)
	}
	if !ok {
		return m
	}
	switch parent.Relationship {
	case akta.RelHead, akta.RelHusband, akta.RelWife:
		m.Relationship = akta.RelChild
	case akta.RelChild, akta.RelChildInLaw:
		m.Relationship = akta.RelGrandchild
	}
	if m.Religion == 0 {
		m.Religion = parent.Religion
	}
	return m
}

// insertMember places m after the members of the same relationship born
// before it, keeping the card's order: head, spouse, children by age, others.
func insertMember(ms []akta.Member, m akta.Member) []akta.Member {
	at := len(ms)
	for i, o := range ms {
		if rank(o.Relationship) > rank(m.Relationship) || rank(o.Relationship) == rank(m.Relationship) && o.BirthDate.After(m.BirthDate) {
			at = i
			break
		}
	}
	return slices.Insert(ms, at, m)
}

func rank(r akta.Relationship) int {
	switch r {
	case akta.RelHead:
		return 0
	case akta.RelHusband, akta.RelWife:
		return 1
	}
	return int(r)
}

// kkSequencer hands out new KK serials from the registration's transaction
// (akta.Family.RemoveDeceased takes an akta.Sequencer).
type kkSequencer struct{ tx RegisterTx }

func (s kkSequencer) Next(ctx context.Context, kecamatan wilayah.Code, day adminduk.Date) (int, error) {
	return s.tx.NextKKSerial(ctx, kecamatan, day)
}
