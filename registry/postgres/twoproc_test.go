package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry/postgres"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// Environment of a child process of TestTwoProcesses.
const (
	childSchema = "ADMINDUK_TWOPROC_SCHEMA"
	childTag    = "ADMINDUK_TWOPROC_TAG"
	perProcess  = 300 // registrations per process
)

// TestTwoProcesses starts two separate OS processes (this test binary again)
// registering births for the same kecamatan and birth date on one
// PostgreSQL database: every NIK and akta number is distinct, and the
// serials run 1..600 without gaps or duplicates. Nothing of the sequences
// lives in process memory.
func TestTwoProcesses(t *testing.T) {
	if schema := os.Getenv(childSchema); schema != "" {
		registerInChild(t, schema, os.Getenv(childTag))
		return
	}
	d := dsn(t)
	if testing.Short() {
		t.Skip("-short: skipping the two-process test")
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "registry_test_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	st, err := postgres.Open(ctx, d, postgres.Options{Schema: schema})
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = st.Close()
		if conn, err := pgx.Connect(ctx, d); err == nil {
			_, _ = conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
			_ = conn.Close(ctx)
		}
	})
	storetest.NewEnvOn(t, st) // migrated, with the agreement

	var wg sync.WaitGroup
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcesses$", "-test.count=1", "-test.v")
			cmd.Env = append(os.Environ(), childSchema+"="+schema, childTag+"=p"+strconv.Itoa(i))
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i := range 2 {
		require.NoError(t, errs[i], "process %d:\n%s", i, outs[i])
		require.Contains(t, string(outs[i]), fmt.Sprintf("registered %d", perProcess), "process %d", i)
	}

	rows, err := st.R.QueryContext(ctx, `SELECT nik, akta_number FROM registrations`)
	require.NoError(t, err)
	niks, aktas := map[string]bool{}, map[string]bool{}
	var nikSerials, aktaSerials []int
	for rows.Next() {
		var nik, num string
		require.NoError(t, rows.Scan(&nik, &num))
		niks[nik], aktas[num] = true, true
		s, err := strconv.Atoi(nik[12:])
		require.NoError(t, err)
		nikSerials = append(nikSerials, s)
		p := strings.Split(num, "-")
		s, err = strconv.Atoi(p[len(p)-1])
		require.NoError(t, err)
		aktaSerials = append(aktaSerials, s)
		assert.Equal(t, "620801", nik[:6], "the same kecamatan")
	}
	require.NoError(t, rows.Err())
	require.NoError(t, rows.Close())
	assert.Len(t, niks, 2*perProcess, "distinct NIKs")
	assert.Len(t, aktas, 2*perProcess, "distinct akta numbers")
	sort.Ints(nikSerials)
	sort.Ints(aktaSerials)
	for i := range 2 * perProcess {
		require.Equal(t, i+1, nikSerials[i], "NIK serials without gaps or duplicates")
		require.Equal(t, i+1, aktaSerials[i], "akta serials without gaps or duplicates")
	}
	// How much the two processes interleaved: switches between them along
	// the serials (informational: a loaded machine may serialise them).
	rows, err = st.R.QueryContext(ctx, `SELECT r.external_ref FROM registrations g JOIN reports r ON r.office = g.office AND r.id = g.report_id ORDER BY g.nik`)
	require.NoError(t, err)
	switches, last := 0, ""
	for rows.Next() {
		var ref string
		require.NoError(t, rows.Scan(&ref))
		if p := ref[:2]; p != last {
			switches, last = switches+1, p
		}
	}
	require.NoError(t, rows.Err())
	t.Logf("the serials switch %d times between the two processes", switches-1)
}

// registerInChild registers perProcess births (boys born yesterday) with
// four goroutines, in the schema of the parent.
func registerInChild(t *testing.T, schema, tag string) {
	st, err := postgres.Open(context.Background(), dsn(t), postgres.Options{Schema: schema})
	require.NoError(t, err)
	defer st.Close()
	e := storetest.NewEnvOn(t, st)
	// Each process its own mothers: the same mother twice in a day would be
	// a potential duplicate held for an officer.
	n, err := strconv.Atoi(strings.TrimPrefix(tag, "p"))
	require.NoError(t, err, "tag %q", tag)
	storetest.OtherMothersFrom(100_000 * (n + 1))
	var wg sync.WaitGroup
	errs := make(chan error, perProcess)
	next := make(chan int, perProcess)
	for i := range perProcess {
		next <- i
	}
	close(next)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if _, err := e.RegisterBirth(fmt.Sprintf("%s-%d", tag, i), storetest.Today.AddDays(-1), "L"); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	t.Logf("registered %d", perProcess)
}
