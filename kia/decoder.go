package kia

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Decoder reads a stream of cards: JSON Lines (one card object a line),
// or one card.json, or any sequence of card objects separated by white
// space. A leading UTF-8 byte order mark is ignored.
//
// When the first non-blank line holds a whole JSON value (or is not JSON
// at all), the stream is read as JSON Lines: each non-blank line is one
// card, and a line that is not a card (malformed JSON, a wrong type, an
// unknown field) is an error for that line only; the next call reads the
// next line. When the first line opens a value it does not close (a
// pretty-printed card.json), the stream is read as a sequence of objects,
// and after a JSON syntax error it cannot be resynchronised.
//
// Decode reads, decodes and validates the next card like [DecodeCard];
// Next only reads it, for a program that decodes cards on several
// goroutines.
type Decoder struct {
	o     DecodeOptions
	br    *bufio.Reader
	lines bool // JSON Lines mode, decided on the first non-blank line
	mode  bool // the mode is decided
	lr    *lineReader
	dec   *json.Decoder
	line  int // JSON Lines: lines read
	start int // line of the last card
	n     int
	err   error
}

// maxLine bounds a line of JSON Lines; a card is about 1 KB.
const maxLine = 1 << 20

// NewDecoder returns a decoder reading from r, decoding cards with o.
func NewDecoder(r io.Reader, o DecodeOptions) *Decoder {
	return &Decoder{o: o, br: bufio.NewReaderSize(r, 64<<10)}
}

// DecodeError is a card of a stream that could not be read. Record counts
// cards from 1; Line is the line the card starts on.
type DecodeError struct {
	Record, Line int
	Err          error // a *adminduk.ValidationError
}

// Error returns "kia: card 3 (line 3): ...".
func (e *DecodeError) Error() string {
	return fmt.Sprintf("kia: card %d (line %d): %s", e.Record, e.Line, strings.TrimPrefix(e.Err.Error(), "kia: "))
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Line returns the line the last card read (or failed to read) starts on,
// counting from 1.
func (d *Decoder) Line() int { return d.start }

// Decode returns the next card, decoded and validated like [DecodeCard],
// or io.EOF after the last. A card with problems gives a *[DecodeError]
// wrapping its *adminduk.ValidationError, with the card as DecodeCard
// returns it (nil for malformed JSON), and the next call moves on to the
// next card, except after a JSON syntax error in a multi-line sequence
// (see Decoder), when every call returns that error.
func (d *Decoder) Decode() (*Card, error) {
	raw, err := d.Next()
	if err != nil {
		return nil, err
	}
	c, err := DecodeCard(raw, d.o)
	if err != nil {
		return c, &DecodeError{Record: d.n, Line: d.start, Err: err}
	}
	return c, nil
}

// Next returns the JSON text of the next card without decoding it (pass
// it to [DecodeCard]), or io.EOF after the last. In JSON Lines a line that
// is not JSON is returned like any other, for DecodeCard to report; a line
// longer than 1 MB, or a syntax error in a multi-line sequence, is a
// *[DecodeError]. The text is the caller's to keep.
func (d *Decoder) Next() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	if !d.mode {
		d.decideMode()
	}
	if d.lines {
		return d.nextLine()
	}
	var raw json.RawMessage
	if err := d.dec.Decode(&raw); err != nil {
		if err == io.EOF {
			d.err = io.EOF
			return nil, io.EOF
		}
		d.n++
		d.start = d.lr.lineAt(d.dec.InputOffset())
		d.err = &DecodeError{Record: d.n, Line: d.start, Err: streamError(err)}
		return nil, d.err
	}
	d.n++
	d.start = d.lr.lineAt(d.dec.InputOffset() - int64(len(raw)))
	return raw, nil
}

// Record returns the number of the last card read, counting from 1.
func (d *Decoder) Record() int { return d.n }

// decideMode skips a byte order mark and looks at the first non-blank
// line without consuming it.
func (d *Decoder) decideMode() {
	d.mode = true
	if b, err := d.br.Peek(3); err == nil && bytes.Equal(b, utf8BOM) {
		d.br.Discard(3)
	}
	for size := 4 << 10; ; size *= 4 {
		b, err := d.br.Peek(min(size, d.br.Size()))
		first := b
		for {
			line, rest, found := bytes.Cut(first, []byte("\n"))
			if len(bytes.TrimSpace(line)) > 0 || !found {
				first = line
				if !found && err == nil && len(b) < d.br.Size() {
					first = nil // the line goes on: peek further
				}
				break
			}
			first = rest
		}
		if first != nil || err != nil || len(b) == d.br.Size() {
			d.lines = !incomplete(first)
			break
		}
	}
	if !d.lines {
		d.lr = &lineReader{r: d.br}
		d.dec = json.NewDecoder(d.lr)
	}
}

// incomplete reports whether line opens a JSON value it does not close.
func incomplete(line []byte) bool {
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(line)).Decode(&raw)
	return errors.Is(err, io.ErrUnexpectedEOF)
}

// nextLine reads the next non-blank line.
func (d *Decoder) nextLine() ([]byte, error) {
	for {
		line, err := d.readLine()
		if line == nil && err != nil {
			d.err = err
			return nil, err
		}
		if err == nil && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		d.n++
		d.start = d.line
		if err != nil { // too long: an error for this line, never skipped
			return nil, &DecodeError{Record: d.n, Line: d.line, Err: streamError(err)}
		}
		return line, nil
	}
}

// streamError reports a card the stream could not even cut out (a syntax
// error in a multi-line sequence, a line too long) as the
// *adminduk.ValidationError of a malformed card.json.
func streamError(err error) error {
	ck := newChecker()
	syntaxError(ck, err)
	return ck.err()
}

// errLineTooLong is the error of a line longer than maxLine.
var errLineTooLong = fmt.Errorf("line longer than %d bytes", maxLine)

// readLine returns the next line without its end. A line longer than
// maxLine is skipped and returned empty but not nil with errLineTooLong;
// at the end of the input it returns nil and io.EOF.
func (d *Decoder) readLine() ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := d.br.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			if len(buf) > maxLine {
				tooLong, buf = true, nil
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
		case io.EOF:
			if len(buf) == 0 && !tooLong {
				return nil, io.EOF
			}
		default:
			return nil, err
		}
		d.line++
		if tooLong {
			return []byte{}, errLineTooLong
		}
		return bytes.TrimSuffix(buf, []byte("\n")), nil
	}
}

// lineReader remembers where lines end in what it has read, so that an
// offset can be turned into a line number. Offsets must be asked for in
// increasing order; it forgets the lines before the last one asked for.
type lineReader struct {
	r      io.Reader
	pos    int64
	nl     []int64 // offsets of newlines not yet passed
	passed int     // newlines before the last offset asked for
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			l.nl = append(l.nl, l.pos+int64(i))
		}
	}
	l.pos += int64(n)
	return n, err
}

func (l *lineReader) lineAt(off int64) int {
	i := 0
	for i < len(l.nl) && l.nl[i] < off {
		i++
	}
	l.passed += i
	l.nl = l.nl[i:]
	return l.passed + 1
}
