package akta

import (
	"context"
	"slices"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// FamilyError reports a change a family card cannot take. It unwraps to
// [ErrNotMember], [ErrAlreadyMember], [ErrFamilyDissolved] or a record's
// *[adminduk.ValidationError].
type FamilyError struct {
	Op  string       // "add newborn", "remove deceased"
	NIK adminduk.NIK // the person concerned, if any
	Err error
}

// Error returns a message with the NIK masked.
func (e *FamilyError) Error() string {
	s := "akta: " + e.Op
	if e.NIK.IsValid() {
		s += " " + e.NIK.Masked()
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *FamilyError) Unwrap() error { return e.Err }

// AddNewborn returns the next version of the card with the child of b
// entered; f is not changed. The card keeps its number; the new version is
// dated b.IssuedAt. The mother or the father must be a member (matched by
// NIK), else the error wraps [ErrNotMember]; a child already on the card
// gives [ErrAlreadyMember]. b must pass validation except for its number.
//
// The new row: relationship ANAK when the parent found is the head or the
// head's spouse, CUCU when the parent is a child or child-in-law of the head,
// FAMILI LAIN otherwise; religion of the mother's row (the father's when the
// mother is not a member); WNI when either parent on the card is WNI;
// education TIDAK/BELUM SEKOLAH, occupation [OccupationNone], BELUM KAWIN;
// parents' names from b. It is placed after the members of the same
// relationship born before the child, keeping the card's order of head,
// spouse, children by age, then other relatives.
func (f *Family) AddNewborn(b *Birth) (*Family, error) {
	ch := b.Child
	if err := b.validate(false); err != nil {
		return nil, &FamilyError{Op: "add newborn", NIK: ch.NIK, Err: err}
	}
	if f.indexNIK(ch.NIK) >= 0 {
		return nil, &FamilyError{Op: "add newborn", NIK: ch.NIK, Err: ErrAlreadyMember}
	}
	mi := f.indexNIK(b.Mother.NIK)
	fi := -1
	if b.Father != nil {
		fi = f.indexNIK(b.Father.NIK)
	}
	parent := mi
	if parent < 0 {
		parent = fi
	}
	if parent < 0 {
		return nil, &FamilyError{Op: "add newborn", NIK: b.Mother.NIK, Err: ErrNotMember}
	}
	rel := RelOtherRelative
	switch f.Members[parent].Relationship {
	case RelHead, RelHusband, RelWife:
		rel = RelChild
	case RelChild, RelChildInLaw:
		rel = RelGrandchild
	}
	cit := adminduk.WNA
	for _, i := range []int{mi, fi} {
		if i >= 0 && f.Members[i].Citizenship == adminduk.WNI {
			cit = adminduk.WNI
		}
	}
	m := Member{
		Name: ch.Name, NIK: ch.NIK, Sex: ch.Sex, BirthPlace: ch.BirthPlace, BirthDate: ch.BirthDate,
		Religion: f.Members[parent].Religion, Education: NoSchooling, Occupation: OccupationNone,
		MaritalStatus: Unmarried, Relationship: rel, Citizenship: cit, MotherName: b.Mother.Name,
	}
	if b.Father != nil {
		m.FatherName = b.Father.Name
	}
	nf := f.Clone()
	at := len(nf.Members)
	for i, o := range nf.Members {
		if rank(o.Relationship) > rank(rel) || rank(o.Relationship) == rank(rel) && o.BirthDate.After(ch.BirthDate) {
			at = i
			break
		}
	}
	nf.Members = slices.Insert(nf.Members, at, m)
	nf.IssuedAt = b.IssuedAt
	return nf, nil
}

// rank orders relationships as cards list them.
func rank(r Relationship) int {
	switch r {
	case RelHead:
		return 0
	case RelHusband, RelWife:
		return 1
	}
	return int(r)
}

// RemoveDeceased returns the next version of the card without the person d
// records; f is not changed. The new version is dated d.IssuedAt. The
// deceased's spouse becomes CERAI MATI (widowed): the head when a spouse
// died, every SUAMI/ISTRI when the head died.
//
// When the head died the family gets a new KK number (DOMAIN.md): the
// kecamatan of the address, the date d.IssuedAt and the next serial from seq
// for that kecamatan and day (seq may be nil otherwise). The new head is
// chosen by [Family.Successor] and the other relationships are restated
// from the new head's point of view (see [Family.Successor]).
//
// Errors wrap [ErrNotMember] when the deceased is not on the card,
// [ErrFamilyDissolved] when no one is left (the card is closed), the
// death's *[adminduk.ValidationError] when d is incomplete, or the sequencer's error.
func (f *Family) RemoveDeceased(ctx context.Context, d *Death, seq Sequencer) (*Family, error) {
	nik := d.Deceased.NIK
	fail := func(err error) (*Family, error) {
		return nil, &FamilyError{Op: "remove deceased", NIK: nik, Err: err}
	}
	if err := d.validate(false); err != nil {
		return fail(err)
	}
	di := f.indexNIK(nik)
	if di < 0 {
		return fail(ErrNotMember)
	}
	if len(f.Members) == 1 {
		return fail(ErrFamilyDissolved)
	}
	dead := f.Members[di]
	nf := f.Clone()
	nf.IssuedAt = d.IssuedAt
	nf.Members = slices.Delete(nf.Members, di, di+1)
	for i := range nf.Members {
		m := &nf.Members[i]
		if dead.Relationship == RelHead && m.Relationship.spouse() || dead.Relationship.spouse() && m.Relationship == RelHead {
			if m.MaritalStatus.married() {
				m.MaritalStatus = Widowed
			}
		}
	}
	if dead.Relationship != RelHead {
		return nf, nil
	}
	h := successor(nf.Members, d.DeathDate)
	restate(nf.Members, h)
	// Keep the printed order: the new head first, then by rank and age.
	slices.SortStableFunc(nf.Members, func(a, b Member) int {
		if c := rank(a.Relationship) - rank(b.Relationship); c != 0 {
			return c
		}
		if rank(a.Relationship) == rank(RelChild) {
			return a.BirthDate.Compare(b.BirthDate)
		}
		return 0
	})
	if seq == nil {
		return fail(errNoSequencer)
	}
	kec := f.Address.Village.Truncate(wilayah.LevelDistrict)
	serial, err := seq.Next(ctx, kec, d.IssuedAt)
	if err != nil {
		return fail(err)
	}
	kk, err := adminduk.NewKK(kec, d.IssuedAt, serial)
	if err != nil {
		return fail(err)
	}
	nf.Number = kk
	return nf, nil
}

var errNoSequencer = &NumberError{Input: "", Err: ErrInvalidSerial, Msg: "the head died: a new KK number needs a sequencer"}

// Successor returns the member who becomes head when the head dies on the
// given date, by this rule:
//
//  1. the head's spouse (SUAMI/ISTRI), the first listed if several;
//  2. else the eldest child (ANAK) who is an adult: 17 or older on the date,
//     or married or once married;
//  3. else the eldest adult of the other members;
//  4. else the eldest member.
//
// It returns false when the head is the only member. Restated
// relationships after a change of head: for a spouse who becomes head,
// ORANG TUA of the old head become MERTUA and MERTUA become ORANG TUA, a
// co-wife becomes FAMILI LAIN, the rest stay; for a child who becomes head,
// the surviving parent becomes ORANG TUA, siblings FAMILI LAIN, the only
// MENANTU (if the new head is married) the spouse, CUCU whose father's or
// mother's name is the new head's become ANAK, other relatives FAMILI LAIN;
// otherwise everyone becomes FAMILI LAIN except PEMBANTU/LAINNYA and
// members whose parent's name is the new head's (ANAK). Officers review the
// result: this is a default, not law.
func (f *Family) Successor(on adminduk.Date) (Member, bool) {
	var rest []Member
	for _, m := range f.Members {
		if m.Relationship != RelHead {
			rest = append(rest, m)
		}
	}
	if len(rest) == 0 {
		return Member{}, false
	}
	return rest[successor(rest, on)], true
}

// successor picks the new head among the remaining members (non-empty).
func successor(ms []Member, on adminduk.Date) int {
	for i, m := range ms {
		if m.Relationship.spouse() {
			return i
		}
	}
	adult := func(m Member) bool {
		return m.MaritalStatus != 0 && m.MaritalStatus != Unmarried || !m.BirthDate.IsZero() && m.BirthDate.YearsAt(on) >= 17
	}
	eldest := func(ok func(Member) bool) int {
		best := -1
		for i, m := range ms {
			if ok(m) && (best < 0 || m.BirthDate.Before(ms[best].BirthDate)) {
				best = i
			}
		}
		return best
	}
	if i := eldest(func(m Member) bool { return m.Relationship == RelChild && adult(m) }); i >= 0 {
		return i
	}
	if i := eldest(adult); i >= 0 {
		return i
	}
	return eldest(func(Member) bool { return true })
}

// restate makes ms[h] head and restates everyone's relationship to them.
func restate(ms []Member, h int) {
	nh := ms[h]
	childOfNewHead := func(m Member) bool {
		n := strings.ToUpper(strings.TrimSpace(nh.Name))
		return n != "" && (strings.ToUpper(strings.TrimSpace(m.FatherName)) == n || strings.ToUpper(strings.TrimSpace(m.MotherName)) == n)
	}
	inLaws := 0
	for _, m := range ms {
		if m.Relationship == RelChildInLaw {
			inLaws++
		}
	}
	for i := range ms {
		m := &ms[i]
		if i == h {
			continue
		}
		r := m.Relationship
		switch {
		case nh.Relationship.spouse():
			switch r {
			case RelParent:
				r = RelParentInLaw
			case RelParentInLaw:
				r = RelParent
			case RelHusband, RelWife:
				r = RelOtherRelative
			}
		case nh.Relationship == RelChild:
			switch r {
			case RelHusband, RelWife:
				r = RelParent
			case RelChild:
				r = RelOtherRelative
			case RelChildInLaw:
				r = RelOtherRelative
				if inLaws == 1 && nh.MaritalStatus != Unmarried {
					r = RelWife
					if m.Sex == adminduk.Male {
						r = RelHusband
					}
				}
			case RelGrandchild:
				r = RelOtherRelative
				if childOfNewHead(*m) {
					r = RelChild
				}
			case RelParent, RelParentInLaw:
				r = RelOtherRelative
			}
		default:
			switch {
			case childOfNewHead(*m):
				r = RelChild
			case r != RelHelper && r != RelOther:
				r = RelOtherRelative
			}
		}
		m.Relationship = r
	}
	ms[h].Relationship = RelHead
}
