package postgres_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestWebhookTablesAppendOnly: endpoints, their changes, events and attempts
// refuse UPDATE and DELETE; deliveries refuse DELETE.
func TestWebhookTablesAppendOnly(t *testing.T) {
	st := newStore(t).(*postgres.Store)
	e := storetest.NewEnvOn(t, st)
	svc := storetest.HookService(t, e, registry.WebhookConfig{})
	_, _, err := svc.AddWebhookEndpoint(context.Background(), storetest.Regency, "pkm-1", "https://hooks.example.org/x", "admin")
	require.NoError(t, err)
	_, err = e.RegisterBirth("a", storetest.Today.AddDays(-1), "L")
	require.NoError(t, err)
	for _, q := range []string{
		"DELETE FROM webhook_endpoints", "UPDATE webhook_endpoints SET url = 'https://evil.example/'",
		"DELETE FROM webhook_endpoint_changes", "UPDATE webhook_endpoint_changes SET secret = 'x'",
		"DELETE FROM webhook_events", "UPDATE webhook_events SET status = 'x'",
		"DELETE FROM webhook_deliveries",
	} {
		_, err := st.W.ExecContext(context.Background(), q)
		assert.Error(t, err, q)
	}
	var n int
	require.NoError(t, st.W.QueryRowContext(context.Background(), "SELECT COUNT(*) FROM webhook_deliveries").Scan(&n))
	assert.Equal(t, 5, n)
}
