package registry_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// discharge returns what a SIMRS has when mother and child go home: no
// reporter, no proof, no parent case, no father, no birth order, no attendant.
func discharge() *registry.BirthReport {
	r := storetest.Birth("SIMRS-1", day, "P")
	r.Reporter = registry.Reporter{}
	r.Proof, r.Certificate = "", nil
	r.Parents, r.Father, r.Marriage = "", nil, nil
	r.Child.BirthOrder, r.Child.Attendant = 0, ""
	return r
}

func pointers(fs []adminduk.FieldError) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Pointer))
	}
	return out
}

func TestValidateNotify(t *testing.T) {
	tests := []struct {
		name    string
		report  func() *registry.BirthReport
		missing []string
		errs    []string
	}{
		{"complete", func() *registry.BirthReport { return storetest.Birth("r", day, "P") }, nil, nil},
		{"discharge only", discharge, []string{"/child/birth_order", "/child/attendant", "/parents",
			"/reporter/nik", "/reporter/name", "/proof"}, nil},
		{"married without father, proof of marriage or certificate", func() *registry.BirthReport {
			r := storetest.Birth("r", day, "P")
			r.Father, r.Marriage, r.Certificate = nil, nil, nil
			return r
		}, []string{"/father", "/marriage", "/certificate"}, nil},
		{"unrecorded marriage without witnesses", func() *registry.BirthReport {
			r := storetest.Birth("r", day, "P")
			r.Parents, r.Marriage = registry.ParentsUnrecorded, nil
			return r
		}, []string{"/witnesses"}, nil},
		{"what is given is checked while the case is unknown", func() *registry.BirthReport {
			r := discharge()
			r.Father = &registry.Parent{NIK: "12", Name: "Ahmad"}
			r.Marriage = &registry.MarriageProof{Kind: "kawin-siri"}
			return r
		}, []string{"/child/birth_order", "/child/attendant", "/parents", "/reporter/nik", "/reporter/name", "/proof"},
			[]string{"/father/nik", "/marriage/kind", "/marriage/number"}},
		{"a wrong value is never deferred", func() *registry.BirthReport {
			r := discharge()
			r.Child.Attendant = "tabib"
			r.Child.BirthOrder = -1
			r.Reporter.NIK = "6208011203900000"
			return r
		}, []string{"/parents", "/reporter/name", "/proof"},
			[]string{"/child/birth_order", "/child/attendant", "/reporter/nik"}},
		{"the mother's NIK and the address are needed to notify", func() *registry.BirthReport {
			r := discharge()
			r.Mother.NIK, r.Family.Address.Village = "", ""
			return r
		}, []string{"/child/birth_order", "/child/attendant", "/parents", "/reporter/nik", "/reporter/name", "/proof"},
			[]string{"/mother/nik", "/family/address/village"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			missing, err := tt.report().ValidateNotify()
			assert.Equal(t, tt.missing, pointers(missing))
			if tt.errs == nil {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, tt.errs, fields(t, err))
		})
	}
}

// TestNotifyIncomplete: a discharge-only report is accepted and flagged
// incomplete; Verify refuses it and writes nothing; a complete report of the
// same birth is verified.
func TestNotifyIncomplete(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	sub := registry.Submission{PartnerID: "pkm-1"}

	rep, created, err := e.Service.NotifyBirth(ctx, sub, discharge())
	require.NoError(t, err)
	require.True(t, created)
	assert.True(t, rep.Flags.Has(registry.FlagIncomplete))
	assert.Equal(t, registry.StatusNotified, rep.Status)

	_, err = e.Service.Verify(ctx, storetest.Regency, rep.ID, "petugas.dewi")
	require.ErrorIs(t, err, registry.ErrIncomplete)
	require.ErrorIs(t, err, registry.ErrInvalidTransition)
	var ie *registry.IncompleteError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, rep.ID, ie.ReportID)
	assert.Equal(t, registry.ActVerify, ie.Action)
	assert.Equal(t, []string{"/child/birth_order", "/child/attendant", "/parents",
		"/reporter/nik", "/reporter/name", "/proof"}, pointers(ie.Missing))

	got, err := e.Service.Report(ctx, storetest.Regency, rep.ID)
	require.NoError(t, err)
	assert.Len(t, got.Actions, 1, "a refused verify writes nothing")
	assert.Equal(t, registry.StatusNotified, got.Status)

	// The same facts completed by the faskes: accepted, verified, registered.
	full := storetest.Birth("SIMRS-2", day, "P")
	full.Child.ProvisionalName, full.Child.Name = false, "Nur Aini"
	storetest.OtherMother(full) // another birth, not a duplicate of the first
	rep2, _, err := e.Service.NotifyBirth(ctx, sub, full)
	require.NoError(t, err)
	assert.False(t, rep2.Flags.Has(registry.FlagIncomplete))
	_, err = e.Service.Verify(ctx, storetest.Regency, rep2.ID, "petugas.dewi")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx, storetest.Regency, rep2.ID, "petugas.dewi")
	require.NoError(t, err)
}

// TestNotifyStillRefusesInvalid: what is wrong (not merely missing) is still
// refused at notify, and nothing is written.
func TestNotifyStillRefusesInvalid(t *testing.T) {
	ctx := context.Background()
	e := storetest.NewEnv(t, sqliteStore)
	r := discharge()
	r.Mother.NIK = "6208014505980000" // serial 0000 is never issued
	_, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, r)
	assert.Equal(t, []string{"/mother/nik"}, fields(t, err))
	rs, err := e.Service.Reports(ctx, registry.Filter{Office: storetest.Regency})
	require.NoError(t, err)
	assert.Empty(t, rs)
}
