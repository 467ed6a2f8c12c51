package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestWebhookTablesAppendOnly: endpoints, their changes, events and attempts
// refuse UPDATE and DELETE; deliveries refuse DELETE.
func TestWebhookTablesAppendOnly(t *testing.T) {
	st := open(t, filepath.Join(t.TempDir(), "registry.db"))
	storetest.WebhookTablesAppendOnly(t, st, st.W)
}

// TestWebhookClaimsTwoOpeners: two stores opened on one file (two
// processes) claiming at once never claim the same delivery.
func TestWebhookClaimsTwoOpeners(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "registry.db")
	a, b := open(t, path), open(t, path)
	e := storetest.NewEnvOn(t, a)
	svc := storetest.HookService(t, e, registry.WebhookConfig{})
	_, _, err := svc.AddWebhookEndpoint(ctx, storetest.Regency, "pkm-1", "https://hooks.example.org/x", "admin")
	require.NoError(t, err)
	const n = 20
	for i := range n {
		_, _, err := e.Service.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1"}, storetest.Birth(fmt.Sprintf("r-%d", i), storetest.Today.AddDays(-1), "L"))
		require.NoError(t, err)
	}
	now := e.Clock.Now().Add(time.Minute)
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for i, st := range []registry.Store{a, b, a, b} {
		wg.Go(func() {
			owner := fmt.Sprintf("p%d", i)
			for {
				cs, err := st.ClaimWebhookDeliveries(ctx, owner, now, time.Hour, 2)
				if !assert.NoError(t, err) || len(cs) == 0 {
					return
				}
				for j := range cs {
					mu.Lock()
					seen[cs[j].Event.ID]++
					mu.Unlock()
					assert.NoError(t, st.FinishWebhookAttempt(ctx, &cs[j], registry.WebhookResult{State: registry.DeliveryDelivered,
						Attempt: registry.WebhookAttempt{At: now, StatusCode: 200}}))
				}
			}
		})
	}
	wg.Wait()
	assert.Len(t, seen, n)
	for id, c := range seen {
		assert.Equal(t, 1, c, id)
	}
}
