package pdfscan

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
)

// object is an indirect object: its value and, for a stream, its raw data.
type object struct {
	val    value
	stream []byte // nil when not a stream
}

// file is a parsed PDF: its objects by number, the last definition of each
// winning, as incremental updates intend.
type file struct {
	data   []byte
	offs   map[int]int // object number -> offset of its value, after "obj"
	cache  map[int]*object
	lim    Limits
	used   int64 // inflated bytes so far
	root   value // the /Root of the last trailer or cross-reference stream
	pdfErr error // first budget error, sticky
	ends   []int // offsets of every "endstream", ascending
	heads  []int // offsets of the "obj" of every object header, ascending
}

// extent returns the end of the object whose value starts at off: the next
// object header. Parsing within it keeps a damaged object (an unclosed
// string or array) from costing a pass over the rest of the file.
func (f *file) extent(off int) int {
	i, _ := slices.BinarySearch(f.heads, off)
	if i == len(f.heads) {
		return len(f.data)
	}
	return f.heads[i]
}

// endAfter returns the offset of the first "endstream" at or after pos, or
// -1: a binary search, so that many streams without a good Length cost no
// more than one pass over the file.
func (f *file) endAfter(pos int) int {
	i, _ := slices.BinarySearch(f.ends, pos)
	if i == len(f.ends) {
		return -1
	}
	return f.ends[i]
}

var (
	kwObj       = []byte("obj")
	kwStream    = []byte("stream")
	kwEndstream = []byte("endstream")
	kwTrailer   = []byte("trailer")
)

// maxObjects bounds the objects of a file: a 10000-page batch has about
// 50000.
const maxObjects = 1 << 20

// index finds every "num gen obj" outside stream data.
func index(data []byte, lim Limits) *file {
	f := &file{data: data, offs: map[int]int{}, cache: map[int]*object{}, lim: lim}
	for p := 0; ; {
		i := bytes.Index(data[p:], kwEndstream)
		if i < 0 {
			break
		}
		f.ends = append(f.ends, p+i)
		p += i + len(kwEndstream)
	}
	pos := 0
	for pos < len(data) {
		i := bytes.Index(data[pos:], kwObj)
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + len(kwObj)
		num, ok := objHeader(data, at)
		if !ok || (pos < len(data) && !isSpace(data[pos]) && !isDelim(data[pos])) {
			continue
		}
		if len(f.heads) >= maxObjects {
			f.pdfErr = fmt.Errorf("%w: more than %d objects", ErrTooLarge, maxObjects)
			return f
		}
		f.offs[num] = pos
		f.heads = append(f.heads, at)
		// The value ends before the next "obj" (its own "endobj", as a
		// rule); a stream's data is skipped, as it may hold "obj" anywhere.
		end := len(data)
		if j := bytes.Index(data[pos:], kwObj); j >= 0 {
			end = pos + j
		}
		l := &lexer{data: data[:end], pos: pos}
		v, err := l.value(0)
		if err != nil {
			continue
		}
		if d, isDict := v.(dict); isDict {
			if start, ok := streamStart(data, l.pos); ok {
				n, direct := d["Length"].(int64)
				if direct && n >= 0 && n <= int64(len(data)-start) {
					pos = start + int(n)
				} else if e := f.endAfter(start); e >= 0 {
					pos = e
				}
			}
			if _, isXRef := d["Root"]; isXRef && d["Type"] == name("XRef") {
				f.root = d["Root"]
			}
		}
	}
	// The trailer of the last revision names the catalog.
	if t := bytes.LastIndex(data, kwTrailer); t >= 0 {
		l := &lexer{data: data, pos: t + len(kwTrailer)}
		if v, err := l.value(0); err == nil {
			if d, ok := v.(dict); ok && d["Root"] != nil {
				f.root = d["Root"]
			}
		}
	}
	return f
}

// objHeader checks that "num gen " precedes data[at:] ("obj") and returns
// num.
func objHeader(data []byte, at int) (int, bool) {
	p := at
	back := func(digits bool) (int, bool) {
		end := p
		if digits {
			for p > 0 && data[p-1] >= '0' && data[p-1] <= '9' && end-p < 10 {
				p--
			}
			return end - p, end > p
		}
		for p > 0 && isSpace(data[p-1]) {
			p--
		}
		return end - p, end > p
	}
	if _, ok := back(false); !ok {
		return 0, false
	}
	if _, ok := back(true); !ok {
		return 0, false
	}
	if _, ok := back(false); !ok {
		return 0, false
	}
	n, ok := back(true)
	if !ok || (p > 0 && !isSpace(data[p-1]) && !isDelim(data[p-1])) {
		return 0, false
	}
	num := 0
	for _, c := range data[p : p+n] {
		num = num*10 + int(c-'0')
	}
	return num, true
}

// streamStart returns where the data of a stream begins when the keyword
// "stream" follows pos.
func streamStart(data []byte, pos int) (int, bool) {
	l := &lexer{data: data, pos: pos}
	l.skip()
	if !bytes.HasPrefix(data[l.pos:], kwStream) {
		return 0, false
	}
	p := l.pos + len(kwStream)
	if p < len(data) && data[p] == '\r' {
		p++
	}
	if p < len(data) && data[p] == '\n' {
		p++
	}
	return p, true
}

// get returns object num, or nil.
func (f *file) get(num int) *object {
	if o, ok := f.cache[num]; ok {
		return o
	}
	f.cache[num] = nil // a reference cycle through Length ends here
	off, ok := f.offs[num]
	if !ok {
		return nil
	}
	l := &lexer{data: f.data[:f.extent(off)], pos: off}
	v, err := l.value(0)
	if err != nil {
		return nil
	}
	o := &object{val: v}
	if d, isDict := v.(dict); isDict {
		if start, ok := streamStart(f.data, l.pos); ok {
			n, isInt := f.resolve(d["Length"]).(int64)
			if !isInt || n < 0 || n > int64(len(f.data)-start) {
				e := f.endAfter(start)
				if e < 0 {
					return nil
				}
				n = int64(e - start)
			}
			o.stream = f.data[start : start+int(n)]
		}
	}
	f.cache[num] = o
	return o
}

// resolve follows a reference, once; anything else is returned as is.
func (f *file) resolve(v value) value {
	r, ok := v.(ref)
	if !ok {
		return v
	}
	o := f.get(r.num)
	if o == nil {
		return nil
	}
	return o.val
}

// dictOf resolves v to a dictionary, or nil.
func (f *file) dictOf(v value) dict {
	d, _ := f.resolve(v).(dict)
	return d
}

// intOf resolves v to an integer, or -1.
func (f *file) intOf(v value) int64 {
	switch n := f.resolve(v).(type) {
	case int64:
		return n
	}
	return -1
}

var errNotFlate = errors.New("pdfscan: stream filter is not FlateDecode")

// inflate returns the decoded data of a stream object, at most want bytes
// when want >= 0, counting them against the budget. A stream without
// filter is returned as is.
func (f *file) inflate(o *object, want int64) ([]byte, error) {
	d, _ := o.val.(dict)
	filter := f.resolve(d["Filter"])
	if a, ok := filter.([]value); ok && len(a) == 1 {
		filter = f.resolve(a[0])
	}
	switch filter {
	case nil:
		return o.stream, nil
	case name("FlateDecode"):
	default:
		return nil, errNotFlate
	}
	room := f.lim.MaxDecompressed - f.used
	if want >= 0 && want > room || room <= 0 {
		return nil, f.overBudget()
	}
	zr, err := zlib.NewReader(bytes.NewReader(o.stream))
	if err != nil {
		return nil, err
	}
	limit := room
	if want >= 0 {
		limit = want
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	f.used += int64(len(out))
	if want < 0 && int64(len(out)) > room {
		return nil, f.overBudget()
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return out, nil
}

// overBudget records and returns the budget error.
func (f *file) overBudget() error {
	if f.pdfErr == nil {
		f.pdfErr = fmt.Errorf("%w: more than %d MiB of decompressed streams", ErrTooLarge, f.lim.MaxDecompressed>>20)
	}
	return f.pdfErr
}
