package storetest

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/registry"
)

// Keys returns the key set a verifier of the fixture office trusts.
func Keys() credential.KeySet {
	var ks credential.KeySet
	ks.Add(Signer().PublicKey(time.Time{}))
	return ks
}

// registered notifies, verifies and registers a birth report.
func registered(t *testing.T, e *Env, b *registry.BirthReport) (registry.Report, registry.Registration) {
	t.Helper()
	r, _, err := e.Service.NotifyBirth(ctx(), sub, b)
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)
	return r, reg
}

// testDocuments: registering a birth issues the akta kelahiran, the KIA
// (under 5, valid to the 5th birthday) and the family's KK, each version 1,
// active, with a credential that verifies offline; the report lists them and
// the online status answers for them.
func testDocuments(t *testing.T, e *Env) {
	importCard(t, e) // the family's complete card, so its next version can be printed
	birth := Today.AddDays(-2)
	r, reg := registered(t, e, Birth("doc-1", birth, "P"))
	require.Len(t, reg.Documents, 3)
	aktaDoc, card, kk := reg.Documents[0], reg.Documents[1], reg.Documents[2]
	assert.Equal(t, registry.DocKK, kk.Type)
	assert.Equal(t, FamilyKK, kk.Number)
	assert.Equal(t, registry.DocAktaKelahiran, aktaDoc.Type)
	assert.Equal(t, reg.Akta.String(), aktaDoc.Number)
	assert.Equal(t, registry.DocKIA, card.Type)
	assert.Equal(t, reg.NIK.String(), card.Number)
	var issuedAkta akta.Birth
	require.NoError(t, json.Unmarshal(aktaDoc.Model, &issuedAkta), "the akta's model is an akta.Birth")
	assert.Equal(t, reg.NIK, issuedAkta.Child.NIK)
	assert.Equal(t, reg.Akta, issuedAkta.Number)
	issuedCard, err := kia.DecodeCard(card.Model, kia.DecodeOptions{})
	require.NoError(t, err, "the KIA's model is a kia.Card")
	assert.Equal(t, reg.NIK, issuedCard.NIK)

	stored, err := e.Service.Documents(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, stored, 3)
	keys := Keys()
	for i, d := range stored {
		want := reg.Documents[i]
		assert.Equal(t, want.Type, d.Type)
		assert.Equal(t, want.Number, d.Number)
		assert.Equal(t, want.Version, d.Version)
		assert.Equal(t, 1+b2i(d.Type == registry.DocKK), d.Version, "the imported card is version 1")
		assert.Equal(t, registry.DocActive, d.Status)
		assert.Equal(t, want.Payload, d.Payload, "the stored credential is the one signed")
		assert.JSONEq(t, string(want.Model), string(d.Model), "the stored model is the one issued")
		assert.Equal(t, r.ID, d.ReportID)
		assert.True(t, d.IssuedAt.Equal(reg.At), d.Type)
		assert.True(t, d.ChangedAt.Equal(reg.At), d.Type)

		res := credential.Verify(d.Payload, keys, reg.At.Add(time.Hour))
		require.Equal(t, credential.StatusValid, res.Status, "%s: %v", d.Type, res.Err)
		assert.Equal(t, "ID-6208", res.Claims.Issuer)
		assert.Equal(t, d.Number, res.Claims.Document.Number)
		assert.Equal(t, FamilyKK, res.Claims.Document.KKNumber)
	}
	res := credential.Verify(stored[1].Payload, keys, reg.At)
	assert.Equal(t, "KIA", res.Claims.Document.Type)
	// Valid to the 5th birthday (kia.Rules), expiring at its end (WIB).
	fifth := adminduk.MustDate(birth.Year()+5, birth.Month(), birth.Day())
	assert.Equal(t, strings.ReplaceAll(fifth.String(), "-", ""), res.Claims.Document.ValidUntil)
	assert.Equal(t, credential.StatusValid, credential.Verify(stored[1].Payload, keys, fifth.In(adminduk.WIB).Add(23*time.Hour)).Status)
	assert.Equal(t, credential.StatusExpired, credential.Verify(stored[1].Payload, keys, fifth.AddDays(1).In(adminduk.WIB).Add(time.Hour)).Status)

	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, []registry.DocumentRef{aktaDoc.Ref(), card.Ref(), kk.Ref()}, got.Documents)

	// Online status: no personal data, the current version.
	st, err := e.Service.DocumentStatus(ctx(), registry.DocAktaKelahiran, reg.Akta.String())
	require.NoError(t, err)
	assert.Equal(t, registry.DocumentStatus{Type: registry.DocAktaKelahiran, Number: reg.Akta.String(), Version: 1,
		Status: registry.DocActive, CurrentVersion: 1, ChangedAt: st.ChangedAt}, st)
	assert.True(t, st.ChangedAt.Equal(reg.At))
	st, err = e.Service.DocumentVersionStatus(ctx(), registry.DocKIA, reg.NIK.String(), 1)
	require.NoError(t, err)
	assert.Equal(t, registry.DocActive, st.Status)
	assert.Equal(t, 1, st.CurrentVersion)

	for _, c := range []struct {
		name    string
		typ     registry.DocType
		number  string
		version int
	}{
		{"unknown number", registry.DocAktaKelahiran, "6208-LU-03122026-9999", 0},
		{"number of another type", registry.DocKIA, reg.Akta.String(), 0},
		{"unknown version", registry.DocKIA, reg.NIK.String(), 2},
		{"negative version", registry.DocKIA, reg.NIK.String(), -1},
		{"unknown type", registry.DocType("KTP"), reg.NIK.String(), 0},
	} {
		_, err := e.Service.DocumentVersionStatus(ctx(), c.typ, c.number, c.version)
		assert.ErrorIs(t, err, registry.ErrNotFound, c.name)
	}

	// A death of someone on no card the registry holds: the akta kematian only.
	d, _, err := e.Service.NotifyDeath(ctx(), sub, Death("doc-d", Today.AddDays(-1)))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, d.ID, "officer.dewi")
	require.NoError(t, err)
	dreg, err := e.Service.Register(ctx(), Regency, d.ID, "officer.dewi")
	require.NoError(t, err)
	require.Len(t, dreg.Documents, 1)
	assert.Equal(t, registry.DocAktaKematian, dreg.Documents[0].Type)
	assert.Equal(t, dreg.Akta.String(), dreg.Documents[0].Number)
}

// testDocumentsWithoutKK: a report naming no KK (a new family) gets a new
// KK number — the kecamatan of the address, the day of registration, the
// next serial of that kecamatan and day — and the KIA is issued with it.
// The card built from the report lacks the parents' columns of a printed
// KK, so the register holds it but no KK document is issued.
func testDocumentsWithoutKK(t *testing.T, e *Env) {
	b := Birth("doc-2", Today.AddDays(-1), "L")
	b.Family.KK = ""
	r, reg := registered(t, e, b)
	require.Len(t, reg.Documents, 2)
	want, err := adminduk.NewKK(Kecamatan, Today, 1)
	require.NoError(t, err)
	fam, err := e.Service.Family(ctx(), Regency, want)
	require.NoError(t, err, "the new family is in the register")
	assert.Equal(t, registry.FamilyFromReport, fam.Source)
	assert.False(t, fam.Printable())
	for i, typ := range []registry.DocType{registry.DocAktaKelahiran, registry.DocKIA} {
		d := reg.Documents[i]
		assert.Equal(t, typ, d.Type)
		res := credential.Verify(d.Payload, Keys(), reg.At)
		require.Equal(t, credential.StatusValid, res.Status, "%s: %v", typ, res.Err)
		assert.Equal(t, want.String(), res.Claims.Document.KKNumber, typ)
	}
	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Len(t, got.Documents, 2)
	st, err := e.Service.DocumentStatus(ctx(), registry.DocKIA, reg.NIK.String())
	require.NoError(t, err)
	assert.Equal(t, registry.DocActive, st.Status)
}

// testHandOver: the hand-over records who received which documents; bad
// input and illegal steps write nothing.
func testHandOver(t *testing.T, e *Env) {
	importCard(t, e)
	r, reg := registered(t, e, Birth("ho-1", Today.AddDays(-2), "L"))
	// Before issue the step is not allowed.
	_, err := e.Service.HandOver(ctx(), Regency, r.ID, "officer.dewi", "Ahmad Fauzi", "ayah")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)
	_, err = e.Service.Act(ctx(), Regency, r.ID, registry.ActIssue, "officer.dewi", "")
	require.NoError(t, err)
	// Hand-over goes through HandOver, never Act.
	_, err = e.Service.Act(ctx(), Regency, r.ID, registry.ActHandOver, "officer.dewi", "")
	assert.ErrorIs(t, err, registry.ErrInvalidTransition)

	akta := reg.Documents[0].Ref()
	for _, c := range []struct {
		name                      string
		actor, receiver, relation string
		docs                      []registry.DocumentRef
		field                     string
	}{
		{"no receiver", "officer.dewi", " ", "ayah", nil, "/receiver"},
		{"no relation", "officer.dewi", "Ahmad Fauzi", "", nil, "/relation"},
		{"no actor", "", "Ahmad Fauzi", "ayah", nil, "/actor"},
		{"foreign document", "officer.dewi", "Ahmad Fauzi", "ayah",
			[]registry.DocumentRef{{Type: registry.DocKK, Number: "6208011506200099", Version: 1, Status: registry.DocActive}}, "/documents/0"},
		{"wrong version", "officer.dewi", "Ahmad Fauzi", "ayah",
			[]registry.DocumentRef{{Type: akta.Type, Number: akta.Number, Version: 2, Status: registry.DocActive}}, "/documents/0"},
	} {
		_, err := e.Service.HandOver(ctx(), Regency, r.ID, c.actor, c.receiver, c.relation, c.docs...)
		var ve *adminduk.ValidationError
		require.True(t, errors.As(err, &ve), "%s: %v", c.name, err)
		require.NotEmpty(t, ve.Fields, c.name)
		assert.Equal(t, c.field, ve.Fields[0].Pointer.String(), c.name)
	}
	hs, err := e.Service.HandOvers(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Empty(t, hs, "nothing written")

	h, err := e.Service.HandOver(ctx(), Regency, r.ID, "officer.dewi", "Siti Aminah", "ibu", akta)
	require.NoError(t, err)
	hs, err = e.Service.HandOvers(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, hs, 1)
	assert.Equal(t, "Siti Aminah", hs[0].Receiver)
	assert.Equal(t, "ibu", hs[0].Relation)
	assert.Equal(t, "officer.dewi", hs[0].Actor)
	assert.Equal(t, []registry.DocumentRef{akta}, hs[0].Documents)
	assert.True(t, h.At.Equal(hs[0].At))
	got, err := e.Service.Report(ctx(), Regency, r.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.StatusHandedOver, got.Status)

	// The rest of the documents later: every active one by default.
	_, err = e.Service.HandOver(ctx(), Regency, r.ID, "officer.dewi", "Ahmad Fauzi", "ayah")
	require.NoError(t, err)
	hs, err = e.Service.HandOvers(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, hs, 2)
	assert.Equal(t, []registry.DocumentRef{akta, reg.Documents[1].Ref(), reg.Documents[2].Ref()}, hs[1].Documents)
	assert.Equal(t, "Ahmad Fauzi", hs[1].Receiver)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
