package storetest

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/adminduk-id/adminduk/registry"
)

// BenchRegistration measures complete registrations (notify -> verify ->
// register: validation, authorisation, NIK serial, akta number, and the akta
// kelahiran, the KIA and the family's KK (version 1 built from the report:
// each birth names its own KK, [KKOf]) with their credentials signed and
// stored, no PDF) per second on a store from newStore, with 1 and 2
// concurrent workers.
func BenchRegistration(b *testing.B, newStore func(testing.TB) registry.Store) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			e := NewEnvOn(b, newStore(b))
			birth := Today.AddDays(-1)
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
