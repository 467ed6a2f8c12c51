package partnership

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"hash"
	"hash/maphash"
	"io"
	"math"
	"slices"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// StreamOptions configures [StreamReport].
type StreamOptions struct {
	Report ReportOptions
	CSV    CSVOptions
	// Name is the name of the source the report prints (see
	// [Report.WithImport]).
	Name string
	// JSON selects the JSON view ([Report.WriteJSON]); else the text view
	// ([Report.WriteText]) in Lang.
	JSON bool
	Lang adminduk.Lang
}

// StreamResult is what [StreamReport] read: the data rows, accepted and
// rejected.
type StreamResult struct {
	Rows, Accepted, Rejected int
}

// StreamReport writes to w the report of the agreements in the CSV file r
// (see [ReadCSV]): byte for byte what [ReadCSV], [NewReport],
// [Report.WithImport] and [Report.WriteJSON] or [Report.WriteText] write,
// without holding the agreements. It reads r more than once: a first pass
// keeps a summary of each accepted row (dates, state, category, services,
// kecamatan, line, renewal links and its number: some 40 bytes and the
// number's length), enough for every count, link, gap and coverage figure;
// a second pass (a second and third for the text view, which aligns its
// columns) re-reads the rows and writes each agreement in order, and the
// agreements expiring soon are re-read from their offsets; the warnings
// about rows are made again as they are printed. What else it holds grows
// with what the report prints besides the agreements: the warnings of the
// import (a retired kecamatan, a signing after the start), the rejected
// rows, and 16 bytes per agreement expiring soon.
//
// The input must not change between passes: a pass that reads another size,
// other bytes (a SHA-256 of the whole input) or other rows fails with
// [ErrInputChanged], possibly after part of the report was written. The
// error is otherwise that of [ReadCSV] (the input cannot be read, a bad
// header), of [NewReport] (bad options) or of w.
func StreamReport(r io.ReadSeeker, o StreamOptions, w io.Writer) (StreamResult, error) {
	return streamReport(r, o, w, nil)
}

// streamReport is StreamReport hashing numbers' keys with hashNumber, nil
// for a seeded maphash.
func streamReport(r io.ReadSeeker, o StreamOptions, w io.Writer, hashNumber func(string) uint64) (StreamResult, error) {
	rep, ro, err := newReport(o.Report, 0)
	if err != nil {
		return StreamResult{}, err
	}
	if hashNumber == nil {
		seed := maphash.MakeSeed()
		hashNumber = func(k string) uint64 { return maphash.String(seed, k) }
	}
	s := &streamer{r: r, o: o, rep: rep, limit: rep.AsOf.AddDaysClamped(ro.Within), hashNumber: hashNumber}
	if err := s.pass1(); err != nil {
		return StreamResult{}, err
	}
	res := StreamResult{Rows: s.im.Rows, Accepted: len(s.facts), Rejected: len(s.im.Errors)}
	if err := s.aggregate(ro); err != nil {
		return res, err
	}
	d := s.data()
	if o.JSON {
		return res, writeJSON(w, d)
	}
	return res, writeText(w, o.Lang, d)
}

// fact is what the first pass keeps of an accepted row.
type fact struct {
	signed, start, end adminduk.Date
	cur                wilayah.Code // the current kecamatan
	line               int32
	pred, succ         int32 // indices of the linked agreements, -1 for none
	state              uint8
	category           uint8
	services           Services
}

// expiringRow is an agreement expiring soon: its index and the offset of
// its record.
type expiringRow struct {
	i   int32
	off int64
}

type streamer struct {
	r          io.ReadSeeker
	o          StreamOptions
	hashNumber func(string) uint64
	rep        *Report
	limit      adminduk.Date

	im       *Import // rows, rejected rows, warnings of the header and rows; no agreements
	comma    rune
	idx      []int
	want     int
	facts    []fact
	numEnd   []uint32 // the number of agreement i is numbers[numEnd[i-1]:numEnd[i]]
	numbers  []byte
	expiring []expiringRow
	size     int64
	sum      []byte
	// The report's warnings about rows are made again when printed: the
	// rows with some, in order, and how many; then those about no row.
	warnRows  []int32
	nRowWarns int
	stated    []Warning
}

// countingReader counts and hashes what is read through it.
type countingReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	return n, err
}

func (s *streamer) rewind() (*countingReader, error) {
	if _, err := s.r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return &countingReader{r: s.r, h: sha256.New()}, nil
}

func (s *streamer) number(i int32) []byte {
	from := uint32(0)
	if i > 0 {
		from = s.numEnd[i-1]
	}
	return s.numbers[from:s.numEnd[i]]
}

func (s *streamer) pass1() error {
	size, err := s.r.Seek(0, io.SeekEnd)
	if err != nil {
		return err
	}
	cr, err := s.rewind()
	if err != nil {
		return err
	}
	s.im = &Import{}
	sc := newCSVScan(cr, s.o.CSV, s.im)
	s.comma, s.im.Comma = sc.comma, sc.comma
	var numHash []uint64 // a hash of each number's key, to find duplicates once every row is read
	seed1, seed2 := maphash.MakeSeed(), maphash.MakeSeed()
	var keys [][2]uint64 // a 128-bit hash of each partner's key, for linking renewals
	memo := make(map[wilayah.Code]wilayah.Code)
	d := s.rep.AsOf
	for {
		row, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		s.im.Rows++
		a := &row.a
		if row.err == nil && (row.line > math.MaxInt32 || len(s.numbers)+len(a.Number) > math.MaxUint32 || len(s.facts) >= math.MaxInt32) {
			return errors.New("partnership: input too large to stream")
		}
		if row.err != nil {
			s.im.Errors = append(s.im.Errors, row.err)
			continue
		}
		s.im.Warnings = append(s.im.Warnings, row.warns...)
		if len(s.facts) == sizeAfter && size > 0 {
			if n := estimateRows(size, sc.cr.InputOffset(), len(s.facts)); n > 0 {
				s.facts = append(make([]fact, 0, n), s.facts...)
				s.numEnd = append(make([]uint32, 0, n), s.numEnd...)
				keys = append(make([][2]uint64, 0, n), keys...)
				numHash = append(make([]uint64, 0, n), numHash...)
				s.numbers = append(make([]byte, 0, n*(len(s.numbers)/len(s.numEnd)+1)), s.numbers...)
			}
		}
		c, ok := memo[a.Partner.District]
		if !ok {
			c = a.Partner.CurrentDistrict()
			memo[a.Partner.District] = c
		}
		i := int32(len(s.facts))
		s.facts = append(s.facts, fact{signed: a.Signed, start: a.Start, end: a.End, cur: c, line: int32(row.line),
			pred: -1, succ: -1, state: uint8(a.State), category: uint8(a.Partner.Category), services: a.Scope.Services})
		s.numbers = append(s.numbers, a.Number...)
		s.numEnd = append(s.numEnd, uint32(len(s.numbers)))
		keys = append(keys, [2]uint64{maphash.String(seed1, a.Partner.ID), maphash.String(seed2, a.Partner.ID)})
		numHash = append(numHash, s.hashNumber(numberKey(a.Number)))
		if a.StatusOn(d) == Active && !a.End.IsZero() && !a.End.After(s.limit) {
			s.expiring = append(s.expiring, expiringRow{i: i, off: row.off})
		}
	}
	s.size, s.sum = cr.n, cr.h.Sum(nil)
	s.idx, s.want = sc.idx, sc.want
	keys = s.dedup(numHash, keys)
	s.link(keys)
	return nil
}

// dedup rejects, as ReadCSV does, each row whose number (ignoring case and
// spacing) an earlier accepted row has: the first pass accepted them all,
// with the hash of their number's key. Their warnings go, the error joins
// the rejected rows in line order. It returns the keys of the rows kept.
func (s *streamer) dedup(numHash []uint64, keys [][2]uint64) [][2]uint64 {
	order := make([]int32, len(s.facts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return cmp.Or(cmp.Compare(numHash[x], numHash[y]), cmp.Compare(x, y)) })
	first := map[int32]int32{} // duplicate row -> the first row with its number
	for len(order) > 0 {
		end := 1
		for end < len(order) && numHash[order[end]] == numHash[order[0]] {
			end++
		}
		run := order[:end]
		order = order[end:]
		for j := 1; j < len(run); j++ {
			kj := numberKey(string(s.number(run[j])))
			for _, i := range run[:j] {
				if _, dup := first[i]; !dup && numberKey(string(s.number(i))) == kj {
					first[run[j]] = i
					break
				}
			}
		}
	}
	if len(first) == 0 {
		return keys
	}
	dupLines := make(map[int]bool, len(first))
	var errs []*RowError
	for j, i := range first {
		line := int(s.facts[j].line)
		dupLines[line] = true
		errs = append(errs, duplicateError(&Agreement{Number: string(s.number(j))}, line, int(s.facts[i].line)))
	}
	slices.SortFunc(errs, func(a, b *RowError) int { return cmp.Compare(a.Line, b.Line) })
	merged := make([]*RowError, 0, len(s.im.Errors)+len(errs))
	old := s.im.Errors
	for len(old) > 0 || len(errs) > 0 {
		if len(errs) == 0 || len(old) > 0 && old[0].Line < errs[0].Line {
			merged, old = append(merged, old[0]), old[1:]
		} else {
			merged, errs = append(merged, errs[0]), errs[1:]
		}
	}
	s.im.Errors = merged
	s.im.Warnings = slices.DeleteFunc(s.im.Warnings, func(w Warning) bool { return dupLines[w.Line] })
	// Compact the rows kept, renumbering the expiring ones.
	newIdx := make([]int32, len(s.facts))
	k, w, from := 0, 0, uint32(0)
	for i := range s.facts {
		end := s.numEnd[i]
		number := s.numbers[from:end]
		from = end
		if _, dup := first[int32(i)]; dup {
			newIdx[i] = -1
			continue
		}
		newIdx[i] = int32(k)
		w += copy(s.numbers[w:], number) // w <= from: the copy moves the number down
		s.facts[k], keys[k], s.numEnd[k] = s.facts[i], keys[i], uint32(w)
		k++
	}
	s.facts, s.numEnd, s.numbers, keys = s.facts[:k], s.numEnd[:k], s.numbers[:w], keys[:k]
	exp := s.expiring[:0]
	for _, e := range s.expiring {
		if n := newIdx[e.i]; n >= 0 {
			exp = append(exp, expiringRow{i: n, off: e.off})
		}
	}
	s.expiring = exp
	return keys
}

// estimateRows is presize's estimate of the rows of a file of size bytes of
// which read bytes held n rows; 0 when it cannot tell.
func estimateRows(size, read int64, n int) int {
	if read <= 0 || read >= size {
		return 0
	}
	est := int(float64(size) / float64(read) * float64(n) * 1.05)
	est = min(est, int(size/32))
	if est <= n {
		return 0
	}
	return est
}

// link links the agreements of each partner as linkRenewals does, partners
// told apart by a 128-bit hash of their key.
func (s *streamer) link(keys [][2]uint64) {
	all := make([]int32, len(s.facts))
	for i := range all {
		all[i] = int32(i)
	}
	f := s.facts
	slices.SortFunc(all, func(x, y int32) int {
		return cmp.Or(cmp.Compare(keys[x][0], keys[y][0]), cmp.Compare(keys[x][1], keys[y][1]),
			f[x].start.Compare(f[y].start), cmp.Compare(f[x].line, f[y].line))
	})
	for len(all) > 0 {
		end := 1
		for end < len(all) && keys[all[end]] == keys[all[0]] {
			end++
		}
		idx := all[:end]
		all = all[end:]
		for k := 1; k < len(idx); k++ {
			p, n := &f[idx[k-1]], &f[idx[k]]
			ps, ns := State(p.state), State(n.state)
			if ps == Draft || ps == Terminated || ns == Draft || !n.start.After(p.start) {
				continue
			}
			p.succ, n.pred = idx[k], idx[k-1]
		}
	}
}

// agreement returns the part of agreement i that the counts read: dates,
// state, category, services, and its number and successor when full.
func (s *streamer) agreement(i int32, dst *Agreement, full bool) *Agreement {
	f := &s.facts[i]
	*dst = Agreement{Signed: f.signed, Start: f.start, End: f.end, State: State(f.state),
		Partner: Partner{Category: Category(f.category), District: f.cur}, Scope: Scope{Services: f.services}}
	if full {
		dst.Number = string(s.number(i))
		if f.succ >= 0 {
			dst.Successor = string(s.number(f.succ))
		}
	}
	return dst
}

// aggregate counts, warns and measures as NewReport does.
func (s *streamer) aggregate(o ReportOptions) error {
	r, d := s.rep, s.rep.AsOf
	var a, succ Agreement
	for i := range s.facts {
		s.agreement(int32(i), &a, true)
		it := Item{Agreement: &a, Status: a.StatusOn(d)}
		it.DaysLeft, it.HasDaysLeft = a.DaysLeft(d)
		var sp *Agreement
		if f := s.facts[i].succ; f >= 0 {
			sp = s.agreement(f, &succ, true)
		}
		r.add(it, sp, s.limit)
		if len(r.Warnings) > 0 {
			s.warnRows = append(s.warnRows, int32(i))
			s.nRowWarns += len(r.Warnings)
			r.Warnings = r.Warnings[:0]
		}
	}
	slices.SortStableFunc(s.expiring, func(x, y expiringRow) int {
		if c := s.facts[x.i].end.Compare(s.facts[y.i].end); c != 0 {
			return c
		}
		return bytes.Compare(s.number(x.i), s.number(y.i))
	})
	at := func(i int) *Agreement { return s.agreement(int32(i), &a, false) }
	if err := r.finish(o, len(s.facts), at, func(i int) wilayah.Code { return s.facts[i].cur }); err != nil {
		return err
	}
	s.stated, r.Warnings = r.Warnings, nil
	return nil
}

// visitWarnings visits the warnings in the order view.warnings sorts them:
// by line, a row's import warnings before the report's, those of no line
// last.
func (s *streamer) visitWarnings(visit func(viewWarning)) error {
	imp := s.im.Warnings
	scratch := &Report{AsOf: s.rep.AsOf, ByCategory: map[Category]int{}, ByYear: map[int]int{}}
	var a, succ Agreement
	for _, i := range s.warnRows {
		line := int(s.facts[i].line)
		for len(imp) > 0 && imp[0].Line <= line {
			visit(toView(imp[0]))
			imp = imp[1:]
		}
		s.agreement(i, &a, true)
		it := Item{Agreement: &a, Status: a.StatusOn(s.rep.AsOf)}
		it.DaysLeft, it.HasDaysLeft = a.DaysLeft(s.rep.AsOf)
		var sp *Agreement
		if f := s.facts[i].succ; f >= 0 {
			sp = s.agreement(f, &succ, true)
		}
		scratch.Warnings = scratch.Warnings[:0]
		scratch.add(it, sp, s.limit)
		for _, w := range scratch.Warnings {
			w.Line = line
			visit(toView(w))
		}
	}
	for _, w := range imp {
		visit(toView(w))
	}
	for _, w := range s.stated {
		visit(toView(w))
	}
	return nil
}

func (s *streamer) data() *reportData {
	s.rep.im = &Import{Errors: s.im.Errors}
	v := newView(s.rep)
	return &reportData{
		v:      v,
		src:    source{Name: s.o.Name, Rows: s.im.Rows, Accepted: len(s.facts), Rejected: len(s.im.Errors)},
		nItems: len(s.facts), nExpired: len(s.expiring),
		items:     func(visit func(viewAgreement)) error { return s.scan(v, visit) },
		expiring:  func(visit func(viewAgreement)) error { return s.scanExpiring(v, visit) },
		nWarnings: len(s.im.Warnings) + s.nRowWarns + len(s.stated), warnings: s.visitWarnings,
		errors: v.rowErrors(),
	}
}

// item returns the item of the re-read agreement i, with its links, after
// checking it is the one the first pass read.
func (s *streamer) item(i int32, a *Agreement) (Item, error) {
	if a.Number != string(s.number(i)) {
		return Item{}, ErrInputChanged
	}
	f := &s.facts[i]
	if f.pred >= 0 {
		a.Predecessor = string(s.number(f.pred))
	}
	if f.succ >= 0 {
		a.Successor = string(s.number(f.succ))
	}
	it := Item{Agreement: a, Status: a.StatusOn(s.rep.AsOf)}
	it.DaysLeft, it.HasDaysLeft = a.DaysLeft(s.rep.AsOf)
	return it, nil
}

// scan re-reads the input and visits every accepted agreement in order.
func (s *streamer) scan(v *view, visit func(viewAgreement)) error {
	cr, err := s.rewind()
	if err != nil {
		return err
	}
	sc := newCSVScan(cr, s.o.CSV, &Import{})
	k := 0
	for {
		row, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch {
		case k < len(s.facts) && row.line == int(s.facts[k].line):
			if row.err != nil {
				return ErrInputChanged
			}
		case row.err != nil || k == len(s.facts) || row.line < int(s.facts[k].line):
			continue // rejected in the first pass
		default:
			return ErrInputChanged
		}
		it, err := s.item(int32(k), &row.a)
		if err != nil {
			return err
		}
		visit(v.agreement(it, row.line))
		k++
	}
	if k != len(s.facts) || cr.n != s.size || !bytes.Equal(cr.h.Sum(nil), s.sum) {
		return ErrInputChanged
	}
	return nil
}

// scanExpiring re-reads the agreements expiring soon from their offsets and
// visits them, soonest first.
func (s *streamer) scanExpiring(v *view, visit func(viewAgreement)) error {
	for _, e := range s.expiring {
		if _, err := s.r.Seek(e.off, io.SeekStart); err != nil {
			return err
		}
		sc := &csvScan{cr: csv.NewReader(s.r), o: s.o.CSV, comma: s.comma, idx: s.idx, want: s.want, im: &Import{}}
		sc.cr.Comma, sc.cr.FieldsPerRecord, sc.cr.ReuseRecord = s.comma, -1, true
		row, err := sc.next()
		if err == io.EOF || err == nil && row.err != nil {
			return ErrInputChanged
		}
		if err != nil {
			return err
		}
		it, err := s.item(e.i, &row.a)
		if err != nil {
			return err
		}
		visit(v.agreement(it, int(s.facts[e.i].line)))
	}
	return nil
}
