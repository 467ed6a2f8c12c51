package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"
)

// writerStore is a Store whose writes run on a Writer over a SQLite file
// with one table, t (k unique, n).
func writerStore(t *testing.T) *Store {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "w.db")+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	require.NoError(t, err)
	db.SetMaxOpenConns(2)
	_, err = db.Exec(`CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)`)
	require.NoError(t, err)
	s := &Store{W: db, R: db, Writer: NewWriter(db)}
	t.Cleanup(func() {
		assert.NoError(t, s.Writer.Close())
		assert.NoError(t, db.Close())
	})
	return s
}

func (s *Store) testPut(ctx context.Context, tx querier, k string, n int) error {
	_, err := s.exec(ctx, tx, `INSERT INTO t (k, n) VALUES (?, ?)`, k, n)
	return err
}

func testCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	require.NoError(t, s.R.QueryRow(`SELECT count(*) FROM t`).Scan(&n))
	return n
}

func TestWriter(t *testing.T) {
	ctx := context.Background()
	errFn := errors.New("fn failed")
	for _, tc := range []struct {
		name  string
		run   func(s *Store) error
		err   error // nil: committed
		panic bool
	}{
		{name: "commit", run: func(s *Store) error {
			return s.inTx(ctx, func(tx querier) error { return s.testPut(ctx, tx, "b", 1) })
		}},
		{name: "fn error rolls back", err: errFn, run: func(s *Store) error {
			return s.inTx(ctx, func(tx querier) error {
				require.NoError(t, s.testPut(ctx, tx, "b", 1))
				return errFn
			})
		}},
		{name: "failed statement rolls back the earlier ones", err: errAny, run: func(s *Store) error {
			return s.inTx(ctx, func(tx querier) error {
				require.NoError(t, s.testPut(ctx, tx, "b", 1))
				return s.testPut(ctx, tx, "a", 2) // "a" exists
			})
		}},
		{name: "panic rolls back", panic: true, run: func(s *Store) error {
			return s.inTx(ctx, func(tx querier) error {
				require.NoError(t, s.testPut(ctx, tx, "b", 1))
				panic("boom")
			})
		}},
		{name: "canceled before the turn", err: context.Canceled, run: func(s *Store) error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			return s.inTx(c, func(tx querier) error { return s.testPut(c, tx, "b", 1) })
		}},
		{name: "canceled inside is not committed", err: context.Canceled, run: func(s *Store) error {
			c, cancel := context.WithCancel(ctx)
			return s.inTx(c, func(tx querier) error {
				require.NoError(t, s.testPut(c, tx, "b", 1))
				cancel()
				// Statements run to their end; the commit is refused.
				return s.testPut(c, tx, "d", 4)
			})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := writerStore(t)
			require.NoError(t, s.inTx(ctx, func(tx querier) error { return s.testPut(ctx, tx, "a", 1) }))
			var err error
			if tc.panic {
				require.Panics(t, func() { _ = tc.run(s) })
			} else {
				err = tc.run(s)
			}
			committed := tc.err == nil && !tc.panic
			switch {
			case committed:
				require.NoError(t, err)
			case tc.err == errAny:
				assert.Error(t, err)
			case tc.err != nil:
				assert.ErrorIs(t, err, tc.err)
			}
			kept := 1
			if committed {
				kept = 2
			}
			assert.Equal(t, kept, testCount(t, s), "rows after the transaction")
			// The turn is free and the connection has no transaction open.
			require.NoError(t, s.inTx(ctx, func(tx querier) error { return s.testPut(ctx, tx, "c", 3) }))
			assert.Equal(t, kept+1, testCount(t, s))
		})
	}
}

var errAny = errors.New("any error")

// TestWriterTurns: transactions from many goroutines run one at a time, so
// read-modify-write counts every increment.
func TestWriterTurns(t *testing.T) {
	ctx := context.Background()
	s := writerStore(t)
	require.NoError(t, s.inTx(ctx, func(tx querier) error { return s.testPut(ctx, tx, "n", 0) }))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				err := s.inTx(ctx, func(tx querier) error {
					var n int
					if err := s.queryRow(ctx, tx, `SELECT n FROM t WHERE k = 'n'`).Scan(&n); err != nil {
						return err
					}
					_, err := s.exec(ctx, tx, `UPDATE t SET n = ? WHERE k = 'n'`, n+1)
					return err
				})
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	var n int
	require.NoError(t, s.R.QueryRow(`SELECT n FROM t WHERE k = 'n'`).Scan(&n))
	assert.Equal(t, 400, n)
}
