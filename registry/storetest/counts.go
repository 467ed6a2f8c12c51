package storetest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
)

// testCounts checks CountReports against the reports themselves, listed and
// grouped here, after reports are created through the service and in bulk
// and moved through statuses (a store may keep the counts apart: SQLite
// keeps them by triggers).
func testCounts(t *testing.T, e *Env) {
	s := e.Service
	sub := registry.Submission{PartnerID: "pkm-1"}
	Preload(t, e.Store, 0, 7)
	PreloadQueue(t, e.Store, 0, 9)
	var ids []string
	for i := range 6 {
		b := Birth(fmt.Sprintf("count-%d", i), Today.AddDays(-1-i), []string{"L", "P"}[i%2])
		OtherMother(b)
		r, _, err := s.NotifyBirth(ctx(), sub, b)
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	_, _, err := s.NotifyDeath(ctx(), sub, Death("count-death", Today.AddDays(-2)))
	require.NoError(t, err)
	_, err = s.Verify(ctx(), Regency, ids[0], "officer.dewi")
	require.NoError(t, err)
	_, err = s.Verify(ctx(), Regency, ids[1], "officer.dewi")
	require.NoError(t, err)
	_, err = s.Register(ctx(), Regency, ids[1], "officer.dewi")
	require.NoError(t, err)
	_, err = s.Return(ctx(), Regency, ids[2], "officer.dewi", "nama ibu tidak terbaca")
	require.NoError(t, err)

	want := map[[2]int]int{}
	f := registry.Filter{Office: Regency, Limit: 500}
	for {
		page, err := s.Reports(ctx(), f)
		require.NoError(t, err)
		for _, r := range page {
			want[[2]int{int(r.Kind), int(r.Status)}]++
		}
		if len(page) < f.Limit {
			break
		}
		f.Offset += len(page)
	}
	counts, err := s.CountReports(ctx(), Regency)
	require.NoError(t, err)
	got := map[[2]int]int{}
	for _, c := range counts {
		assert.Positive(t, c.N, "%s %s", c.Kind, c.Status)
		got[[2]int{int(c.Kind), int(c.Status)}] += c.N
	}
	assert.Equal(t, want, got)
	total := 0
	for _, n := range got {
		total += n
	}
	assert.Equal(t, 6+1+7+9, total)
	// Four births of the service and seven of the bulk queue wait as notified
	// or returned.
	assert.Equal(t, 3+7, got[[2]int{int(registry.KindBirth), int(registry.StatusNotified)}])
	assert.Equal(t, 1, got[[2]int{int(registry.KindBirth), int(registry.StatusReturned)}])
}
