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
