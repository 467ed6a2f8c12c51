package storetest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// runRecords runs the cases of duplicates, resubmission with a body,
// queries, the read journal and coverage.
func runRecords(t *testing.T, newStore func(t testing.TB) registry.Store) {
	t.Run("DuplicateSameBaby", func(t *testing.T) { testDuplicateSameBaby(t, NewEnv(t, newStore)) })
	t.Run("DuplicateAfterRegistration", func(t *testing.T) { testDuplicateAfterRegistration(t, NewEnv(t, newStore)) })
	t.Run("Twins", func(t *testing.T) { testTwins(t, NewEnv(t, newStore)) })
	t.Run("DuplicateRules", func(t *testing.T) { testDuplicateRules(t, NewEnv(t, newStore)) })
	t.Run("NotDuplicate", func(t *testing.T) { testNotDuplicate(t, NewEnv(t, newStore)) })
	t.Run("ResubmitBody", func(t *testing.T) { testResubmitBody(t, NewEnv(t, newStore)) })
	t.Run("Queries", func(t *testing.T) { testQueries(t, NewEnv(t, newStore)) })
	t.Run("ReadJournal", func(t *testing.T) { testReadJournal(t, NewEnv(t, newStore)) })
	t.Run("Coverage", func(t *testing.T) { testCoverage(t, NewEnv(t, newStore)) })
}

// hospital is a second partner, a hospital with an active agreement.
var hospital = registry.Submission{PartnerID: "rs-1", Actor: "rs.admin"}

func addHospital(t *testing.T, e *Env) {
	ag := Agreement("pks-rs", "rs-1", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &ag, "admin"))
}

func notify(t *testing.T, e *Env, s registry.Submission, b *registry.BirthReport) registry.Report {
	t.Helper()
	r, created, err := e.Service.NotifyBirth(ctx(), s, b)
	require.NoError(t, err)
	require.True(t, created)
	return r
}

func verify(t *testing.T, e *Env, id string) {
	t.Helper()
	_, err := e.Service.Verify(ctx(), Regency, id, "officer")
	require.NoError(t, err)
}

func flags(t *testing.T, e *Env, id string) registry.Flags {
	t.Helper()
	r, err := e.Service.Report(ctx(), Regency, id)
	require.NoError(t, err)
	return r.Flags
}

func auditActions(t *testing.T, e *Env, record string) []string {
	t.Helper()
	es, err := e.Store.Audit(ctx(), Regency, record)
	require.NoError(t, err)
	var out []string
	for _, a := range es {
		out = append(out, a.Action)
	}
	return out
}

// testDuplicateSameBaby: the hospital and the midwife report the same baby
// (same mother, same day, each with its own reference): the second report is
// flagged and linked, neither registers before a decision, and after the
// officer marks the second a duplicate the baby is registered once.
func testDuplicateSameBaby(t *testing.T, e *Env) {
	addHospital(t, e)
	birth := Today.AddDays(-1)
	first := notify(t, e, hospital, Birth("RS-77", birth, "P"))
	assert.False(t, first.Flags.Has(registry.FlagPotentialDuplicate))
	second := notify(t, e, sub, Birth("BPM-12", birth, "P"))
	assert.True(t, second.Flags.Has(registry.FlagPotentialDuplicate), "flagged at notify")
	assert.True(t, flags(t, e, second.ID).Has(registry.FlagPotentialDuplicate), "flag stored")

	links, ds, err := e.Service.DuplicateLinks(ctx(), Regency, second.ID)
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, registry.DuplicateLink{ReportID: second.ID, CandidateID: first.ID, Rule: registry.RuleSameMotherBirthDate,
		At: links[0].At}, links[0])
	assert.Empty(t, ds)
	rs, err := e.Service.Reports(ctx(), registry.Filter{Office: Regency, Flags: registry.FlagPotentialDuplicate})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, second.ID, rs[0].ID)

	verify(t, e, first.ID)
	verify(t, e, second.ID)
	for _, id := range []string{second.ID, first.ID} {
		_, err := e.Service.Register(ctx(), Regency, id, "officer")
		var de *registry.DuplicateError
		require.ErrorAs(t, err, &de, id)
		assert.ErrorIs(t, err, registry.ErrUnresolvedDuplicate)
		assert.ErrorIs(t, err, registry.ErrInvalidTransition)
		assert.Equal(t, id, de.ReportID)
		_, err = e.Service.Registration(ctx(), Regency, id)
		assert.ErrorIs(t, err, registry.ErrNotFound, "nothing registered")
	}
	// The first report was flagged at its refused registration too.
	assert.True(t, flags(t, e, first.ID).Has(registry.FlagPotentialDuplicate))

	// An unlinked candidate and a missing reason are refused.
	other := notify(t, e, sub, func() *registry.BirthReport { b := Birth("BPM-13", birth, "L"); OtherMother(b); return b }())
	_, err = e.Service.MarkDuplicate(ctx(), Regency, second.ID, other.ID, "officer", "same baby")
	assert.ErrorIs(t, err, registry.ErrNotFound)
	_, err = e.Service.MarkDuplicate(ctx(), Regency, second.ID, first.ID, "officer", " ")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)

	r, err := e.Service.MarkDuplicate(ctx(), Regency, second.ID, first.ID, "officer.dewi", "same baby, SKL RS-77")
	require.NoError(t, err)
	assert.Equal(t, registry.StatusArchived, r.Status)
	assert.False(t, r.Flags.Has(registry.FlagPotentialDuplicate))
	_, err = e.Service.MarkDuplicate(ctx(), Regency, second.ID, first.ID, "officer.dewi", "again")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition, "an archived report cannot be archived again")

	reg, err := e.Service.Register(ctx(), Regency, first.ID, "officer")
	require.NoError(t, err, "the archived duplicate no longer matches")
	assert.Equal(t, 1, reg.NIK.Serial())
	_, err = e.Service.Register(ctx(), Regency, second.ID, "officer")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	rs, err = e.Service.Reports(ctx(), registry.Filter{Office: Regency, Status: registry.StatusRegistered})
	require.NoError(t, err)
	assert.Len(t, rs, 1, "registered once")

	_, ds, err = e.Service.DuplicateLinks(ctx(), Regency, first.ID)
	require.NoError(t, err)
	require.Len(t, ds, 1)
	assert.True(t, ds[0].Duplicate)
	assert.Equal(t, second.ID, ds[0].ReportID)
	assert.Equal(t, "officer.dewi", ds[0].Actor)
	assert.Contains(t, auditActions(t, e, second.ID), "duplicate.mark")
	assert.Contains(t, auditActions(t, e, second.ID), "duplicate.flag")
}

// testDuplicateAfterRegistration: a report of a baby already registered is
// flagged and cannot be registered; marked duplicate it is archived.
func testDuplicateAfterRegistration(t *testing.T, e *Env) {
	addHospital(t, e)
	birth := Today.AddDays(-2)
	first := notify(t, e, hospital, Birth("RS-1", birth, "L"))
	verify(t, e, first.ID)
	_, err := e.Service.Register(ctx(), Regency, first.ID, "officer")
	require.NoError(t, err)
	late := notify(t, e, sub, Birth("BPM-1", birth.AddDays(1), "L")) // a day off: still the same birth
	assert.True(t, late.Flags.Has(registry.FlagPotentialDuplicate))
	verify(t, e, late.ID)
	_, err = e.Service.Register(ctx(), Regency, late.ID, "officer")
	assert.ErrorIs(t, err, registry.ErrUnresolvedDuplicate)
	_, err = e.Service.MarkDuplicate(ctx(), Regency, late.ID, first.ID, "officer", "already registered")
	require.NoError(t, err)
}

func twin(ref string, birth adminduk.Date, sex, mult string, order int) *registry.BirthReport {
	b := Birth(ref, birth, sex)
	b.Child.Multiplicity, b.Child.BirthOrder = mult, order
	return b
}

// testTwins: twins (kembar-2, orders 1 and 2) are not duplicates; both
// register. Two reports of the same twin (same order) are.
func testTwins(t *testing.T, e *Env) {
	birth := Today.AddDays(-1)
	a := notify(t, e, sub, twin("T-1", birth, "L", "kembar-2", 1))
	b := notify(t, e, sub, twin("T-2", birth, "P", "kembar-2", 2))
	assert.False(t, a.Flags.Has(registry.FlagPotentialDuplicate))
	assert.False(t, b.Flags.Has(registry.FlagPotentialDuplicate), "twins are not flagged")
	for _, r := range []registry.Report{a, b} {
		verify(t, e, r.ID)
		_, err := e.Service.Register(ctx(), Regency, r.ID, "officer")
		require.NoError(t, err)
	}
	again := notify(t, e, sub, twin("T-3", birth, "P", "kembar-2", 2))
	assert.True(t, again.Flags.Has(registry.FlagPotentialDuplicate), "the same twin twice")
	single := notify(t, e, sub, twin("T-4", birth, "L", "tunggal", 1))
	assert.True(t, single.Flags.Has(registry.FlagPotentialDuplicate), "a single birth beside twins")
	links, _, err := e.Service.DuplicateLinks(ctx(), Regency, again.ID)
	require.NoError(t, err)
	var cands []string
	for _, l := range links {
		if l.ReportID == again.ID {
			cands = append(cands, l.CandidateID)
		}
	}
	assert.Equal(t, []string{b.ID}, cands)
}

// testDuplicateRules: another birth of the same mother within nine months,
// the same external_ref from two partners and the same deceased twice are
// flagged; a birth ten months later and other mothers are not; rules are
// data.
func testDuplicateRules(t *testing.T, e *Env) {
	addHospital(t, e)
	old := notify(t, e, sub, Birth("I-1", Today.AddDays(-200), "L"))
	assert.False(t, old.Flags.Has(registry.FlagPotentialDuplicate))
	soon := notify(t, e, sub, Birth("I-2", Today.AddDays(-1), "P"))
	require.True(t, soon.Flags.Has(registry.FlagPotentialDuplicate))
	links, err := e.Service.Duplicates(ctx(), Regency, soon.ID)
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, registry.RuleBirthInterval, links[0].Rule)
	assert.Equal(t, old.ID, links[0].CandidateID)

	b := Birth("I-3", Today.AddDays(-200-registry.BirthIntervalDays-1), "L")
	far := notify(t, e, sub, b)
	assert.False(t, far.Flags.Has(registry.FlagPotentialDuplicate), "274 days apart")

	x := Birth("EXT-9", Today.AddDays(-3), "L")
	OtherMother(x)
	y := Birth("EXT-9", Today.AddDays(-5), "P")
	OtherMother(y)
	notify(t, e, sub, x)
	ry := notify(t, e, hospital, y)
	assert.True(t, ry.Flags.Has(registry.FlagPotentialDuplicate), "same external_ref across partners")
	links, err = e.Service.Duplicates(ctx(), Regency, ry.ID)
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, registry.RuleSameExternalRef, links[0].Rule)

	d1, _, err := e.Service.NotifyDeath(ctx(), sub, Death("D-1", Today.AddDays(-2)))
	require.NoError(t, err)
	assert.False(t, d1.Flags.Has(registry.FlagPotentialDuplicate))
	d2, _, err := e.Service.NotifyDeath(ctx(), hospital, Death("D-2", Today.AddDays(-1)))
	require.NoError(t, err)
	assert.True(t, d2.Flags.Has(registry.FlagPotentialDuplicate), "a person dies once")

	// No rules: nothing is flagged; an invalid rule is refused.
	svc, err := registry.New(registry.Config{Store: e.Store, Offices: []registry.Office{Office()}, Now: e.Clock.Now,
		DuplicateRules: []registry.DuplicateRule{}})
	require.NoError(t, err)
	none, _, err := svc.NotifyBirth(ctx(), sub, Birth("N-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.False(t, none.Flags.Has(registry.FlagPotentialDuplicate))
	_, err = registry.New(registry.Config{Store: e.Store, Offices: []registry.Office{Office()},
		DuplicateRules: []registry.DuplicateRule{{Name: "x", Kinds: []registry.Kind{registry.KindBirth}, Role: "aunt", MaxDays: -2}}})
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Fields, 2)
}

// testNotDuplicate: the officer decides two reports are different babies;
// both register. A third report matching later needs a new decision.
func testNotDuplicate(t *testing.T, e *Env) {
	birth := Today.AddDays(-1)
	a := notify(t, e, sub, Birth("A", birth, "L"))
	b := notify(t, e, sub, Birth("B", birth, "P"))
	require.True(t, b.Flags.Has(registry.FlagPotentialDuplicate))
	_, err := e.Service.MarkNotDuplicate(ctx(), Regency, a.ID, "officer", "", b.ID)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve, "a reason is required")
	r, err := e.Service.MarkNotDuplicate(ctx(), Regency, b.ID, "officer.dewi", "mother's NIK typed wrong by the hospital; two families")
	require.NoError(t, err)
	assert.False(t, r.Flags.Has(registry.FlagPotentialDuplicate))
	assert.False(t, flags(t, e, b.ID).Has(registry.FlagPotentialDuplicate))
	_, err = e.Service.MarkNotDuplicate(ctx(), Regency, b.ID, "officer.dewi", "again", a.ID)
	assert.ErrorIs(t, err, registry.ErrConflict, "decided once")
	for _, id := range []string{a.ID, b.ID} {
		verify(t, e, id)
		_, err := e.Service.Register(ctx(), Regency, id, "officer")
		require.NoError(t, err, "a decision covers the pair both ways")
	}
	c := notify(t, e, sub, Birth("C", birth, "L"))
	assert.True(t, c.Flags.Has(registry.FlagPotentialDuplicate))
	links, err := e.Service.Duplicates(ctx(), Regency, c.ID)
	require.NoError(t, err)
	assert.Len(t, links, 2)
	assert.Contains(t, auditActions(t, e, b.ID), "duplicate.not")
}

// testResubmitBody: a returned report comes back with a corrected body: a new
// body version (the old one kept), the resubmit action, flags evaluated
// again; bad input writes nothing.
func testResubmitBody(t *testing.T, e *Env) {
	orig := Birth("R-1", Today.AddDays(-3), "P")
	OtherMother(orig)
	r := notify(t, e, sub, orig)
	fixed := *orig
	fixed.Child.Name, fixed.Child.ProvisionalName = "Nur Aisyah Putri", false
	_, err := e.Service.ResubmitBirth(ctx(), Regency, r.ID, &fixed, "bidan.rina")
	var te *registry.TransitionError
	require.ErrorAs(t, err, &te, "not returned yet")

	_, err = e.Service.Return(ctx(), Regency, r.ID, "officer", "nama bayi belum final")
	require.NoError(t, err)
	bad := fixed
	bad.Child.BirthDate = "2026-13-01"
	bad.ExternalRef = "R-2"
	_, err = e.Service.ResubmitBirth(ctx(), Regency, r.ID, &bad, "bidan.rina")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var ptrs []string
	for _, f := range ve.Fields {
		ptrs = append(ptrs, f.Pointer.String())
	}
	assert.ElementsMatch(t, []string{"/child/birth_date", "/external_ref"}, ptrs)
	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Len(t, got.Actions, 2, "nothing written")
	_, err = e.Service.ResubmitDeath(ctx(), Regency, r.ID, Death("R-1", Today), "bidan.rina")
	assert.ErrorIs(t, err, registry.ErrConflict, "a birth is not resubmitted as a death")

	res, err := e.Service.ResubmitBirth(ctx(), Regency, r.ID, &fixed, "bidan.rina")
	require.NoError(t, err)
	assert.Equal(t, registry.StatusNotified, res.Status)
	assert.False(t, res.Flags.Has(registry.FlagIncomplete), "flags evaluated again: the name is final")
	got, err = e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, got.Actions, 3)
	assert.Equal(t, registry.ActResubmit, got.Actions[2].Type)
	assert.False(t, got.Flags.Has(registry.FlagIncomplete))
	back, err := got.Birth()
	require.NoError(t, err)
	assert.Equal(t, &fixed, back)
	vs, err := e.Service.BodyVersions(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, vs, 2)
	var v1 registry.BirthReport
	require.NoError(t, json.Unmarshal(vs[0].Body, &v1))
	assert.Equal(t, orig, &v1, "the old body is kept")
	assert.Equal(t, 1, vs[0].Version)
	assert.Equal(t, "bidan.rina", vs[0].Actor)
	assert.Equal(t, 2, vs[1].Version)
	assert.Equal(t, got.BodyHash, vs[1].BodyHash)

	// A correction that makes it collide with another report flags it; the
	// old body's keys no longer match.
	other := Birth("R-9", Today.AddDays(-10), "L")
	other.Mother = fixed.Mother
	o := notify(t, e, sub, other)
	require.True(t, o.Flags.Has(registry.FlagPotentialDuplicate), "another birth of that mother a week apart")
	_, err = e.Service.Return(ctx(), Regency, o.ID, "officer", "ibu salah")
	require.NoError(t, err)
	other2 := *other
	OtherMother(&other2)
	res2, err := e.Service.ResubmitBirth(ctx(), Regency, o.ID, &other2, "bidan.rina")
	require.NoError(t, err)
	assert.False(t, res2.Flags.Has(registry.FlagPotentialDuplicate), "the corrected mother matches nobody")
	links, err := e.Service.Duplicates(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Empty(t, links, "the superseded body no longer matches")

	// The resubmit without a body still works.
	_, err = e.Service.Return(ctx(), Regency, r.ID, "officer", "lagi")
	require.NoError(t, err)
	_, err = e.Service.Resubmit(ctx(), Regency, r.ID, "bidan.rina")
	require.NoError(t, err)
	assert.Contains(t, auditActions(t, e, r.ID), "report.body")
}

// testQueries: reports by status, flag, partner, kind and date range with
// paging, newest first; documents by NIK and by number; a person's history.
func testQueries(t *testing.T, e *Env) {
	addHospital(t, e)
	start := e.Clock.Now()
	var ids []string
	for i := range 5 {
		b := Birth("Q-"+string(rune('a'+i)), Today.AddDays(-1-i), "L")
		OtherMother(b)
		if i > 0 {
			b.Child.Religion = "" // not reported: flagged incomplete
		}
		s := sub
		if i%2 == 1 {
			s = hospital
		}
		ids = append(ids, notify(t, e, s, b).ID)
	}
	mid := e.Clock.Now()
	d, _, err := e.Service.NotifyDeath(ctx(), sub, Death("Q-d", Today.AddDays(-1)))
	require.NoError(t, err)
	verify(t, e, ids[0])

	list := func(f registry.Filter) []string {
		t.Helper()
		f.Office = Regency
		rs, err := e.Service.Reports(ctx(), f)
		require.NoError(t, err)
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	assert.Equal(t, []string{d.ID, ids[4], ids[3], ids[2], ids[1], ids[0]}, list(registry.Filter{}), "newest first")
	assert.Equal(t, []string{ids[3], ids[1]}, list(registry.Filter{PartnerID: "rs-1"}))
	assert.Equal(t, []string{ids[0]}, list(registry.Filter{Status: registry.StatusVerified}))
	assert.Equal(t, []string{d.ID}, list(registry.Filter{Kind: registry.KindDeath}))
	assert.Equal(t, []string{ids[4], ids[3], ids[2], ids[1], ids[0]}, list(registry.Filter{From: start, To: mid}))
	assert.Equal(t, []string{d.ID}, list(registry.Filter{From: mid}))
	assert.Equal(t, []string{ids[3], ids[2]}, list(registry.Filter{Kind: registry.KindBirth, Limit: 2, Offset: 1}), "paging")
	assert.Empty(t, list(registry.Filter{Offset: 6}))
	assert.Equal(t, []string{ids[4], ids[3], ids[2], ids[1]}, list(registry.Filter{Flags: registry.FlagIncomplete}))
	assert.Equal(t, []string{ids[3], ids[1]}, list(registry.Filter{Flags: registry.FlagIncomplete, PartnerID: "rs-1"}))

	reg, err := e.Service.Register(ctx(), Regency, ids[0], "officer")
	require.NoError(t, err)
	nik := reg.NIK.String()
	docs, err := e.Service.DocumentsByNIK(ctx(), Regency, nik, "officer.dewi")
	require.NoError(t, err)
	require.Len(t, docs, len(reg.Documents))
	types := map[registry.DocType]bool{}
	for _, doc := range docs {
		types[doc.Type] = true
		assert.Equal(t, ids[0], doc.ReportID)
		assert.Equal(t, registry.DocActive, doc.Status)
	}
	assert.True(t, types[registry.DocAktaKelahiran])
	assert.True(t, types[registry.DocKIA])
	doc, err := e.Service.Document(ctx(), Regency, registry.DocAktaKelahiran, reg.Akta.String(), 0)
	require.NoError(t, err)
	assert.Equal(t, 1, doc.Version)
	assert.Equal(t, ids[0], doc.ReportID)
	assert.NotEmpty(t, doc.Payload)
	_, err = e.Service.Document(ctx(), Regency, registry.DocAktaKelahiran, reg.Akta.String(), 2)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	_, err = e.Service.Document(ctx(), Regency, "PASPOR", "1", 0)
	assert.Error(t, err)

	child, err := e.Service.PersonHistory(ctx(), Regency, nik, "officer.dewi")
	require.NoError(t, err)
	require.Len(t, child.Reports, 1)
	assert.Equal(t, registry.RoleChild, child.Reports[0].Role)
	assert.Equal(t, registry.StatusRegistered, child.Reports[0].Status)
	assert.Equal(t, Today.AddDays(-1), child.Reports[0].Day)
	assert.Len(t, child.Documents, len(docs))

	first, err := e.Service.Report(ctx(), Regency, ids[0])
	require.NoError(t, err)
	b, err := first.Birth()
	require.NoError(t, err)
	mother, err := e.Service.PersonHistory(ctx(), Regency, b.Mother.NIK, "officer.dewi")
	require.NoError(t, err)
	require.Len(t, mother.Reports, 1)
	assert.Equal(t, registry.RoleMother, mother.Reports[0].Role)
	assert.Empty(t, mother.Documents)
	father, err := e.Service.PersonHistory(ctx(), Regency, b.Father.NIK, "officer.dewi")
	require.NoError(t, err)
	assert.Len(t, father.Reports, 5, "the fixture's father is named by every birth")
	dead, err := e.Service.PersonHistory(ctx(), Regency, Death("", Today).Deceased.NIK, "officer.dewi")
	require.NoError(t, err)
	require.Len(t, dead.Reports, 1)
	assert.Equal(t, registry.RoleDeceased, dead.Reports[0].Role)
	assert.Equal(t, d.ID, dead.Reports[0].ReportID)

	_, err = e.Service.PersonHistory(ctx(), Regency, "12345", "officer")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "/nik", ve.Fields[0].Pointer.String())
}

// testReadJournal: every read of a person's record is journaled with the
// actor and time; a read without an actor is refused and not served.
func testReadJournal(t *testing.T, e *Env) {
	reg, err := e.RegisterBirth("J-1", Today.AddDays(-1), "P")
	require.NoError(t, err)
	before := auditActions(t, e, reg.ReportID)
	r, err := e.Service.ViewReport(ctx(), Regency, reg.ReportID, "officer.dewi")
	require.NoError(t, err)
	assert.Equal(t, reg.ReportID, r.ID)
	_, err = e.Service.ViewReport(ctx(), Regency, reg.ReportID, "")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	after, err := e.Store.Audit(ctx(), Regency, reg.ReportID)
	require.NoError(t, err)
	require.Len(t, after, len(before)+1)
	last := after[len(after)-1]
	assert.Equal(t, "read", last.Action)
	assert.Equal(t, "officer.dewi", last.Actor)
	assert.False(t, last.At.IsZero())

	nik := reg.NIK.String()
	_, err = e.Service.DocumentsByNIK(ctx(), Regency, nik, "officer.a")
	require.NoError(t, err)
	_, err = e.Service.PersonHistory(ctx(), Regency, nik, "officer.b")
	require.NoError(t, err)
	_, err = e.Service.DocumentsByNIK(ctx(), Regency, nik, " ")
	require.ErrorAs(t, err, &ve)
	es, err := e.Store.Audit(ctx(), Regency, nik)
	require.NoError(t, err)
	require.Len(t, es, 2)
	assert.Equal(t, []string{"read", "read"}, []string{es[0].Action, es[1].Action})
	assert.Equal(t, []string{"officer.a", "officer.b"}, []string{es[0].Actor, es[1].Actor})
	assert.Equal(t, []string{"documents", "history"}, []string{es[0].Detail, es[1].Detail})
}

// testCoverage: coverage from the registry's records against an imported
// population, checked against figures computed by hand.
func testCoverage(t *testing.T, e *Env) {
	asOf := Today
	_, err := e.Service.Coverage(ctx(), Regency, asOf)
	assert.ErrorIs(t, err, registry.ErrNotFound, "no population yet")

	other := wilayah.MustParseCode("62.08.02")
	pop := registry.Population{AsOf: Today.AddDays(-30), Source: "proyeksi 2026"}
	for age := range 18 {
		pop.Rows = append(pop.Rows, registry.PopulationRow{Kecamatan: Kecamatan, Age: age, Count: 10})
	}
	pop.Rows = append(pop.Rows, registry.PopulationRow{Kecamatan: other, Age: 0, Count: 7},
		registry.PopulationRow{Kecamatan: other, Age: 18, Count: 100})

	bad := registry.Population{AsOf: Today, Source: "x", Rows: []registry.PopulationRow{
		{Kecamatan: wilayah.MustParseCode("32.01.01"), Age: 1, Count: 1},
		{Kecamatan: Kecamatan, Age: -1, Count: -5},
		{Kecamatan: Kecamatan, Age: 3, Count: 1}, {Kecamatan: Kecamatan, Age: 3, Count: 2}}}
	_, err = e.Service.ImportPopulation(ctx(), Regency, &bad, "officer")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	var ptrs []string
	for _, f := range ve.Fields {
		ptrs = append(ptrs, f.Pointer.String())
	}
	assert.ElementsMatch(t, []string{"/rows/0/kecamatan", "/rows/1/age", "/rows/1/count", "/rows/3"}, ptrs)
	_, err = e.Service.Coverage(ctx(), Regency, asOf)
	assert.ErrorIs(t, err, registry.ErrNotFound, "nothing imported")

	// A first import, replaced by the second: only the newest counts.
	first := registry.Population{AsOf: pop.AsOf, Source: "old", Rows: []registry.PopulationRow{{Kecamatan: Kecamatan, Age: 0, Count: 1}}}
	n, err := e.Service.ImportPopulation(ctx(), Regency, &first, "officer")
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	n, err = e.Service.ImportPopulation(ctx(), Regency, &pop, "officer")
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	// Children registered the day before asOf at ages 0, 2 and 4 on asOf,
	// one born after asOf (registered later), one report never registered.
	e.Clock.SetDay(asOf.AddDays(-1))
	var twoYearOld registry.Registration
	for i, born := range []adminduk.Date{asOf.AddDays(-3), asOf.AddYears(-2).AddDays(-10), asOf.AddYears(-5).AddDays(1)} {
		reg, err := e.RegisterBirth("C-"+string(rune('a'+i)), born, "L")
		require.NoError(t, err)
		if i == 1 {
			twoYearOld = reg
		}
	}
	e.Clock.SetDay(asOf.AddDays(3))
	_, err = e.RegisterBirth("C-later", asOf.AddDays(1), "P")
	require.NoError(t, err)
	b := Birth("C-pending", asOf.AddDays(-1), "P")
	OtherMother(b)
	notify(t, e, sub, b)

	got, err := e.Service.Coverage(ctx(), Regency, asOf)
	require.NoError(t, err)
	assert.Equal(t, pop.AsOf, got.PopulationAsOf)
	// Akta, ages 0-17: 3 of 10 x 18 = 180 in Sukamara (1.666.. -> 1.67 %),
	// 0 of 7 in the other kecamatan (its 100 at age 18 are outside).
	assert.Equal(t, coverage.DefaultAktaAges, got.Akta.Ages)
	assert.Equal(t, coverage.Counts{Required: 187, With: 3}, got.Akta.Counts)
	require.NotNil(t, got.Akta.Percent)
	assert.Equal(t, coverage.MustParsePercent("1.60"), *got.Akta.Percent) // 3/187 = 1.604 %
	require.Len(t, got.Akta.Kecamatan, 2)
	assert.Equal(t, Kecamatan, got.Akta.Kecamatan[0].Kecamatan)
	assert.Equal(t, coverage.Counts{Required: 180, With: 3}, got.Akta.Kecamatan[0].Counts)
	assert.Equal(t, coverage.MustParsePercent("1.67"), *got.Akta.Kecamatan[0].Percent)
	assert.Equal(t, coverage.Counts{Required: 7, With: 0}, got.Akta.Kecamatan[1].Counts)
	assert.Equal(t, coverage.MustParsePercent("0.00"), *got.Akta.Kecamatan[1].Percent)
	// KIA, ages 0-4: 3 of 10 x 5 = 50 (6.00 %), 0 of 7.
	assert.Equal(t, coverage.Counts{Required: 50, With: 3}, got.KIA.Kecamatan[0].Counts)
	assert.Equal(t, coverage.MustParsePercent("6.00"), *got.KIA.Kecamatan[0].Percent)
	assert.Equal(t, coverage.Counts{Required: 57, With: 3}, got.KIA.Counts)

	// One kecamatan; a day before the oldest child's registration; the
	// child aged 5 the day after it turns 5 falls out of the KIA range.
	k, err := e.Service.Coverage(ctx(), Kecamatan, asOf)
	require.NoError(t, err)
	require.Len(t, k.Akta.Kecamatan, 1)
	assert.Equal(t, coverage.Counts{Required: 180, With: 3}, k.Akta.Counts)
	early, err := e.Service.Coverage(ctx(), Kecamatan, asOf.AddDays(-2))
	require.NoError(t, err)
	assert.Equal(t, coverage.Counts{Required: 180, With: 0}, early.Akta.Counts, "the akta were issued after that day")
	older, err := e.Service.Coverage(ctx(), Kecamatan, asOf.AddDays(1))
	require.NoError(t, err)
	assert.Equal(t, int64(2), older.KIA.Counts.With, "the oldest child turned 5")
	assert.Equal(t, int64(3), older.Akta.Counts.With, "C-later was born but its akta is issued later")

	// The 2-year-old's death, registered on asOf+3: it no longer counts
	// from that day.
	hist, err := e.Service.PersonHistory(ctx(), Regency, twoYearOld.NIK.String(), "officer")
	require.NoError(t, err)
	require.Len(t, hist.Reports, 1)
	death := Death("C-death", asOf.AddDays(2))
	death.Deceased.NIK, death.Deceased.Name, death.Deceased.BirthDate = twoYearOld.NIK.String(), "Budi Santoso", twoYearOld.NIK.BirthDate().String()
	dr, _, err := e.Service.NotifyDeath(ctx(), sub, death)
	require.NoError(t, err)
	verify(t, e, dr.ID)
	_, err = e.Service.Register(ctx(), Regency, dr.ID, "officer")
	require.NoError(t, err)
	before, err := e.Service.Coverage(ctx(), Kecamatan, asOf.AddDays(2))
	require.NoError(t, err)
	assert.Equal(t, int64(3), before.Akta.Counts.With, "alive on that day (C-later's akta not issued yet)")
	after, err := e.Service.Coverage(ctx(), Kecamatan, asOf.AddDays(3))
	require.NoError(t, err)
	// On asOf+3 four registered children hold an akta (C-later's was
	// issued that day); the one whose death was registered that day does
	// not count.
	assert.Equal(t, int64(3), after.Akta.Counts.With)
	_, err = e.Service.Coverage(ctx(), wilayah.MustParseCode("32.01"), asOf)
	assert.ErrorIs(t, err, registry.ErrNotFound, "an office not run here")
	_, err = e.Service.Coverage(ctx(), Village, adminduk.Date{})
	require.ErrorAs(t, err, &ve)
	ptrs = ptrs[:0]
	for _, f := range ve.Fields {
		ptrs = append(ptrs, f.Pointer.String())
	}
	assert.ElementsMatch(t, []string{"/region", "/as_of"}, ptrs)
}
