package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync"
	"unsafe"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// maxWarnings caps the per-line notes on stderr (missing CSV columns).
const maxWarnings = 10

func runNIKValidate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "nik validate")
	parser := parserFlags(fs, true)
	column := fs.Int("column", 0, "read the NIK from CSV column `N` (1-based) instead of the whole line")
	header := fs.Bool("header", false, "skip the first line")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one FILE, or - for standard input")
	}
	if *column < 0 {
		return usagef("--column must be 1 or more")
	}
	p, err := parser()
	if err != nil {
		return err
	}
	in, err := openInput(e, pos[0])
	if err != nil {
		return err
	}
	defer in.close()
	c := lineChecker{p: p, column: *column}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var checked, invalid, warnings int
	bar := progressFor(e, in.size)
	err = validateStream(ctx, in, c, *header, runtime.GOMAXPROCS(0), func(r *chunkResult) error {
		if bar != nil {
			bar.Add(r.bytes)
		}
		checked += r.checked
		invalid += r.invalid
		for _, w := range r.warnings {
			if warnings++; warnings <= maxWarnings {
				fmt.Fprintf(e.stderr, "adminduk nik validate: %s\n", w)
			} else if warnings == maxWarnings+1 {
				fmt.Fprintln(e.stderr, "adminduk nik validate: more lines with problems; see the output")
			}
		}
		_, err := out.Write(r.out)
		return err
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d checked, %d invalid\n", checked, invalid)
	if invalid > 0 {
		return errInvalid
	}
	return nil
}

// input is an opened FILE argument: a stream, and for a regular file its
// size and, where the platform allows, its bytes mapped into memory.
type input struct {
	r      io.Reader
	size   int64
	mapped []byte
	close  func()
}

// openInput opens a file argument or "-" for standard input.
func openInput(e *env, name string) (*input, error) {
	if name == "-" {
		return &input{r: e.stdin, size: -1, close: func() {}}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	in := &input{r: f, size: -1, close: func() { f.Close() }}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		in.size = st.Size()
		if data, unmap, err := mapFile(f, in.size); err == nil {
			in.mapped = data
			in.close = func() { unmap(); f.Close() }
		}
	}
	return in, nil
}

// progressFor returns a byte progress bar on stderr when stderr is a terminal
// and the input size is known, else nil.
func progressFor(e *env, size int64) *progressbar.ProgressBar {
	f, ok := e.stderr.(*os.File)
	if !ok || size <= 0 || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions64(size, progressbar.OptionSetWriter(f), progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription("validating"), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
}

// chunkSize is how much input one worker takes at a time; a line longer
// than this is reported as a syntax error by its first bytes.
const chunkSize = 1 << 20

// chunk is a run of whole lines, or the start of one over-long line.
type chunk struct {
	data      []byte
	firstLine int
	long      bool
	result    chan *chunkResult
}

// chunkResult is what checking a chunk produced: output lines and counts.
type chunkResult struct {
	out              []byte
	bytes            int // input bytes covered, for the progress bar
	checked, invalid int
	warnings         []string
}

// validateStream cuts the input into chunks of whole lines, checks them on
// workers goroutines, and hands the results to emit in input order.
func validateStream(ctx context.Context, in *input, c lineChecker, skipHeader bool, workers int, emit func(*chunkResult) error) error {
	todo := make(chan *chunk, workers)
	ordered := make(chan *chunk, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ch := range todo {
				ch.result <- c.checkChunk(ch, skipHeader)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(ordered)
		defer close(todo)
		chunks := readChunks
		if in.mapped != nil {
			chunks = sliceChunks
		}
		readErr <- chunks(ctx, in, func(ch *chunk) {
			ch.result = make(chan *chunkResult, 1)
			ordered <- ch
			todo <- ch
		})
	}()
	var err error
	for ch := range ordered {
		r := <-ch.result
		if err == nil {
			err = emit(r)
		}
		if !ch.long && in.mapped == nil {
			buffers.Put(ch.data[:0])
		}
	}
	wg.Wait()
	if rerr := <-readErr; rerr != nil {
		return rerr
	}
	return err
}

// buffers recycles chunk buffers, so the input is read into the same few
// megabytes of memory however long it is.
var buffers = sync.Pool{New: func() any { return make([]byte, 0, chunkSize) }}

// sliceChunks cuts a mapped file into chunks of whole lines; a line longer
// than chunkSize makes a longer chunk.
func sliceChunks(ctx context.Context, in *input, send func(*chunk)) error {
	data, line := in.mapped, 1
	for len(data) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		cut := len(data)
		if cut > chunkSize {
			cut = chunkSize + bytes.IndexByte(data[chunkSize:], '\n') + 1
			if cut == chunkSize { // no newline after chunkSize
				cut = len(data)
			}
		}
		send(&chunk{data: data[:cut], firstLine: line})
		line += bytes.Count(data[:cut], []byte{'\n'})
		data = data[cut:]
	}
	return nil
}

// readChunks reads a stream and calls send with chunks of whole lines.
func readChunks(ctx context.Context, stream *input, send func(*chunk)) error {
	in, line := stream.r, 1
	var carry []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf := append(buffers.Get().([]byte), carry...)
		n, err := io.ReadFull(in, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return err
		}
		if eof {
			if len(buf) > 0 {
				send(&chunk{data: buf, firstLine: line})
			}
			return nil
		}
		cut := bytes.LastIndexByte(buf, '\n') + 1
		if cut == 0 { // no newline in a full buffer: an over-long line
			start := append([]byte(nil), buf[:17]...)
			rest, err := skipLine(in)
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

// lineChecker checks one line; it is shared, read-only, by the workers.
type lineChecker struct {
	p      adminduk.Parser
	column int
}

func (c lineChecker) checkChunk(ch *chunk, skipHeader bool) *chunkResult {
	r := &chunkResult{bytes: len(ch.data)}
	if ch.long {
		c.check(r, ch.firstLine, ch.data, true)
		return r
	}
	data := ch.data
	for line := ch.firstLine; len(data) > 0; line++ {
		i := bytes.IndexByte(data, '\n') + 1
		if i == 0 {
			i = len(data)
		}
		if !(skipHeader && line == 1) {
			b := trimEOL(data[:i])
			c.check(r, line, b, len(b) > chunkSize)
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

func (c lineChecker) check(r *chunkResult, line int, b []byte, long bool) {
	if c.column > 0 && !long {
		f, ok := csvField(b, c.column)
		if !ok {
			r.warnings = append(r.warnings, "line "+strconv.Itoa(line)+": missing column "+strconv.Itoa(c.column))
			r.report(line, nil, adminduk.ReasonSyntax)
			return
		}
		b = f
	} else if len(b) == 0 && !long {
		return // blank line
	}
	if long {
		r.report(line, b, adminduk.ReasonSyntax)
		return
	}
	// The string aliases the chunk only for the duration of the call, which
	// keeps nothing.
	if reason := c.p.NIKReason(unsafe.String(unsafe.SliceData(b), len(b))); reason != 0 {
		r.report(line, b, reason)
		return
	}
	r.checked++
}

// report writes `line<TAB>masked input<TAB>reason` and counts the line.
func (r *chunkResult) report(line int, b []byte, reason adminduk.Reason) {
	r.checked++
	r.invalid++
	r.out = strconv.AppendInt(r.out, int64(line), 10)
	r.out = append(r.out, '\t')
	r.out = appendMasked(r.out, b)
	r.out = append(r.out, '\t')
	r.out = append(r.out, reason.String()...)
	r.out = append(r.out, '\n')
}

// appendMasked appends a NIK-like input with its middle hidden, and other
// inputs printable and truncated, so no full NIK reaches the output.
func appendMasked(o, b []byte) []byte {
	switch {
	case len(b) == 16:
		o = append(o, b[:4]...)
		o = append(o, "********"...)
		return append(o, b[12:]...)
	case len(b) > 16:
		b = b[:16]
		o = append(o, b[:4]...)
		o = append(o, "********"...)
		return append(o, "..."...)
	}
	for _, c := range b {
		if c < ' ' || c > '~' || c == '\t' {
			c = '?'
		}
		o = append(o, c)
	}
	return o
}

// csvField returns field n (1-based) of a CSV line, unquoting a quoted field
// ("" inside quotes is not unescaped; a NIK has no quotes), or false when the
// line has fewer fields.
func csvField(b []byte, n int) ([]byte, bool) {
	for i := 1; ; i++ {
		var f []byte
		if len(b) > 0 && b[0] == '"' {
			end := bytes.IndexByte(b[1:], '"')
			if end < 0 {
				return nil, false
			}
			f, b = b[1:1+end], b[2+end:]
			if j := bytes.IndexByte(b, ','); j >= 0 {
				b = b[j:]
			} else {
				b = b[len(b):]
			}
		} else if j := bytes.IndexByte(b, ','); j >= 0 {
			f, b = b[:j], b[j:]
		} else {
			f, b = b, b[len(b):]
		}
		if i == n {
			return bytes.TrimSpace(f), true
		}
		if len(b) == 0 {
			return nil, false
		}
		b = b[1:] // the comma
	}
}
