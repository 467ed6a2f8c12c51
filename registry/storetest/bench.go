package storetest

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/adminduk-id/adminduk/registry"
)

// BenchRegistration measures complete registrations (notify -> verify ->
// register: validation, authorisation, duplicate rules, NIK serial, akta
// number, the akta kelahiran and the KIA with their credentials signed and
// stored, and the family's KK version 1 built from the report (each birth
// names its own KK, [KKOf]) kept in the register — a card built from a
// report is not printable, so no KK document is signed; no PDF) per second
// on a store from newStore, with 1 and 2 concurrent workers.
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

// BenchDuplicates measures the evaluation of the duplicate rules for one
// report ([registry.Service.Duplicates]: the report's keys, then one index
// look-up per key) with n other reports stored, for each n in sizes: the
// cost should not grow with n.
func BenchDuplicates(b *testing.B, newStore func(testing.TB) registry.Store, sizes ...int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			e := NewEnvOn(b, newStore(b))
			for i := range n {
				r := Birth(fmt.Sprintf("d-%d", i), Today.AddDays(-1-i%300), "L")
				OtherMother(r)
				if _, _, err := e.Service.NotifyBirth(ctx(), sub, r); err != nil {
					b.Fatal(err)
				}
			}
			// The report evaluated has a candidate: the same mother's
			// birth a day earlier.
			first := Birth("dup-a", Today.AddDays(-2), "P")
			OtherMother(first)
			if _, _, err := e.Service.NotifyBirth(ctx(), sub, first); err != nil {
				b.Fatal(err)
			}
			second := Birth("dup-b", Today.AddDays(-1), "P")
			second.Mother = first.Mother
			r, _, err := e.Service.NotifyBirth(ctx(), sub, second)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				links, err := e.Service.Duplicates(ctx(), Regency, r.ID)
				if err != nil || len(links) != 1 {
					b.Fatal(links, err)
				}
			}
		})
	}
}
