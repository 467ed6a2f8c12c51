package fhir_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/fhir"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func sqliteStore(t testing.TB) registry.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// TestServiceAcceptsBundles: on a real SQLite store, the discharge bundle is
// accepted and flagged incomplete, and its verification is refused for what
// is missing; the full bundle is verified and registered, its KIA issued
// with the family's KK.
func TestServiceAcceptsBundles(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	sub := registry.Submission{PartnerID: "pkm-1"}

	dis, err := fhir.DecodeBirthBundle(read(t, "discharge-bundle.json"))
	require.NoError(t, err)
	rep, created, err := e.Service.NotifyBirth(ctx, sub, dis)
	require.NoError(t, err)
	require.True(t, created)
	assert.True(t, rep.Flags.Has(registry.FlagIncomplete))
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	var ie *registry.IncompleteError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []string{"/child/birth_order", "/child/attendant", "/parents", "/reporter/nik",
		"/reporter/name", "/proof"}, pointers(ie.Missing))

	full, err := fhir.DecodeBirthBundle(read(t, "full-bundle.json"))
	require.NoError(t, err)
	rep, _, err = e.Service.NotifyBirth(ctx, sub, full)
	require.NoError(t, err)
	assert.True(t, rep.Flags.Has(registry.FlagIncomplete), "the provisional name still flags it")
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	// No akta under the provisional name: the officer returns the report
	// and the faskes resubmits it with the name the parents gave (and the
	// religion the KIA prints, which a SIMRS rarely holds).
	_, err = e.Service.Register(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.ErrorIs(t, err, registry.ErrProvisionalName)
	_, err = e.Service.Return(ctx, storetest.Regency, rep.ID, "petugas.dewi", "nama anak belum diberikan")
	require.NoError(t, err)
	named := *full
	named.Child.Name, named.Child.ProvisionalName, named.Child.Religion = "Nur Aisyah Putri", false, "Islam"
	_, err = e.Service.ResubmitBirth(ctx, storetest.Regency, rep.ID, &named, "bidan.rina")
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	assert.Equal(t, "620801", reg.NIK.String()[:6])
	assert.Equal(t, "411226", reg.NIK.String()[6:12], "1 December 2026, a girl")
	var types []registry.DocType
	for _, d := range reg.Documents {
		types = append(types, d.Type)
	}
	assert.Equal(t, []registry.DocType{registry.DocAktaKelahiran, registry.DocKIA}, types)
}
