package postgres_test

import (
	"testing"

	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// TestWebhookTablesAppendOnly: endpoints, their changes, events and attempts
// refuse UPDATE and DELETE; deliveries refuse DELETE.
func TestWebhookTablesAppendOnly(t *testing.T) {
	st := newStore(t).(*postgres.Store)
	storetest.WebhookTablesAppendOnly(t, st, st.W)
}
