package registry_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func sqliteStore(t testing.TB) registry.Store {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// TestSeedWorkflow is the seed workflow of issue 11 as far as it exists: a
// puskesmas under an active PKS notifies a birth, the officer verifies and
// registers; a report 61 days after the birth gets LT; a partner whose PKS
// expired yesterday is refused and nothing is written.
func TestSeedWorkflow(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	today := storetest.Today

	sub := registry.Submission{PartnerID: "pkm-1", Actor: "bidan.rina", IdempotencyKey: "k-1"}
	rep, created, err := e.Service.NotifyBirth(ctx, sub, storetest.Birth("PKM-1", today.AddDays(-2), "L"))
	require.NoError(t, err)
	require.True(t, created)
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	nik := reg.NIK.String()
	assert.Equal(t, "620801", nik[:6], "kecamatan of the family's address")
	assert.Equal(t, "011226", nik[6:12], "birth date, no +40 for a boy")
	assert.Equal(t, "0001", nik[12:], "first serial")
	assert.Equal(t, "6208-LU-03122026-0001", reg.Akta.String())

	lateBirth := storetest.Birth("PKM-2", today.AddDays(-61), "P")
	storetest.OtherMother(lateBirth) // another family: not a birth 59 days before the first one's
	late, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, lateBirth)
	require.NoError(t, err)
	assert.True(t, late.Flags.Has(registry.FlagLate))
	_, err = e.Service.Verify(ctx, storetest.Regency, late.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err = e.Service.Register(ctx, storetest.Regency, late.ID, "petugas.dewi")
	require.NoError(t, err)
	assert.Equal(t, "6208-LT-03122026-0002", reg.Akta.String())
	assert.Equal(t, adminduk.Female, reg.NIK.Sex())
	assert.Equal(t, "4", reg.NIK.String()[6:7], "day +40 for a girl")

	expired := storetest.Agreement("pks-old", "bidan-ani", partnership.Active, today.AddYears(-2), today.AddDays(-1))
	require.NoError(t, e.Store.PutAgreement(ctx, &expired, "admin"))
	_, _, err = e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "bidan-ani", IdempotencyKey: "k-1"},
		storetest.Birth("BPM-1", today.AddDays(-1), "L"))
	var fe *registry.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, registry.ReasonExpired, fe.Reason)
	assert.Equal(t, today.AddDays(-1), fe.Date)
	assert.Contains(t, err.Error(), "agreement expired on 2026-12-02")
	rs, err := e.Service.Reports(ctx, registry.Filter{Office: storetest.Regency, PartnerID: "bidan-ani"})
	require.NoError(t, err)
	assert.Empty(t, rs, "nothing written for the refused partner")
	all, err := e.Service.Reports(ctx, registry.Filter{Office: storetest.Regency})
	require.NoError(t, err)
	assert.Len(t, all, 2)
}

// TestReligionUnknown: a faskes that does not know the child's religion may
// report the birth; the report is flagged incomplete and registration issues
// the akta (and the family card) but no KIA, which prints the religion.
func TestReligionUnknown(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	b := storetest.Birth("PKM-R", storetest.Today.AddDays(-2), "P")
	b.Child.Religion = ""
	rep, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, b)
	require.NoError(t, err)
	assert.True(t, rep.Flags.Has(registry.FlagIncomplete))
	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	reg, err := e.Service.Register(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.NoError(t, err)
	require.Len(t, reg.Documents, 1, "the akta; no KIA, and no KK for a card built from the report")
	assert.Equal(t, registry.DocAktaKelahiran, reg.Documents[0].Type)

	b.Child.Religion = "Agama Baru"
	err = b.Validate()
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.NotNil(t, ve.Field(adminduk.NewPointer("child", "religion")))
}
