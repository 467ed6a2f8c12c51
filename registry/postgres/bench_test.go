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
