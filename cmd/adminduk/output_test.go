package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateOutputRejectsBadDestinations(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.txt")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	for _, tt := range []struct{ path, want string }{
		{dir, "is a directory"},
		{filepath.Join(dir, "missing", "x.pdf"), "does not exist"},
		{filepath.Join(file, "x.pdf"), "is not a directory"},
		{"", "want an output file name"},
	} {
		_, err := createOutput(&env{}, tt.path, 0)
		var ue usageError
		require.True(t, errors.As(err, &ue), "%q: %v", tt.path, err)
		assert.Contains(t, err.Error(), tt.want, tt.path)
		assert.NotContains(t, err.Error(), ".tmp", tt.path)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
}

func TestCreateOutputCommitAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))

	o, err := createOutput(&env{}, path, 0)
	require.NoError(t, err)
	o.WriteString("new")
	o.Abort()
	got, _ := os.ReadFile(path)
	assert.Equal(t, "old", string(got), "abort keeps the destination")

	o, err = createOutput(&env{}, path, 0)
	require.NoError(t, err)
	defer o.Abort()
	o.WriteString("new")
	got, _ = os.ReadFile(path)
	assert.Equal(t, "old", string(got), "nothing replaced before commit")
	require.NoError(t, o.Commit())
	o.Abort() // no-op after commit
	got, _ = os.ReadFile(path)
	assert.Equal(t, "new", string(got))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1, "no temporary file left behind")
	assert.Error(t, o.Commit())

	var stdout bytes.Buffer
	o, err = createOutput(&env{stdout: &stdout}, "-", 0)
	require.NoError(t, err)
	o.WriteString("to stdout")
	require.NoError(t, o.Commit())
	assert.Equal(t, "to stdout", stdout.String())

	// Standard output gets nothing from an aborted output, however much
	// was written before the failure.
	stdout.Reset()
	o, err = createOutput(&env{stdout: &stdout}, "-", 0)
	require.NoError(t, err)
	o.Write(bytes.Repeat([]byte("x"), 1<<20))
	o.Abort()
	assert.Zero(t, stdout.Len())
}

func TestCreateOutputWriteErrorNamesDestination(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	o, err := createOutput(&env{}, path, 0)
	require.NoError(t, err)
	o.WriteString("x")
	require.NoError(t, os.Remove(o.tmp.Name())) // the temporary file vanishes
	require.NoError(t, os.Mkdir(path, 0o700))   // and the destination became a directory
	err = o.Commit()
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
	assert.False(t, strings.Contains(err.Error(), ".tmp"), err.Error())
}
