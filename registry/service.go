package registry

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// Config configures a [Service].
type Config struct {
	Store   Store
	Offices []Office // the Dinas this service runs; at least one
	// Now is the clock; nil means time.Now. Days are taken in WIB.
	Now func() time.Time
	// NewID returns a new report ID, unique across processes; nil means
	// [NewReportID] (time-ordered, 32 hex digits).
	NewID func() string
	// Types is the akta type table; nil means akta.DefaultTypes.
	Types *akta.Types
	// DuplicateRules are evaluated at notify and at register; nil means
	// DefaultDuplicateRules, an empty non-nil slice none.
	DuplicateRules []DuplicateRule
	// Webhooks configures webhook endpoints (see [WebhookConfig]).
	Webhooks WebhookConfig
}

// Service runs the workflow of reports over a [Store]. It is safe for
// concurrent use and keeps no state of its own besides its configuration.
type Service struct {
	store   Store
	offices map[wilayah.Code]Office
	now     func() time.Time
	newID   func() string
	types   *akta.Types
	rules   []DuplicateRule
	hooks   WebhookConfig
}

// New returns a Service for cfg.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, errors.New("registry: config has no store")
	}
	if len(cfg.Offices) == 0 {
		return nil, errors.New("registry: config has no office")
	}
	s := &Service{store: cfg.Store, offices: make(map[wilayah.Code]Office), now: cfg.Now, newID: cfg.NewID, types: cfg.Types, hooks: cfg.Webhooks}
	for i := range cfg.Offices {
		if err := cfg.Offices[i].Validate(); err != nil {
			return nil, err
		}
		s.offices[cfg.Offices[i].Regency()] = cfg.Offices[i]
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.newID == nil {
		s.newID = NewReportID
	}
	if s.types == nil {
		s.types = akta.DefaultTypes()
	}
	for i := range cfg.DuplicateRules {
		if err := cfg.DuplicateRules[i].Validate(); err != nil {
			return nil, err
		}
	}
	s.rules = cfg.DuplicateRules
	return s, nil
}

// NewReportID returns a new report ID: 32 hex digits, the first 12 the
// milliseconds since 1970 (like a UUIDv7), the rest random (80 bits). IDs made
// later sort after (to the millisecond), so that every index keyed by the
// report ID grows at its end: a report's rows land on the pages the previous
// report's rows were written to, instead of one random page of each index
// (with the event ids that follow them, 83 WAL pages per registration on
// SQLite instead of 87, BENCHMARKS.md).
// It reveals when the report was made, which its record holds anyway.
func NewReportID() string {
	var b [16]byte
	ms := uint64(time.Now().UnixMilli())
	for i := 5; i >= 0; i-- {
		b[i] = byte(ms)
		ms >>= 8
	}
	_, _ = rand.Read(b[6:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// clock returns the current instant, at the microsecond precision every store
// keeps, and its day in WIB.
func (s *Service) clock() (time.Time, adminduk.Date) {
	t := s.now().UTC().Truncate(time.Microsecond)
	return t, adminduk.DateOf(t.In(adminduk.WIB))
}

// Submission is who submits a report: the partner (authenticated by the
// caller), the partner's user, and the idempotency key of the request.
type Submission struct {
	PartnerID      string
	Actor          string // the partner's user; "" means the partner ID
	IdempotencyKey string // optional; scoped to the partner
}

// NotifyBirth validates a birth report and stores it under the office of the
// partner's agreement, with its notify action. It returns the report and
// whether it was created (false: a replay of an earlier submission). A
// partner without an agreement in force gets a *[ForbiddenError], an invalid
// report a *[adminduk.ValidationError] listing every problem (including a
// date in the future or an address outside the office); neither writes
// anything. A birth report is checked by [BirthReport.ValidateNotify]: what
// registration still needs (reporter, proof, parent case, father ...) may be
// missing and flags the report [FlagIncomplete] instead.
func (s *Service) NotifyBirth(ctx context.Context, sub Submission, r *BirthReport) (Report, bool, error) {
	return s.submit(ctx, sub, KindBirth, notifyBirth{r}, r.ExternalRef, r.Family.Address.Village,
		r.eventFlags)
}

// NotifyDeath is [Service.NotifyBirth] for a death report.
//
// A deceased without a NIK may link the birth report of a newborn who died
// before registration ("birth_report"): it must be a birth report of the
// same office, else the report is invalid at /deceased/birth_report.
func (s *Service) NotifyDeath(ctx context.Context, sub Submission, r *DeathReport) (Report, bool, error) {
	link, err := s.deathLink(ctx, sub, r)
	if err != nil {
		return Report{}, false, err
	}
	return s.submit(ctx, sub, KindDeath, r, r.ExternalRef, r.Family.Address.Village,
		func(c *adminduk.Checker, today adminduk.Date) Flags {
			if link != nil {
				c.Add(*link)
			}
			return r.eventFlags(c, today)
		})
}

// NotifyStillbirth is [Service.NotifyBirth] for a stillbirth report.
func (s *Service) NotifyStillbirth(ctx context.Context, sub Submission, r *StillbirthReport) (Report, bool, error) {
	return s.submit(ctx, sub, KindStillbirth, r, r.ExternalRef, r.Family.Address.Village,
		r.eventFlags)
}

// report is what every kind of report has.
type report interface{ Validate() error }

func (s *Service) submit(ctx context.Context, sub Submission, kind Kind, body report, extRef, village string,
	check func(c *adminduk.Checker, today adminduk.Date) Flags) (Report, bool, error) {
	if sub.PartnerID == "" {
		return Report{}, false, fmt.Errorf("registry: submission without partner: %w", ErrForbidden)
	}
	now, today := s.clock()
	ag, err := s.authorize(ctx, sub.PartnerID, kind.Service(), today)
	if err != nil {
		return Report{}, false, err
	}
	office := ag.Partner.CurrentDistrict().Regency()
	c := adminduk.Checker{What: "registry: invalid " + kind.String() + " report"}
	if err := body.Validate(); err != nil {
		var ve *adminduk.ValidationError
		if !errors.As(err, &ve) {
			return Report{}, false, err
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
	if err := c.Err(); err != nil {
		return Report{}, false, err
	}
	data, err := json.Marshal(body)
	if err != nil {
		return Report{}, false, fmt.Errorf("registry: encode report: %w", err)
	}
	sum := sha256.Sum256(data)
	actor := sub.Actor
	if actor == "" {
		actor = sub.PartnerID
	}
	r := &Report{
		Office: office, ID: s.newID(), Kind: kind, PartnerID: sub.PartnerID, AgreementID: ag.ID,
		ExternalRef: extRef, Body: data, BodyHash: hex.EncodeToString(sum[:]), Flags: flags,
		Status: StatusNotified, Created: now,
		Actions: []Action{{Seq: 1, Type: ActNotify, Actor: actor, At: now}},
	}
	keys, err := r.subjectKeysOf(decoded(body))
	if err != nil {
		return Report{}, false, err
	}
	out, created, err := s.store.CreateReport(ctx, r, keys, sub.IdempotencyKey)
	if err == nil && created {
		_, err = s.flagDuplicates(ctx, &out, keys, actor)
	}
	return out, created, err
}

// decoded is what the stored body of a submission decodes to: the
// *BirthReport, *DeathReport or *StillbirthReport submitted.
func decoded(body report) any {
	if n, ok := body.(notifyBirth); ok {
		return n.r
	}
	return body
}

// Report returns a stored report with its actions, derived status and the
// documents issued for it.
func (s *Service) Report(ctx context.Context, office wilayah.Code, id string) (Report, error) {
	r, err := s.report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	docs, err := s.store.Documents(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	for i := range docs {
		r.Documents = append(r.Documents, docs[i].Ref())
	}
	return r, nil
}

// report is Report without the documents.
func (s *Service) report(ctx context.Context, office wilayah.Code, id string) (Report, error) {
	r, err := s.store.Report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	st, err := Derive(r.Actions)
	if err != nil {
		return Report{}, err
	}
	r.Status = st
	return r, nil
}

// Verify records that an officer checked the report. A birth report that
// still lacks what registration needs is refused with a *[IncompleteError].
func (s *Service) Verify(ctx context.Context, office wilayah.Code, id, actor string) (Report, error) {
	return s.step(ctx, office, id, ActVerify, actor, "")
}

// Return sends the report back to the partner with the reasons (at least one).
func (s *Service) Return(ctx context.Context, office wilayah.Code, id, actor string, reasons ...string) (Report, error) {
	return s.step(ctx, office, id, ActReturn, actor, strings.Join(reasons, "; "))
}

// Resubmit records that the partner sent a returned report again.
func (s *Service) Resubmit(ctx context.Context, office wilayah.Code, id, actor string) (Report, error) {
	return s.step(ctx, office, id, ActResubmit, actor, "")
}

// Archive closes a report without registration (a duplicate, a withdrawn
// report) or after revocation; the reason is required.
func (s *Service) Archive(ctx context.Context, office wilayah.Code, id, actor, reason string) (Report, error) {
	return s.step(ctx, office, id, ActArchive, actor, reason)
}

// Act appends a step that needs no allocation and changes no document:
// issue, verify, return, resubmit, archive (a hand-over is
// [Service.HandOver]; a correction [Service.Correct] and a revocation
// [Service.Revoke], which change documents with their action). Return and
// archive need a reason.
func (s *Service) Act(ctx context.Context, office wilayah.Code, id string, a ActionType, actor, reason string) (Report, error) {
	switch a {
	case ActIssue, ActVerify, ActReturn, ActResubmit, ActArchive:
		return s.step(ctx, office, id, a, actor, reason)
	}
	return Report{}, fmt.Errorf("registry: action %s is not taken with Act: %w", a, ErrInvalidTransition)
}

func needsReason(a ActionType) bool {
	return a == ActReturn || a == ActCorrect || a == ActRevoke || a == ActArchive
}

func checkActor(actor, reason string, a ActionType) error {
	var c adminduk.Checker
	c.What = "registry: invalid action"
	if strings.TrimSpace(actor) == "" {
		c.Required(adminduk.NewPointer("actor"))
	}
	if needsReason(a) && strings.TrimSpace(reason) == "" {
		c.Required(adminduk.NewPointer("reason"))
	}
	return c.Err()
}

func (s *Service) step(ctx context.Context, office wilayah.Code, id string, a ActionType, actor, reason string) (Report, error) {
	if err := checkActor(actor, reason, a); err != nil {
		return Report{}, err
	}
	r, err := s.report(ctx, office, id)
	if err != nil {
		return Report{}, err
	}
	next, err := Next(r.Status, a)
	if err != nil {
		var te *TransitionError
		if errors.As(err, &te) {
			te.ReportID = id
		}
		return Report{}, err
	}
	if a == ActVerify {
		if err := checkComplete(&r, a); err != nil {
			return Report{}, err
		}
	}
	now, _ := s.clock()
	act := Action{Seq: len(r.Actions) + 1, Type: a, Actor: actor, At: now, Reason: reason}
	if err := s.store.AppendAction(ctx, office, id, act, next); err != nil {
		return Report{}, err
	}
	r.Actions = append(r.Actions, act)
	r.Status = next
	return r, nil
}

// Register registers a verified report in one store transaction: a birth gets
// the child's NIK and an akta number (LU, or LT more than 60 days after the
// birth), a death an akta number (KM), a stillbirth neither.
func (s *Service) Register(ctx context.Context, office wilayah.Code, id, actor string) (Registration, error) {
	if err := checkActor(actor, "", ActRegister); err != nil {
		return Registration{}, err
	}
	if _, ok := s.offices[office]; !ok {
		return Registration{}, fmt.Errorf("registry: office %s is not run here: %w", office, ErrNotFound)
	}
	r, err := s.report(ctx, office, id)
	if err != nil {
		return Registration{}, err
	}
	next, err := Next(r.Status, ActRegister)
	if err != nil {
		var te *TransitionError
		if errors.As(err, &te) {
			te.ReportID = id
		}
		return Registration{}, err
	}
	// The body is decoded once for the checks and the registration.
	body, err := r.decodeBody()
	if err != nil {
		return Registration{}, err
	}
	if b, ok := body.(*BirthReport); ok {
		if err := checkBirthComplete(&r, b, ActRegister); err != nil {
			return Registration{}, err
		}
	}
	keys, err := r.subjectKeysOf(body)
	if err != nil {
		return Registration{}, err
	}
	if err := s.checkDuplicatesForRegister(ctx, &r, keys, actor); err != nil {
		return Registration{}, err
	}
	now, today := s.clock()
	in := Registering{
		Office: office, ReportID: id, Status: next,
		Action: Action{Seq: len(r.Actions) + 1, Type: ActRegister, Actor: actor, At: now},
	}
	var typ akta.Type
	var birth birthFacts
	var bd *BirthReport
	switch r.Kind {
	case KindBirth:
		b := body.(*BirthReport)
		if err := checkNamed(id, b); err != nil {
			return Registration{}, err
		}
		bd = b
		birth = b.facts()
		in.NIK = &SerialKey{Kecamatan: birth.kecamatan, Digits: nikDateDigits(birth.birth, birth.sex)}
		in.AktaDay = today
		typ, err = s.aktaType(akta.KindBirth, akta.BirthLate(birth.birth, today))
		if err != nil {
			return Registration{}, err
		}
	case KindDeath:
		d := body.(*DeathReport)
		died, _ := adminduk.ParseDate(d.DeathDate)
		in.AktaDay = today
		typ, err = s.aktaType(akta.KindDeath, akta.DeathLate(died, today))
		if err != nil {
			return Registration{}, err
		}
	}
	in.BuildTx = func(ctx context.Context, tx RegisterTx, nikSerial, aktaSerial int) (Registration, error) {
		reg := Registration{Office: office, ReportID: id, Registered: today, At: now}
		if in.NIK != nil {
			n, err := BuildNIK(birth.kecamatan, birth.birth, birth.sex, nikSerial)
			if err != nil {
				return Registration{}, err
			}
			reg.NIK = n
		}
		if !in.AktaDay.IsZero() {
			num, err := akta.NewNumber(office, typ, today, aktaSerial)
			if err != nil {
				return Registration{}, fmt.Errorf("registry: akta number: %w", err)
			}
			reg.Akta = num
		}
		o := s.offices[office]
		var err error
		switch r.Kind {
		case KindBirth:
			reg.Documents, err = s.registerBirth(ctx, tx, &o, &r, bd, &reg, actor)
		case KindDeath:
			reg.Documents, err = s.registerDeath(ctx, tx, &o, &r, &reg, actor)
		case KindStillbirth:
			reg.Documents, err = s.registerStillbirth(ctx, tx, &o, &r, &reg)
		}
		if err != nil {
			return Registration{}, err
		}
		return reg, nil
	}
	// Two registrations may change one family card at once (twins): the
	// second to store its version retries on the card the first stored.
	for attempt := 0; ; attempt++ {
		reg, err := s.store.Register(ctx, in)
		var vc *VersionConflictError
		if errors.As(err, &vc) && attempt < 5 {
			continue
		}
		return reg, err
	}
}

func (s *Service) aktaType(k akta.Kind, late bool) (akta.Type, error) {
	if t, ok := s.types.For(k, late); ok {
		return t, nil
	}
	if t, ok := s.types.For(k, false); ok {
		return t, nil
	}
	return akta.Type{}, fmt.Errorf("registry: the akta type table has no code for %s", k)
}

// Registration returns what registering a report allocated.
func (s *Service) Registration(ctx context.Context, office wilayah.Code, id string) (Registration, error) {
	return s.store.Registration(ctx, office, id)
}

// Reports lists reports; see [Filter].
func (s *Service) Reports(ctx context.Context, f Filter) ([]Report, error) {
	return s.store.Reports(ctx, f)
}

// nikDateDigits returns the six date digits of a NIK: DDMMYY with 40 added to
// the day for women.
func nikDateDigits(birth adminduk.Date, sex adminduk.Sex) string {
	day := birth.Day()
	if sex == adminduk.Female {
		day += 40
	}
	return fmt.Sprintf("%02d%02d%02d", day, int(birth.Month()), birth.Year()%100)
}

// BuildNIK returns the NIK of a person first registered in kecamatan, born on
// birth, of sex, with serial (1-9999). Errors unwrap to the sentinels of
// [adminduk.ParseNIK].
func BuildNIK(kecamatan wilayah.Code, birth adminduk.Date, sex adminduk.Sex, serial int) (adminduk.NIK, error) {
	if serial < 1 || serial > 9999 {
		return adminduk.NIK{}, fmt.Errorf("registry: NIK serial %d outside 1-9999: %w", serial, adminduk.ErrInvalidSerial)
	}
	if !sex.IsValid() {
		return adminduk.NIK{}, fmt.Errorf("registry: NIK needs a sex: %w", adminduk.ErrInvalid)
	}
	s := kecamatan.District().Plain() + nikDateDigits(birth, sex) + fmt.Sprintf("%04d", serial)
	return adminduk.NewParser(adminduk.Options{AsOf: birth}).ParseNIK(s)
}
