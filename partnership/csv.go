package partnership

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Columns are the columns of the CSV format, in the order [WriteCSV] writes
// them and a file without a header row must have them:
//
//	number,partner,category,district,services,signed,start,end,status
//
// services are separated by ";"; status may be empty (derived from the
// dates). With a header row, columns may come in any order, and the
// optional columns of [OptionalColumns] may be added.
var Columns = []string{"number", "partner", "category", "district", "services", "signed", "start", "end", "status"}

// OptionalColumns may be added to a CSV file with a header row: the
// partner's number of the agreement, the discount (a percentage, "10" or
// "10%") and terms of a KIA-benefit agreement, and the partner's contact.
var OptionalColumns = []string{"partner_number", "discount", "terms", "contact", "phone", "email"}

const (
	colNumber = iota
	colPartner
	colCategory
	colDistrict
	colServices
	colSigned
	colStart
	colEnd
	colStatus
	colPartnerNumber
	colDiscount
	colTerms
	colContact
	colPhone
	colEmail
	numCols
	numStd = colStatus + 1 // the columns of Columns
)

// required columns of a file with a header row.
var requiredCols = []int{colNumber, colPartner, colCategory, colDistrict, colServices, colSigned, colStart}

// colNames are the canonical columns, standard then optional; Columns and
// OptionalColumns are copies for callers.
var colNames = [numCols]string{"number", "partner", "category", "district", "services", "signed", "start", "end", "status",
	"partner_number", "discount", "terms", "contact", "phone", "email"}

func colName(i int) string { return colNames[i] }

// CSVOptions configures [ReadCSV] and [ParseRecord].
type CSVOptions struct {
	// Term gives the end of a row whose end is empty; zero means
	// [DefaultTerm].
	Term Term
	// Comma is the field delimiter; 0 detects it from the first non-blank
	// line (see [ReadCSV]).
	Comma rune
}

// RowError is a rejected CSV row: the line it starts on, the column at
// fault, the field as given and the problem as an [adminduk.FieldError]
// (the same shape as coverage.RowError). The FieldError's Pointer is
// "/rows/LINE/COLUMN" ("/rows/LINE" for the row as a whole), LINE being the
// 1-based line number of the file as a spreadsheet shows it (not an array
// index), its Code classifies the problem, its messages are the reason in
// Indonesian and English, its Err is [ErrSyntax], [ErrInvalid] or
// [ErrConflict] (a duplicate number) and its Cause the error of the field
// (a *[ParseError], a *[adminduk.ValidationError], a CSV syntax error). A
// RowError unwraps to its FieldError, so errors.Is finds both.
type RowError struct {
	Line   int    // the line the row starts on, 1-based; 0 from [ParseRecord]
	Column string // the column at fault, "" for the row as a whole (as in coverage.RowError)
	Input  string // the field at fault as given, shortened; "" when not about one field
	Field  adminduk.FieldError
}

// Error returns a message like `partnership: line 7: category "hospital": unknown; ...`.
func (e *RowError) Error() string {
	return "partnership: line " + strconv.Itoa(e.Line) + ": " + e.Field.English
}

// Reason returns what is wrong in lang, without the line: what a report
// prints next to the line number.
func (e *RowError) Reason(lang adminduk.Lang) string { return e.Field.Message(lang) }

// Unwrap returns the FieldError, which unwraps to the sentinel and the
// field's error.
func (e *RowError) Unwrap() error { return &e.Field }

// cellError is a rule a CSV field breaks, before a RowError carries it.
type cellError struct {
	field string // the column named in the message, "row" for the row
	msg   string // in English; reasonIndonesian translates it
	code  adminduk.Code
	err   error // the sentinel; nil means ErrInvalid
}

func (e *cellError) Error() string { return "partnership: " + e.field + ": " + e.msg }

func (e *cellError) Unwrap() error {
	if e.err == nil {
		return ErrInvalid
	}
	return e.err
}

// newRowError returns the RowError of a row whose column (or the row as a
// whole, "") fails with err; line 0 when not known yet (see setLine).
func newRowError(line int, column, input string, err error) *RowError {
	en := reasonOf(column, err)
	code := adminduk.CodeInvalid
	var sentinel error = ErrInvalid
	var ce *cellError
	var ve *adminduk.ValidationError
	switch {
	case errors.As(err, &ce):
		if ce.code != "" {
			code = ce.code
		}
	case errors.As(err, &ve) && len(ve.Fields) > 0:
		code = ve.Fields[0].Code
	}
	switch {
	case errors.Is(err, ErrConflict):
		sentinel, code = ErrConflict, adminduk.CodeDuplicate
	case errors.Is(err, ErrSyntax):
		sentinel = ErrSyntax
	}
	if len(input) > 60 {
		input = input[:60] + "..."
	}
	re := &RowError{Column: column, Input: input, Field: adminduk.FieldError{Code: code, English: en,
		Indonesian: reasonIndonesian(en, err), Err: sentinel, Cause: err}}
	re.setLine(line)
	return re
}

// setLine sets the line of the row and the pointer of its FieldError.
func (e *RowError) setLine(line int) {
	e.Line = line
	p := adminduk.NewPointer("rows", strconv.Itoa(line))
	if e.Column != "" {
		p = p.Key(e.Column)
	}
	e.Field.Pointer = p
}

// reasonOf is the English reason of a row whose column fails with err.
func reasonOf(column string, err error) string {
	var pe *ParseError
	var ce *cellError
	var ve *adminduk.ValidationError
	switch {
	case errors.As(err, &pe):
		msg := pe.What + " " + quote(pe.Input) + ": " + pe.Msg
		if column != "" && column != pe.What {
			msg = column + ": " + msg
		}
		return msg
	case errors.As(err, &ce):
		return ce.field + ": " + ce.msg
	case errors.As(err, &ve) && len(ve.Fields) > 0:
		return pointerColumn(ve.Fields[0].Pointer) + ": " + ve.Fields[0].English
	}
	msg := strings.TrimPrefix(err.Error(), "partnership: ")
	if column != "" {
		msg = column + ": " + msg
	}
	return msg
}

// pointerColumn returns the CSV column of a field of an agreement's JSON.
func pointerColumn(p adminduk.Pointer) string {
	switch p {
	case "/partner/name":
		return "partner"
	case "/partner/category":
		return "category"
	case "/partner/district":
		return "district"
	case "/scope/services":
		return "services"
	case "/scope/benefit", "/scope/benefit/percent":
		return "discount"
	case "/state":
		return "status"
	}
	t := p.Tokens()
	if len(t) == 0 {
		return "row"
	}
	return t[len(t)-1]
}

// Import is what [ReadCSV] made of a file: the accepted agreements and the
// rejected rows.
type Import struct {
	// Agreements are the accepted rows, in file order. An agreement's ID is
	// its number; its partner's ID is [PartnerKey]. Agreements of the same
	// partner are linked as predecessor and successor in order of start.
	Agreements []Agreement
	// Lines[i] is the line Agreements[i] starts on.
	Lines []int
	// Errors are the rejected rows, in file order.
	Errors []*RowError
	// Warnings are about accepted rows and the header.
	Warnings []Warning
	// Rows is the number of data rows read, blank lines and header not
	// counted: len(Agreements) + len(Errors).
	Rows int
	// Comma is the field delimiter the file was read with.
	Comma rune
}

// ReadCSV reads agreements in the CSV format of [Columns]. It accepts a
// UTF-8 byte order mark, CRLF line ends, quoted fields, blank lines, and
// dates as YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY. Unless o.Comma is set, the
// delimiter is detected from the first non-blank line: comma, semicolon (the
// default of a spreadsheet saving CSV in an Indonesian locale) or tab — the
// one that splits it into a header row, else the one that splits it into
// the most fields (comma on a tie). Every bad row is reported
// in Import.Errors with its line and reason and the good rows are still
// read; see [ParseRecord] for the checks. Duplicate numbers (ignoring case
// and spacing) reject the later row.
//
// The error is non-nil only when the file cannot be read at all: an I/O
// error, or a header row missing a required column or naming one twice (a
// *[adminduk.ValidationError] with the pointer "/rows/LINE").
func ReadCSV(r io.Reader, o CSVOptions) (*Import, error) {
	im := &Import{}
	sc := newCSVScan(r, o, im)
	im.Comma = sc.comma
	size := inputSize(r)
	seen := newNumberSet()
	for {
		row, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		im.Rows++
		if row.err == nil {
			if prev, dup := seen.add(numberKey(row.a.Number), row.line, im); dup {
				row.err = duplicateError(&row.a, row.line, prev)
			}
		}
		if row.err != nil {
			im.Errors = append(im.Errors, row.err)
			continue
		}
		im.Warnings = append(im.Warnings, row.warns...)
		if len(im.Agreements) == sizeAfter && size > 0 {
			presize(im, size, sc.cr.InputOffset())
		}
		im.Agreements = append(im.Agreements, row.a)
		im.Lines = append(im.Lines, row.line)
	}
	linkRenewals(im.Agreements, im.Lines)
	return im, nil
}

// duplicateError is the error of the row on line whose number an earlier
// row, on line prev, has.
func duplicateError(a *Agreement, line, prev int) *RowError {
	re := newRowError(0, "number", a.Number, &cellError{field: "number", err: ErrConflict, code: adminduk.CodeDuplicate,
		msg: "duplicate number " + quote(a.Number) + " (first on line " + strconv.Itoa(prev) + ")"})
	re.setLine(line)
	return re
}

// csvScan reads the rows of a CSV file one at a time, as [ReadCSV] does,
// without checking numbers for duplicates.
type csvScan struct {
	cr     *csv.Reader
	o      CSVOptions
	comma  rune
	base   int64 // bytes skipped before the csv.Reader's input: a byte order mark
	idx    []int // idx[c] is the position of canonical column c, -1 if absent; nil without a header
	want   int
	first  bool
	im     *Import // receives the header's warnings
	fields [numCols]string
}

// csvRow is one data row: an agreement and its warnings, or the error that
// rejects it.
type csvRow struct {
	line  int
	off   int64 // the offset in the input where the row's record starts (blank lines before it included)
	a     Agreement
	warns []Warning
	err   *RowError
}

func newCSVScan(r io.Reader, o CSVOptions, im *Import) *csvScan {
	br := bufio.NewReaderSize(r, sniffSize)
	s := &csvScan{o: o, want: numStd, first: true, im: im}
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
		s.base = 3
	}
	s.comma = o.Comma
	if s.comma == 0 {
		s.comma = sniffComma(br)
	}
	s.cr = csv.NewReader(br)
	s.cr.Comma = s.comma
	s.cr.FieldsPerRecord = -1
	s.cr.ReuseRecord = true
	return s
}

// next returns the next data row; io.EOF at the end. The error is not nil
// only when the input cannot be read (see [ReadCSV]).
func (s *csvScan) next() (csvRow, error) {
	for {
		off := s.base + s.cr.InputOffset()
		rec, err := s.cr.Read()
		if err == io.EOF {
			return csvRow{}, io.EOF
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return csvRow{}, err
			}
			msg := pe.Err.Error()
			if pe.Line > pe.StartLine {
				msg += " (lines " + strconv.Itoa(pe.StartLine) + "-" + strconv.Itoa(pe.Line) + ")"
			}
			s.first = false
			return csvRow{line: pe.StartLine, off: off, err: newRowError(pe.StartLine, "", "", errors.New("csv: "+msg))}, nil
		}
		if blank(rec) {
			continue
		}
		line, _ := s.cr.FieldPos(0)
		if s.first {
			s.first = false
			if isHeader(rec) {
				var err error
				if s.idx, s.want, err = headerIndex(rec, line, s.im); err != nil {
					return csvRow{}, err
				}
				continue
			}
		}
		row := csvRow{line: line, off: off}
		if len(rec) != s.want {
			msg := strconv.Itoa(len(rec)) + " fields, want " + strconv.Itoa(s.want)
			if len(rec) > s.want {
				msg += " (an unquoted " + delimiterName(s.comma) + "?)"
			}
			row.err = newRowError(line, "", "", &cellError{field: "row", msg: msg})
			return row, nil
		}
		fields := &s.fields
		*fields = [numCols]string{}
		for c := range fields {
			switch {
			case s.idx == nil && c < numStd:
				fields[c] = rec[c]
			case s.idx != nil && s.idx[c] >= 0:
				fields[c] = rec[s.idx[c]]
			}
		}
		a, warns, err := parseFields(fields, s.o)
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				re = newRowError(0, "", "", err)
			}
			re.setLine(line)
			row.err = re
			return row, nil
		}
		for i := range warns {
			warns[i].Line = line
		}
		row.a, row.warns = a, warns
		return row, nil
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func isHeader(rec []string) bool {
	var number, partner bool
	for _, f := range rec {
		switch normKey(f) {
		case "number":
			number = true
		case "partner":
			partner = true
		}
	}
	return number && partner
}

// headerIndex maps the header's columns to the canonical ones.
func headerIndex(rec []string, line int, im *Import) ([]int, int, error) {
	idx := make([]int, numCols)
	for i := range idx {
		idx[i] = -1
	}
	for i, f := range rec {
		k := normKey(f)
		c := -1
		for j := range numCols {
			if colName(j) == k {
				c = j
				break
			}
		}
		switch {
		case c < 0:
			im.Warnings = append(im.Warnings, Warning{Line: line, Kind: WarnUnknownColumn, Msg: "unknown column " + quote(f) + " ignored",
				msgID: "kolom " + quote(f) + " tidak dikenal, diabaikan"})
		case idx[c] >= 0:
			return nil, 0, headerError(line, "kolom "+quote(k)+" ada dua kali", "column "+quote(k)+" given twice")
		default:
			idx[c] = i
		}
	}
	for _, c := range requiredCols {
		if idx[c] < 0 {
			want := strings.Join(colNames[:numStd], ",")
			return nil, 0, headerError(line, "kolom "+quote(colName(c))+" tidak ada; seharusnya "+want, "no column "+quote(colName(c))+"; want "+want)
		}
	}
	return idx, len(rec), nil
}

// headerError reports a header row on line that the reader cannot use: a
// *adminduk.ValidationError with the pointer of the row.
func headerError(line int, id, en string) error {
	return invalid("csv header", adminduk.NewPointer("rows", strconv.Itoa(line)), adminduk.CodeInvalid, id, en, nil)
}

// ParseRecord parses one row given in the order of [Columns] (all nine). It
// trims spaces and checks, in column order: a number and a partner name
// without control characters; a known category; a kecamatan code that
// appears in some edition of the region codes (a desa code stands for its
// kecamatan; a retired code is accepted with a warning naming its
// successor); at least one known service; a signing date unless the status
// is draft; a start date; an end not before the start (empty: start plus
// o.Term); a known status (empty: signed, so that the status on a day comes
// from the dates). Errors are *[RowError] values without a line.
func ParseRecord(rec []string, o CSVOptions) (Agreement, []Warning, error) {
	if len(rec) != numStd {
		return Agreement{}, nil, newRowError(0, "", "", &cellError{field: "row", msg: strconv.Itoa(len(rec)) + " fields, want " + strconv.Itoa(numStd)})
	}
	var f [numCols]string
	copy(f[:], rec)
	return parseFields(&f, o)
}

func parseFields(f *[numCols]string, o CSVOptions) (Agreement, []Warning, error) {
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	fail := func(c int, err error) (Agreement, []Warning, error) {
		return Agreement{}, nil, newRowError(0, colName(c), f[c], err)
	}
	empty := func(c int) (Agreement, []Warning, error) {
		return fail(c, &cellError{field: colName(c), msg: "empty", code: adminduk.CodeRequired})
	}
	var a Agreement
	var warns []Warning
	for _, c := range []int{colNumber, colPartner, colPartnerNumber, colTerms, colContact, colPhone, colEmail} {
		if msg := badText(f[c]); msg != "" {
			return fail(c, &cellError{field: colName(c), msg: msg})
		}
	}
	if a.Number = f[colNumber]; a.Number == "" {
		return empty(colNumber)
	}
	if a.Partner.Name = f[colPartner]; a.Partner.Name == "" {
		return empty(colPartner)
	}
	a.PartnerNumber = f[colPartnerNumber]
	a.Partner.Contact = Contact{Person: f[colContact], Phone: f[colPhone], Email: f[colEmail]}
	var err error
	if f[colCategory] == "" {
		return empty(colCategory)
	}
	if a.Partner.Category, err = ParseCategory(f[colCategory]); err != nil {
		return fail(colCategory, err)
	}
	if f[colDistrict] == "" {
		return empty(colDistrict)
	}
	code, err := wilayah.ParseCode(f[colDistrict])
	if err != nil {
		return fail(colDistrict, &ParseError{What: "district", Input: f[colDistrict], Msg: "not a region code"})
	}
	if code.Level() == wilayah.LevelVillage {
		code = code.District()
	}
	if code.Level() != wilayah.LevelDistrict {
		return fail(colDistrict, &cellError{field: "district", msg: quote(f[colDistrict]) + " is a " + code.Level().String() + ", want a kecamatan"})
	}
	reg, ok := wilayah.Lookup(code)
	if !ok {
		return fail(colDistrict, &cellError{field: "district", msg: "unknown kecamatan " + quote(code.String()) + " (in no edition of the region codes)", code: adminduk.CodeRegion})
	}
	a.Partner.District = code
	if !reg.Current() {
		msg := "kecamatan " + code.String() + " (" + reg.Name + ") is retired"
		id := "kode kecamatan " + code.String() + " (" + reg.Name + ") sudah tidak berlaku"
		if reg.Successor.IsValid() {
			msg += "; now " + reg.Successor.String()
			id += "; kini " + reg.Successor.String()
			if s, ok := wilayah.Lookup(reg.Successor); ok {
				msg += " (" + s.Name + ")"
				id += " (" + s.Name + ")"
			}
		}
		warns = append(warns, Warning{Number: a.Number, Kind: WarnRetiredDistrict, Msg: msg, msgID: id})
	}
	if f[colServices] == "" {
		return empty(colServices)
	}
	if a.Scope.Services, err = ParseServices(f[colServices]); err != nil {
		return fail(colServices, err)
	}
	if a.Scope.Services == 0 {
		return empty(colServices)
	}
	if f[colDiscount] != "" {
		p := strings.TrimSpace(strings.TrimSuffix(f[colDiscount], "%"))
		n, ok := atoi(p)
		if !ok || n > 100 {
			return fail(colDiscount, &ParseError{What: "discount", Input: f[colDiscount], Msg: "want a percentage from 0 to 100"})
		}
		a.Scope.Benefit.Percent = n
	}
	a.Scope.Benefit.Terms = f[colTerms]
	if err := a.Scope.Validate(); err != nil {
		return fail(colDiscount, err)
	}
	if f[colStatus] != "" {
		if a.State, err = ParseState(f[colStatus]); err != nil {
			return fail(colStatus, err)
		}
	}
	for _, d := range []struct {
		c   int
		dst *adminduk.Date
	}{{colSigned, &a.Signed}, {colStart, &a.Start}, {colEnd, &a.End}} {
		if f[d.c] == "" {
			continue
		}
		if *d.dst, err = parseCSVDate(f[d.c]); err != nil {
			return fail(d.c, err)
		}
	}
	switch {
	case a.State == Draft && !a.Signed.IsZero():
		return fail(colSigned, &cellError{field: "signed", msg: "a draft has no signing date (" + a.Signed.String() + ")", code: adminduk.CodeNotAllowed})
	case a.State != Draft && a.Signed.IsZero():
		return fail(colSigned, &cellError{field: "signed", msg: "empty (leave the status \"draft\" for an unsigned agreement)", code: adminduk.CodeRequired})
	case a.State != Draft && a.Start.IsZero():
		return empty(colStart)
	case a.Start.IsZero() && !a.End.IsZero():
		return empty(colStart)
	}
	if a.End.IsZero() && !a.Start.IsZero() {
		a.End = o.Term.End(a.Start)
	}
	if a.End.Before(a.Start) {
		return fail(colEnd, &cellError{field: "end", msg: a.End.String() + " is before start " + a.Start.String(), code: adminduk.CodeOrder})
	}
	if !a.Signed.IsZero() && a.Signed.After(a.End) {
		return fail(colSigned, &cellError{field: "signed", msg: a.Signed.String() + " is after the end " + a.End.String(), code: adminduk.CodeOrder})
	}
	if a.State == 0 {
		a.State = Signed
	}
	if a.Signed.After(a.Start) {
		warns = append(warns, Warning{Number: a.Number, Kind: WarnSignedAfterStart,
			Msg:   "signed on " + a.Signed.String() + ", after its start " + a.Start.String(),
			msgID: "ditandatangani " + a.Signed.String() + ", setelah mulai berlaku " + a.Start.String()})
	}
	if odd := unusual(a.Partner.Category, a.Scope.Services); odd != 0 {
		warns = append(warns, Warning{Number: a.Number, Kind: WarnUnusualScope,
			Msg:   "services " + odd.String() + " are unusual for a " + a.Partner.Category.String() + " partner",
			msgID: "layanan " + odd.String() + " tidak lazim untuk mitra " + a.Partner.Category.String()})
	}
	a.Term = termBetween(a.Start, a.End)
	a.ID = a.Number
	a.Partner.ID = PartnerKey(&a.Partner)
	if err := a.Validate(); err != nil {
		field := ""
		var ve *adminduk.ValidationError
		if errors.As(err, &ve) && len(ve.Fields) > 0 {
			field = pointerColumn(ve.Fields[0].Pointer)
		}
		return Agreement{}, nil, newRowError(0, field, "", err)
	}
	return a, warns, nil
}

// typical lists the services each group usually provides.
var typical = [...]Services{
	GroupHealth:    ServicesOf(AktaKelahiran, KK, KIA, AktaKematian),
	GroupEducation: ServicesOf(PerekamanSekolah, AktaKelahiran, KK, KIA),
	GroupBenefit:   ServicesOf(KIABenefit),
	GroupOther:     ^Services(0),
}

// unusual returns the services of s not typical of category c.
func unusual(c Category, s Services) Services {
	g := c.Group()
	if !g.IsValid() {
		return 0
	}
	return s &^ typical[g]
}

// badText says what is wrong with a free-text field: invalid UTF-8 or a
// control character; "" when nothing is.
func badText(s string) string {
	if !utf8.ValidString(s) {
		return "not valid UTF-8"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return "contains a control character or line break"
		}
	}
	return ""
}

// parseCSVDate parses YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (the day first, as
// Indonesian spreadsheets write dates; see [adminduk.ParseDateLenient]), and
// D/M/YYYY with one-digit day or month. Errors are *[ParseError] values that
// unwrap to [adminduk.ErrInvalidDate].
func parseCSVDate(s string) (adminduk.Date, error) {
	in := s
	if len(s) >= 8 && len(s) < 10 && strings.Count(s, "/") == 2 {
		if p := strings.Split(s, "/"); len(p[0]) >= 1 && len(p[0]) <= 2 && len(p[1]) >= 1 && len(p[1]) <= 2 && len(p[2]) == 4 {
			s = pad2(p[0]) + "/" + pad2(p[1]) + "/" + p[2]
		}
	}
	d, err := adminduk.ParseDateLenient(s)
	if err != nil {
		msg := "want YYYY-MM-DD or DD/MM/YYYY"
		if de, ok := err.(*adminduk.DateError); ok && de.Msg == "no such calendar date" {
			msg = de.Msg
		}
		return adminduk.Date{}, &ParseError{What: "date", Input: in, Msg: msg, Err: err}
	}
	return d, nil
}

// pad2 pads a one-digit day or month with a zero.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// numberKey normalises an agreement number for duplicate detection.
func numberKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	foldSpace(&b, s)
	return b.String()
}

// linkRenewals links the agreements of each partner in order of start: each
// signed agreement's successor is the next one, unless either is a draft or
// the earlier one was terminated.
func linkRenewals(as []Agreement, lines []int) {
	// One sorted index, by partner then start then line, rather than a map
	// of slices: four bytes an agreement.
	all := make([]int32, len(as))
	for i := range all {
		all[i] = int32(i)
	}
	slices.SortFunc(all, func(x, y int32) int {
		return cmp.Or(cmp.Compare(as[x].Partner.ID, as[y].Partner.ID), as[x].Start.Compare(as[y].Start), cmp.Compare(lines[x], lines[y]))
	})
	for len(all) > 0 {
		end := 1
		for end < len(all) && as[all[end]].Partner.ID == as[all[0]].Partner.ID {
			end++
		}
		idx := all[:end]
		all = all[end:]
		for k := 1; k < len(idx); k++ {
			p, n := &as[idx[k-1]], &as[idx[k]]
			if p.State == Draft || p.State == Terminated || n.State == Draft || !n.Start.After(p.Start) {
				continue
			}
			p.Successor, n.Predecessor = n.ID, p.ID
		}
	}
}

// FormatRecord returns the fields of a in the order of [Columns]; dates as
// YYYY-MM-DD, services joined with ";". [ParseRecord] reads them back.
func FormatRecord(a *Agreement) []string {
	return []string{a.Number, a.Partner.Name, a.Partner.Category.String(), a.Partner.District.String(), a.Scope.Services.String(),
		a.Signed.String(), a.Start.String(), a.End.String(), a.State.String()}
}

// WriteCSV writes a header row and one row per agreement in the format
// [ReadCSV] reads. The optional columns are written when some agreement
// uses them.
func WriteCSV(w io.Writer, as []Agreement) error {
	var used [numCols]bool
	for i := range as {
		a := &as[i]
		for c, v := range optionalFields(a) {
			used[numStd+c] = used[numStd+c] || v != ""
		}
	}
	header := slices.Clone(colNames[:numStd])
	for c := numStd; c < numCols; c++ {
		if used[c] {
			header = append(header, colName(c))
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, 0, numCols)
	for i := range as {
		a := &as[i]
		row = append(row[:0], FormatRecord(a)...)
		for c, v := range optionalFields(a) {
			if used[numStd+c] {
				row = append(row, v)
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func optionalFields(a *Agreement) [numCols - numStd]string {
	disc := ""
	if a.Scope.Benefit.Percent != 0 {
		disc = strconv.Itoa(a.Scope.Benefit.Percent) + "%"
	}
	return [...]string{a.PartnerNumber, disc, a.Scope.Benefit.Terms, a.Partner.Contact.Person, a.Partner.Contact.Phone, a.Partner.Contact.Email}
}
