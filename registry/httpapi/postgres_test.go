package httpapi_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry/postgres"
)

// TestContractPostgres walks the contract on a PostgreSQL store, in a
// schema of its own dropped afterwards.
func TestContractPostgres(t *testing.T) {
	dsn := os.Getenv("ADMINDUK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("ADMINDUK_TEST_POSTGRES is not set: skipping the contract walk on PostgreSQL")
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "httpapi_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema})
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = st.Close()
		if conn, err := pgx.Connect(ctx, dsn); err == nil {
			_, _ = conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
			_ = conn.Close(ctx)
		}
	})
	e := newEnv(t, st, nil)
	walk(t, e)
	walkMore(t, e)
}
