package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
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
	in, size, closeIn, err := openInput(e, pos[0])
	if err != nil {
		return err
	}
	defer closeIn()
	if bar := progressFor(e, size); bar != nil {
		in = io.TeeReader(in, bar)
		defer bar.Finish()
	}
	v := validator{p: p, column: *column, skip: *header, out: bufio.NewWriterSize(e.stdout, 64<<10), stderr: e.stderr}
	err = v.run(ctx, in)
	if ferr := v.out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d checked, %d invalid\n", v.checked, v.invalid)
	if v.invalid > 0 {
		return errInvalid
	}
	return nil
}

// openInput opens a file argument or "-" for standard input, returning its
// size when known (for the progress bar).
func openInput(e *env, name string) (io.Reader, int64, func(), error) {
	if name == "-" {
		return e.stdin, -1, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, nil, err
	}
	size := int64(-1)
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	return f, size, func() { f.Close() }, nil
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

// validator streams lines, parses the NIK of each, and writes the invalid
// ones as `line<TAB>masked NIK<TAB>reason`.
type validator struct {
	p        adminduk.Parser
	column   int
	skip     bool
	out      *bufio.Writer
	stderr   io.Writer
	checked  int
	invalid  int
	warnings int
}

func (v *validator) run(ctx context.Context, in io.Reader) error {
	r := bufio.NewReaderSize(in, 1<<20)
	for line := 1; ; line++ {
		b, err := r.ReadSlice('\n')
		long := false
		if errors.Is(err, bufio.ErrBufferFull) { // a line longer than the buffer: keep its start, skip the rest
			long = true
			var start [17]byte
			b = start[:copy(start[:], b)]
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		if len(b) > 0 || long {
			if line%(1<<20) == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if !(v.skip && line == 1) {
				v.check(line, trimEOL(b), long)
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte{'\n'})
	return bytes.TrimSuffix(b, []byte{'\r'})
}

func (v *validator) check(line int, b []byte, long bool) {
	if v.column > 0 && !long {
		f, ok := csvField(b, v.column)
		if !ok {
			v.warn(line, "missing column "+strconv.Itoa(v.column))
			v.report(line, nil, adminduk.ReasonSyntax)
			return
		}
		b = f
	}
	if len(b) == 0 && !long && v.column == 0 {
		return // blank line
	}
	v.checked++
	if long {
		v.report(line, b, adminduk.ReasonSyntax)
		return
	}
	// The string aliases the read buffer only for the duration of the call;
	// the error (which keeps the input) is used before the next read.
	_, err := v.p.ParseNIK(unsafe.String(unsafe.SliceData(b), len(b)))
	if err != nil {
		var pe *adminduk.ParseError
		errors.As(err, &pe)
		v.report(line, b, pe.Reason)
	}
}

func (v *validator) report(line int, b []byte, reason adminduk.Reason) {
	if b == nil {
		v.checked++
	}
	v.invalid++
	var buf [64]byte
	o := strconv.AppendInt(buf[:0], int64(line), 10)
	o = append(o, '\t')
	o = appendMasked(o, b)
	o = append(o, '\t')
	o = append(o, reason.String()...)
	o = append(o, '\n')
	v.out.Write(o)
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

func (v *validator) warn(line int, msg string) {
	v.warnings++
	if v.warnings <= maxWarnings {
		fmt.Fprintf(v.stderr, "adminduk nik validate: line %d: %s\n", line, msg)
	} else if v.warnings == maxWarnings+1 {
		fmt.Fprintln(v.stderr, "adminduk nik validate: more lines with problems; see the output")
	}
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
