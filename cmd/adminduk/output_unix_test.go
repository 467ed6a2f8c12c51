//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCreateOutputRespectsUmask: the file mode is perm minus the umask,
// never widened by a chmod.
func TestCreateOutputRespectsUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, tt := range []struct {
		perm, want os.FileMode
	}{{0, 0o640}, {0o600, 0o600}, {0o644, 0o640}} {
		path := filepath.Join(dir, tt.perm.String())
		o, err := createOutput(&env{}, path, tt.perm)
		require.NoError(t, err)
		require.NoError(t, o.Commit())
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, tt.want, fi.Mode().Perm(), "perm %v", tt.perm)
	}
}

// TestRenderOutputs: akta render and kk render check --out before any work
// (a directory or a missing directory is a usage error that names no
// temporary file) and create the document with the umask, never 0644.
func TestRenderOutputs(t *testing.T) {
	keyPath, _ := writeKey(t)
	dir := t.TempDir()
	for _, tc := range []struct{ cmd, input string }{{"akta", "birth.json"}, {"kk", "kk.json"}} {
		for _, out := range []string{dir, filepath.Join(dir, "missing", "x.pdf")} {
			code, _, errOut := aktaCLI(t, "", tc.cmd, "render", "--key", keyPath, "--in", aktaInput(tc.input), "--out", out)
			assert.Equal(t, 2, code, "%s render --out %s: %s", tc.cmd, out, errOut)
			assert.NotContains(t, errOut, ".tmp", errOut)
		}
		old := syscall.Umask(0o077)
		path := filepath.Join(dir, tc.cmd+".pdf")
		code, _, errOut := aktaCLI(t, "", tc.cmd, "render", "--key", keyPath, "--in", aktaInput(tc.input), "--out", path)
		syscall.Umask(old)
		require.Equal(t, 0, code, errOut)
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), tc.cmd)
	}
}

// TestCoverageOutputs: coverage synth and the chart files of coverage
// aggregate check their outputs before any work and keep the umask.
func TestCoverageOutputs(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "", "coverage", "synth", "--regency", "62.08", "--rows", "10", "--out", dir)
	assert.Equal(t, 2, code, errOut)
	code, _, errOut = runCLI(t, "", "coverage", "aggregate", "--in", "-", "--as-of", "2025-06-30", "--svg", filepath.Join(dir, "no", "c.svg"))
	assert.Equal(t, 2, code, errOut)

	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	people := filepath.Join(dir, "people.csv")
	code, _, errOut = runCLI(t, "", "coverage", "synth", "--regency", "62.08", "--rows", "10", "--out", people)
	require.Equal(t, 0, code, errOut)
	svg := filepath.Join(dir, "c.svg")
	code, _, errOut = runCLI(t, "", "coverage", "aggregate", "--in", people, "--as-of", "2025-06-30", "--svg", svg)
	require.Equal(t, 0, code, errOut)
	for _, f := range []string{people, svg} {
		fi, err := os.Stat(f)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), f)
	}
}
