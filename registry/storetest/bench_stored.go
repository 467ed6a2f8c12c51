package storetest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/registry"
)

// BenchStoredEnv names the environment variable that lists the numbers of
// records [BenchRegistrationStored] preloads, comma-separated; unset means
// "10000". The comparison is ADMINDUK_BENCH_STORED=10000,1000000.
const BenchStoredEnv = "ADMINDUK_BENCH_STORED"

// BenchRegistrationStored is [BenchRegistration] on a store already holding
// many registered births ([Preload]), so that the cost per registration can
// be compared from 10 k to 1 M records stored: for each size, one store is
// preloaded (outside the timer, the load rate logged) and then measured with
// 1 and 2 workers ("stored=10000/workers=1").
func BenchRegistrationStored(b *testing.B, newStore func(testing.TB) registry.Store) {
	sizes := []int{10000}
	if v := os.Getenv(BenchStoredEnv); v != "" {
		sizes = nil
		for _, f := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 0 {
				b.Fatalf("%s=%q: want record counts separated by commas", BenchStoredEnv, v)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("stored=%d", n), func(b *testing.B) {
			e := NewEnvOn(b, newStore(b))
			start := time.Now()
			Preload(b, e.Store, 0, n)
			if n > 0 {
				b.Logf("preloaded %d registered births in %v (%.0f records/s)", n, time.Since(start).Round(time.Millisecond),
					float64(n)/time.Since(start).Seconds())
			}
			var seq atomic.Int64 // references stay unique across the rounds on this store
			round := 0
			for _, workers := range []int{1, 2} {
				b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
					b.ReportAllocs()
					// Each round registers on a day of its own, births of the
					// day before: no sequence of 9,999 runs out across rounds.
					e.Clock.SetDay(Today.AddDays(round))
					runRegistrations(b, e, workers, &seq, Today.AddDays(round-1))
					round++
				})
			}
		})
	}
}

// runRegistrations registers b.N births of the day birth with workers
// goroutines and reports registrations per second.
func runRegistrations(b *testing.B, e *Env, workers int, seq *atomic.Int64, birth adminduk.Date) {
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	b.ResetTimer()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(b.N) {
				i := seq.Add(1)
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
}
