package ordered

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func counter(n int) func() (int, bool) {
	i := 0
	return func() (int, bool) {
		if i == n {
			return 0, false
		}
		i++
		return i - 1, true
	}
}

func TestMapOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7} {
		var got []int
		Map(workers, counter(500), func(i int) int {
			if i%7 == 0 {
				time.Sleep(time.Millisecond) // finish out of order
			}
			return i * i
		}, func(r int) bool { got = append(got, r); return true })
		assert.Len(t, got, 500)
		for i, r := range got {
			if r != i*i {
				t.Fatalf("workers %d: result %d is %d, want %d", workers, i, r, i*i)
			}
		}
	}
}

func TestMapStop(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, workers := range []int{1, 3} {
		var got []int
		Map(workers, counter(1000), func(i int) int { return i }, func(r int) bool {
			got = append(got, r)
			return len(got) < 10
		})
		assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, got)
	}
	// The goroutines end (the drain goroutine shortly after).
	for range 1000 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("%d goroutines, %d before", runtime.NumGoroutine(), before)
}

func TestMapEmpty(t *testing.T) {
	n := 0
	Map(4, counter(0), func(i int) int { return i }, func(int) bool { n++; return true })
	assert.Zero(t, n)
}
