package registry

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/partnership"
)

// MaxSchoolBatch is the most pupils one school batch may list.
const MaxSchoolBatch = 2000

// Pupil is one child on the list a school sends under its PKS.
type Pupil struct {
	NIK    string `json:"nik"`
	Name   string `json:"name"`
	School string `json:"school"`
	Class  string `json:"class,omitempty"`
	// Photo is the child's 2x3 photo (JPEG or PNG), needed for the KIA of a
	// child from five. It is checked and used to sign the card, never put in
	// the QR and not kept by the registry (see the package doc).
	Photo []byte `json:"photo,omitempty"`
}

// SchoolOutcome is what a school batch did for one pupil.
type SchoolOutcome string

// Outcomes of a school batch.
const (
	SchoolIssued     SchoolOutcome = "issued"      // a KIA was issued
	SchoolHasKIA     SchoolOutcome = "has_kia"     // the child already holds a valid KIA
	SchoolNoAkta     SchoolOutcome = "no_akta"     // no active akta kelahiran in this registry
	SchoolNeedsPhoto SchoolOutcome = "needs_photo" // a KIA from five needs a photo: none, or not usable
	SchoolIneligible SchoolOutcome = "ineligible"  // 17 or older, or otherwise not eligible (Problem says why)
	SchoolInvalidNIK SchoolOutcome = "invalid_nik" // the NIK does not parse, or repeats an earlier row
)

// SchoolEntry is the outcome of one pupil of a batch: its row (Index, from
// 0), the NIK as given, and for a KIA issued or held its kind, version and
// last valid day. Problem says what stops the KIA; it is kept as JSON with
// the result, so it carries its Code and messages, not a wrapped error.
type SchoolEntry struct {
	Index      int                  `json:"index"`
	NIK        string               `json:"nik"`
	Name       string               `json:"name"`
	School     string               `json:"school"`
	Class      string               `json:"class,omitempty"`
	Outcome    SchoolOutcome        `json:"outcome"`
	Kind       kia.Kind             `json:"kind,omitempty"`
	Version    int                  `json:"version,omitempty"`
	ValidUntil adminduk.Date        `json:"valid_until,omitzero"`
	ReportID   string               `json:"report_id,omitempty"` // the birth report the KIA belongs to
	Problem    *adminduk.FieldError `json:"problem,omitempty"`
}

// SchoolBatchResult is the answer to a school batch: every pupil in one of
// the lists, each in row order. NoAkta is the report of the children without
// an akta kelahiran that the Dinas follows up.
type SchoolBatchResult struct {
	Office     wilayah.Code  `json:"office"`
	PartnerID  string        `json:"partner_id"`
	BatchKey   string        `json:"batch_key"`
	Issued     []SchoolEntry `json:"issued"`
	HasKIA     []SchoolEntry `json:"has_kia"`
	NoAkta     []SchoolEntry `json:"no_akta"`
	NeedsPhoto []SchoolEntry `json:"needs_photo"`
	Ineligible []SchoolEntry `json:"ineligible"`
	InvalidNIK []SchoolEntry `json:"invalid_nik"`
}

// Len returns the number of pupils the result accounts for.
func (r *SchoolBatchResult) Len() int {
	return len(r.Issued) + len(r.HasKIA) + len(r.NoAkta) + len(r.NeedsPhoto) + len(r.Ineligible) + len(r.InvalidNIK)
}

func (r *SchoolBatchResult) add(e SchoolEntry) {
	switch e.Outcome {
	case SchoolIssued:
		r.Issued = append(r.Issued, e)
	case SchoolHasKIA:
		r.HasKIA = append(r.HasKIA, e)
	case SchoolNoAkta:
		r.NoAkta = append(r.NoAkta, e)
	case SchoolNeedsPhoto:
		r.NeedsPhoto = append(r.NeedsPhoto, e)
	case SchoolIneligible:
		r.Ineligible = append(r.Ineligible, e)
	default:
		r.InvalidNIK = append(r.InvalidNIK, e)
	}
}

// SchoolBatch issues the KIA of the pupils a school lists under its PKS
// (package partnership: a partner of the education group whose agreement
// covers the KIA service that day, else a *[ForbiddenError]). For each pupil
// whose NIK the office registered with an active akta kelahiran and who holds
// no valid KIA, it issues the KIA of the child's age as [kia.Rules] decide
// (the under-5 card without a photo; the card from five with the pupil's
// photo, listed as needing one when it has none), signed by the office and
// stored as the next version of the KIA document of the child's birth
// report; an expired earlier version is marked replaced. The others are
// listed: already holding a KIA, without akta (not registered here),
// ineligible, invalid NIK.
//
// sub.IdempotencyKey is the batch key, required: the same key with the same
// pupils returns the first result and false, with other pupils it is a
// *[ConflictError]. A list that is empty, too long, or has a pupil without
// name or school is a *[adminduk.ValidationError] and writes nothing. The
// batch is one store transaction: when another batch issued the same child's
// KIA version meanwhile, it fails with [ErrConflict], writing nothing, and
// may be sent again.
func (s *Service) SchoolBatch(ctx context.Context, sub Submission, pupils []Pupil) (SchoolBatchResult, bool, error) {
	if sub.PartnerID == "" {
		return SchoolBatchResult{}, false, fmt.Errorf("registry: school batch without partner: %w", ErrForbidden)
	}
	if err := checkPupils(sub.IdempotencyKey, pupils); err != nil {
		return SchoolBatchResult{}, false, err
	}
	now, today := s.clock()
	ag, err := s.authorize(ctx, sub.PartnerID, partnership.KIA, today)
	if err != nil {
		return SchoolBatchResult{}, false, err
	}
	if ag.Partner.Category.Group() != partnership.GroupEducation {
		return SchoolBatchResult{}, false, &ForbiddenError{PartnerID: sub.PartnerID, Service: partnership.PerekamanSekolah,
			Day: today, Reason: ReasonNotCovered, AgreementID: ag.ID}
	}
	office := ag.Partner.CurrentDistrict().Regency()
	data, err := json.Marshal(pupils)
	if err != nil {
		return SchoolBatchResult{}, false, fmt.Errorf("registry: encode school batch: %w", err)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	replay := func(old SchoolBatchRecord) (SchoolBatchResult, bool, error) {
		if old.RequestHash != hash {
			return SchoolBatchResult{}, false, &ConflictError{PartnerID: sub.PartnerID, Field: "batch_key", Value: sub.IdempotencyKey}
		}
		return old.Result, false, nil
	}
	old, err := s.store.SchoolBatch(ctx, office, sub.PartnerID, sub.IdempotencyKey)
	switch {
	case err == nil:
		return replay(old)
	case !errors.Is(err, ErrNotFound):
		return SchoolBatchResult{}, false, err
	}
	actor := sub.Actor
	if actor == "" {
		actor = sub.PartnerID
	}
	rec := SchoolBatchRecord{Office: office, PartnerID: sub.PartnerID, AgreementID: ag.ID, Key: sub.IdempotencyKey,
		RequestHash: hash, Actor: actor, At: now,
		Result: SchoolBatchResult{Office: office, PartnerID: sub.PartnerID, BatchKey: sub.IdempotencyKey}}
	o := s.offices[office]
	seen := map[adminduk.NIK]int{}
	for i := range pupils {
		e, err := s.schoolPupil(ctx, &o, &rec, i, &pupils[i], seen, today)
		if err != nil {
			return SchoolBatchResult{}, false, err
		}
		rec.Result.add(e)
	}
	got, created, err := s.store.PutSchoolBatch(ctx, &rec)
	if err != nil {
		return SchoolBatchResult{}, false, err
	}
	if !created {
		return replay(got)
	}
	return rec.Result, true, nil
}

// schoolPupil decides, and issues when it may, the KIA of pupil i, adding
// what it issues and replaces to rec.
func (s *Service) schoolPupil(ctx context.Context, o *Office, rec *SchoolBatchRecord, i int, p *Pupil, seen map[adminduk.NIK]int, today adminduk.Date) (SchoolEntry, error) {
	e := SchoolEntry{Index: i, NIK: p.NIK, Name: p.Name, School: p.School, Class: p.Class}
	ptr := adminduk.NewPointer("pupils").Index(i).Key("nik")
	nik, err := adminduk.NewParser(adminduk.Options{AsOf: today}).ParseNIK(p.NIK)
	if err != nil {
		e.Outcome = SchoolInvalidNIK
		e.Problem = &adminduk.FieldError{Pointer: ptr, Code: adminduk.CodeInvalid,
			Indonesian: "NIK tidak sah: " + err.Error(), English: "invalid NIK: " + err.Error()}
		return e, nil
	}
	if j, dup := seen[nik]; dup {
		e.Outcome = SchoolInvalidNIK
		e.Problem = &adminduk.FieldError{Pointer: ptr, Code: adminduk.CodeDuplicate,
			Indonesian: fmt.Sprintf("NIK sama dengan baris %d", j), English: fmt.Sprintf("the same NIK as row %d", j)}
		return e, nil
	}
	seen[nik] = i
	reg, err := s.store.RegistrationByNIK(ctx, rec.Office, nik)
	if errors.Is(err, ErrNotFound) {
		e.Outcome = SchoolNoAkta
		return e, nil
	}
	if err != nil {
		return e, err
	}
	e.ReportID = reg.ReportID
	r, err := s.store.Report(ctx, rec.Office, reg.ReportID)
	if err != nil {
		return e, err
	}
	b, err := r.Birth()
	if err != nil {
		return e, err
	}
	docs, err := s.store.Documents(ctx, rec.Office, reg.ReportID)
	if err != nil {
		return e, err
	}
	f := b.facts()
	rules := kia.Rules{Now: s.now}
	hasAkta, lastKIA := false, 0
	var lastKind kia.Kind
	for _, d := range docs {
		switch {
		case d.Type == DocAktaKelahiran && d.Number == reg.Akta.String() && d.Status == DocActive:
			hasAkta = true
		case d.Type == DocKIA && d.Number == nik.String():
			if d.Version > lastKIA {
				lastKIA = d.Version
			}
			if d.Status != DocActive {
				continue
			}
			dec, err := rules.Decide(kia.Child{BirthDate: f.birth}, adminduk.DateOf(d.IssuedAt.In(adminduk.WIB)))
			if err != nil {
				continue
			}
			lastKind = dec.Kind
			if !dec.ValidUntil.Before(today) {
				e.Outcome, e.Kind, e.Version, e.ValidUntil = SchoolHasKIA, dec.Kind, d.Version, dec.ValidUntil
				return e, nil
			}
			rec.Replaced = append(rec.Replaced, d.Ref())
		}
	}
	if !hasAkta {
		e.Outcome = SchoolNoAkta
		return e, nil
	}
	dec, err := rules.Decide(kia.Child{BirthDate: f.birth}, today)
	if err != nil {
		e.Outcome = SchoolIneligible
		e.Problem = &adminduk.FieldError{Pointer: ptr, Code: adminduk.CodeRange,
			Indonesian: "anak tidak berhak atas KIA: " + err.Error(), English: "the child may not hold a KIA: " + err.Error()}
		return e, nil
	}
	e.Kind, e.ValidUntil = dec.Kind, dec.ValidUntil
	if dec.Kind.HasPhoto() && len(p.Photo) == 0 {
		e.Outcome = SchoolNeedsPhoto
		e.Problem = &adminduk.FieldError{Pointer: adminduk.NewPointer("pupils").Index(i).Key("photo"), Code: adminduk.CodeRequired,
			Indonesian: "KIA anak 5 tahun ke atas memerlukan foto", English: "a KIA from age 5 needs a photo"}
		return e, nil
	}
	ab, err := aktaBirth(o, b, &reg)
	if err != nil {
		return e, err
	}
	// The card prints the head of the family the child is in now.
	fam, err := s.store.FamilyOf(ctx, o.Regency(), nik)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return e, err
	}
	card := kiaCard(o, b, ab, &reg, &fam)
	card.Religion, card.Citizenship = f.religion, f.citizenship
	card.IssuedAt = today
	if dec.Kind.HasPhoto() {
		card.Photo = kia.NewPhoto("", p.Photo)
		if lastKind == kia.Under5 {
			card.Replacement = kia.Turned5
		}
	}
	payload, err := card.Sign(o.Signer, rules)
	if err != nil {
		var ve *adminduk.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) == 0 {
			return e, fmt.Errorf("registry: sign KIA of %s: %w", nik.Masked(), err)
		}
		fe := ve.Fields[0]
		fe.Err, fe.Cause = nil, nil // the result is stored as JSON: the code says it
		e.Outcome, e.Problem = SchoolNeedsPhoto, &fe
		if !strings.HasPrefix(string(fe.Pointer), "/photo") {
			e.Outcome = SchoolIneligible
		}
		fe.Pointer = adminduk.NewPointer("pupils").Index(i) + fe.Pointer
		return e, nil
	}
	e.Outcome, e.Version = SchoolIssued, lastKIA+1
	rec.Documents = append(rec.Documents, Document{Office: rec.Office, Type: DocKIA, Number: nik.String(), Version: e.Version,
		Status: DocActive, Payload: payload, IssuedAt: rec.At, ReportID: reg.ReportID, ChangedAt: rec.At})
	return e, nil
}

// checkPupils validates the batch key and the list as a whole.
func checkPupils(key string, pupils []Pupil) error {
	c := adminduk.Checker{What: "registry: invalid school batch"}
	if strings.TrimSpace(key) == "" {
		c.Required(adminduk.NewPointer("batch_key"))
	}
	switch {
	case len(pupils) == 0:
		c.Required(adminduk.NewPointer("pupils"))
	case len(pupils) > MaxSchoolBatch:
		c.AddCode(adminduk.NewPointer("pupils"), adminduk.CodeRange,
			fmt.Sprintf("paling banyak %d murid per kiriman", MaxSchoolBatch), fmt.Sprintf("at most %d pupils per batch", MaxSchoolBatch))
	}
	for i := range pupils {
		p := adminduk.NewPointer("pupils").Index(i)
		if strings.TrimSpace(pupils[i].Name) == "" {
			c.Required(p.Key("name"))
		}
		if strings.TrimSpace(pupils[i].School) == "" {
			c.Required(p.Key("school"))
		}
	}
	return c.Err()
}
