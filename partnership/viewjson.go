package partnership

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
)

// WriteJSON writes the report as one indented JSON object: as_of, source
// (name, rows, accepted, rejected), within, agreements, expiring,
// by_category, by_group, by_year, targets, uncovered_districts, warnings and
// errors (the rejected rows). Lines, import warnings and rejected rows come
// from the import given to [Report.WithImport]. It streams: each agreement
// is encoded on its own, never the report as one value, so a million
// agreements take no more memory than the report itself.
func (r *Report) WriteJSON(w io.Writer) error {
	return writeJSON(w, newView(r).data())
}

func writeJSON(w io.Writer, d *reportData) error {
	v, r := d.v, d.v.r
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.raw("{\n")
	jw.field("as_of", r.AsOf.String(), false)
	jw.field("source", d.src, false)
	jw.field("within", r.Within, false)
	each(jw, "agreements", d.nItems, d.items)
	each(jw, "expiring", d.nExpired, d.expiring)
	jw.field("by_category", v.byCategory(), false)
	jw.field("by_group", v.byGroup(), false)
	jw.field("by_year", v.byYear(), false)
	ts := v.targets()
	jw.array("targets", len(ts), func(i int) any { return ts[i] })
	us := v.uncovered()
	jw.array("uncovered_districts", len(us), func(i int) any { return us[i] })
	each(jw, "warnings", d.nWarnings, d.warnings)
	es := d.errors
	jw.arrayLast("errors", len(es), func(i int) any { return es[i] })
	jw.raw("}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonWriter writes an object the way json.Encoder with SetIndent("", "  ")
// writes it, one member at a time.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v indented as a member at depth depth (1 for a field, 2 for
// an array element).
func (j *jsonWriter) value(v any, depth int) {
	if j.err != nil {
		return
	}
	prefix := "  "
	if depth == 2 {
		prefix = "    "
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(b)
}

func (j *jsonWriter) key(k string) { j.raw("  " + strconv.Quote(k) + ": ") }

func (j *jsonWriter) field(k string, v any, last bool) {
	j.key(k)
	j.value(v, 1)
	j.end(last)
}

func (j *jsonWriter) end(last bool) {
	if last {
		j.raw("\n")
	} else {
		j.raw(",\n")
	}
}

func (j *jsonWriter) array(k string, n int, elem func(int) any) { j.list(k, n, elem, false) }

func (j *jsonWriter) arrayLast(k string, n int, elem func(int) any) { j.list(k, n, elem, true) }

// each writes an array member (not the last) of the n elements visit
// visits, encoding each on its own; it fails when visit does or visits a
// different number.
func each[T any](j *jsonWriter, k string, n int, visit func(func(T)) error) {
	j.key(k)
	if n == 0 {
		j.raw("[]")
		j.end(false)
		return
	}
	j.raw("[\n")
	i := 0
	err := visit(func(a T) {
		if i >= n {
			return
		}
		j.raw("    ")
		j.value(a, 2)
		if i++; i < n {
			j.raw(",\n")
		} else {
			j.raw("\n")
		}
	})
	if err == nil && i != n {
		err = ErrInputChanged
	}
	if j.err == nil {
		j.err = err
	}
	j.raw("  ]")
	j.end(false)
}

// list writes an array member, encoding each element on its own.
func (j *jsonWriter) list(k string, n int, elem func(int) any, last bool) {
	j.key(k)
	if n == 0 {
		j.raw("[]")
		j.end(last)
		return
	}
	j.raw("[\n")
	for i := 0; i < n && j.err == nil; i++ {
		j.raw("    ")
		j.value(elem(i), 2)
		if i < n-1 {
			j.raw(",\n")
		} else {
			j.raw("\n")
		}
	}
	j.raw("  ]")
	j.end(last)
}
