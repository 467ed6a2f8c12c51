package nikfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Options configure [Validate] and [ValidateAt]. The zero value checks one
// NIK per line, strictly, as of today, on GOMAXPROCS goroutines.
type Options struct {
	// Parser checks each NIK (reference date, leniency).
	Parser adminduk.Parser

	// Column, when above 0, reads the NIK from that CSV field (1-based)
	// instead of the whole line.
	Column int

	// Header skips the first line.
	Header bool

	// Workers is the number of checking goroutines; 0 means GOMAXPROCS.
	Workers int

	// Progress, if set, is called after each chunk with the number of input
	// bytes handled so far, on the goroutine that called Validate.
	Progress func(done int64)
}

// Stats count the lines of one validation.
type Stats struct {
	Checked int64 // lines checked, valid or not (blank lines and the header excluded)
	Invalid int64 // lines passed to the callback
	Blank   int64 // blank lines skipped
	Bytes   int64 // input bytes read
}

// Cause says what was wrong with a line.
type Cause uint8

// Causes of an [Invalid] line.
const (
	CauseNIK           Cause = 1 + iota // the NIK is invalid; see [Invalid.Reason]
	CauseMissingColumn                  // the line has fewer CSV fields than [Options.Column]
	CauseBadQuoting                     // a quoted CSV field is not closed, or text follows its closing quote
	CauseLongLine                       // the line is longer than 256 KiB, the chunk size
)

var causeNames = [...]string{CauseNIK: "nik", CauseMissingColumn: "missing column", CauseBadQuoting: "bad quoting", CauseLongLine: "line too long"}

// String returns a lower-case name of c.
func (c Cause) String() string {
	if c == 0 || int(c) >= len(causeNames) {
		return fmt.Sprintf("Cause(%d)", c)
	}
	return causeNames[c]
}

// Invalid is one invalid line.
type Invalid struct {
	Line   int             // 1-based line number
	Cause  Cause           // what was wrong
	Reason adminduk.Reason // why the NIK is invalid; ReasonSyntax for every cause but CauseNIK

	// Input is the NIK as read (the field, for a CSV column), nil for a
	// missing column or bad quoting, and the first 17 bytes of an over-long
	// line. It is valid only during the callback: copy it to keep it. It is
	// raw input: print it with AppendMasked.
	Input []byte
}

// AppendMasked appends v.Input with the middle of a NIK hidden
// ("3201********0001"; "3201********..." for longer input), and control
// characters, tabs and invalid UTF-8 replaced by '?', so that no full NIK and
// no escape sequence reaches a terminal or a log.
func (v Invalid) AppendMasked(b []byte) []byte {
	in := v.Input
	switch {
	case len(in) == 16:
		b = appendSafe(b, in[:4])
		b = append(b, "********"...)
		return appendSafe(b, in[12:])
	case len(in) > 16:
		b = appendSafe(b, in[:4])
		return append(b, "********..."...)
	}
	return appendSafe(b, in)
}

// ErrFileChanged is returned by [ValidateAt] when the input is shorter or
// longer than its size said: the file changed while it was read.
var ErrFileChanged = errors.New("nikfile: file changed while reading")

// ChangedError is the error of a file that changed while it was read. It
// unwraps to [ErrFileChanged].
type ChangedError struct {
	Size int64 // the size given to ValidateAt
	Read int64 // bytes there were (Size+1 for a file that grew)
}

func (e *ChangedError) Error() string {
	if e.Read > e.Size {
		return fmt.Sprintf("nikfile: file changed while reading: it grew past %d bytes", e.Size)
	}
	return fmt.Sprintf("nikfile: file changed while reading: it ended after %d of %d bytes", e.Read, e.Size)
}

// Unwrap returns [ErrFileChanged].
func (e *ChangedError) Unwrap() error { return ErrFileChanged }

// ErrColumn is returned for a negative [Options.Column].
var ErrColumn = errors.New("nikfile: column must not be negative")

// Validate checks every line of r and calls fn, in input order, for each
// invalid one. An error from fn stops the validation and is returned, as is
// a read error or ctx's error; the stats count what was handled until then.
// A fn of nil only counts. ctx is checked between reads: a Read that blocks
// (a pipe, a terminal) delays the return until it does; wrap such an r in a
// reader that returns when ctx is done if that matters.
func Validate(ctx context.Context, r io.Reader, o Options, fn func(Invalid) error) (Stats, error) {
	if o.Column < 0 {
		return Stats{}, ErrColumn
	}
	if fn == nil {
		fn = func(Invalid) error { return nil }
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return run(ctx, r, o, workers, fn)
}

// ValidateAt is [Validate] for the first size bytes of r, typically an
// [*os.File] and its size from Stat. It returns a [*ChangedError] if r ends
// before size bytes or has more than size bytes.
func ValidateAt(ctx context.Context, r io.ReaderAt, size int64, o Options, fn func(Invalid) error) (Stats, error) {
	cr := &sizedReader{r: r, size: size}
	st, err := Validate(ctx, cr, o, fn)
	if err == nil {
		var b [1]byte
		if n, _ := r.ReadAt(b[:], size); n > 0 {
			err = &ChangedError{Size: size, Read: size + 1}
		}
	}
	return st, err
}

// sizedReader reads r from 0 to size and reports a *ChangedError, not
// io.EOF, when r ends early.
type sizedReader struct {
	r         io.ReaderAt
	off, size int64
}

func (s *sizedReader) Read(p []byte) (int, error) {
	if s.off >= s.size {
		return 0, io.EOF
	}
	if rest := s.size - s.off; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := s.r.ReadAt(p, s.off)
	s.off += int64(n)
	if err == io.EOF {
		if s.off < s.size {
			return n, &ChangedError{Size: s.size, Read: s.off}
		}
		err = nil
	}
	return n, err
}
