package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// checkpointEvery is how often the background checkpointer copies the WAL
// into the database file. Often, so that the WAL stays short (every reader
// looks each page up in the WAL's index first, and its cache is reset after
// each write): 20 ms beat 100 ms by about a fifth in registrations per second,
// and 50 ms and 250 ms were slower again (BENCHMARKS.md); a checkpoint with
// nothing to copy costs nothing.
const checkpointEvery = 20 * time.Millisecond

// writerAutoCheckpoint is the writer's own checkpoint threshold in pages:
// a safety net far above what the background checkpointer lets the WAL
// reach, so that a commit checkpoints only when the background one falls
// behind (SQLite's default, 1000 pages, puts a checkpoint into the commit
// of a request every few hundred reports: the p99 of POST birth-reports).
const writerAutoCheckpoint = 4000

// checkpointer runs PRAGMA wal_checkpoint(PASSIVE) on a connection of its
// own until stopped: the WAL is copied back without holding the writer.
// PASSIVE never waits for readers or the writer; what it cannot copy now it
// copies at a later tick.
type checkpointer struct {
	db     *sql.DB
	cancel context.CancelFunc
	done   sync.WaitGroup
}

func startCheckpointer(db *sql.DB) *checkpointer {
	ctx, cancel := context.WithCancel(context.Background())
	c := &checkpointer{db: db, cancel: cancel}
	c.done.Add(1)
	go func() {
		defer c.done.Done()
		t := time.NewTicker(checkpointEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				// An error (busy, a closed pool) is retried at the next tick;
				// the writer's own threshold bounds the WAL meanwhile.
				_, _ = db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
			}
		}
	}()
	return c
}

// Close stops the checkpointer and closes its connection.
func (c *checkpointer) Close() error {
	c.cancel()
	c.done.Wait()
	return c.db.Close()
}
