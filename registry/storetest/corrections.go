package storetest

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
)

// Authority is the authority of the fixture correction: a keputusan of the
// Kepala Dinas for a clerical error.
const Authority = "Keputusan Kepala Dinas Nomor 474.1/123/Disdukcapil/2026"

// testCorrections runs the corrections, revocations and provisional-name
// cases.
// Each case opens its store with its own t: a store that skips (PostgreSQL
// without ADMINDUK_TEST_POSTGRES) skips that case.
func testCorrections(t *testing.T, newStore func(t testing.TB) registry.Store) {
	t.Run("Correct", func(t *testing.T) { testCorrect(t, NewEnv(t, newStore)) })
	t.Run("Revoke", func(t *testing.T) { testRevoke(t, NewEnv(t, newStore)) })
	t.Run("CorrectRefused", func(t *testing.T) { testCorrectRefused(t, NewEnv(t, newStore)) })
	t.Run("ProvisionalName", func(t *testing.T) { testProvisional(t, NewEnv(t, newStore)) })
	t.Run("ConcurrentCorrections", func(t *testing.T) { testConcurrentCorrections(t, NewEnv(t, newStore)) })
}

// testConcurrentCorrections: corrections racing on one akta never give two
// documents the same version nor leave a gap; a loser fails with
// ErrConflict (or finds the version it read no longer active) and writes
// nothing; every winner's version is the next.
func testConcurrentCorrections(t *testing.T, e *Env) {
	r, reg := registered(t, e, Birth("conc-c", Today.AddDays(-2), "P"))
	num := reg.Akta.String()
	const workers = 8
	names := []string{"Nur Aisyah Putri Lestari", "Nur Aisyah Putri Rahma", "Nur Aisyah Putri Sari", "Nur Aisyah Putri Dewi",
		"Nur Aisyah Putri Ayu", "Nur Aisyah Putri Indah", "Nur Aisyah Putri Wulan", "Nur Aisyah Putri Kirana"}
	versions := make(chan int, workers)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := e.Service.Correct(ctx(), Regency, registry.DocAktaKelahiran, num,
				registry.Correction{ChildName: names[i], Authority: Authority}, "officer.dewi")
			if err != nil {
				errs <- err
				return
			}
			versions <- d.Version
		}()
	}
	wg.Wait()
	close(versions)
	close(errs)
	for err := range errs {
		if !errors.Is(err, registry.ErrConflict) && !errors.Is(err, registry.ErrInvalidTransition) {
			t.Errorf("unexpected error: %v", err)
		}
	}
	var won []int
	for v := range versions {
		won = append(won, v)
	}
	require.NotEmpty(t, won)
	slices.Sort(won)
	for i, v := range won {
		assert.Equal(t, i+2, v, "versions 2, 3 ... without gaps or duplicates")
	}
	docs, err := e.Service.Documents(ctx(), Regency, r.ID)
	require.NoError(t, err)
	active := 0
	for _, d := range docs {
		if d.Type == registry.DocAktaKelahiran && d.Status == registry.DocActive {
			active++
			assert.Equal(t, len(won)+1, d.Version)
		}
	}
	assert.Equal(t, 1, active, "one active version")
	rep, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	n := 0
	for _, a := range rep.Actions {
		if a.Type == registry.ActCorrect {
			n++
		}
	}
	assert.Equal(t, len(won), n, "one correct action per version")
}

// Corrected registers a birth, moves the clock to the next day and corrects
// the child's name to name on [Authority]: the report, the registration and
// the new version of the akta.
func Corrected(t *testing.T, e *Env, name string) (registry.Report, registry.Registration, registry.Document) {
	t.Helper()
	r, reg := registered(t, e, Birth("corr-1", Today.AddDays(-2), "L"))
	e.Clock.SetDay(Today.AddDays(1))
	v2, err := e.Service.Correct(ctx(), Regency, registry.DocAktaKelahiran, reg.Akta.String(),
		registry.Correction{ChildName: name, Authority: Authority}, "officer.dewi")
	require.NoError(t, err)
	return r, reg, v2
}

// testCorrect: a correction of the child's name is version 2 of the akta
// with the marginal note, signed (the QR carries version 2); version 1 is
// replaced, never deleted, and its QR still verifies offline; the online
// status tells them apart; the report logs the correct action and the audit
// journal the names before and after.
func testCorrect(t *testing.T, e *Env) {
	r, reg, v2 := Corrected(t, e, "Muhammad Rizky Pratama")
	num := reg.Akta.String()
	assert.Equal(t, 2, v2.Version)
	assert.Equal(t, registry.DocActive, v2.Status)
	var model akta.Birth
	require.NoError(t, json.Unmarshal(v2.Model, &model))
	assert.Equal(t, "Muhammad Rizky Pratama", model.Child.Name)
	assert.Equal(t, 2, model.Version)
	require.Len(t, model.Notes, 1)
	assert.Equal(t, Today.AddDays(1), model.Notes[0].Date)
	assert.Equal(t, Authority, model.Notes[0].Authority)
	assert.Contains(t, model.Notes[0].Printed(), "NAMA ANAK SEMULA MUHAMMAD RIZKI PRATAMA MENJADI MUHAMMAD RIZKY PRATAMA")
	assert.Equal(t, reg.NIK, model.Child.NIK, "the NIK does not change")
	assert.Equal(t, Today.AddDays(1), model.IssuedAt)

	// Both QRs verify offline, each with its version and name.
	at := Today.AddDays(2).In(adminduk.WIB)
	v1 := reg.Documents[0]
	for _, tc := range []struct {
		payload string
		version int
		name    string
	}{{v1.Payload, 0, "MUHAMMAD RIZKI PRATAMA"}, {v2.Payload, 2, "MUHAMMAD RIZKY PRATAMA"}} {
		res := credential.Verify(tc.payload, Keys(), at)
		require.Equal(t, credential.StatusValid, res.Status, res.Err)
		assert.Equal(t, tc.version, res.Claims.Document.Version)
		assert.Equal(t, tc.name, res.Claims.Identity.Name)
		assert.Equal(t, num, res.Claims.Document.Number)
	}

	// The online status tells them apart.
	st1, err := e.Service.DocumentVersionStatus(ctx(), registry.DocAktaKelahiran, num, 1)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, st1.Status)
	assert.Equal(t, 2, st1.CurrentVersion)
	assert.Equal(t, Today.AddDays(1), adminduk.DateOf(st1.ChangedAt.In(adminduk.WIB)))
	st2, err := e.Service.DocumentStatus(ctx(), registry.DocAktaKelahiran, num)
	require.NoError(t, err)
	assert.Equal(t, registry.DocumentStatus{Type: registry.DocAktaKelahiran, Number: num, Version: 2,
		Status: registry.DocActive, CurrentVersion: 2, ChangedAt: v2.IssuedAt}, st2)

	// Nothing is lost: both versions are listed and readable.
	docs, err := e.Service.Documents(ctx(), Regency, r.ID)
	require.NoError(t, err)
	var versions []string
	for _, d := range docs {
		if d.Type == registry.DocAktaKelahiran {
			versions = append(versions, string(d.Status))
		}
	}
	assert.Equal(t, []string{"replaced", "active"}, versions)
	old, err := e.Service.Document(ctx(), Regency, registry.DocAktaKelahiran, num, 1)
	require.NoError(t, err)
	assert.Equal(t, v1.Payload, old.Payload)
	assert.JSONEq(t, string(v1.Model), string(old.Model))
	assert.Equal(t, registry.DocReplaced, old.Status)
	cur, err := e.Service.Document(ctx(), Regency, registry.DocAktaKelahiran, num, 0)
	require.NoError(t, err)
	assert.Equal(t, v2.Payload, cur.Payload)

	// The action and the audit entry with before and after.
	rep, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	last := rep.Actions[len(rep.Actions)-1]
	assert.Equal(t, registry.ActCorrect, last.Type)
	assert.Contains(t, last.Reason, Authority)
	assert.Equal(t, registry.StatusRegistered, rep.Status, "a correction keeps the status")
	entries, err := e.Store.Audit(ctx(), Regency, r.ID)
	require.NoError(t, err)
	var found bool
	for _, a := range entries {
		if a.Action != "document.correct" {
			continue
		}
		found = true
		var detail struct {
			Before, After map[string]string
			FromVersion   int `json:"from_version"`
			ToVersion     int `json:"to_version"`
		}
		require.NoError(t, json.Unmarshal([]byte(a.Detail), &detail))
		assert.Equal(t, "Muhammad Rizki Pratama", detail.Before["child_name"])
		assert.Equal(t, "Muhammad Rizky Pratama", detail.After["child_name"])
		assert.Equal(t, 1, detail.FromVersion)
		assert.Equal(t, 2, detail.ToVersion)
		assert.Equal(t, "officer.dewi", a.Actor)
	}
	assert.True(t, found, "the correction is journaled")

	// A second correction is version 3 with both notes.
	v3, err := e.Service.Correct(ctx(), Regency, registry.DocAktaKelahiran, num,
		registry.Correction{MotherName: "Siti Aminah Lestari", Authority: Authority}, "officer.dewi")
	require.NoError(t, err)
	assert.Equal(t, 3, v3.Version)
	require.NoError(t, json.Unmarshal(v3.Model, &model))
	require.Len(t, model.Notes, 2)
	assert.Equal(t, "Muhammad Rizky Pratama", model.Child.Name)
	st2, err = e.Service.DocumentVersionStatus(ctx(), registry.DocAktaKelahiran, num, 2)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, st2.Status)
	assert.Equal(t, 3, st2.CurrentVersion)
}

// testRevoke: revoking a registration revokes every active document it
// issued; their QRs still verify offline, the online status says revoked,
// and nothing more can be corrected or revoked.
func testRevoke(t *testing.T, e *Env) {
	r, reg := registered(t, e, Birth("rev-1", Today.AddDays(-2), "P"))
	require.Len(t, reg.Documents, 2)
	num := reg.Akta.String()
	_, err := e.Service.Revoke(ctx(), Regency, registry.DocAktaKelahiran, num, "", "officer.dewi")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve, "a revocation needs a reason")
	e.Clock.SetDay(Today.AddDays(1))
	st, err := e.Service.Revoke(ctx(), Regency, registry.DocAktaKelahiran, num, "data kelahiran palsu", "officer.dewi")
	require.NoError(t, err)
	assert.Equal(t, registry.DocRevoked, st.Status)
	assert.Equal(t, 1, st.Version)
	assert.Equal(t, 1, st.CurrentVersion)
	for _, d := range reg.Documents {
		st, err := e.Service.DocumentStatus(ctx(), d.Type, d.Number)
		require.NoError(t, err)
		assert.Equal(t, registry.DocRevoked, st.Status, d.Type)
		assert.Equal(t, Today.AddDays(1), adminduk.DateOf(st.ChangedAt.In(adminduk.WIB)))
		res := credential.Verify(d.Payload, Keys(), Today.AddDays(2).In(adminduk.WIB))
		assert.Equal(t, credential.StatusValid, res.Status, "offline, a revoked document still verifies")
	}
	rep, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusRevoked, rep.Status)
	last := rep.Actions[len(rep.Actions)-1]
	assert.Equal(t, registry.ActRevoke, last.Type)
	assert.Contains(t, last.Reason, "data kelahiran palsu")

	_, err = e.Service.Revoke(ctx(), Regency, registry.DocAktaKelahiran, num, "lagi", "officer.dewi")
	var se *registry.DocumentStateError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, registry.DocRevoked, se.Status)
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	_, err = e.Service.Correct(ctx(), Regency, registry.DocAktaKelahiran, num,
		registry.Correction{ChildName: "Nur Aisyah Putri Lestari", Authority: Authority}, "officer.dewi")
	require.ErrorAs(t, err, &se)
	entries, err := e.Store.Audit(ctx(), Regency, r.ID)
	require.NoError(t, err)
	n := 0
	for _, a := range entries {
		if a.Action == "document.revoke" {
			n++
			assert.Contains(t, a.Detail, "data kelahiran palsu")
		}
	}
	assert.Equal(t, 1, n)
}

// testCorrectRefused: what a correction refuses writes nothing.
func testCorrectRefused(t *testing.T, e *Env) {
	r, reg := registered(t, e, Birth("ref-c", Today.AddDays(-2), "P"))
	num := reg.Akta.String()
	before, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		typ    registry.DocType
		number string
		c      registry.Correction
		actor  string
		check  func(t *testing.T, err error)
	}{
		{"no authority", registry.DocAktaKelahiran, num, registry.Correction{ChildName: "Nur Aisyah Lestari"}, "officer.dewi",
			func(t *testing.T, err error) { requireField(t, err, "/authority") }},
		{"no actor", registry.DocAktaKelahiran, num, registry.Correction{ChildName: "Nur Aisyah Lestari", Authority: Authority}, " ",
			func(t *testing.T, err error) { requireField(t, err, "/actor") }},
		{"nothing to correct", registry.DocAktaKelahiran, num, registry.Correction{Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) { requireField(t, err, "/child_name") }},
		{"same name", registry.DocAktaKelahiran, num, registry.Correction{ChildName: "nur aisyah putri", Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) { requireField(t, err, "/child_name") }},
		{"provisional name", registry.DocAktaKelahiran, num, registry.Correction{ChildName: "Bayi Ny. Siti Aminah", Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) { requireField(t, err, "/child_name") }},
		{"one word", registry.DocAktaKelahiran, num, registry.Correction{ChildName: "Aisyah", Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) { requireField(t, err, "/child_name") }},
		{"KIA", registry.DocKIA, reg.NIK.String(), registry.Correction{ChildName: "Nur Aisyah Lestari", Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) {
				var ue *registry.UnsupportedError
				require.ErrorAs(t, err, &ue)
				assert.ErrorIs(t, err, registry.ErrUnsupported)
			}},
		{"unknown type", registry.DocType("SIM"), num, registry.Correction{ChildName: "Nur Aisyah Lestari", Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) { assert.ErrorIs(t, err, registry.ErrNotFound) }},
		{"unknown number", registry.DocAktaKelahiran, "6208-LU-03122026-9999", registry.Correction{ChildName: "Nur Aisyah Lestari", Authority: Authority}, "officer.dewi",
			func(t *testing.T, err error) { assert.ErrorIs(t, err, registry.ErrNotFound) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Service.Correct(ctx(), Regency, tc.typ, tc.number, tc.c, tc.actor)
			require.Error(t, err)
			tc.check(t, err)
			after, err := e.Service.Report(ctx(), Regency, r.ID)
			require.NoError(t, err)
			assert.Equal(t, before.Actions, after.Actions, "no action written")
			assert.Equal(t, before.Documents, after.Documents, "no document written")
		})
	}
	// A correct or revoke action without its documents is not a step Act takes.
	for _, a := range []registry.ActionType{registry.ActCorrect, registry.ActRevoke} {
		_, err := e.Service.Act(ctx(), Regency, r.ID, a, "officer.dewi", "reason")
		assert.ErrorIs(t, err, registry.ErrInvalidTransition, a)
	}
	after, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, before.Actions, after.Actions)
}

func requireField(t *testing.T, err error, pointer string) {
	t.Helper()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	f := ve.Field(adminduk.Pointer(pointer))
	require.NotNil(t, f, "%v", err)
	assert.NotEmpty(t, f.Indonesian)
	assert.NotEmpty(t, f.English)
}

// testProvisional: a birth reported under a provisional name is accepted
// and flagged incomplete, but not registered: no NIK, no akta number, no
// document, and the report stays verified.
func testProvisional(t *testing.T, e *Env) {
	r, _, err := e.Service.NotifyBirth(ctx(), sub, ProvisionalBirth("prov-1", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	assert.True(t, r.Flags.Has(registry.FlagIncomplete))
	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx(), Regency, r.ID, "officer.dewi")
	var pe *registry.ProvisionalNameError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, registry.ErrProvisionalName)
	assert.ErrorIs(t, err, adminduk.ErrInvalid)
	assert.Equal(t, "Bayi Ny. Siti Aminah", pe.Name)
	_, err = e.Service.Registration(ctx(), Regency, r.ID)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusVerified, got.Status)
	assert.Empty(t, got.Documents)

	// Unflagged, a name that reads as provisional is refused as well.
	b := Birth("prov-2", Today.AddDays(-1), "L")
	b.Child.Name = "By Ny Siti Aminah"
	OtherMother(b) // another baby: the duplicate rules do not hold it first
	r, _, err = e.Service.NotifyBirth(ctx(), sub, b)
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx(), Regency, r.ID, "officer.dewi")
	assert.ErrorIs(t, err, registry.ErrProvisionalName)

	// The next named birth takes serial 1: the refusals allocated nothing.
	named := Birth("named-1", Today.AddDays(-1), "P")
	OtherMother(named)
	_, reg := registered(t, e, named)
	assert.True(t, strings.HasSuffix(reg.NIK.String(), "0001"))
	assert.True(t, strings.HasSuffix(reg.Akta.String(), "-0001"))
}
