package sqlite_test

import (
	"context"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry/internal/sqlstore"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// fullScan matches a plan step that reads a whole table (SQLite writes
// "SCAN t" for it and "SEARCH t USING INDEX ..." for an index look-up) or
// all of an office's rows (a search on the office alone).
var fullScan = regexp.MustCompile(`\bSCAN (k|r|g|d|c|x|st|reports|report_keys|registrations|documents|document_states|duplicate_links|duplicate_decisions)\b|\(office=\?\)`)

// TestIndexedQueries: duplicate matching and a person's record are index
// look-ups, so their cost stays flat however many reports are stored. The
// planner decides on statistics: the plans are checked with those of 20
// registrations scaled to a million reports of one office.
func TestIndexedQueries(t *testing.T) {
	st := open(t, filepath.Join(t.TempDir(), "plan.db"))
	e := storetest.NewEnvOn(t, st)
	for i := range 20 {
		_, err := e.RegisterBirth("plan-"+string(rune('a'+i)), storetest.Today.AddDays(-1-i%5), "L")
		require.NoError(t, err)
	}
	check := func(t *testing.T) {
		qs := sqlstore.IndexedQueries()
		names := make([]string, 0, len(qs))
		for n := range qs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, name := range names {
			q := qs[name]
			// SQLite plans with the bound values: the office is the one
			// that holds the rows (another would look empty), the other
			// values are unknown.
			args := make([]any, strings.Count(q, "?"))
			for i := range args {
				args[i] = storetest.Regency.Plain()
			}
			// The writer connection: it ran ANALYZE, so it has loaded the
			// statistics.
			rows, err := st.W.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
			require.NoError(t, err)
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
				plan = append(plan, detail)
			}
			require.NoError(t, rows.Err())
			require.NoError(t, rows.Close())
			require.NotEmpty(t, plan)
			for _, step := range plan {
				assert.False(t, fullScan.MatchString(step), "%s: full scan in plan:\n%s", name, strings.Join(plan, "\n"))
			}
		}
	}
	// Without statistics (the store runs no ANALYZE) SQLite's heuristics
	// take an equality on the office for selective, and walk an office's
	// rows for some queries (the documents of a report among them): the
	// store needs ANALYZE (PRAGMA optimize) as its tables grow.
	scaleStats(t, st, 50_000)
	t.Run("a million reports", check)
}

// scaleStats runs ANALYZE and multiplies the row counts in sqlite_stat1 by
// factor, and the rows per office with them (one office holds every row),
// keeping the selectivity of the other columns; SQLite then plans as for
// tables that much larger.
func scaleStats(t *testing.T, st *sqlite.Store, factor int) {
	t.Helper()
	ctx := context.Background()
	_, err := st.W.ExecContext(ctx, "ANALYZE")
	require.NoError(t, err)
	rows, err := st.W.QueryContext(ctx, "SELECT tbl, COALESCE(idx, ''), stat FROM sqlite_stat1")
	require.NoError(t, err)
	type stat struct{ tbl, idx, stat string }
	var stats []stat
	for rows.Next() {
		var s stat
		require.NoError(t, rows.Scan(&s.tbl, &s.idx, &s.stat))
		stats = append(stats, s)
	}
	require.NoError(t, rows.Close())
	require.NotEmpty(t, stats)
	for _, s := range stats {
		f := strings.Fields(s.stat)
		n := f[0]
		for i := range f {
			if f[i] == n {
				v, err := strconv.Atoi(f[i])
				require.NoError(t, err)
				f[i] = strconv.Itoa(v * factor)
			}
		}
		_, err := st.W.ExecContext(ctx, "UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND COALESCE(idx, '') = ?", strings.Join(f, " "), s.tbl, s.idx)
		require.NoError(t, err)
	}
	_, err = st.W.ExecContext(ctx, "ANALYZE sqlite_schema")
	require.NoError(t, err)
}
