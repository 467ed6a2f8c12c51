package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/storetest"
)

// BenchmarkRegistration: complete registrations per second on one SQLite
// file (see storetest.BenchRegistration).
func BenchmarkRegistration(b *testing.B) {
	storetest.BenchRegistration(b, func(tb testing.TB) registry.Store {
		return open(tb, filepath.Join(tb.TempDir(), "bench.db"))
	})
}
