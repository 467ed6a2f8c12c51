package coverage

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/adminduk-id/adminduk/adminduk"
)

// readBufSize is the largest read buffer of ReadCSV (it starts at 64 KiB
// and doubles for a long line), and the longest line it reads: a longer
// line is reported and skipped.
const readBufSize = 1 << 20

// ReadCSV reads person records from r (columns [Columns], a header line
// first) and tallies them. It streams: memory does not grow with the input.
// A row that cannot be used is skipped and reported as a *[RowError] with
// its line number (see [Aggregator.Report]); ReadCSV itself fails only on a
// read error or a header it cannot use (*[ParseError], [ErrSyntax]).
//
// Lines end in LF or CRLF; blank lines are skipped; a UTF-8 byte order mark
// is ignored; fields may be quoted, but a quoted field may not span lines.
// A first line whose first field is a 16-digit number is data: the columns
// are then [Columns] in order.
func (a *Aggregator) ReadCSV(r io.Reader) error {
	a.cols = nil
	buf := make([]byte, 64<<10)
	start, end, line := 0, 0, 0
	skipping := false // inside an over-long line
	for eof := false; ; {
		for {
			i := bytes.IndexByte(buf[start:end], '\n')
			if i < 0 {
				break
			}
			if skipping {
				skipping = false
			} else if err := a.Line(line+1, buf[start:start+i]); err != nil {
				return err
			}
			line++
			start += i + 1
		}
		if eof {
			if start < end && !skipping {
				if err := a.Line(line+1, buf[start:end]); err != nil {
					return err
				}
			}
			break
		}
		if start > 0 {
			end = copy(buf, buf[start:end])
			start = 0
		}
		if end == len(buf) && len(buf) < readBufSize { // a long line: grow
			buf = append(buf, make([]byte, len(buf))...)
		} else if end == len(buf) { // no newline in a full buffer
			if !skipping {
				a.stats.Lines++
				a.stats.Rows++
				n := strconv.Itoa(readBufSize >> 20)
				a.reject(newRowError(line+1, "", "", "line longer than "+n+" MiB", "baris lebih panjang dari "+n+" MiB", ErrSyntax))
			}
			skipping, end = true, 0
		}
		n, err := io.ReadFull(r, buf[end:])
		end += n
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			eof = true
		case err != nil:
			return err
		}
	}
	if a.cols == nil {
		return &ParseError{What: "CSV", Input: "", Msg: "no header line"}
	}
	return nil
}

// Line reads one line of CSV (without its newline) as ReadCSV does: the
// header while none has been read, then a record. It returns an error only
// for a header it cannot use. Line lets a caller that splits a large input
// itself (into chunks of whole lines for several aggregators, combined with
// [Aggregator.Merge]) feed it; see [Aggregator.Fork].
func (a *Aggregator) Line(n int, b []byte) error {
	a.stats.Lines++
	if len(b) > 0 && b[len(b)-1] == '\r' {
		b = b[:len(b)-1]
	}
	if a.cols == nil {
		b = bytes.TrimPrefix(b, []byte("\ufeff"))
		if len(bytes.TrimSpace(b)) == 0 {
			return nil
		}
		return a.readHeader(n, b)
	}
	if len(b) == 0 {
		return nil
	}
	a.stats.Rows++
	a.row(n, b)
	return nil
}

// Fork returns an empty aggregator with a's options and the columns of the
// header a has read, to read another part of the same file; combine the
// parts with [Aggregator.Merge], in file order.
func (a *Aggregator) Fork() *Aggregator {
	b, _ := NewAggregator(a.opt)
	b.cols, b.present, b.measured, b.dated = a.cols, a.present, a.measured, a.dated
	return b
}

// readHeader reads the header line, or takes a data line as the first row
// of a file without header.
func (a *Aggregator) readHeader(n int, b []byte) error {
	names := strings.Split(string(b), ",")
	for i, s := range names {
		names[i] = strings.ToLower(strings.Trim(strings.TrimSpace(s), `"`))
	}
	var cols []column
	var seen [numCols]bool
	data := len(names[0]) == 16 && strings.Trim(names[0], "0123456789") == ""
	if data {
		for c := range numCols {
			cols, seen[c] = append(cols, c), true
		}
	} else {
		for _, name := range names {
			c, ok := columnAliases[name]
			if !ok {
				cols = append(cols, colIgnore)
				a.header = append(a.header, Warning{Kind: WarnUnknownColumn, Line: n,
					Msg:   "column " + quote(name) + " is not one of " + strings.Join(Columns, ", ") + "; ignored",
					msgID: "kolom " + quote(name) + " bukan salah satu dari " + strings.Join(Columns, ", ") + "; diabaikan"})
				continue
			}
			if seen[c] {
				return &ParseError{What: "CSV header", Input: string(b), Msg: "column " + Columns[c] + " appears twice"}
			}
			cols, seen[c] = append(cols, c), true
		}
	}
	switch {
	case !seen[colNIK] || !seen[colDistrict]:
		return &ParseError{What: "CSV header", Input: string(b), Msg: "want the columns nik and district (and has_akta or has_kia)"}
	case !seen[colHasAkta] && !seen[colHasKIA]:
		return &ParseError{What: "CSV header", Input: string(b), Msg: "want has_akta or has_kia"}
	case seen[colAktaDate] && !seen[colHasAkta], seen[colKIADate] && !seen[colHasKIA]:
		return &ParseError{What: "CSV header", Input: string(b), Msg: "a date column without its has_ column"}
	}
	a.cols, a.present = cols, seen
	a.measured[0] = a.measured[0] || seen[colHasAkta]
	a.measured[1] = a.measured[1] || seen[colHasKIA]
	a.dated[0] = a.dated[0] || seen[colAktaDate]
	a.dated[1] = a.dated[1] || seen[colKIADate]
	if data { // no header: the line is the first record
		a.stats.Rows++
		a.row(n, b)
	}
	return nil
}

// row parses and tallies one data line.
func (a *Aggregator) row(n int, b []byte) {
	rw, e, err := a.parseLine(n, b)
	if err != nil {
		a.reject(*err)
		return
	}
	a.tally(&rw, e, n)
}

// parseLine splits a data line into fields, reads them and resolves the
// kecamatan; it changes nothing but the kecamatan cache.
func (a *Aggregator) parseLine(n int, b []byte) (row, districtEntry, *RowError) {
	var f [numCols][]byte
	nf := 0
	for {
		var field []byte
		if len(b) > 0 && b[0] == '"' {
			j := 1
			for {
				k := bytes.IndexByte(b[j:], '"')
				if k < 0 {
					re := newRowError(n, "", "", "unterminated quote (a field may not span lines)", "tanda kutip tidak ditutup (satu kolom tidak boleh melintasi baris)", ErrSyntax)
					return row{}, districtEntry{}, &re
				}
				j += k + 1
				if j < len(b) && b[j] == '"' { // "" inside quotes
					j++
					continue
				}
				break
			}
			field, b = b[1:j-1], b[j:]
			if len(b) > 0 && b[0] != ',' {
				re := newRowError(n, "", "", "text after a closing quote", "ada teks setelah tanda kutip penutup", ErrSyntax)
				return row{}, districtEntry{}, &re
			}
		} else if k := bytes.IndexByte(b, ','); k >= 0 {
			field, b = b[:k], b[k:]
		} else {
			field, b = b, nil
		}
		if nf < len(a.cols) {
			if c := a.cols[nf]; c != colIgnore {
				f[c] = trimSpace(field)
			}
		}
		nf++
		if len(b) == 0 {
			break
		}
		b = b[1:]
	}
	if nf != len(a.cols) {
		got, want := strconv.Itoa(nf), strconv.Itoa(len(a.cols))
		re := newRowError(n, "", "", got+" fields, but the header has "+want, got+" kolom, padahal header punya "+want, ErrSyntax)
		return row{}, districtEntry{}, &re
	}
	var rw row
	if e := a.parseFields(n, &f, &rw); e != nil {
		return row{}, districtEntry{}, e
	}
	if e := a.checkDocs(&rw, n); e != nil {
		return row{}, districtEntry{}, e
	}
	e, err := a.district(rw.district, n)
	if err != nil {
		return row{}, districtEntry{}, err
	}
	return rw, e, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

var nikReasonMsg = [...]string{
	adminduk.ReasonSyntax: "want 16 digits", adminduk.ReasonRegion: "region code in no Kemendagri edition",
	adminduk.ReasonDate: "not a calendar date", adminduk.ReasonSerial: "serial 0000 is never issued",
}

// parseFields reads the fields of a row into rw.
func (a *Aggregator) parseFields(n int, f *[numCols][]byte, rw *row) *RowError {
	fail := func(c column, msg string, err error) *RowError {
		in := f[c]
		if len(in) > 40 {
			in = in[:40]
		}
		re := fieldError(n, Columns[c], string(in), msg, err)
		return &re
	}
	nb := f[colNIK]
	// The string aliases the line only for the duration of the call.
	nik, err := a.parser.ParseNIK(unsafe.String(unsafe.SliceData(nb), len(nb)))
	if err != nil {
		reason := adminduk.ReasonSyntax
		if pe := (*adminduk.ParseError)(nil); errors.As(err, &pe) {
			reason = pe.Reason
		}
		sentinel := ErrSyntax
		if reason == adminduk.ReasonRegion {
			sentinel = ErrUnknownRegion
		}
		msg := "invalid NIK"
		if int(reason) < len(nikReasonMsg) && nikReasonMsg[reason] != "" {
			msg = nikReasonMsg[reason]
		}
		e := fail(colNIK, msg, sentinel)
		e.Input = maskNIK(nb)
		return e
	}
	if b := f[colBirth]; len(b) > 0 {
		c, ok := parseDate(b)
		if !ok {
			return fail(colBirth, "want a calendar date YYYY-MM-DD", ErrSyntax)
		}
		rw.birth = c
		y, m, d := nik.Birth()
		rw.mismatch = c.Day() != d || c.Month() != m || c.Year()%100 != y%100
	} else {
		rw.birth = nik.BirthDate()
	}
	nikFemale := nik.Sex() == adminduk.Female
	rw.female = nikFemale
	if b := f[colSex]; len(b) > 0 {
		female, ok := parseSex(b)
		if !ok {
			return fail(colSex, "want L or P (M/F, 1/2)", ErrSyntax)
		}
		rw.female = female
		rw.mismatch = rw.mismatch || female != nikFemale
	}
	key, ok := parseDistrict(f[colDistrict])
	if !ok {
		return fail(colDistrict, "want a kecamatan code such as 62.08.01", ErrSyntax)
	}
	rw.district = key
	for i, cs := range [2][2]column{{colHasAkta, colAktaDate}, {colHasKIA, colKIADate}} {
		if !a.present[cs[0]] {
			continue
		}
		has, ok := parseBool(f[cs[0]])
		if !ok {
			return fail(cs[0], "want 1 or 0", ErrSyntax)
		}
		d := doc{has: has}
		if b := f[cs[1]]; len(b) > 0 {
			if d.date, ok = parseDate(b); !ok {
				return fail(cs[1], "want a calendar date YYYY-MM-DD", ErrSyntax)
			}
		}
		if i == 0 {
			rw.akta = d
		} else {
			rw.kia = d
		}
	}
	return nil
}

// maskNIK shows a NIK-like input with its middle hidden, as the CLI does.
func maskNIK(b []byte) string {
	switch {
	case len(b) == 16:
		return string(b[:4]) + "********" + string(b[12:])
	case len(b) > 16:
		return string(b[:4]) + "********..."
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c < ' ' || c > '~' {
			c = '?'
		}
		out = append(out, c)
	}
	return string(out)
}

// rowMsgID is the Indonesian of the reader's messages about a field.
var rowMsgID = map[string]string{
	"want 16 digits":                              "seharusnya 16 angka",
	"region code in no Kemendagri edition":        "kode wilayah tidak ada di edisi Kemendagri mana pun",
	"not a calendar date":                         "tanggal tidak ada di kalender",
	"serial 0000 is never issued":                 "nomor urut 0000 tidak pernah diterbitkan",
	"invalid NIK":                                 "NIK tidak sah",
	"want a calendar date YYYY-MM-DD":             "seharusnya tanggal YYYY-MM-DD",
	"want L or P (M/F, 1/2)":                      "seharusnya L atau P (M/F, 1/2)",
	"want a kecamatan code such as 62.08.01":      "seharusnya kode kecamatan seperti 62.08.01",
	"want 1 or 0":                                 "seharusnya 1 atau 0",
	"no NIK":                                      "NIK kosong",
	"year out of range":                           "tahun di luar jangkauan",
	"not a kecamatan code":                        "bukan kode kecamatan",
	"before the birth date":                       "sebelum tanggal lahir",
	"no such kecamatan in any edition":            "kecamatan tidak ada di edisi mana pun",
	"dated, but " + Columns[colHasAkta] + " is 0": "bertanggal, padahal " + Columns[colHasAkta] + " 0",
	"dated, but " + Columns[colHasKIA] + " is 0":  "bertanggal, padahal " + Columns[colHasKIA] + " 0",
}

// fieldError returns the RowError of a field with the reader's message en.
// A date that is no calendar date also unwraps to [adminduk.ErrInvalidDate].
func fieldError(line int, column, input, en string, sentinel error) RowError {
	re := newRowError(line, column, input, en, rowMsgID[en], sentinel)
	switch en {
	case "want a calendar date YYYY-MM-DD", "year out of range", "not a calendar date":
		re.Field.Cause = adminduk.ErrInvalidDate
	}
	return re
}
