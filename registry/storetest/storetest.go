package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// Env is one store under test with a service over it.
type Env struct {
	Store   registry.Store
	Service *registry.Service
	Clock   *Clock
}

// NewEnv returns a fresh store from newStore with a service over it, the
// clock on [Today], and the active agreement "pks-1" of partner "pkm-1"
// (from a year ago to a year ahead).
func NewEnv(t testing.TB, newStore func(t testing.TB) registry.Store) *Env {
	t.Helper()
	return NewEnvOn(t, newStore(t))
}

// NewEnvOn is [NewEnv] over an open store.
func NewEnvOn(t testing.TB, st registry.Store) *Env {
	t.Helper()
	clk := NewClock(Today)
	svc, err := registry.New(registry.Config{Store: st, Offices: []registry.Office{Office()}, Now: clk.Now})
	require.NoError(t, err)
	ag := Agreement("pks-1", "pkm-1", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, st.PutAgreement(context.Background(), &ag, "admin"))
	return &Env{Store: st, Service: svc, Clock: clk}
}

var sub = registry.Submission{PartnerID: "pkm-1", Actor: "bidan.rina"}

// Run runs the conformance suite. newStore returns a new, empty, migrated
// store each time it is called (the suite closes it); with -short the
// concurrency case is scaled down.
func Run(t *testing.T, newStore func(t testing.TB) registry.Store) {
	t.Run("ReportRoundTrip", func(t *testing.T) { testRoundTrip(t, NewEnv(t, newStore)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, NewEnv(t, newStore)) })
	t.Run("Agreements", func(t *testing.T) { testAgreements(t, NewEnv(t, newStore)) })
	t.Run("Counts", func(t *testing.T) { testCounts(t, NewEnv(t, newStore)) })
	t.Run("Workflow", func(t *testing.T) { testWorkflow(t, NewEnv(t, newStore)) })
	t.Run("Late", func(t *testing.T) { testLate(t, NewEnv(t, newStore)) })
	t.Run("IllegalTransition", func(t *testing.T) { testIllegal(t, NewEnv(t, newStore)) })
	t.Run("ActionSeqConflict", func(t *testing.T) { testSeqConflict(t, NewEnv(t, newStore)) })
	t.Run("Idempotency", func(t *testing.T) { testIdempotency(t, NewEnv(t, newStore)) })
	t.Run("ConcurrentIdempotency", func(t *testing.T) { testConcurrentIdempotency(t, NewEnv(t, newStore)) })
	t.Run("Forbidden", func(t *testing.T) { testForbidden(t, NewEnv(t, newStore)) })
	t.Run("InvalidWritesNothing", func(t *testing.T) { testInvalid(t, NewEnv(t, newStore)) })
	t.Run("DeathAndStillbirth", func(t *testing.T) { testDeath(t, NewEnv(t, newStore)) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, NewEnv(t, newStore)) })
	t.Run("DocumentsWithoutKK", func(t *testing.T) { testDocumentsWithoutKK(t, NewEnv(t, newStore)) })
	t.Run("HandOver", func(t *testing.T) { testHandOver(t, NewEnv(t, newStore)) })
	t.Run("Corrections", func(t *testing.T) { testCorrections(t, newStore) })
	t.Run("SchoolBatch", func(t *testing.T) { testSchool(t, newStore) })
	t.Run("Auth", func(t *testing.T) { testAuth(t, NewEnv(t, newStore)); testCheckPartner(t, NewEnv(t, newStore)) })
	t.Run("APIStore", func(t *testing.T) { testAPIStore(t, NewEnv(t, newStore)) })
	t.Run("Officers", func(t *testing.T) { testOfficers(t, NewEnv(t, newStore)) })
	t.Run("Sequences", func(t *testing.T) { testSequences(t, NewEnv(t, newStore)) })
	registerFamily(t, newStore)
	t.Run("Webhooks", func(t *testing.T) { testWebhooks(t, newStore) })
	t.Run("Concurrency", func(t *testing.T) {
		workers, each := 64, 100
		if testing.Short() {
			workers, each = 8, 10
		}
		testConcurrency(t, NewEnv(t, newStore), workers, each)
	})
	runRecords(t, newStore)
}

func ctx() context.Context { return context.Background() }

func countReports(t *testing.T, e *Env) int {
	t.Helper()
	rs, err := e.Store.Reports(ctx(), registry.Filter{Office: Regency, Limit: 100000})
	require.NoError(t, err)
	return len(rs)
}

func testRoundTrip(t *testing.T, e *Env) {
	b := ProvisionalBirth("ref-1", Today.AddDays(-2), "P")
	r, created, err := e.Service.NotifyBirth(ctx(), sub, b)
	require.NoError(t, err)
	assert.True(t, created)
	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, r.ID, got.ID)
	assert.Equal(t, registry.KindBirth, got.Kind)
	assert.Equal(t, "pkm-1", got.PartnerID)
	assert.Equal(t, "pks-1", got.AgreementID)
	assert.Equal(t, "ref-1", got.ExternalRef)
	assert.Equal(t, registry.StatusNotified, got.Status)
	assert.True(t, got.Flags.Has(registry.FlagIncomplete), "provisional name flags the report incomplete")
	assert.False(t, got.Flags.Has(registry.FlagLate))
	assert.True(t, r.Created.Equal(got.Created), "created %v, stored %v", r.Created, got.Created)
	require.Len(t, got.Actions, 1)
	assert.Equal(t, registry.ActNotify, got.Actions[0].Type)
	assert.Equal(t, "bidan.rina", got.Actions[0].Actor)
	assert.True(t, r.Actions[0].At.Equal(got.Actions[0].At))
	back, err := got.Birth()
	require.NoError(t, err)
	assert.Equal(t, b, back)

	audit, err := e.Store.Audit(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, audit, 1)
	assert.Equal(t, "report.create", audit[0].Action)
	assert.Equal(t, "bidan.rina", audit[0].Actor)
}

func testNotFound(t *testing.T, e *Env) {
	_, err := e.Service.Report(ctx(), Regency, "nope")
	assert.ErrorIs(t, err, registry.ErrNotFound)
	assert.ErrorIs(t, err, adminduk.ErrNotFound)
	_, err = e.Service.Registration(ctx(), Regency, "nope")
	assert.ErrorIs(t, err, registry.ErrNotFound)
	_, err = e.Service.Verify(ctx(), Regency, "nope", "officer")
	assert.ErrorIs(t, err, registry.ErrNotFound)
	err = e.Store.AppendAction(ctx(), Regency, "nope", registry.Action{Seq: 2, Type: registry.ActVerify, Actor: "x", At: e.Clock.Now()}, registry.StatusVerified)
	assert.ErrorIs(t, err, registry.ErrNotFound)
}

func testAgreements(t *testing.T, e *Env) {
	as, err := e.Store.Agreements(ctx(), "pkm-1")
	require.NoError(t, err)
	require.Len(t, as, 1)
	want := Agreement("pks-1", "pkm-1", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	assert.Equal(t, want.ID, as[0].ID)
	assert.Equal(t, want.End, as[0].End)
	assert.Equal(t, want.State, as[0].State)
	assert.Equal(t, want.Scope, as[0].Scope)
	assert.Equal(t, want.Partner.District, as[0].Partner.District)
	// Replacing keeps one agreement, journaled twice.
	want.State = partnership.Suspended
	require.NoError(t, e.Store.PutAgreement(ctx(), &want, "admin"))
	as, err = e.Store.Agreements(ctx(), "pkm-1")
	require.NoError(t, err)
	require.Len(t, as, 1)
	assert.Equal(t, partnership.Suspended, as[0].State)
	audit, err := e.Store.Audit(ctx(), Regency, "pks-1")
	require.NoError(t, err)
	assert.Len(t, audit, 2)
	none, err := e.Store.Agreements(ctx(), "nobody")
	require.NoError(t, err)
	assert.Empty(t, none)
}

func testWorkflow(t *testing.T, e *Env) {
	birth := Today.AddDays(-2)
	r, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("ref-1", birth, "P"))
	require.NoError(t, err)
	v, err := e.Service.Verify(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)
	assert.Equal(t, registry.StatusVerified, v.Status)
	reg, err := e.Service.Register(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)

	// NIK: kecamatan of the address, day +40 for a girl, serial 1.
	assert.Equal(t, "620801"+"41"+"12"+"26"+"0001", reg.NIK.String())
	assert.Equal(t, adminduk.Female, reg.NIK.Sex())
	assert.Equal(t, birth, reg.NIK.BirthDate())
	assert.Equal(t, Kecamatan, reg.NIK.Region())
	assert.Equal(t, 1, reg.NIK.Serial())
	// Akta: office, LU, the day of registration, serial 1.
	assert.Equal(t, "6208-LU-03122026-0001", reg.Akta.String())
	assert.False(t, reg.Akta.Late())
	assert.Equal(t, Today, reg.Registered)

	stored, err := e.Service.Registration(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, reg.NIK, stored.NIK)
	assert.Equal(t, reg.Akta, stored.Akta)
	assert.Equal(t, reg.Registered, stored.Registered)
	assert.True(t, reg.At.Equal(stored.At))

	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusRegistered, got.Status)
	_, err = e.Service.Act(ctx(), Regency, r.ID, registry.ActIssue, "officer.dewi", "")
	require.NoError(t, err)
	_, err = e.Service.HandOver(ctx(), Regency, r.ID, "officer.dewi", "Ahmad Fauzi", "ayah")
	require.NoError(t, err)
	got, err = e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusHandedOver, got.Status)
	require.Len(t, got.Actions, 5)
	for i, a := range got.Actions {
		assert.Equal(t, i+1, a.Seq)
	}
	// The status projection answers queries.
	rs, err := e.Service.Reports(ctx(), registry.Filter{Office: Regency, Status: registry.StatusHandedOver})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, r.ID, rs[0].ID)
	rs, err = e.Service.Reports(ctx(), registry.Filter{Office: Regency, Status: registry.StatusNotified})
	require.NoError(t, err)
	assert.Empty(t, rs)
	// Every write is journaled.
	audit, err := e.Store.Audit(ctx(), Regency, r.ID)
	require.NoError(t, err)
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	assert.Equal(t, []string{"report.create", "action.verify", "action.register", "registration.create", "action.issue", "action.hand_over", "handover.create"}, actions)
}

func testLate(t *testing.T, e *Env) {
	for _, c := range []struct {
		days int
		code string
		late bool
	}{{60, "LU", false}, {61, "LT", true}} {
		b := Birth("late-"+strconv.Itoa(c.days), Today.AddDays(-c.days), "L")
		b.Child.Religion = "" // incomplete: the akta is issued, the KIA waits
		OtherMother(b)
		r, _, err := e.Service.NotifyBirth(ctx(), sub, b)
		require.NoError(t, err)
		assert.Equal(t, c.late, r.Flags.Has(registry.FlagLate), c.days)
		_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer")
		require.NoError(t, err)
		reg, err := e.Service.Register(ctx(), Regency, r.ID, "officer")
		require.NoError(t, err)
		assert.Equal(t, c.code, reg.Akta.Type(), "%d days", c.days)
		assert.Equal(t, c.late, reg.Akta.Late())
		assert.Equal(t, adminduk.Male, reg.NIK.Sex())
	}
	rs, err := e.Service.Reports(ctx(), registry.Filter{Office: Regency, Flags: registry.FlagLate})
	require.NoError(t, err)
	require.Len(t, rs, 1, "the flag filter")
	assert.Equal(t, "late-61", rs[0].ExternalRef)
	rs, err = e.Service.Reports(ctx(), registry.Filter{Office: Regency, Flags: registry.FlagLate | registry.FlagIncomplete, Kind: registry.KindBirth, PartnerID: "pkm-1"})
	require.NoError(t, err)
	assert.Len(t, rs, 1)
	rs, err = e.Service.Reports(ctx(), registry.Filter{Office: Regency, Limit: 1})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, "late-61", rs[0].ExternalRef, "newest first")
}

func testIllegal(t *testing.T, e *Env) {
	r, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("ref-1", Today.AddDays(-1), "L"))
	require.NoError(t, err)
	before, err := e.Store.Audit(ctx(), Regency, r.ID)
	require.NoError(t, err)

	_, err = e.Service.Register(ctx(), Regency, r.ID, "officer")
	var te *registry.TransitionError
	require.ErrorAs(t, err, &te)
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	assert.ErrorIs(t, err, adminduk.ErrInvalidTransition)
	assert.Equal(t, registry.StatusNotified, te.From)
	assert.Equal(t, registry.ActRegister, te.Action)
	assert.Equal(t, r.ID, te.ReportID)
	_, err = e.Service.Act(ctx(), Regency, r.ID, registry.ActHandOver, "officer", "")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	_, err = e.Service.Act(ctx(), Regency, r.ID, registry.ActNotify, "officer", "")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	// A return without reasons is invalid input.
	_, err = e.Service.Return(ctx(), Regency, r.ID, "officer")
	assert.ErrorIs(t, err, adminduk.ErrRequired)

	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Len(t, got.Actions, 1, "an illegal step writes nothing")
	assert.Equal(t, registry.StatusNotified, got.Status)
	_, err = e.Service.Registration(ctx(), Regency, r.ID)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	after, err := e.Store.Audit(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, before, after)

	// Return, resubmit, verify, register is a legal path; archive after
	// registration is not.
	_, err = e.Service.Return(ctx(), Regency, r.ID, "officer", "KK tidak terbaca", "nama ayah berbeda")
	require.NoError(t, err)
	_, err = e.Service.Resubmit(ctx(), Regency, r.ID, "bidan.rina")
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx(), Regency, r.ID, "officer")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx(), Regency, r.ID, "officer")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition, "registering twice")
	_, err = e.Service.Archive(ctx(), Regency, r.ID, "officer", "duplicate")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	got, err = e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, "KK tidak terbaca; nama ayah berbeda", got.Actions[1].Reason)
	assert.Len(t, got.Actions, 5)
}

func testSeqConflict(t *testing.T, e *Env) {
	r, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("ref-1", Today.AddDays(-1), "L"))
	require.NoError(t, err)
	a := registry.Action{Seq: 2, Type: registry.ActVerify, Actor: "officer.a", At: e.Clock.Now()}
	require.NoError(t, e.Store.AppendAction(ctx(), Regency, r.ID, a, registry.StatusVerified))
	// A second officer who loaded the report before the first acted.
	b := registry.Action{Seq: 2, Type: registry.ActReturn, Actor: "officer.b", At: e.Clock.Now(), Reason: "x"}
	err = e.Store.AppendAction(ctx(), Regency, r.ID, b, registry.StatusReturned)
	assert.ErrorIs(t, err, registry.ErrConflict)
	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, got.Actions, 2)
	assert.Equal(t, "officer.a", got.Actions[1].Actor)
	rs, err := e.Store.Reports(ctx(), registry.Filter{Office: Regency, Status: registry.StatusVerified})
	require.NoError(t, err)
	assert.Len(t, rs, 1, "the failed append left the status projection alone")
}

func testIdempotency(t *testing.T, e *Env) {
	k := sub
	k.IdempotencyKey = "key-1"
	first, created, err := e.Service.NotifyBirth(ctx(), k, Birth("ref-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.True(t, created)

	again, created, err := e.Service.NotifyBirth(ctx(), k, Birth("ref-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.False(t, created, "same key, same body: a replay")
	assert.Equal(t, first.ID, again.ID)

	_, _, err = e.Service.NotifyBirth(ctx(), k, Birth("ref-2", Today.AddDays(-1), "L"))
	var ce *registry.ConflictError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, registry.ErrConflict)
	assert.Equal(t, "idempotency_key", ce.Field)
	assert.Equal(t, first.ID, ce.ReportID)

	// Same external_ref and body under another key: the same record.
	k2 := sub
	k2.IdempotencyKey = "key-2"
	third, created, err := e.Service.NotifyBirth(ctx(), k2, Birth("ref-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, first.ID, third.ID)
	// ... and key-2 now replays it too.
	fourth, created, err := e.Service.NotifyBirth(ctx(), k2, Birth("ref-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, first.ID, fourth.ID)

	// Same external_ref, another body, no key: a conflict.
	_, _, err = e.Service.NotifyBirth(ctx(), sub, Birth("ref-1", Today.AddDays(-2), "P"))
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "external_ref", ce.Field)

	// Another partner may use the same key and reference.
	ag := Agreement("pks-2", "pkm-2", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
	other, created, err := e.Service.NotifyBirth(ctx(), registry.Submission{PartnerID: "pkm-2", IdempotencyKey: "key-1"},
		Birth("ref-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.True(t, created)
	assert.NotEqual(t, first.ID, other.ID)

	assert.Equal(t, 2, countReports(t, e))
	got, err := e.Service.Report(ctx(), Regency, first.ID)
	require.NoError(t, err)
	assert.Len(t, got.Actions, 1)
}

func testForbidden(t *testing.T, e *Env) {
	put := func(a partnership.Agreement) {
		require.NoError(t, e.Store.PutAgreement(ctx(), &a, "admin"))
	}
	put(Agreement("pks-exp", "pkm-exp", partnership.Active, Today.AddYears(-2), Today.AddDays(-1)))
	put(Agreement("pks-sus", "pkm-sus", partnership.Suspended, Today.AddYears(-1), Today.AddYears(1)))
	put(Agreement("pks-fut", "pkm-fut", partnership.Signed, Today.AddDays(10), Today.AddYears(2)))
	put(Agreement("pks-kia", "pkm-kia", partnership.Active, Today.AddYears(-1), Today.AddYears(1), partnership.KIA))
	elsewhere := Agreement("pks-srg", "pkm-srg", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	elsewhere.Partner.District = wilayah.MustParseCode("36.04.01") // Kab. Serang: not an office of this service
	put(elsewhere)
	cases := []struct {
		partner string
		reason  registry.ForbidReason
		date    adminduk.Date
	}{
		{"pkm-exp", registry.ReasonExpired, Today.AddDays(-1)},
		{"pkm-sus", registry.ReasonSuspended, adminduk.Date{}},
		{"pkm-fut", registry.ReasonNotYetActive, Today.AddDays(10)},
		{"pkm-kia", registry.ReasonNotCovered, adminduk.Date{}},
		{"pkm-none", registry.ReasonNoAgreement, adminduk.Date{}},
		{"pkm-srg", registry.ReasonOfficeNotServed, adminduk.Date{}},
	}
	for _, c := range cases {
		_, _, err := e.Service.NotifyBirth(ctx(), registry.Submission{PartnerID: c.partner, IdempotencyKey: "k"}, Birth("ref", Today, "L"))
		var fe *registry.ForbiddenError
		require.ErrorAs(t, err, &fe, c.partner)
		assert.ErrorIs(t, err, adminduk.ErrForbidden)
		assert.Equal(t, c.reason, fe.Reason, c.partner)
		assert.Equal(t, c.date, fe.Date, c.partner)
		assert.Equal(t, Today, fe.Day)
	}
	// A death needs akta_kematian: the KIA-only partner is refused that too.
	_, _, err := e.Service.NotifyDeath(ctx(), registry.Submission{PartnerID: "pkm-kia"}, Death("d", Today))
	assert.ErrorIs(t, err, registry.ErrForbidden)
	assert.Equal(t, 0, countReports(t, e), "nothing is written for a refused partner")
}

func testInvalid(t *testing.T, e *Env) {
	b := Birth("ref", Today.AddDays(-1), "X")
	b.Child.BirthDate = "2026-02-30"
	b.Mother.NIK = "123"
	b.Witnesses = []registry.Witness{{NIK: "6208011203900002", Name: "A"}}
	_, _, err := e.Service.NotifyBirth(ctx(), sub, b)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, p := range []string{"/child/sex", "/child/birth_date", "/mother/nik", "/witnesses"} {
		f := ve.Field(adminduk.Pointer(p))
		if assert.NotNil(t, f, p) {
			assert.NotEmpty(t, f.Message(adminduk.Indonesian), p)
			assert.NotEmpty(t, f.Message(adminduk.English), p)
		}
	}
	// A birth in the future and an address outside the office.
	b = Birth("ref", Today.AddDays(1), "L")
	b.Family.Address.Village = "36.04.01.2001"
	_, _, err = e.Service.NotifyBirth(ctx(), sub, b)
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field("/child/birth_date"))
	assert.NotNil(t, ve.Field("/family/address/village"))
	assert.Equal(t, 0, countReports(t, e))
}

func testDeath(t *testing.T, e *Env) {
	d, _, err := e.Service.NotifyDeath(ctx(), sub, Death("d-1", Today.AddDays(-1)))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, d.ID, "officer")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx(), Regency, d.ID, "officer")
	require.NoError(t, err)
	assert.False(t, reg.NIK.IsValid(), "a death allocates no NIK")
	assert.Equal(t, "KM", reg.Akta.Type())
	assert.Equal(t, akta.KindDeath, reg.Akta.Kind())

	s, _, err := e.Service.NotifyStillbirth(ctx(), sub, Stillbirth("s-1", Today.AddDays(-1)))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, s.ID, "officer")
	require.NoError(t, err)
	reg, err = e.Service.Register(ctx(), Regency, s.ID, "officer")
	require.NoError(t, err)
	assert.False(t, reg.NIK.IsValid(), "a stillbirth has no NIK")
	assert.False(t, reg.Akta.IsValid(), "a stillbirth has no akta")
	stored, err := e.Service.Registration(ctx(), Regency, s.ID)
	require.NoError(t, err)
	assert.False(t, stored.Akta.IsValid())
	rs, err := e.Service.Reports(ctx(), registry.Filter{Office: Regency, Kind: registry.KindStillbirth})
	require.NoError(t, err)
	assert.Len(t, rs, 1)
}

// RegisterBirth notifies (as partner "pkm-1"), verifies and registers one
// birth [Birth](ref, birth, sex) into the family [KKOf](ref), of a mother no
// other report names ([OtherMother]), so that the duplicate rules do not hold it.
func (e *Env) RegisterBirth(ref string, birth adminduk.Date, sex string) (registry.Registration, error) {
	return register(e, ref, birth, sex)
}

// register notifies, verifies and registers one birth.
func register(e *Env, ref string, birth adminduk.Date, sex string) (registry.Registration, error) {
	b := Birth(ref, birth, sex)
	b.Family.KK = KKOf(ref)
	OtherMother(b)
	r, _, err := e.Service.NotifyBirth(ctx(), sub, b)
	if err != nil {
		return registry.Registration{}, fmt.Errorf("notify: %w", err)
	}
	if _, err := e.Service.Verify(ctx(), Regency, r.ID, "officer"); err != nil {
		return registry.Registration{}, fmt.Errorf("verify: %w", err)
	}
	reg, err := e.Service.Register(ctx(), Regency, r.ID, "officer")
	if err != nil {
		return registry.Registration{}, fmt.Errorf("register: %w", err)
	}
	return reg, nil
}

func testSequences(t *testing.T, e *Env) {
	birth := Today.AddDays(-3)
	var got []string
	for i, sex := range []string{"L", "P", "L", "P", "L"} {
		reg, err := register(e, "seq-"+strconv.Itoa(i), birth, sex)
		require.NoError(t, err)
		got = append(got, reg.NIK.String()[6:]+" "+reg.Akta.String())
	}
	// Boys and girls have separate NIK sequences (the day differs); the akta
	// serial of the office and day is shared.
	assert.Equal(t, []string{
		"3011260001 6208-LU-03122026-0001",
		"7011260001 6208-LU-03122026-0002",
		"3011260002 6208-LU-03122026-0003",
		"7011260002 6208-LU-03122026-0004",
		"3011260003 6208-LU-03122026-0005",
	}, got)
	// A new day starts a new akta sequence; the NIK sequence goes on.
	e.Clock.SetDay(Today.AddDays(1))
	reg, err := register(e, "seq-next-day", birth, "L")
	require.NoError(t, err)
	assert.Equal(t, "6208-LU-04122026-0001", reg.Akta.String())
	assert.Equal(t, 4, reg.NIK.Serial())
}

func testConcurrency(t *testing.T, e *Env, workers, each int) {
	birth := Today.AddDays(-5)
	regs := make([][]registry.Registration, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				reg, err := register(e, fmt.Sprintf("c-%d-%d", w, i), birth, "P")
				if err != nil {
					errs[w] = err
					return
				}
				regs[w] = append(regs[w], reg)
			}
		}()
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	niks := make(map[string]bool)
	aktas := make(map[string]bool)
	var nikSerials, aktaSerials []int
	for _, rs := range regs {
		for _, r := range rs {
			niks[r.NIK.String()] = true
			aktas[r.Akta.String()] = true
			nikSerials = append(nikSerials, r.NIK.Serial())
			aktaSerials = append(aktaSerials, r.Akta.Serial())
			require.Equal(t, birth, r.NIK.BirthDate())
			require.Equal(t, adminduk.Female, r.NIK.Sex())
		}
	}
	n := workers * each
	assert.Len(t, niks, n, "distinct NIKs")
	assert.Len(t, aktas, n, "distinct akta numbers")
	sort.Ints(nikSerials)
	sort.Ints(aktaSerials)
	for i := range n {
		if nikSerials[i] != i+1 || aktaSerials[i] != i+1 {
			t.Fatalf("serial %d: NIK %d, akta %d: gap or duplicate", i+1, nikSerials[i], aktaSerials[i])
		}
	}
}

// testConcurrentIdempotency submits one report 16 times at once, half with
// one key and half with another: one record is created, every other call
// replays it.
func testConcurrentIdempotency(t *testing.T, e *Env) {
	const n = 16
	ids := make([]string, n)
	created := make([]bool, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sub
			s.IdempotencyKey = fmt.Sprintf("key-%d", i%2)
			r, c, err := e.Service.NotifyBirth(ctx(), s, Birth("same-ref", Today.AddDays(-1), "P"))
			ids[i], created[i], errs[i] = r.ID, c, err
		}()
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	nCreated := 0
	for i := range n {
		assert.Equal(t, ids[0], ids[i])
		if created[i] {
			nCreated++
		}
	}
	assert.Equal(t, 1, nCreated)
	assert.Equal(t, 1, countReports(t, e))
}
