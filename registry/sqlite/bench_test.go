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

// BenchmarkDuplicates: duplicate rules evaluated for one report with 1,000
// and 10,000 other reports stored (see storetest.BenchDuplicates).
func BenchmarkDuplicates(b *testing.B) {
	storetest.BenchDuplicates(b, func(tb testing.TB) registry.Store {
		return open(tb, filepath.Join(tb.TempDir(), "bench.db"))
	}, 1_000, 10_000)
}
