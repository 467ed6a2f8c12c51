package client_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/client"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// otherBirth is a birth of a mother no other report names.
func otherBirth(ref string, d adminduk.Date) *registry.BirthReport {
	b := storetest.Birth(ref, d, "P")
	storetest.OtherMother(b)
	return b
}

// stillbirthOf is a stillbirth of a mother of her own (serial), so that it
// is no potential duplicate of the births of storetest.Birth's mother.
func stillbirthOf(ref string, d adminduk.Date, serial int) *registry.StillbirthReport {
	s := storetest.Stillbirth(ref, d)
	s.Mother.NIK = fmt.Sprintf("%s500398%04d", storetest.Kecamatan.Plain(), serial) // born 1998-03-10
	s.Mother.BirthDate = "1998-03-10"
	return s
}

// walkMore calls, through the client, the operations of duplicates,
// documents, coverage, school batches and webhook endpoints.
func walkMore(t *testing.T, l *live) {
	ctx := context.Background()
	today := storetest.Today
	for _, k := range []struct {
		kind   registry.Kind
		create func(ref string) (*client.ReportCreated, error)
	}{
		{registry.KindBirth, func(ref string) (*client.ReportCreated, error) {
			return l.partner.CreateBirthReport(ctx, storetest.Birth(ref, today.AddDays(-2), "L"))
		}},
		{registry.KindDeath, func(ref string) (*client.ReportCreated, error) {
			d := storetest.Death(ref, today.AddDays(-2))
			d.Deceased.NIK, d.Deceased.BirthDate = "6208011505550007", "1955-05-15"
			return l.partner.CreateDeathReport(ctx, d)
		}},
		{registry.KindStillbirth, func(ref string) (*client.ReportCreated, error) {
			return l.partner.CreateStillbirthReport(ctx, stillbirthOf(ref, today.AddDays(-6), 2))
		}},
	} {
		var ids [3]string
		for i := range ids {
			c, err := k.create(fmt.Sprintf("%s-d%d", k.kind, i+1))
			require.NoError(t, err)
			ids[i] = c.ID
			if i > 0 {
				require.True(t, c.Flags.Has(registry.FlagPotentialDuplicate), "%s %d", k.kind, i)
			}
		}
		r, err := l.officer.Report(ctx, k.kind, ids[1])
		require.NoError(t, err)
		require.NotEmpty(t, r.Duplicates, "an officer sees the candidates")
		l.contract.lax.Store(true)
		_, err = l.officer.DecideDuplicate(ctx, k.kind, ids[1], client.DuplicateDecision{Duplicate: true})
		l.contract.lax.Store(false)
		var e *client.Error
		require.ErrorAs(t, err, &e)
		require.NotEmpty(t, e.Fields)
		assert.Equal(t, 422, e.Status)
		assert.Equal(t, "/reason", e.Fields[0].Pointer)
		r, err = l.officer.DecideDuplicate(ctx, k.kind, ids[1], client.DuplicateDecision{Duplicate: true, Candidate: ids[0], Reason: "dikirim dua kali"})
		require.NoError(t, err)
		assert.Equal(t, registry.StatusArchived, r.Status)
		r, err = l.officer.DecideDuplicate(ctx, k.kind, ids[2], client.DuplicateDecision{Reason: "kembar"})
		require.NoError(t, err)
		assert.False(t, r.Flags.Has(registry.FlagPotentialDuplicate))
		if r, err = l.officer.Report(ctx, k.kind, ids[0]); err == nil && r.Flags.Has(registry.FlagPotentialDuplicate) {
			_, err = l.officer.DecideDuplicate(ctx, k.kind, ids[0], client.DuplicateDecision{Reason: "kembar"})
		}
		require.NoError(t, err)
		_, err = l.officer.Verify(ctx, k.kind, ids[0])
		require.NoError(t, err)
		_, err = l.officer.Register(ctx, k.kind, ids[0])
		require.NoError(t, err, k.kind.String())
		_, err = l.officer.Issue(ctx, k.kind, ids[0])
		require.NoError(t, err)
		ho, err := l.officer.HandOver(ctx, k.kind, ids[0], client.HandOverRequest{Receiver: "Ahmad Fauzi", Relation: "keluarga"})
		require.NoError(t, err, k.kind.String())
		assert.NotEmpty(t, ho.Documents)
	}

	// Documents: printed, corrected, revoked.
	var e *client.Error
	c, err := l.partner.CreateBirthReport(ctx, otherBirth("pdf-1", today.AddDays(-3)))
	require.NoError(t, err)
	_, err = l.officer.Verify(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	reg, err := l.officer.Register(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	var akta registry.DocumentRef
	for _, d := range reg.Documents {
		pdf, err := l.officer.DocumentPDF(ctx, d.Type, d.Number, 0)
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))
		if d.Type == registry.DocAktaKelahiran {
			akta = d
		}
	}
	_, err = l.partner.DocumentPDF(ctx, akta.Type, akta.Number, 0)
	require.ErrorIs(t, err, registry.ErrForbidden, "officers only")
	l.contract.lax.Store(true)
	_, err = l.officer.Correct(ctx, akta.Type, akta.Number, registry.Correction{ChildName: "Nur Aisyah"})
	l.contract.lax.Store(false)
	require.ErrorAs(t, err, new(*client.Error))
	require.ErrorIs(t, err, adminduk.ErrInvalid)
	doc, err := l.officer.Correct(ctx, akta.Type, akta.Number,
		registry.Correction{ChildName: "Nur Aisyah Ramadhani", Authority: "Penetapan PN Sukamara Nomor 12/Pdt.P/2026/PN Skr"})
	require.NoError(t, err)
	assert.Equal(t, akta.Version+1, doc.Version)
	first, err := l.officer.DocumentPDF(ctx, akta.Type, akta.Number, akta.Version)
	require.NoError(t, err)
	current, err := l.officer.DocumentPDF(ctx, akta.Type, akta.Number, 0)
	require.NoError(t, err)
	assert.NotEqual(t, first, current)
	st, err := l.officer.Revoke(ctx, akta.Type, akta.Number, "akta ganda")
	require.NoError(t, err)
	assert.Equal(t, registry.DocRevoked, st.Status)
	_, err = l.officer.Revoke(ctx, akta.Type, akta.Number, "lagi")
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 409, e.Status, "already revoked")

	// Coverage.
	_, err = l.officer.Coverage(ctx, storetest.Regency, today)
	require.ErrorIs(t, err, registry.ErrNotFound, "no population yet")
	pop := registry.Population{AsOf: today, Source: "uji"}
	for age := range 18 {
		pop.Rows = append(pop.Rows, registry.PopulationRow{Kecamatan: storetest.Kecamatan, Age: age, Count: 100})
	}
	n, err := l.officer.ImportPopulation(ctx, &pop)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the first import")
	cov, err := l.officer.Coverage(ctx, storetest.Regency, today)
	require.NoError(t, err)
	assert.Equal(t, int64(1800), cov.Akta.Counts.Required)
	assert.Positive(t, cov.Akta.Counts.With)

	// Webhook endpoints: a private destination is a field error on /url;
	// another partner's endpoint does not exist for it.
	_, err = l.partner.AddWebhookEndpoint(ctx, "https://internal.example.org/x")
	require.ErrorAs(t, err, &e)
	require.Len(t, e.Fields, 1)
	assert.Equal(t, "/url", e.Fields[0].Pointer)
	ep, err := l.partner.AddWebhookEndpoint(ctx, "https://hooks.example.org/adminduk")
	require.NoError(t, err)
	assert.Regexp(t, `^whsec_`, ep.Secret)
	eps, err := l.partner.WebhookEndpoints(ctx)
	require.NoError(t, err)
	require.Len(t, eps, 1)
	assert.Empty(t, eps[0].Secret, "the secret is shown once")
	_, err = l.partner.CreateBirthReport(ctx, otherBirth("hook-1", today.AddDays(-1)))
	require.NoError(t, err)
	ds, err := l.partner.WebhookDeliveries(ctx, ep.ID)
	require.NoError(t, err)
	require.NotEmpty(t, ds)
	assert.Equal(t, "pending", ds[0].State)
	_, err = l.other.WebhookDeliveries(ctx, ep.ID)
	require.ErrorIs(t, err, registry.ErrNotFound)
	rot, err := l.partner.RotateWebhookSecret(ctx, ep.ID)
	require.NoError(t, err)
	assert.NotEqual(t, ep.Secret, rot.Secret)
	off, err := l.partner.DisableWebhookEndpoint(ctx, ep.ID, "pindah sistem")
	require.NoError(t, err)
	assert.False(t, off.Active)

	// A school batch; the Idempotency-Key is the batch key. A child
	// registered at four years and eleven months turns five.
	c, err = l.partner.CreateBirthReport(ctx, otherBirth("sekolah-1", today.AddYears(-5).AddDays(10)))
	require.NoError(t, err)
	_, err = l.officer.Verify(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	reg, err = l.officer.Register(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	l.clock.SetDay(today.AddDays(20))
	pupils := []registry.Pupil{{NIK: reg.NIK, Name: "Nur Aisyah Putri", School: "SD Negeri 1 Sukamara", Photo: storetest.Photo(t)}}
	var replayed bool
	res, err := l.school.SchoolBatch(ctx, pupils, client.IdempotencyKey("batch-1"), client.Replayed(&replayed))
	require.NoError(t, err)
	require.Len(t, res.Issued, 1)
	assert.False(t, replayed)
	again, err := l.school.SchoolBatch(ctx, pupils, client.IdempotencyKey("batch-1"), client.Replayed(&replayed))
	require.NoError(t, err)
	assert.True(t, replayed)
	assert.Equal(t, res.Issued, again.Issued)
	_, err = l.partner.SchoolBatch(ctx, pupils)
	require.ErrorIs(t, err, registry.ErrForbidden, "a faskes is not a school")
}

// TestLiveResubmit: a birth notified at discharge as a FHIR bundle is
// returned; the same bundle resubmitted is refused (a resubmission must be
// complete) with pointers into the bundle; the report completed as JSON is
// accepted, verified and registered.
func TestLiveResubmit(t *testing.T) {
	ctx := context.Background()
	l := newLive(t)
	bundle, err := os.ReadFile(filepath.Join("..", "fhir", "testdata", "discharge-bundle.json"))
	require.NoError(t, err)
	c, err := l.partner.CreateBirthBundle(ctx, bundle)
	require.NoError(t, err)
	require.True(t, c.Flags.Has(registry.FlagIncomplete))
	reasons := []client.ReturnReason{{Pointer: "/reporter/nik", Message: "lengkapi pelapor"}}
	_, err = l.officer.Return(ctx, registry.KindBirth, c.ID, reasons)
	require.NoError(t, err)
	// A resubmission must be complete: the discharge bundle again is 422,
	// its pointers naming the bundle's elements.
	_, err = l.partner.ResubmitBirthBundle(ctx, c.ID, bundle)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 422, e.Status)
	require.NotEmpty(t, e.Fields)
	for _, f := range e.Fields {
		assert.Regexp(t, `^/entry`, f.Pointer)
	}

	r, err := l.officer.Report(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusReturned, r.Status, "nothing changed")
	b, err := r.Birth()
	require.NoError(t, err)
	filled := storetest.Birth(b.ExternalRef, storetest.Today, b.Child.Sex)
	b.Child.Name, b.Child.ProvisionalName, b.Child.Religion = "Muhammad Rizki Pratama", false, "Islam"
	b.Child.BirthOrder, b.Child.Attendant = 1, filled.Child.Attendant
	b.Father, b.Parents, b.Marriage = filled.Father, filled.Parents, filled.Marriage
	b.Reporter, b.Proof, b.Certificate = filled.Reporter, filled.Proof, filled.Certificate
	bad := *b
	bad.Mother.NIK = "12"
	l.contract.lax.Store(true)
	_, err = l.partner.ResubmitBirth(ctx, c.ID, &bad)
	l.contract.lax.Store(false)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "/mother/nik", e.Fields[0].Pointer)
	_, err = l.other.ResubmitBirth(ctx, c.ID, b)
	require.ErrorIs(t, err, registry.ErrNotFound)

	r, err = l.partner.ResubmitBirth(ctx, c.ID, b)
	require.NoError(t, err)
	assert.False(t, r.Flags.Has(registry.FlagIncomplete))
	_, err = l.officer.Verify(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	reg, err := l.officer.Register(ctx, registry.KindBirth, c.ID)
	require.NoError(t, err)
	assert.Len(t, reg.Documents, 2)
}
