// Package sqlite is the default [registry.Store]: one SQLite file
// (modernc.org/sqlite, pure Go, no cgo) in WAL mode with a busy timeout,
// foreign keys on, one writer connection and a small pool of read-only
// connections, its schema migrated on Open by embedded goose migrations.
// The file is created with mode 0600 (less under the process umask): it holds
// personal data. One regency (Kab. Serang: 1.8 M people) fits one file.
//
// Every table leads with the office (kab/kota) code, like registry/postgres,
// so that data can move between the two. Sequences (NIK serials per kecamatan
// and date, akta serials per office and day) and idempotency keys are rows
// under unique constraints, taken with INSERT ... ON CONFLICT ... RETURNING
// in the transaction of the registration; nothing is kept in process memory,
// so two processes may share a file. Nothing is ever deleted: triggers refuse
// DELETE, and UPDATE on the append-only tables (actions, registrations,
// documents, document_states, handovers,
// audit, and the webhook endpoints, endpoint changes, events and
// attempts); every write is journaled in the audit table.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options configure [Open].
type Options struct {
	// BusyTimeout is how long a connection waits for a lock held by another
	// process; 0 means 5 s.
	BusyTimeout time.Duration
	// Readers is the number of read-only connections; 0 means 4.
	Readers int
}

// Store is a registry.Store in one SQLite file.
type Store struct {
	sqlstore.Store
}

var _ registry.Store = (*Store)(nil)

// Open opens (creating it with mode 0600 if needed) the registry database at
// path and migrates it to the current schema.
func Open(ctx context.Context, path string, o Options) (*Store, error) {
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = 5 * time.Second
	}
	if o.Readers <= 0 {
		o.Readers = 4
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("registry/sqlite: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("registry/sqlite: %w", err)
	}
	dsn := func(extra ...string) string {
		q := url.Values{}
		q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", o.BusyTimeout.Milliseconds()))
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		// No memory map: SQLite unmaps it whenever another connection has
		// written since (every read transaction of a busy store: a munmap, a
		// mmap and page faults each), and the pages still in the WAL are
		// read with pread anyway. Without it registrations ran a few percent
		// faster and the officer's pages at 100 k reports as fast.
		for i := 0; i+1 < len(extra); i += 2 {
			q.Add(extra[i], extra[i+1])
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	// The writer keeps SQLite's default cache (2 MB): a larger one costs at
	// every commit (the end of a write transaction walks the cache's hash
	// table, pcache1TruncateUnsafe: 7% of a registration's CPU with 32 MB, 1%
	// with 2 MB). The background checkpointer copies the WAL back; the
	// writer's own threshold (writerAutoCheckpoint) is only a safety net.
	w, err := sql.Open("sqlite", dsn("_txlock", "immediate", "_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", writerAutoCheckpoint)))
	if err != nil {
		return nil, fmt.Errorf("registry/sqlite: %w", err)
	}
	// The store's writes run on one connection of w, held by the Writer;
	// the second serves migrations and tools, and takes SQLite's write lock
	// in turn like another process would.
	w.SetMaxOpenConns(2)
	w.SetMaxIdleConns(2)
	w.SetConnMaxLifetime(0)
	if err := sqlstore.Migrate(ctx, w, goose.DialectSQLite3, migrations, "registry/sqlite"); err != nil {
		_ = w.Close()
		return nil, err
	}
	// Statistics for the planner (ANALYZE of the tables that need it, with
	// a bounded effort): without them SQLite walks an office's rows for
	// some look-ups once the tables grow (plan_test.go).
	if _, err := w.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("registry/sqlite: optimize: %w", err)
	}
	r, err := sql.Open("sqlite", dsn("_pragma", "query_only(1)"))
	if err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("registry/sqlite: %w", err)
	}
	r.SetMaxOpenConns(o.Readers)
	r.SetMaxIdleConns(o.Readers)
	s := &Store{sqlstore.Store{W: w, R: r, Writer: sqlstore.NewWriter(w), D: sqlstore.Dialect{
		IsUnique: isUnique,
		Time:     sqlstore.TextTime,
		// Kept by triggers (migration 00011).
		CountTable: true,
	}}}
	cdb, err := sql.Open("sqlite", dsn())
	if err != nil {
		_ = r.Close()
		_ = w.Close()
		return nil, fmt.Errorf("registry/sqlite: %w", err)
	}
	cdb.SetMaxOpenConns(1)
	cp := startCheckpointer(cdb)
	s.Closers = []func() error{cp.Close, s.Writer.Close, r.Close, w.Close}
	return s, nil
}

func isUnique(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	c := se.Code()
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}
