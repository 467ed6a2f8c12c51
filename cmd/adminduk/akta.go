package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

func init() {
	register("akta", "render akta kelahiran/kematian (akta render) or parse register numbers (akta number parse)", runAkta)
}

func runAkta(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "render", "number")
	if err != nil {
		return err
	}
	if verb == "render" {
		return runAktaRender(ctx, e, rest)
	}
	verb, rest, err = subcommand(rest, "parse")
	if err != nil {
		return err
	}
	_ = verb
	return runAktaNumberParse(e, rest)
}

// typeFlags is a repeatable --type CODE=KIND[,late] flag extending the
// default register-number type table.
type typeFlags []akta.Type

func (t *typeFlags) String() string { return "" }

func (t *typeFlags) Set(s string) error {
	code, rest, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want CODE=kelahiran|kematian[,late], got %q", s)
	}
	kindText, late := strings.CutSuffix(rest, ",late")
	kind, err := akta.ParseKind(kindText)
	if err != nil {
		return err
	}
	*t = append(*t, akta.Type{Code: strings.ToUpper(code), Kind: kind, Late: late, Name: kind.String()})
	return nil
}

// numberParserFlags adds --type, --lenient, --allow-legacy and --no-legacy
// to fs.
func numberParserFlags(fs *flag.FlagSet) func() (akta.Parser, error) {
	var types typeFlags
	fs.Var(&types, "type", "add a register-number type, CODE=kelahiran|kematian[,late] (repeatable), e.g. AKM=kematian")
	lenient := fs.Bool("lenient", false, "accept region codes in range but in no Kemendagri edition (offices, NIK and KK regions)")
	allowLegacy := fs.Bool("allow-legacy", false, "accept numbers of older layouts, reported as legacy (never as valid current numbers)")
	noLegacy := fs.Bool("no-legacy", false, "reject numbers of older layouts (the default; overrides --allow-legacy)")
	return func() (akta.Parser, error) {
		o := akta.ParseOptions{Lenient: *lenient, AllowLegacy: *allowLegacy, NoLegacy: *noLegacy}
		if len(types) > 0 {
			t, err := akta.DefaultTypes().With(types...)
			if err != nil {
				return akta.Parser{}, usagef("--type: %v", err)
			}
			o.Types = t
		}
		return akta.NewParser(o), nil
	}
}

// aktaNumberJSON is one line of `akta number parse --json`.
type aktaNumberJSON struct {
	Input string `json:"input"`
	// Status is "valid" (a current-layout number), "legacy" (an older
	// layout, accepted with --allow-legacy; Valid stays false) or
	// "invalid".
	Status   string      `json:"status"`
	Valid    bool        `json:"valid"`
	Reason   string      `json:"reason,omitempty"`
	Error    string      `json:"error,omitempty"`
	Number   string      `json:"number,omitempty"`
	Legacy   bool        `json:"legacy,omitempty"`
	Office   *regionJSON `json:"office,omitempty"`
	Type     string      `json:"type,omitempty"`
	TypeName string      `json:"type_name,omitempty"`
	Kind     string      `json:"kind,omitempty"`
	Late     *bool       `json:"late,omitempty"`
	Date     string      `json:"date,omitempty"`
	Serial   int         `json:"serial,omitempty"`
}

var aktaReasons = []struct {
	err    error
	reason string
}{
	{akta.ErrSyntax, "syntax"}, {akta.ErrUnknownType, "type"}, {akta.ErrUnknownOffice, "office"},
	{adminduk.ErrInvalidDate, "date"}, {akta.ErrInvalidSerial, "serial"}, {akta.ErrLegacy, "legacy"},
}

func runAktaNumberParse(e *env, args []string) error {
	fs := newFlags(e, "akta number parse")
	parser := numberParserFlags(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per number")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("want at least one register number")
	}
	p, err := parser()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	invalid := false
	for _, s := range pos {
		out := describeAktaNumber(p, s)
		invalid = invalid || out.Status == "invalid"
		if *asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		switch {
		case out.Legacy:
			fmt.Fprintf(e.stdout, "%s\tlegacy\tolder layout, not checked\n", out.Input)
		case !out.Valid:
			fmt.Fprintf(e.stdout, "%s\tinvalid (%s): %s\n", out.Input, out.Reason, out.Error)
		default:
			name := out.Office.Name
			fmt.Fprintf(e.stdout, "%s\tvalid\t%s (%s)\t%s %s serial %04d\toffice %s %s\n",
				out.Input, out.Type, out.TypeName, out.Kind, out.Date, out.Serial, out.Office.Code, name)
		}
	}
	if invalid {
		return errInvalid
	}
	return nil
}

func describeAktaNumber(p akta.Parser, s string) aktaNumberJSON {
	out := aktaNumberJSON{Input: s, Status: "invalid"}
	n, err := p.Parse(s)
	if err != nil {
		out.Error = err.Error()
		for _, r := range aktaReasons {
			if errors.Is(err, r.err) {
				out.Reason = r.reason
			}
		}
		return out
	}
	out.Number = n.String()
	if n.IsLegacy() {
		out.Status, out.Legacy = "legacy", true
		return out
	}
	out.Status, out.Valid = "valid", true
	t, _ := p.Types().Lookup(n.Type())
	late := n.Late()
	out.Office = describeRegion(n.Office())
	out.Type, out.TypeName, out.Kind, out.Late = n.Type(), t.Name, n.Kind().String(), &late
	out.Date, out.Serial = n.Date().String(), n.Serial()
	return out
}

func runAktaRender(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "akta render")
	parser := numberParserFlags(fs) // first: it defines --lenient
	var o renderFlags
	o.add(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	p, err := parser()
	if err != nil {
		return err
	}
	o.lenient = fs.Lookup("lenient").Value.String() == "true"
	ro, err := o.options()
	if err != nil {
		return err
	}
	data, err := o.readInput(e)
	if err != nil {
		return err
	}
	docs, err := splitDocuments(data)
	if err != nil {
		return fmt.Errorf("%s: %w", o.in, err)
	}
	do := akta.DecodeOptions{Numbers: p, Lenient: o.lenient}
	recs := make([]akta.Record, len(docs))
	invalid := false
	for i, d := range docs {
		name := o.in
		if len(docs) > 1 {
			name = fmt.Sprintf("%s:%d", o.in, d.line)
		}
		rec, err := akta.DecodeRecord(d.data, do)
		if err != nil {
			if rerr := reportInvalid(e, name, err); !errors.Is(rerr, errInvalid) {
				return rerr
			}
			invalid = true
			continue
		}
		var issuer string
		switch r := rec.(type) {
		case *akta.Birth:
			issuer = r.Issuer.ID()
		case *akta.Death:
			issuer = r.Issuer.ID()
		}
		if err := o.checkIssuer(issuer); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, w := range rec.Warnings() {
			fmt.Fprintf(e.stderr, "adminduk akta render: %s: warning: %s: %s (%s)\n", name, pointerText(w.Pointer), w.English, w.Indonesian)
		}
		recs[i] = rec
	}
	if invalid {
		return errInvalid
	}
	if len(recs) > 1 && o.png {
		return usagef("%d records: a batch renders to one PDF, not PNG", len(recs))
	}
	if ro.Signer, err = o.signer(); err != nil {
		return err
	}
	err = writeTo(e, o.out, func(w io.Writer) error {
		if o.png {
			return render.WritePNG(w, recs[0], ro)
		}
		return render.WriteBatch(w, recs, ro)
	})
	var re *render.RecordError
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) { // e.g. a name the font cannot print
		name := o.in
		if errors.As(err, &re) && len(docs) > 1 {
			name = fmt.Sprintf("%s:%d", o.in, docs[re.Index].line)
		}
		return reportInvalid(e, name, ve)
	}
	return err
}

// document is one JSON value of akta render's input and the line it
// starts on.
type document struct {
	data []byte
	line int
}

// splitDocuments splits the input into its JSON values: one akta.json, or
// a batch in JSON Lines (one akta.json a line; any sequence of JSON
// objects is accepted). A UTF-8 byte order mark at the start is dropped.
func splitDocuments(data []byte) ([]document, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	dec := json.NewDecoder(bytes.NewReader(data))
	var docs []document
	start := int64(0)
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 1 + bytes.Count(data[:start], []byte{'\n'})
			if len(docs) == 0 {
				return nil, err
			}
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		end := dec.InputOffset()
		off := start + int64(len(data[start:end])-len(bytes.TrimLeft(data[start:end], " \t\r\n")))
		docs = append(docs, document{data: raw, line: 1 + bytes.Count(data[:off], []byte{'\n'})})
		start = end
	}
	if len(docs) == 0 {
		return nil, errors.New("no akta.json in the input")
	}
	return docs, nil
}
