// Command adminduk is the command-line tool of the adminduk SDK: NIK and KK
// parsing and bulk validation, region-code lookup, Indonesian number words,
// and the document, partnership and coverage tools of the other packages.
//
// Run `adminduk help` for the list of commands. Exit status: 0 success, 1 when
// an input is invalid (or a document does not verify) or an operation fails,
// 2 on a usage error (unknown command or flag, bad flag value, missing
// argument), 70 on an internal error (a bug: please report it), 130 when
// interrupted (Ctrl-C).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// env is what a command may touch: its streams. Commands never use os.Std*
// directly so tests can run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one top-level word of the CLI.
type command struct {
	summary string // one line for `adminduk help`
	run     func(ctx context.Context, e *env, args []string) error
}

// commands is filled by init functions, one file per command family.
var commands = map[string]command{}

func register(name, summary string, run func(context.Context, *env, []string) error) {
	if _, dup := commands[name]; dup {
		panic("adminduk: command registered twice: " + name)
	}
	commands[name] = command{summary, run}
}

// usageError makes run exit with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// errInvalid makes run exit with status 1 without printing anything more:
// the command has already reported what was invalid.
var errInvalid = errors.New("invalid input")

// Exit codes beyond 0, 1 and 2.
const (
	exitInternal    = 70  // EX_SOFTWARE: a panic, i.e. a bug
	exitInterrupted = 130 // 128 + SIGINT
)

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	e := &env{stdin: newCancelReader(ctx, stdin), stdout: stdout, stderr: stderr}
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "adminduk: internal error (a bug; please report it): %s\n%s", terminalSafe(fmt.Sprint(p)), debug.Stack())
			code = exitInternal
		}
	}()
	if len(args) == 0 {
		printHelp(stderr) // a usage error: the help goes where errors go
		return 2
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "adminduk: unknown command %q; run 'adminduk help'\n", args[0])
		return 2
	}
	err := c.run(ctx, e, args[1:])
	var ue usageError
	switch {
	case err != nil && ctx.Err() != nil: // whatever the command made of it
		fmt.Fprintf(stderr, "adminduk %s: interrupted\n", args[0])
		return exitInterrupted
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "adminduk %s: %s\n", args[0], terminalSafe(ue.msg))
		return 2
	case errors.Is(err, errInvalid):
		return 1
	}
	fmt.Fprintf(stderr, "adminduk %s: %s\n", args[0], terminalSafe(err.Error()))
	return 1
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "usage: adminduk <command> [arguments]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}

// newFlags returns a flag set that reports errors to e.stderr instead of
// exiting.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("adminduk "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parseFlags parses args allowing flags after positional arguments
// ("adminduk wilayah 62.08 --json") and returns the positional ones. A lone
// "--" ends flag parsing; a negative number ("-1000") is positional, except
// as the value of a flag that takes one ("--required -5" and "--required=-5"
// both give -5 to --required).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		cut := len(args)
		for i := 0; i < len(args); i++ {
			a := args[i]
			if a == "--" || isNegativeNumber(a) {
				cut = i
				break
			}
			if takesValue(fs, a) {
				i++ // the next argument is its value, whatever it looks like
			}
		}
		if err := fs.Parse(args[:cut]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := append(fs.Args(), args[cut:]...)
		switch {
		case len(rest) == 0:
			return pos, nil
		case rest[0] == "--":
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// takesValue reports whether a is a flag of fs written without "=" that
// takes its value from the next argument.
func takesValue(fs *flag.FlagSet, a string) bool {
	if len(a) < 2 || a[0] != '-' || strings.Contains(a, "=") {
		return false
	}
	name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return false
	}
	return true
}

func isNegativeNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// subcommand splits "nik parse ..." into the verb and its arguments.
func subcommand(args []string, verbs ...string) (string, []string, error) {
	if len(args) == 0 || !slices.Contains(verbs, args[0]) {
		return "", nil, usagef("want one of: %s", strings.Join(verbs, ", "))
	}
	return args[0], args[1:], nil
}

// terminalSafe replaces control characters other than newline and tab,
// invisible format characters (bidi overrides) and invalid UTF-8 in a
// message by '?': messages quote file names and input, which must not drive
// the terminal.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\t') || unicode.Is(unicode.Cf, r) {
			return '?'
		}
		return r
	}, s)
}
