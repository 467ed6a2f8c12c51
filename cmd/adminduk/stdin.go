package main

import (
	"context"
	"io"
	"sync"
)

// cancelReader makes reads of a stream that may block for ever (standard
// input of a terminal or a pipe) return ctx's error when ctx is done. The
// underlying reads run on one goroutine, started at the first Read, that
// reads ahead at most one buffer.
type cancelReader struct {
	ctx     context.Context
	r       io.Reader
	once    sync.Once
	results chan readResult
	ack     chan struct{}
	pending []byte
	err     error
}

type readResult struct {
	data []byte
	err  error
}

func newCancelReader(ctx context.Context, r io.Reader) *cancelReader {
	return &cancelReader{ctx: ctx, r: r, results: make(chan readResult), ack: make(chan struct{}, 1)}
}

func (c *cancelReader) start() {
	go func() {
		buf := make([]byte, 256<<10)
		for {
			n, err := c.r.Read(buf)
			select {
			case c.results <- readResult{buf[:n], err}:
			case <-c.ctx.Done():
				return
			}
			if err != nil {
				return
			}
			select {
			case <-c.ack: // the reader is done with buf
			case <-c.ctx.Done():
				return
			}
		}
	}()
}

func (c *cancelReader) Read(p []byte) (int, error) {
	if len(c.pending) == 0 && c.err == nil {
		c.once.Do(c.start)
		select {
		case res := <-c.results:
			c.pending, c.err = res.data, res.err
			if res.err == nil && len(res.data) == 0 {
				c.ack <- struct{}{}
				return 0, nil
			}
		case <-c.ctx.Done():
			return 0, c.ctx.Err()
		}
	}
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n := copy(p, c.pending)
	c.pending = c.pending[n:]
	if len(c.pending) > 0 {
		return n, nil
	}
	if c.err != nil {
		return n, c.err
	}
	c.ack <- struct{}{}
	return n, nil
}
