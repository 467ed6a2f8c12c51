package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk/nikfile"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// maxWarnings caps the per-line notes on stderr (missing CSV columns).
const maxWarnings = 10

func runNIKValidate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "nik validate")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: adminduk nik validate [flags] FILE|-\n\n"+
			"Checks one NIK per line (or one CSV column) and prints `line<TAB>masked input<TAB>reason`\n"+
			"for each invalid line. A UTF-8 byte order mark is skipped; blank lines are skipped and\n"+
			"counted as skipped, with or without --column.\n\nflags:")
		fs.PrintDefaults()
	}
	parser := parserFlags(fs, true)
	column := fs.Int("column", 0, "read the NIK from CSV column `N` (1-based, RFC 4180 quoting) instead of the whole line")
	header := fs.Bool("header", false, "skip the first line")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one FILE, or - for standard input")
	}
	if *column < 0 {
		return usagef("--column %d: must not be negative (1 or more selects a column)", *column)
	}
	p, err := parser()
	if err != nil {
		return err
	}
	o := nikfile.Options{Parser: p, Column: *column, Header: *header}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	var line []byte
	warnings := 0
	report := func(v nikfile.Invalid) error {
		if v.Cause == nikfile.CauseMissingColumn || v.Cause == nikfile.CauseBadQuoting {
			if warnings++; warnings <= maxWarnings {
				fmt.Fprintf(e.stderr, "adminduk nik validate: line %d: %s %d\n", v.Line, v.Cause, *column)
			} else if warnings == maxWarnings+1 {
				fmt.Fprintln(e.stderr, "adminduk nik validate: more lines with problems; see the output")
			}
		}
		line = strconv.AppendInt(line[:0], int64(v.Line), 10)
		line = append(line, '\t')
		line = v.AppendMasked(line)
		line = append(line, '\t')
		line = append(line, v.Reason.String()...)
		line = append(line, '\n')
		_, err := out.Write(line)
		return err
	}

	var st nikfile.Stats
	if pos[0] == "-" {
		st, err = nikfile.Validate(ctx, e.stdin, o, report)
	} else {
		f, oerr := os.Open(pos[0])
		if oerr != nil {
			return oerr
		}
		defer f.Close()
		fi, serr := f.Stat()
		if serr != nil {
			return serr
		}
		if fi.Mode().IsRegular() {
			bar := progressFor(e, fi.Size())
			if bar != nil {
				o.Progress = func(done int64) { bar.Set64(done) }
				defer bar.Finish()
			}
			st, err = nikfile.ValidateAt(ctx, f, fi.Size(), o, report)
		} else {
			// A pipe or device may block: make its reads cancellable.
			st, err = nikfile.Validate(ctx, newCancelReader(ctx, f), o, report)
		}
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	summary := fmt.Sprintf("%d checked, %d invalid", st.Checked, st.Invalid)
	if st.Blank > 0 {
		summary += fmt.Sprintf(", %d blank skipped", st.Blank)
	}
	fmt.Fprintln(e.stderr, summary)
	if st.Invalid > 0 {
		return errInvalid
	}
	return nil
}

// progressFor returns a byte progress bar on stderr when stderr is a terminal
// and the input size is known, else nil.
func progressFor(e *env, size int64) *progressbar.ProgressBar {
	f, ok := e.stderr.(*os.File)
	if !ok || size <= 0 || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions64(size, progressbar.OptionSetWriter(f), progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription("validating"), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
}

// input is an opened FILE argument: a stream and, for a regular file, its
// size (-1 otherwise).
type input struct {
	r     io.Reader
	size  int64
	close func()
}

// openInput opens a file argument or "-" for standard input.
func openInput(e *env, name string) (*input, error) {
	if name == "-" {
		return &input{r: e.stdin, size: -1, close: func() {}}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	in := &input{r: f, size: -1, close: func() { f.Close() }}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		in.size = st.Size()
	}
	return in, nil
}
