package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// testOfficeView: the office's agreements are listed, a saved lifecycle
// change is what is listed afterwards, and reports are counted by kind and
// status with the late ones apart.
func testOfficeView(t *testing.T, e *Env) {
	ag := Agreement("pks-2", "pkm-2", partnership.Active, Today.AddYears(-2), Today.AddDays(-1))
	require.NoError(t, e.Service.SaveAgreement(ctx(), &ag, "admin"))
	as, err := e.Service.OfficeAgreements(ctx(), Regency)
	require.NoError(t, err)
	require.Len(t, as, 2)
	assert.Equal(t, []string{"pks-1", "pks-2"}, []string{as[0].ID, as[1].ID})
	assert.Equal(t, partnership.Expired, as[1].StatusOn(Today))

	bad := ag
	bad.ID, bad.Partner.Name = "pks-3", ""
	assert.Error(t, e.Service.SaveAgreement(ctx(), &bad, "admin"))
	assert.Error(t, e.Service.SaveAgreement(ctx(), &ag, ""))
	as, err = e.Service.OfficeAgreements(ctx(), Regency)
	require.NoError(t, err)
	assert.Len(t, as, 2, "invalid agreements write nothing")

	b1, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("c-1", Today.AddDays(-1), "L"))
	require.NoError(t, err)
	_, _, err = e.Service.NotifyBirth(ctx(), sub, Birth("c-2", Today.AddDays(-70), "P"))
	require.NoError(t, err)
	_, _, err = e.Service.NotifyDeath(ctx(), sub, Death("c-3", Today.AddDays(-1)))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, b1.ID, "dewi")
	require.NoError(t, err)

	counts, err := e.Service.ReportCounts(ctx(), Regency)
	require.NoError(t, err)
	assert.Equal(t, []registry.ReportCount{
		{Kind: registry.KindBirth, Status: registry.StatusNotified, N: 1, Late: 1},
		{Kind: registry.KindBirth, Status: registry.StatusVerified, N: 1},
		{Kind: registry.KindDeath, Status: registry.StatusNotified, N: 1},
	}, counts)
}
