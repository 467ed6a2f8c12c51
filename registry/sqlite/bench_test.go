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

// BenchmarkRegistrationStored: the same on a file already holding 10 k
// registered births, or the sizes listed in ADMINDUK_BENCH_STORED (see
// storetest.BenchRegistrationStored).
func BenchmarkRegistrationStored(b *testing.B) {
	storetest.BenchRegistrationStored(b, func(tb testing.TB) registry.Store {
		return open(tb, filepath.Join(tb.TempDir(), "bench.db"))
	})
}
