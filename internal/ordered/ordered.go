// Package ordered runs a function over a sequence on several goroutines
// and hands the results back in the order of the input, so that work can
// use every core while its output stays the same as a sequential run's.
package ordered

import (
	"runtime"
	"sync"
)

// Map calls fn on each item next yields, on up to workers goroutines at
// once (GOMAXPROCS when workers <= 0), and emit with each result in the
// order of the items, on the calling goroutine. next runs on one
// goroutine of its own, and returns false after the last item. Map stops
// when next is done or emit returns false; it returns after every
// goroutine it started has ended. At most a few items per worker are in
// flight, so memory stays bounded whatever the length of the sequence.
func Map[T, R any](workers int, next func() (T, bool), fn func(T) R, emit func(R) bool) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 {
		for {
			item, ok := next()
			if !ok {
				return
			}
			if !emit(fn(item)) {
				return
			}
		}
	}
	type job struct {
		item T
		out  chan R
	}
	jobs := make(chan job)
	queue := make(chan chan R, 2*workers)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // producer: items in order
		defer wg.Done()
		defer close(jobs)
		defer close(queue)
		for {
			item, ok := next()
			if !ok {
				return
			}
			out := make(chan R, 1)
			select {
			case queue <- out:
			case <-done:
				return
			}
			select {
			case jobs <- job{item, out}:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- fn(j.item)
			}
		}()
	}
	defer wg.Wait()
	for out := range queue {
		if !emit(<-out) {
			close(done)
			// Let the producer and workers finish what they hold.
			go func() {
				for range queue {
				}
			}()
			return
		}
	}
}
