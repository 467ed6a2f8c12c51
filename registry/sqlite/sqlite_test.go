package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

func open(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func newStore(t testing.TB) registry.Store {
	return open(t, filepath.Join(t.TempDir(), "registry.db"))
}

func TestConformance(t *testing.T) {
	storetest.Run(t, newStore)
}

func TestFileMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "registry.db")
	storetest.NewEnvOn(t, open(t, path)) // writes: the WAL exists
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), p)
	}

	syscall.Umask(0o077)
	path = filepath.Join(t.TempDir(), "strict.db")
	open(t, path)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the umask only narrows")
}

func TestReopenKeepsSequences(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	e := storetest.NewEnvOn(t, st)
	r1, err := e.RegisterBirth("a", storetest.Today.AddDays(-1), "L")
	require.NoError(t, err)
	require.NoError(t, st.Close())

	st2 := open(t, path) // migrations run again: a no-op
	e2 := storetest.NewEnvOn(t, st2)
	r2, err := e2.RegisterBirth("b", storetest.Today.AddDays(-1), "L")
	require.NoError(t, err)
	assert.Equal(t, r1.NIK.Serial()+1, r2.NIK.Serial(), "the sequence survives a restart")
	assert.Equal(t, r1.Akta.Serial()+1, r2.Akta.Serial())
}

func TestNothingIsDeleted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "registry.db")
	st := open(t, path)
	e := storetest.NewEnvOn(t, st)
	_, err := e.RegisterBirth("a", storetest.Today.AddDays(-1), "L")
	require.NoError(t, err)
	for _, q := range []string{
		"DELETE FROM reports", "DELETE FROM actions", "DELETE FROM registrations", "DELETE FROM audit",
		"DELETE FROM agreements", "UPDATE actions SET actor = 'x'", "UPDATE audit SET actor = 'x'",
		"UPDATE registrations SET nik = ''",
	} {
		_, err := st.W.ExecContext(context.Background(), q)
		assert.Error(t, err, q)
	}
}
