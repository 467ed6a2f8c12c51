package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/internal/sqlstore"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// storeAt returns the path of a new store migrated up to version, and a
// connection to it.
func storeAt(t *testing.T, version int64) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)")
	require.NoError(t, err)
	sub, err := fs.Sub(migrations, "migrations")
	require.NoError(t, err)
	p, err := goose.NewProvider(goose.DialectSQLite3, db, sub)
	require.NoError(t, err)
	_, err = p.UpTo(context.Background(), version)
	require.NoError(t, err)
	return path, db
}

// TestAuditSeqMigration: a store made before migration 00012 keeps every
// audit row, its seq and its guards; the next row takes the next seq.
func TestAuditSeqMigration(t *testing.T) {
	ctx := context.Background()
	path, db := storeAt(t, 11)
	rows := [][]any{
		{"6208", "2026-12-01T01:00:00.000000Z", "bidan.rina", "report.create", "r-1", "birth"},
		{"6208", "2026-12-01T02:00:00.000000Z", "officer", "registration.create", "r-1", "akta=..."},
		{"6208", "2026-12-01T03:00:00.000000Z", "officer", "read", "r-1", ""},
	}
	for _, r := range rows {
		_, err := db.ExecContext(ctx, `INSERT INTO audit (office, at, actor, action, record, detail) VALUES (?, ?, ?, ?, ?, ?)`, r...)
		require.NoError(t, err)
	}
	require.NoError(t, db.Close())

	st, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	var schema string
	require.NoError(t, st.W.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = 'audit'`).Scan(&schema))
	assert.NotContains(t, schema, "AUTOINCREMENT")
	got, err := st.W.QueryContext(ctx, `SELECT seq, office, at, actor, action, record, detail FROM audit ORDER BY seq`)
	require.NoError(t, err)
	n := 0
	for got.Next() {
		var seq int
		var office, at, actor, action, record, detail string
		require.NoError(t, got.Scan(&seq, &office, &at, &actor, &action, &record, &detail))
		assert.Equal(t, n+1, seq)
		assert.Equal(t, rows[n], []any{office, at, actor, action, record, detail})
		n++
	}
	require.NoError(t, got.Err())
	require.NoError(t, got.Close())
	assert.Equal(t, len(rows), n, "every row kept")

	res, err := st.W.ExecContext(ctx, `INSERT INTO audit (office, at, actor, action, record) VALUES ('6208', 'x', 'officer', 'read', 'r-2')`)
	require.NoError(t, err)
	seq, err := res.LastInsertId()
	require.NoError(t, err)
	assert.EqualValues(t, len(rows)+1, seq, "the next seq")
	_, err = st.W.ExecContext(ctx, `DELETE FROM audit WHERE seq = 1`)
	assert.ErrorContains(t, err, "nothing is deleted")
	_, err = st.W.ExecContext(ctx, `UPDATE audit SET actor = 'x' WHERE seq = 1`)
	assert.ErrorContains(t, err, "append-only")
}

// TestReportKeysMigration: the person index of a store made before
// migration 00013 is copied whole, each report's keys read back the same,
// and duplicate look-ups still find the earlier reports.
func TestReportKeysMigration(t *testing.T) {
	ctx := context.Background()
	path, db := storeAt(t, 12)
	// Reports made by this code on the schema of migration 12.
	old := &Store{sqlstore.Store{W: db, R: db, D: sqlstore.Dialect{IsUnique: isUnique, Time: sqlstore.TextTime, CountTable: true}}}
	e := storetest.NewEnvOn(t, old)
	var ids []string
	for i := range 20 {
		reg, err := e.RegisterBirth(fmt.Sprintf("m-%d", i), storetest.Today.AddDays(-1-i%3), []string{"L", "P"}[i%2])
		require.NoError(t, err)
		ids = append(ids, reg.ReportID)
	}
	before := map[string][]registry.SubjectKey{}
	for _, id := range ids {
		keys, err := old.SubjectKeys(ctx, storetest.Regency, id)
		require.NoError(t, err)
		before[id] = keys
		require.NotEmpty(t, before[id])
	}
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT count(*) FROM report_keys`).Scan(&n))
	require.NoError(t, old.Close())
	require.NoError(t, db.Close())

	st, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	var after int
	require.NoError(t, st.R.QueryRowContext(ctx, `SELECT count(*) FROM report_keys`).Scan(&after))
	assert.Equal(t, n, after, "every key kept")
	for _, id := range ids {
		got, err := st.SubjectKeys(ctx, storetest.Regency, id)
		require.NoError(t, err)
		assert.Equal(t, before[id], got, id)
	}
	// The first report's mother, again, a day later: found by the index.
	keys := before[ids[0]]
	var mother registry.SubjectKey
	for _, k := range keys {
		if k.Role == registry.RoleMother {
			mother = k
		}
	}
	require.NotEmpty(t, mother.Key)
	found, err := st.MatchKeys(ctx, registry.KeyQuery{Office: storetest.Regency, Role: registry.RoleMother, Key: mother.Key,
		From: mother.Day.AddDays(-1), To: mother.Day.AddDays(1)})
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, ids[0], found[0].ReportID)
	_, err = st.W.ExecContext(ctx, `DELETE FROM report_keys`)
	assert.ErrorContains(t, err, "nothing is deleted")
	_, err = st.W.ExecContext(ctx, `UPDATE report_keys SET key = 'x'`)
	assert.ErrorContains(t, err, "append-only")
}
