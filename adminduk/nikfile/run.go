package nikfile

import (
	"bytes"
	"context"
	"io"
	"sync"
	"unsafe"

	"github.com/adminduk-id/adminduk/adminduk"
)

// chunkSize is how much input one worker takes at a time (256 KiB: the
// chunk is still in cache when a worker checks it); a line longer
// than this is reported by its first bytes with CauseLongLine.
const chunkSize = 256 << 10

// bom is the UTF-8 byte order mark some editors put at the start of a file.
var bom = []byte{0xEF, 0xBB, 0xBF}

// chunk is a run of whole lines, or the start of one over-long line.
type chunk struct {
	data      []byte
	firstLine int
	long      bool
	result    chan *result
}

// result is what checking a chunk produced.
type result struct {
	invalid        []Invalid
	scratch        []byte // unescaped CSV fields that invalid refers to
	bytes          int64
	checked, blank int64
}

// buffers recycles chunk buffers, so the input is read into the same few
// megabytes of memory however long it is.
var buffers = sync.Pool{New: func() any { return make([]byte, 0, chunkSize) }}

// run cuts r into chunks of whole lines, checks them on workers goroutines,
// and hands the invalid lines to fn in input order.
func run(ctx context.Context, r io.Reader, o Options, workers int, fn func(Invalid) error) (Stats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := checker{p: o.Parser, column: o.Column, header: o.Header}
	todo := make(chan *chunk, workers)
	ordered := make(chan *chunk, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ch := range todo {
				ch.result <- c.checkChunk(ch)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(todo)
		readErr <- readChunks(ctx, r, func(ch *chunk) {
			ch.result = make(chan *result, 1)
			ordered <- ch
			todo <- ch
		})
	}()
	var st Stats
	var err error
	for ch := range ordered {
		res := <-ch.result
		if err == nil {
			err = emit(&st, res, fn)
			if err != nil {
				cancel() // stop reading; drain what is in flight
			} else if o.Progress != nil {
				o.Progress(st.Bytes)
			}
		}
		if !ch.long {
			buffers.Put(ch.data[:0])
		}
	}
	wg.Wait()
	if rerr := <-readErr; rerr != nil && err == nil {
		err = rerr
	}
	return st, err
}

func emit(st *Stats, r *result, fn func(Invalid) error) error {
	st.Bytes += r.bytes
	st.Checked += r.checked
	st.Blank += r.blank
	for _, v := range r.invalid {
		st.Invalid++
		if err := fn(v); err != nil {
			return err
		}
	}
	return nil
}

// readChunks reads r and calls send with chunks of whole lines.
func readChunks(ctx context.Context, r io.Reader, send func(*chunk)) error {
	line, first := 1, true
	var carry []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf := append(buffers.Get().([]byte), carry...)
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			buffers.Put(buf[:0])
			return err
		}
		if first {
			first = false
			if bytes.HasPrefix(buf, bom) {
				buf = buf[:copy(buf, buf[len(bom):])]
			}
		}
		if eof {
			if len(buf) > 0 {
				send(&chunk{data: buf, firstLine: line})
			} else {
				buffers.Put(buf)
			}
			return nil
		}
		cut := bytes.LastIndexByte(buf, '\n') + 1
		if cut == 0 { // no newline in a full buffer: an over-long line
			start := append([]byte(nil), buf[:17]...)
			buffers.Put(buf[:0])
			rest, err := skipLine(r)
			if err != nil {
				return err
			}
			send(&chunk{data: start, firstLine: line, long: true})
			line++
			carry = rest
			continue
		}
		send(&chunk{data: buf[:cut], firstLine: line})
		line += bytes.Count(buf[:cut], []byte{'\n'})
		carry = append(carry[:0:0], buf[cut:]...) // buf goes to a worker and back to the pool
	}
}

// skipLine reads past the next newline and returns what followed it in the
// last read.
func skipLine(in io.Reader) ([]byte, error) {
	buf := make([]byte, 64<<10)
	for {
		n, err := in.Read(buf)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			return append([]byte(nil), buf[i+1:n]...), nil
		}
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// checker checks lines; it is shared, read-only, by the workers.
type checker struct {
	p      adminduk.Parser
	column int
	header bool
}

func (c checker) checkChunk(ch *chunk) *result {
	r := &result{bytes: int64(len(ch.data))}
	if ch.long {
		r.bad(ch.firstLine, CauseLongLine, ch.data)
		return r
	}
	data := ch.data
	for line := ch.firstLine; len(data) > 0; line++ {
		i := bytes.IndexByte(data, '\n') + 1
		if i == 0 {
			i = len(data)
		}
		if !(c.header && line == 1) {
			c.check(r, line, trimEOL(data[:i]))
		}
		data = data[i:]
	}
	return r
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}

func (c checker) check(r *result, line int, b []byte) {
	if len(b) == 0 {
		r.blank++
		return
	}
	if len(b) > chunkSize { // cannot happen with pooled buffers; kept as a guard
		r.bad(line, CauseLongLine, b[:17])
		return
	}
	if c.column > 0 {
		f, scratch, cause := csvField(b, c.column, r.scratch)
		r.scratch = scratch
		if cause != 0 {
			r.bad(line, cause, nil)
			return
		}
		b = f
	}
	r.checked++
	// The string aliases the chunk only for the duration of the call, which
	// keeps nothing.
	if reason := c.p.NIKReason(unsafe.String(unsafe.SliceData(b), len(b))); reason != 0 {
		r.invalid = append(r.invalid, Invalid{Line: line, Cause: CauseNIK, Reason: reason, Input: b})
	}
}

func (r *result) bad(line int, cause Cause, input []byte) {
	r.checked++
	r.invalid = append(r.invalid, Invalid{Line: line, Cause: cause, Reason: adminduk.ReasonSyntax, Input: input})
}
