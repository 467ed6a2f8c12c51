package nikfile_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/nikfile"
)

var asOf = adminduk.NewParser(adminduk.Options{AsOf: adminduk.MustDate(2026, 11, 22)})

// collect validates in and returns each Invalid as "line|cause|reason|masked".
func collect(t *testing.T, in string, o nikfile.Options) ([]string, nikfile.Stats) {
	t.Helper()
	o.Parser = asOf
	var got []string
	st, err := nikfile.Validate(context.Background(), strings.NewReader(in), o, func(v nikfile.Invalid) error {
		got = append(got, strings.Join([]string{itoa(v.Line), v.Cause.String(), v.Reason.String(), string(v.AppendMasked(nil))}, "|"))
		return nil
	})
	require.NoError(t, err)
	return got, st
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

func TestValidate(t *testing.T) {
	const ok, bad = "3201014512230001", "3201013102230001"
	for _, tt := range []struct {
		name string
		in   string
		o    nikfile.Options
		want []string
		st   nikfile.Stats
	}{
		{"lines", ok + "\n" + bad + "\r\nfoo\n" + ok, nikfile.Options{}, []string{"02|nik|date|3201********0001", "03|nik|syntax|foo"},
			nikfile.Stats{Checked: 4, Invalid: 2}},
		{"blank lines skipped", "\n" + ok + "\n\r\n\n" + bad + "\n", nikfile.Options{}, []string{"05|nik|date|3201********0001"},
			nikfile.Stats{Checked: 2, Invalid: 1, Blank: 3}},
		{"blank lines skipped with a column", "a,b\n\nx," + ok + "\n\r\n", nikfile.Options{Column: 2, Header: true}, nil,
			nikfile.Stats{Checked: 1, Blank: 2}},
		{"bom skipped", "\uFEFF" + ok + "\n" + ok, nikfile.Options{}, nil, nikfile.Stats{Checked: 2}},
		{"bom then header", "\uFEFFnik\n" + ok, nikfile.Options{Header: true}, nil, nikfile.Stats{Checked: 1}},
		{"control bytes masked", "\x1b[31m" + "0123456789\x00\t\x07\n" + "ab\x1b]0;pwn\x07\n\xff\xfe" + "ok\n",
			nikfile.Options{}, []string{"01|nik|syntax|?[31********...", "02|nik|syntax|ab?]0;pwn?", "03|nik|syntax|??ok"}, nikfile.Stats{Checked: 3, Invalid: 3}},
		{"bidi override masked", "32\u202e01014512230001\n", nikfile.Options{}, []string{"01|nik|syntax|32??********..."}, nikfile.Stats{Checked: 1, Invalid: 1}},
		{"csv doubled quotes", "\"Ani \"\"Bu\"\", S.\"," + bad + "\n\"x\"\"\",\"" + ok + "\"\n", nikfile.Options{Column: 2},
			[]string{"01|nik|date|3201********0001"}, nikfile.Stats{Checked: 2, Invalid: 1}},
		{"csv comma in quotes", "\"a,b\",\"c,d\"," + ok + "\n", nikfile.Options{Column: 3}, nil, nikfile.Stats{Checked: 1}},
		{"csv missing and bad quoting", "a\n\"a,b\n\"a\"x," + ok + "\n", nikfile.Options{Column: 2},
			[]string{"01|missing column|syntax|", "02|bad quoting|syntax|", "03|bad quoting|syntax|"}, nikfile.Stats{Checked: 3, Invalid: 3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, st := collect(t, tt.in, tt.o)
			assert.Equal(t, tt.want, got)
			tt.st.Bytes = st.Bytes
			assert.Equal(t, tt.st, st)
		})
	}
}

func TestValidateReaderKinds(t *testing.T) {
	in := strings.Repeat("3201014512230001\n3201013102230001\n", 100_000) // 3.4 MB, several chunks
	for name, r := range map[string]io.Reader{"one byte at a time": iotest.HalfReader(strings.NewReader(in)), "plain": strings.NewReader(in)} {
		st, err := nikfile.Validate(context.Background(), r, nikfile.Options{Parser: asOf}, nil)
		require.NoError(t, err, name)
		assert.Equal(t, nikfile.Stats{Checked: 200_000, Invalid: 100_000, Bytes: int64(len(in))}, st, name)
	}
	st, err := nikfile.ValidateAt(context.Background(), strings.NewReader(in), int64(len(in)), nikfile.Options{Parser: asOf}, nil)
	require.NoError(t, err)
	assert.EqualValues(t, 200_000, st.Checked)
}

func TestValidateCallbackError(t *testing.T) {
	in := strings.Repeat("x\n", 3<<20)
	stop := errors.New("stop")
	n := 0
	_, err := nikfile.Validate(context.Background(), strings.NewReader(in), nikfile.Options{}, func(nikfile.Invalid) error {
		n++
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)

	_, err = nikfile.Validate(context.Background(), strings.NewReader(in), nikfile.Options{Column: -1}, nil)
	assert.ErrorIs(t, err, nikfile.ErrColumn)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = nikfile.Validate(ctx, strings.NewReader(in), nikfile.Options{}, nil)
	assert.ErrorIs(t, err, context.Canceled)
}

// shrinking is a ReaderAt whose content is cut to cut bytes after the first read.
type shrinking struct {
	data  []byte
	cut   int
	reads int
}

func (s *shrinking) ReadAt(p []byte, off int64) (int, error) {
	if s.reads++; s.reads > 1 {
		s.data = s.data[:min(len(s.data), s.cut)]
	}
	return strings.NewReader(string(s.data)).ReadAt(p, off)
}

func TestValidateAtFileChanged(t *testing.T) {
	data := []byte(strings.Repeat("3201014512230001\n", 200_000)) // 3.4 MB
	r := &shrinking{data: data, cut: 1 << 20}
	_, err := nikfile.ValidateAt(context.Background(), r, int64(len(data)), nikfile.Options{Parser: asOf}, nil)
	var ce *nikfile.ChangedError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, nikfile.ErrFileChanged)
	assert.Equal(t, int64(len(data)), ce.Size)

	// A file that grew.
	_, err = nikfile.ValidateAt(context.Background(), strings.NewReader(string(data)), int64(len(data))-17, nikfile.Options{Parser: asOf}, nil)
	assert.ErrorIs(t, err, nikfile.ErrFileChanged)
}

// TestValidateAtTruncatedFile truncates a real file while it is read. With
// the file memory-mapped, as the CLI did, this died with SIGBUS.
func TestValidateAtTruncatedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "niks.txt")
	data := []byte(strings.Repeat("3201014512230001\n", 400_000)) // 6.8 MB, more than the read-ahead
	require.NoError(t, os.WriteFile(path, data, 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	truncated := false
	_, err = nikfile.ValidateAt(context.Background(), f, int64(len(data)), nikfile.Options{Parser: asOf, Workers: 2, Progress: func(int64) {
		if !truncated {
			truncated = true
			require.NoError(t, os.Truncate(path, 0))
		}
	}}, nil)
	require.True(t, truncated)
	assert.ErrorIs(t, err, nikfile.ErrFileChanged)
}
