package render

import (
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/adminduk-id/adminduk/akta"
)

// RecordError is the error of one record of a batch: Index is its place in
// the input, from 0. It unwraps to the record's error (an
// *adminduk.ValidationError for an invalid record).
type RecordError struct {
	Index int
	Err   error
}

// Error returns a message like "render: record 3: ...", counting from 1.
func (e *RecordError) Error() string {
	return "render: record " + strconv.Itoa(e.Index+1) + ": " + e.Err.Error()
}

// Unwrap returns the record's error.
func (e *RecordError) Unwrap() error { return e.Err }

// WriteBatch writes the kutipan of every record into one PDF, pages in
// input order: one document for a batch. The records are validated, signed
// and laid out in parallel on Options.Workers goroutines (0: GOMAXPROCS),
// then written as one file; the output is byte-identical whatever the
// number of workers, and for one record the same as [WritePDF]. The first
// invalid record (lowest index) gives a *[RecordError] and nothing is
// written.
func WriteBatch(w io.Writer, recs []akta.Record, o Options) error {
	if len(recs) == 0 {
		return errNoRecord
	}
	o.Credential = "" // one credential per record: each is signed
	l, err := o.look()
	if err != nil {
		return err
	}
	docs := make([]*doc, len(recs))
	errs := make([]error, len(recs))
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(recs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(recs) {
					return
				}
				var r Document
				if recs[i] != nil {
					r = recs[i]
				}
				docs[i], errs[i] = layoutDoc(r, o, l)
				if errs[i] == nil {
					errs[i] = prepPDF(docs[i])
				}
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return &RecordError{Index: i, Err: err}
		}
	}
	all := &doc{title: docs[0].title}
	if len(docs) > 1 {
		all.title = "Kutipan Akta (" + strconv.Itoa(len(docs)) + ")"
	}
	for _, d := range docs {
		all.pages = append(all.pages, d.pages...)
	}
	if o.PDFSigner != nil {
		return signed(w, all, o)
	}
	return writePDF(w, all, o.Compress)
}
