package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
)

// Resolver is a fixed DNS for tests: host -> addresses; other hosts do not
// resolve.
type Resolver map[string][]netip.Addr

// LookupNetIP implements registry.Resolver.
func (r Resolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if a, ok := r[host]; ok {
		return a, nil
	}
	return nil, fmt.Errorf("lookup %s: no such host", host)
}

// HookResolver resolves hooks.example.org to a public address and
// internal.example.org to a private one.
var HookResolver = Resolver{
	"hooks.example.org":    {netip.MustParseAddr("93.184.215.14")},
	"internal.example.org": {netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("10.1.2.3")},
}

// HookService returns a service over e's store and clock with webhooks
// configured by cfg (Resolver defaults to [HookResolver]).
func HookService(t testing.TB, e *Env, cfg registry.WebhookConfig) *registry.Service {
	t.Helper()
	if cfg.Resolver == nil {
		cfg.Resolver = HookResolver
	}
	svc, err := registry.New(registry.Config{Store: e.Store, Offices: []registry.Office{Office()}, Now: e.Clock.Now, Webhooks: cfg})
	require.NoError(t, err)
	return svc
}

// testWebhooks: the outbox written with every action and document, claims,
// attempts, rotation, disabling, and claims by concurrent workers.
func testWebhooks(t *testing.T, newStore func(t testing.TB) registry.Store) {
	t.Run("Outbox", func(t *testing.T) { testOutbox(t, NewEnv(t, newStore)) })
	t.Run("ClaimAndFinish", func(t *testing.T) { testClaim(t, NewEnv(t, newStore)) })
	t.Run("Rotation", func(t *testing.T) { testRotation(t, NewEnv(t, newStore)) })
	t.Run("Disable", func(t *testing.T) { testDisable(t, NewEnv(t, newStore)) })
	t.Run("ConcurrentClaims", func(t *testing.T) {
		n := 30
		if testing.Short() {
			n = 10
		}
		testConcurrentClaims(t, NewEnv(t, newStore), n)
	})
}

func addHook(t *testing.T, svc *registry.Service, partner string) (string, registry.WebhookEndpoint) {
	t.Helper()
	secret, ep, err := svc.AddWebhookEndpoint(ctx(), Regency, partner, "https://hooks.example.org/adminduk/"+partner, "admin."+partner)
	require.NoError(t, err)
	return secret, ep
}

func deliveries(t *testing.T, e *Env, ep string) []registry.WebhookDelivery {
	t.Helper()
	ds, err := e.Store.WebhookDeliveries(ctx(), Regency, ep, 1000)
	require.NoError(t, err)
	return ds
}

func testOutbox(t *testing.T, e *Env) {
	svc := HookService(t, e, registry.WebhookConfig{})
	other := Agreement("pks-2", "pkm-2", partnership.Active, Today.AddYears(-1), Today.AddYears(1))
	require.NoError(t, e.Store.PutAgreement(ctx(), &other, "admin"))
	secret, ep := addHook(t, svc, "pkm-1")
	assert.Regexp(t, `^whsec_[A-Za-z0-9+/]{43}=$`, secret)
	_, ep2 := addHook(t, svc, "pkm-2")
	eps, err := svc.WebhookEndpoints(ctx(), Regency, "pkm-1")
	require.NoError(t, err)
	require.Len(t, eps, 1)
	assert.Equal(t, ep.ID, eps[0].ID)
	assert.Equal(t, "https://hooks.example.org/adminduk/pkm-1", eps[0].URL)
	assert.True(t, eps[0].Active())

	r, reg := registered(t, e, Birth("ref-hook", Today.AddDays(-1), "L"))
	ds := deliveries(t, e, ep.ID)
	require.Len(t, ds, 5, "notify, verify, register, the akta and the KIA")
	types := map[registry.EventType]int{}
	ids := map[string]bool{}
	for _, d := range ds {
		types[d.EventType]++
		ids[d.EventID] = true
		assert.Equal(t, registry.DeliveryPending, d.State)
		assert.Empty(t, d.Attempts)
	}
	assert.Equal(t, map[registry.EventType]int{registry.EventReportStatusChanged: 3, registry.EventDocumentIssued: 2}, types)
	assert.True(t, ids[registry.ReportEventID(Regency, r.ID, 1)])
	assert.True(t, ids[registry.ReportEventID(Regency, r.ID, 3)])
	assert.True(t, ids[registry.DocumentEventID(Regency, r.ID, registry.DocAktaKelahiran, reg.Akta.String(), 1)])
	assert.Empty(t, deliveries(t, e, ep2.ID), "another partner's endpoint gets nothing")

	// A step that fails writes no event.
	before := len(deliveries(t, e, ep.ID))
	err = e.Store.AppendAction(ctx(), Regency, r.ID, registry.Action{Seq: 2, Type: registry.ActVerify, Actor: "x", At: e.Clock.Now()}, registry.StatusVerified)
	require.ErrorIs(t, err, registry.ErrConflict)
	assert.Len(t, deliveries(t, e, ep.ID), before)

	// A partner without an agreement here, an unknown office: refused.
	_, _, err = svc.AddWebhookEndpoint(ctx(), Regency, "pkm-none", "https://hooks.example.org/x", "admin")
	var fe *registry.ForbiddenError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, registry.ReasonNoAgreement, fe.Reason)
	_, err = svc.WebhookDeliveries(ctx(), Regency, "nope")
	require.ErrorIs(t, err, registry.ErrNotFound)

	audit, err := e.Store.Audit(ctx(), Regency, ep.ID)
	require.NoError(t, err)
	require.Len(t, audit, 1)
	assert.Equal(t, "webhook.endpoint.create", audit[0].Action)
}

func testClaim(t *testing.T, e *Env) {
	svc := HookService(t, e, registry.WebhookConfig{})
	secret, ep := addHook(t, svc, "pkm-1")
	r, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("ref-claim", Today.AddDays(-1), "P"))
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer")
	require.NoError(t, err)
	now := e.Clock.Now().Add(time.Minute)
	const lease = 2 * time.Minute

	cs, err := e.Store.ClaimWebhookDeliveries(ctx(), "w1", now, lease, 10)
	require.NoError(t, err)
	require.Len(t, cs, 2)
	for _, c := range cs {
		assert.Equal(t, 1, c.Attempt)
		assert.Equal(t, "w1", c.Owner)
		assert.Equal(t, ep.ID, c.EndpointID)
		assert.Equal(t, ep.URL, c.URL)
		assert.Equal(t, []string{secret}, c.Secrets)
		assert.Equal(t, r.ID, c.Event.ReportID)
		assert.Equal(t, "ref-claim", c.Event.ExternalRef)
		assert.Equal(t, "pkm-1", c.Event.PartnerID)
	}
	again, err := e.Store.ClaimWebhookDeliveries(ctx(), "w2", now, lease, 10)
	require.NoError(t, err)
	assert.Empty(t, again, "leased deliveries are not claimed twice")

	byID := map[string]*registry.WebhookClaim{}
	for i := range cs {
		byID[cs[i].Event.ID] = &cs[i]
	}
	notify, verify := byID[registry.ReportEventID(Regency, r.ID, 1)], byID[registry.ReportEventID(Regency, r.ID, 2)]
	require.NotNil(t, notify)
	require.NotNil(t, verify)
	assert.Equal(t, "notified", notify.Event.Status)
	assert.Equal(t, "verified", verify.Event.Status)

	stolen := *notify
	stolen.Owner = "w2"
	err = e.Store.FinishWebhookAttempt(ctx(), &stolen, registry.WebhookResult{State: registry.DeliveryDelivered,
		Attempt: registry.WebhookAttempt{At: now, StatusCode: 200}})
	require.ErrorIs(t, err, registry.ErrConflict, "only the lease owner finishes")

	require.NoError(t, e.Store.FinishWebhookAttempt(ctx(), notify, registry.WebhookResult{State: registry.DeliveryDelivered,
		Attempt: registry.WebhookAttempt{N: 1, At: now, StatusCode: 204, Duration: 1500 * time.Microsecond}}))
	retry := now.Add(5 * time.Second)
	require.NoError(t, e.Store.FinishWebhookAttempt(ctx(), verify, registry.WebhookResult{State: registry.DeliveryPending, NextAt: retry,
		Attempt: registry.WebhookAttempt{N: 1, At: now, StatusCode: 503, Error: "status 503"}}))
	require.ErrorIs(t, e.Store.FinishWebhookAttempt(ctx(), verify, registry.WebhookResult{State: registry.DeliveryDelivered,
		Attempt: registry.WebhookAttempt{At: now}}), registry.ErrConflict, "an attempt is finished once")

	cs, err = e.Store.ClaimWebhookDeliveries(ctx(), "w1", retry.Add(-time.Millisecond), lease, 10)
	require.NoError(t, err)
	assert.Empty(t, cs, "not due before the retry time")
	cs, err = e.Store.ClaimWebhookDeliveries(ctx(), "w1", retry, lease, 10)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, verify.Event.ID, cs[0].Event.ID)
	assert.Equal(t, 2, cs[0].Attempt)

	// The worker dies: after the lease the delivery is due again, and the
	// dead worker's late report is refused.
	cs2, err := e.Store.ClaimWebhookDeliveries(ctx(), "w2", retry.Add(lease), lease, 10)
	require.NoError(t, err)
	require.Len(t, cs2, 1)
	assert.Equal(t, 3, cs2[0].Attempt)
	require.ErrorIs(t, e.Store.FinishWebhookAttempt(ctx(), &cs[0], registry.WebhookResult{State: registry.DeliveryDelivered,
		Attempt: registry.WebhookAttempt{At: retry, StatusCode: 200}}), registry.ErrConflict)
	require.NoError(t, e.Store.FinishWebhookAttempt(ctx(), &cs2[0], registry.WebhookResult{State: registry.DeliveryDelivered,
		Attempt: registry.WebhookAttempt{At: retry.Add(lease), StatusCode: 200}}))

	ds := deliveries(t, e, ep.ID)
	require.Len(t, ds, 2)
	for _, d := range ds {
		assert.Equal(t, registry.DeliveryDelivered, d.State, d.EventID)
		assert.True(t, d.NextAt.IsZero())
		if d.EventID == notify.Event.ID {
			require.Len(t, d.Attempts, 1)
			assert.Equal(t, 204, d.Attempts[0].StatusCode)
			assert.Equal(t, 1500*time.Microsecond, d.Attempts[0].Duration)
			assert.Equal(t, "w1", d.Attempts[0].Worker)
			assert.True(t, now.Equal(d.Attempts[0].At))
		} else {
			require.Len(t, d.Attempts, 2, "attempts 1 and 3; 2 died with its worker")
			assert.Equal(t, []int{1, 3}, []int{d.Attempts[0].N, d.Attempts[1].N})
			assert.Equal(t, "status 503", d.Attempts[0].Error)
			assert.Equal(t, "w2", d.Attempts[1].Worker)
		}
	}
}

func testRotation(t *testing.T, e *Env) {
	svc := HookService(t, e, registry.WebhookConfig{})
	old, ep := addHook(t, svc, "pkm-1")
	fresh, err := svc.RotateWebhookSecret(ctx(), Regency, ep.ID, "admin")
	require.NoError(t, err)
	assert.NotEqual(t, old, fresh)
	rotatedAt := e.Clock.Now()
	_, _, err = e.Service.NotifyBirth(ctx(), sub, Birth("ref-rot", Today.AddDays(-1), "L"))
	require.NoError(t, err)

	cs, err := e.Store.ClaimWebhookDeliveries(ctx(), "w", rotatedAt.Add(23*time.Hour), time.Minute, 10)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, []string{fresh, old}, cs[0].Secrets, "both sign during the overlap, newest first")
	// After the overlap only the new secret signs (the lease has run out).
	cs, err = e.Store.ClaimWebhookDeliveries(ctx(), "w", rotatedAt.Add(25*time.Hour), time.Minute, 10)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, []string{fresh}, cs[0].Secrets)

	got, err := svc.WebhookEndpoint(ctx(), Regency, ep.ID)
	require.NoError(t, err)
	assert.False(t, got.Rotated.IsZero())
	_, err = svc.RotateWebhookSecret(ctx(), Regency, "nope", "admin")
	require.ErrorIs(t, err, registry.ErrNotFound)
}

func testDisable(t *testing.T, e *Env) {
	svc := HookService(t, e, registry.WebhookConfig{})
	_, ep := addHook(t, svc, "pkm-1")
	_, ep2 := addHook(t, svc, "pkm-1")
	r, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("ref-dis", Today.AddDays(-1), "L"))
	require.NoError(t, err)
	now := e.Clock.Now().Add(time.Minute)
	cs, err := e.Store.ClaimWebhookDeliveries(ctx(), "w", now, time.Minute, 10)
	require.NoError(t, err)
	require.Len(t, cs, 2)
	for i := range cs {
		res := registry.WebhookResult{State: registry.DeliveryDelivered, Attempt: registry.WebhookAttempt{At: now, StatusCode: 200}}
		if cs[i].EndpointID == ep.ID {
			res = registry.WebhookResult{State: registry.DeliveryFailed, Disable: true, Attempt: registry.WebhookAttempt{At: now, StatusCode: 410}}
		}
		require.NoError(t, e.Store.FinishWebhookAttempt(ctx(), &cs[i], res))
	}
	got, err := svc.WebhookEndpoint(ctx(), Regency, ep.ID)
	require.NoError(t, err)
	assert.False(t, got.Active())
	assert.Equal(t, "the receiver answered 410", got.DisabledReason)

	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer")
	require.NoError(t, err)
	assert.Len(t, deliveries(t, e, ep.ID), 1, "a disabled endpoint gets no new deliveries")
	assert.Len(t, deliveries(t, e, ep2.ID), 2)

	require.ErrorIs(t, svc.DisableWebhookEndpoint(ctx(), Regency, ep.ID, "admin", "again"), registry.ErrConflict)
	require.ErrorIs(t, svc.DisableWebhookEndpoint(ctx(), Regency, "nope", "admin", "x"), registry.ErrNotFound)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, svc.DisableWebhookEndpoint(ctx(), Regency, ep2.ID, "admin", ""), &ve, "a reason is required")

	// Pending deliveries of an endpoint disabled later are not claimed.
	require.NoError(t, svc.DisableWebhookEndpoint(ctx(), Regency, ep2.ID, "admin", "partner asked"))
	cs, err = e.Store.ClaimWebhookDeliveries(ctx(), "w", now.Add(time.Hour), time.Minute, 10)
	require.NoError(t, err)
	assert.Empty(t, cs)
	_, err = svc.RotateWebhookSecret(ctx(), Regency, ep2.ID, "admin")
	require.ErrorIs(t, err, registry.ErrConflict)
}

// testConcurrentClaims: workers claiming and finishing at the same time
// attempt every delivery exactly once.
func testConcurrentClaims(t *testing.T, e *Env, n int) {
	svc := HookService(t, e, registry.WebhookConfig{})
	addHook(t, svc, "pkm-1")
	addHook(t, svc, "pkm-1")
	for i := range n {
		_, _, err := e.Service.NotifyBirth(ctx(), sub, Birth(fmt.Sprintf("c-%d", i), Today.AddDays(-1), "L"))
		require.NoError(t, err)
	}
	now := e.Clock.Now().Add(time.Minute)
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := range 4 {
		wg.Go(func() {
			owner := fmt.Sprintf("w%d", w)
			for {
				cs, err := e.Store.ClaimWebhookDeliveries(ctx(), owner, now, time.Hour, 3)
				if err != nil {
					errs <- err
					return
				}
				if len(cs) == 0 {
					return
				}
				for i := range cs {
					mu.Lock()
					seen[cs[i].Event.ID+" "+cs[i].EndpointID]++
					mu.Unlock()
					err := e.Store.FinishWebhookAttempt(ctx(), &cs[i], registry.WebhookResult{State: registry.DeliveryDelivered,
						Attempt: registry.WebhookAttempt{At: now, StatusCode: 200}})
					if err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Len(t, seen, 2*n, "every delivery claimed")
	for k, c := range seen {
		assert.Equal(t, 1, c, "claimed more than once: %s", k)
	}
	left, err := e.Store.ClaimWebhookDeliveries(ctx(), "late", now.Add(2*time.Hour), time.Hour, 100)
	require.NoError(t, err)
	assert.Empty(t, left, "all delivered")
}

// WebhookTablesAppendOnly checks a store whose writer pool is db: after a
// registration with a webhook endpoint, endpoints, their changes and events
// refuse UPDATE and DELETE, deliveries refuse DELETE, and the five
// deliveries are all still there.
func WebhookTablesAppendOnly(t *testing.T, st registry.Store, db *sql.DB) {
	t.Helper()
	e := NewEnvOn(t, st)
	svc := HookService(t, e, registry.WebhookConfig{})
	_, _, err := svc.AddWebhookEndpoint(context.Background(), Regency, "pkm-1", "https://hooks.example.org/x", "admin")
	require.NoError(t, err)
	_, err = e.RegisterBirth("a", Today.AddDays(-1), "L")
	require.NoError(t, err)
	for _, q := range []string{
		"DELETE FROM webhook_endpoints", "UPDATE webhook_endpoints SET url = 'https://evil.example/'",
		"DELETE FROM webhook_endpoint_changes", "UPDATE webhook_endpoint_changes SET secret = 'x'",
		"DELETE FROM webhook_events", "UPDATE webhook_events SET status = 'x'",
		"DELETE FROM webhook_deliveries",
	} {
		_, err := db.ExecContext(context.Background(), q)
		assert.Error(t, err, q)
	}
	var n int
	require.NoError(t, db.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM webhook_deliveries").Scan(&n))
	assert.Equal(t, 5, n)
}
