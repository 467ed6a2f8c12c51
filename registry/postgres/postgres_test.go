package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// dsn returns the test database, skipping (or failing under
// ADMINDUK_TEST_TOOLS=1) when ADMINDUK_TEST_POSTGRES is unset.
func dsn(t testing.TB) string {
	t.Helper()
	d := os.Getenv("ADMINDUK_TEST_POSTGRES")
	if d == "" {
		if os.Getenv("ADMINDUK_TEST_TOOLS") == "1" {
			t.Fatal("ADMINDUK_TEST_POSTGRES is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
		}
		t.Skip("ADMINDUK_TEST_POSTGRES is not set: skipping the PostgreSQL store tests")
	}
	return d
}

// newStore opens a store in a schema of its own, dropped after the test.
func newStore(t testing.TB) registry.Store {
	t.Helper()
	d := dsn(t)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "registry_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	st, err := postgres.Open(ctx, d, postgres.Options{Schema: schema})
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = st.Close()
		conn, err := pgx.Connect(ctx, d)
		if err == nil {
			_, _ = conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
			_ = conn.Close(ctx)
		}
	})
	return st
}

func TestConformance(t *testing.T) {
	storetest.Run(t, newStore)
}

func TestNothingIsDeleted(t *testing.T) {
	st := newStore(t).(*postgres.Store)
	e := storetest.NewEnvOn(t, st)
	_, err := e.RegisterBirth("a", storetest.Today.AddDays(-1), "L")
	require.NoError(t, err)
	for _, q := range []string{
		"DELETE FROM reports", "DELETE FROM actions", "DELETE FROM registrations", "DELETE FROM audit",
		"DELETE FROM agreements", "UPDATE actions SET actor = 'x'", "UPDATE audit SET actor = 'x'",
		"UPDATE registrations SET nik = ''",
	} {
		_, err := st.W.ExecContext(context.Background(), q)
		require.Error(t, err, q)
	}
}
