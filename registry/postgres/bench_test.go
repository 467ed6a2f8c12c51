package postgres_test

import (
	"testing"

	"github.com/adminduk-id/adminduk/registry/storetest"
)

// BenchmarkRegistration: complete registrations per second on PostgreSQL,
// in a schema of its own (see storetest.BenchRegistration).
func BenchmarkRegistration(b *testing.B) {
	storetest.BenchRegistration(b, newStore)
}

// BenchmarkRegistrationStored: the same on a schema already holding 10 k
// registered births, or the sizes listed in ADMINDUK_BENCH_STORED (see
// storetest.BenchRegistrationStored).
func BenchmarkRegistrationStored(b *testing.B) {
	storetest.BenchRegistrationStored(b, newStore)
}
