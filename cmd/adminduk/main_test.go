package main

import (
	"context"
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFlagsNegativeValues(t *testing.T) {
	for _, tt := range []struct {
		args []string
		n    int
		b    bool
		pos  []string
	}{
		{[]string{"--n", "-5"}, -5, false, nil},
		{[]string{"--n=-5"}, -5, false, nil},
		{[]string{"-n", "-5", "x"}, -5, false, []string{"x"}},
		{[]string{"x", "--n", "-5", "-7"}, -5, false, []string{"x", "-7"}},
		{[]string{"--b", "-5"}, 0, true, []string{"-5"}},
		{[]string{"-1000"}, 0, false, []string{"-1000"}},
		{[]string{"--", "--n", "-5"}, 0, false, []string{"--n", "-5"}},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		n, b := fs.Int("n", 0, ""), fs.Bool("b", false, "")
		pos, err := parseFlags(fs, tt.args)
		require.NoError(t, err, "%v", tt.args)
		assert.Equal(t, tt.n, *n, "%v", tt.args)
		assert.Equal(t, tt.b, *b, "%v", tt.args)
		assert.Equal(t, tt.pos, pos, "%v", tt.args)
	}
}

func TestNegativeFlagValueReachesValidation(t *testing.T) {
	for _, args := range [][]string{{"--column", "-5"}, {"--column=-5"}} {
		code, _, errOut := runCLI(t, "", append(append([]string{"nik", "validate"}, args...), "-")...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Contains(t, errOut, "must not be negative", "%v", args)
		assert.NotContains(t, errOut, "needs an argument", "%v", args)
	}
}

func TestPanicIsInternalError(t *testing.T) {
	commands["test-panic"] = command{"panics", func(context.Context, *env, []string) error { panic("boom") }}
	defer delete(commands, "test-panic")
	code, _, errOut := runCLI(t, "", "test-panic")
	assert.Equal(t, exitInternal, code)
	assert.Contains(t, errOut, "internal error (a bug; please report it): boom")
}

// TestInterruptWhileReadingStdin cancels a command blocked on standard input
// that never delivers: it used to wait for ever.
func TestInterruptWhileReadingStdin(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut strings.Builder
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"nik", "validate", "-"}, pr, &out, &errOut) }()
	time.Sleep(100 * time.Millisecond) // let it block in a read (not an assertion: any moment works)
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, exitInterrupted, code)
		assert.Contains(t, errOut.String(), "interrupted")
	case <-time.After(30 * time.Second):
		t.Fatal("nik validate - did not return after cancellation")
	}
}

func TestCancelReaderPassesData(t *testing.T) {
	in := strings.Repeat("0123456789", 100_000)
	b, err := io.ReadAll(newCancelReader(context.Background(), strings.NewReader(in)))
	require.NoError(t, err)
	assert.Equal(t, in, string(b))
}

func TestExitCodes(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"nik", "parse", "--as-of", "2026-02-30", "3201014512230001"}, 2}, // bad flag value
		{[]string{"nik", "parse", "--as-of", "0001-01-01", "3201014512230001"}, 2}, // out of range
		{[]string{"nik", "validate", "--column", "-1", "-"}, 2},
		{[]string{"nik", "validate", "--column", "x", "-"}, 2},
		{[]string{"terbilang", "--lang", "fr", "1"}, 2},
		{[]string{"nik", "parse", "3201013102230001"}, 1}, // invalid input
		{[]string{"terbilang", "abc"}, 1},
		{[]string{"wilayah", "99.99"}, 1},
		{[]string{"wilayah", "--children", "1101012001"}, 1},
	} {
		code, out, errOut := runCLI(t, "", tt.args...)
		assert.Equal(t, tt.code, code, "%v", tt.args)
		assert.NotEmpty(t, errOut+out, "%v", tt.args)
		if tt.code == 2 {
			assert.Empty(t, out, "%v: usage errors go to stderr", tt.args)
		}
	}
}

func TestErrorMessagesAreTerminalSafe(t *testing.T) {
	code, _, errOut := runCLI(t, "", "nik", "validate", "/nonexistent/\x1b]0;pwned\x07\u202e.txt")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "?]0;pwned??.txt")
	assert.NotContains(t, errOut, "\x1b")
}
