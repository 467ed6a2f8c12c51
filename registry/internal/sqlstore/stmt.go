package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// stmtKey identifies a prepared statement of one pool.
type stmtKey struct {
	db    *sql.DB
	query string
}

// stmts caches prepared statements: SQLite spends a third of a registration
// parsing SQL otherwise. A statement prepared on the pool is bound to a
// transaction with [sql.Tx.StmtContext], which reuses the preparation on the
// transaction's connection.
type stmts struct {
	mu      sync.Mutex
	m       map[stmtKey]*sql.Stmt
	pending map[string]bool // write statements to prepare once the writer is free
}

func (s *Store) prepared(ctx context.Context, db *sql.DB, query string) (*sql.Stmt, error) {
	c := &s.stmts
	k := stmtKey{db, query}
	c.mu.Lock()
	st, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return st, nil
	}
	// Prepare without the lock: preparing waits for a connection, which
	// another goroutine may hold while it waits for the lock.
	st, err := db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[stmtKey]*sql.Stmt{}
	}
	if old, ok := c.m[k]; ok {
		_ = st.Close()
		return old, nil
	}
	c.m[k] = st
	return st, nil
}

// preparePending prepares the write statements used unprepared so far.
func (s *Store) preparePending(ctx context.Context) {
	c := &s.stmts
	c.mu.Lock()
	var qs []string
	for q := range c.pending {
		qs = append(qs, q)
	}
	clear(c.pending)
	c.mu.Unlock()
	for _, q := range qs {
		_, _ = s.prepared(ctx, s.W, q) // on failure the query keeps running unprepared
	}
}

// forget drops the statements of s when it closes.
func (s *Store) forget() error {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, st := range c.m {
		_ = st.Close()
		delete(c.m, k)
	}
	return nil
}

// stmt returns the prepared statement of query for q: a *sql.Tx of the write
// pool, the Writer's connection or a *sql.DB.
func (s *Store) stmt(ctx context.Context, q querier, query string) (*sql.Stmt, error) {
	query = s.q(query)
	switch v := q.(type) {
	case *sql.Tx:
		// Preparing on the pool would wait for the connection the
		// transaction holds (SQLite has one writer): use the statement if
		// it is ready, else run the query unprepared and prepare it after
		// the transaction.
		c := &s.stmts
		c.mu.Lock()
		st, ok := c.m[stmtKey{s.W, query}]
		if !ok {
			if c.pending == nil {
				c.pending = map[string]bool{}
			}
			c.pending[query] = true
		}
		c.mu.Unlock()
		if !ok {
			return nil, nil
		}
		return v.StmtContext(ctx, st), nil
	case *sql.Conn:
		return s.Writer.stmt(ctx, query)
	case *sql.DB:
		return s.prepared(ctx, v, query)
	}
	return nil, nil
}

// stmtContext is the context a statement runs with: on the Writer's
// connection, one that is never canceled (see Writer).
func stmtContext(ctx context.Context, q querier) context.Context {
	if _, ok := q.(*sql.Conn); ok {
		return context.WithoutCancel(ctx)
	}
	return ctx
}

func (s *Store) exec(ctx context.Context, q querier, query string, args ...any) (sql.Result, error) {
	ctx = stmtContext(ctx, q)
	st, err := s.stmt(ctx, q, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return q.ExecContext(ctx, s.q(query), args...)
	}
	return st.ExecContext(ctx, args...)
}

func (s *Store) query(ctx context.Context, q querier, query string, args ...any) (*sql.Rows, error) {
	ctx = stmtContext(ctx, q)
	st, err := s.stmt(ctx, q, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return q.QueryContext(ctx, s.q(query), args...)
	}
	return st.QueryContext(ctx, args...)
}

// rowScanner is a *sql.Row or the error of preparing it.
type rowScanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

func (s *Store) queryRow(ctx context.Context, q querier, query string, args ...any) rowScanner {
	ctx = stmtContext(ctx, q)
	st, err := s.stmt(ctx, q, query)
	if err != nil {
		return errRow{err}
	}
	if st == nil {
		return q.QueryRowContext(ctx, s.q(query), args...)
	}
	return st.QueryRowContext(ctx, args...)
}
