package sqlite_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/adminduk-id/adminduk/registry/storetest"
)

// BenchmarkRegistration measures complete registrations (notify -> verify ->
// register: validation, authorisation, NIK serial, akta number, and the akta
// kelahiran and KIA with their credentials signed and stored, no PDF) per
// second on one SQLite file, with 1 and 2 concurrent workers. The KK's next
// version is not issued yet (see the package doc of registry).
func BenchmarkRegistration(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			st := open(b, filepath.Join(b.TempDir(), "bench.db"))
			e := storetest.NewEnvOn(b, st)
			birth := storetest.Today.AddDays(-1)
			var next atomic.Int64
			var wg sync.WaitGroup
			var failed atomic.Value
			b.ResetTimer()
			for range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := next.Add(1)
						if i > int64(b.N) {
							return
						}
						sex := "L"
						if i%2 == 0 {
							sex = "P"
						}
						if _, err := e.RegisterBirth(fmt.Sprintf("b-%d", i), birth, sex); err != nil {
							failed.Store(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			b.StopTimer()
			if err, ok := failed.Load().(error); ok {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "registrations/s")
		})
	}
}
