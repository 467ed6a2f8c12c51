package pdfkit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// ErrJoin is returned for a PDF that Joiner cannot read.
var ErrJoin = errors.New("pdfkit: cannot join PDF")

// Joiner concatenates PDF documents written by gopdf into one, streaming:
// a large batch can be made as a series of small gopdf documents, each
// written and dropped in turn, instead of one document held in memory
// whole until the end (gopdf keeps every drawing operation of every page
// until it writes). Each part keeps its own fonts and resources; the
// pages are numbered on. The output depends only on the parts and the
// info, so the same parts give the same bytes.
//
// It reads what gopdf writes: a classic cross-reference table, no object
// streams, direct stream lengths, one catalog and one page tree.
type Joiner struct {
	w       *bufio.Writer
	cw      *countingWriter
	offsets []int64 // of objects 1.., 0 for not yet written
	kids    []int   // page objects, in order
	size    Size
	info    DocInfo
	err     error
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Objects 1 and 2 of the output are its catalog and page tree.
const (
	joinCatalog = 1
	joinPages   = 2
)

// NewJoiner starts a joined PDF written to w, whose pages default to size
// and whose metadata is info.
func NewJoiner(w io.Writer, size Size, info DocInfo) *Joiner {
	cw := &countingWriter{w: w}
	j := &Joiner{cw: cw, w: bufio.NewWriterSize(cw, 256<<10), offsets: make([]int64, 2), size: size, info: info}
	// The header, with a comment of high bytes marking a binary file.
	j.w.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return j
}

var (
	reXref    = regexp.MustCompile(`(?s)startxref\s+(\d+)\s+%%EOF\s*$`)
	reRef     = regexp.MustCompile(`(\d+) 0 R\b`)
	reLength  = regexp.MustCompile(`/Length\s+(\d+)(\s+\d+\s+R)?`)
	reType    = regexp.MustCompile(`/Type\s*/(Catalog|Pages|Page)\b`)
	reObjHead = regexp.MustCompile(`^(\d+)\s+0\s+obj\s*`)
)

// obj is one object of a part: its dictionary (or other value) and its
// stream data, if any.
type obj struct {
	num    int
	head   []byte // up to and without the "stream" keyword or "endobj"
	stream []byte // nil when the object has no stream
	typ    string // Catalog, Pages, Page or ""
}

// Add appends the pages of a complete PDF written by gopdf.
func (j *Joiner) Add(pdf []byte) error {
	if j.err != nil {
		return j.err
	}
	objs, err := readObjects(pdf)
	if err != nil {
		j.err = err
		return err
	}
	// Number the part's objects after the ones written, leaving out its
	// catalog and page tree (references to them go to the output's).
	renum := map[int]int{}
	next := len(j.offsets) + 1
	var pageOrder []int
	for _, o := range objs {
		switch o.typ {
		case "Catalog":
			renum[o.num] = joinCatalog
		case "Pages":
			renum[o.num] = joinPages
			pageOrder = kidsOf(o.head)
		default:
			renum[o.num] = next
			next++
		}
	}
	for _, o := range objs {
		if o.typ == "Catalog" || o.typ == "Pages" {
			continue
		}
		n := renum[o.num]
		for len(j.offsets) < n {
			j.offsets = append(j.offsets, 0)
		}
		if err := j.w.Flush(); err != nil {
			j.err = err
			return err
		}
		j.offsets[n-1] = j.cw.n
		head := reRef.ReplaceAllFunc(o.head, func(m []byte) []byte {
			old, _ := strconv.Atoi(string(m[:bytes.IndexByte(m, ' ')]))
			if nn, ok := renum[old]; ok {
				return []byte(strconv.Itoa(nn) + " 0 R")
			}
			return m
		})
		fmt.Fprintf(j.w, "%d 0 obj\n", n)
		j.w.Write(bytes.TrimRight(head, " \t\r\n"))
		if o.stream != nil {
			j.w.WriteString("\nstream\n")
			j.w.Write(o.stream)
			j.w.WriteString("\nendstream")
		}
		j.w.WriteString("\nendobj\n")
	}
	for _, p := range pageOrder {
		nn, ok := renum[p]
		if !ok {
			j.err = fmt.Errorf("%w: page object %d missing", ErrJoin, p)
			return j.err
		}
		j.kids = append(j.kids, nn)
	}
	return nil
}

// kidsOf lists the page objects of a page tree's /Kids.
func kidsOf(head []byte) []int {
	i := bytes.Index(head, []byte("/Kids"))
	if i < 0 {
		return nil
	}
	rest := head[i:]
	end := bytes.IndexByte(rest, ']')
	if end < 0 {
		return nil
	}
	var kids []int
	for _, m := range reRef.FindAllSubmatch(rest[:end], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		kids = append(kids, n)
	}
	return kids
}

// readObjects reads the objects of a PDF through its cross-reference
// table.
func readObjects(pdf []byte) ([]obj, error) {
	m := reXref.FindSubmatch(pdf[max(0, len(pdf)-64):])
	if m == nil {
		return nil, fmt.Errorf("%w: no startxref", ErrJoin)
	}
	at, _ := strconv.Atoi(string(m[1]))
	if at <= 0 || at >= len(pdf) || !bytes.HasPrefix(pdf[at:], []byte("xref")) {
		return nil, fmt.Errorf("%w: no cross-reference table at %d", ErrJoin, at)
	}
	lines := strings.Split(string(pdf[at:min(len(pdf), at+64)]), "\n")
	if len(lines) < 2 {
		return nil, fmt.Errorf("%w: short cross-reference table", ErrJoin)
	}
	var first, count int
	if _, err := fmt.Sscanf(strings.TrimSpace(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || count < 1 || count > len(pdf)/20 {
		return nil, fmt.Errorf("%w: cross-reference subsection %q", ErrJoin, lines[1])
	}
	table := at + len(lines[0]) + 1 + len(lines[1]) + 1
	var objs []obj
	for i := 1; i < count; i++ {
		e := table + 20*i
		if e+20 > len(pdf) {
			return nil, fmt.Errorf("%w: truncated cross-reference table", ErrJoin)
		}
		entry := pdf[e : e+20]
		if entry[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(entry[:10]))
		if err != nil || off <= 0 || off >= at {
			return nil, fmt.Errorf("%w: cross-reference entry %d", ErrJoin, i)
		}
		o, err := readObject(pdf[off:at])
		if err != nil {
			return nil, fmt.Errorf("%w (object %d)", err, i)
		}
		if o.num != i {
			return nil, fmt.Errorf("%w: object %d found where %d was expected", ErrJoin, o.num, i)
		}
		objs = append(objs, o)
	}
	return objs, nil
}

// readObject reads "N 0 obj ... endobj" at the start of b.
func readObject(b []byte) (obj, error) {
	h := reObjHead.FindSubmatchIndex(b)
	if h == nil {
		return obj{}, fmt.Errorf("%w: no object header", ErrJoin)
	}
	n, _ := strconv.Atoi(string(b[h[2]:h[3]]))
	body := b[h[1]:]
	o := obj{num: n}
	end := bytes.Index(body, []byte("endobj"))
	st := bytes.Index(body, []byte("stream"))
	if st >= 0 && (end < 0 || st < end) {
		o.head = body[:st]
		lm := reLength.FindSubmatch(o.head)
		if lm == nil || len(lm[2]) > 0 {
			return obj{}, fmt.Errorf("%w: stream without a direct /Length", ErrJoin)
		}
		length, _ := strconv.Atoi(string(lm[1]))
		data := body[st+len("stream"):]
		switch {
		case bytes.HasPrefix(data, []byte("\r\n")):
			data = data[2:]
		case bytes.HasPrefix(data, []byte("\n")):
			data = data[1:]
		}
		if length < 0 || length > len(data) {
			return obj{}, fmt.Errorf("%w: stream length %d past the end", ErrJoin, length)
		}
		o.stream = data[:length]
	} else {
		if end < 0 {
			return obj{}, fmt.Errorf("%w: no endobj", ErrJoin)
		}
		o.head = body[:end]
	}
	if t := reType.FindSubmatch(o.head); t != nil {
		o.typ = string(t[1])
	}
	return o, nil
}

// Close writes the catalog, the page tree, the cross-reference table and
// the trailer.
func (j *Joiner) Close() error {
	if j.err != nil {
		return j.err
	}
	if len(j.kids) == 0 {
		return fmt.Errorf("%w: no page", ErrJoin)
	}
	write := func(n int, body string) {
		j.w.Flush()
		j.offsets[n-1] = j.cw.n
		fmt.Fprintf(j.w, "%d 0 obj\n%s\nendobj\n", n, body)
	}
	write(joinCatalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", joinPages))
	var kids strings.Builder
	for i, k := range j.kids {
		if i > 0 {
			kids.WriteByte(' ')
		}
		kids.WriteString(strconv.Itoa(k))
		kids.WriteString(" 0 R")
	}
	write(joinPages, fmt.Sprintf("<< /Type /Pages /MediaBox [ 0 0 %.2f %.2f ] /Count %d /Kids [ %s ] >>", j.size.W, j.size.H, len(j.kids), kids.String()))
	j.w.Flush()
	xref := j.cw.n
	fmt.Fprintf(j.w, "xref\n0 %d\n0000000000 65535 f \n", len(j.offsets)+1)
	for _, off := range j.offsets {
		fmt.Fprintf(j.w, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(j.w, "trailer\n<< /Size %d /Root %d 0 R /Info << %s>> >>\nstartxref\n%d\n%%%%EOF\n", len(j.offsets)+1, joinCatalog, j.info.dict(), xref)
	j.err = errors.New("pdfkit: joiner closed")
	return j.w.Flush()
}
