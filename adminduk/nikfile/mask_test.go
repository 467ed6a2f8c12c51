package nikfile

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzAppendMasked: whatever the input, the output is valid UTF-8 without
// control, tab or format characters, hides the middle of 16 or more bytes,
// and shows printable ASCII input shorter than 16 bytes as it is.
func FuzzAppendMasked(f *testing.F) {
	for _, s := range []string{"3201014512230001", "foo", "\x1b[31m", "320101451223\x00\t\x1b1", "32\u202e01014512230001", "\xff\xfe", "３２０１"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out := Invalid{Input: in}.AppendMasked(nil)
		if !utf8.Valid(out) {
			t.Fatalf("%q -> %q: invalid UTF-8", in, out)
		}
		for _, r := range string(out) {
			if r == '\t' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !unicode.IsPrint(r) {
				t.Fatalf("%q -> %q: unsafe rune %U", in, out, r)
			}
		}
		if len(in) >= 16 {
			head := appendSafe(nil, in[:4])
			tail := []byte("...")
			if len(in) == 16 {
				tail = appendSafe(nil, in[12:])
			}
			if !bytes.Equal(out, append(append(head, "********"...), tail...)) {
				t.Fatalf("%q -> %q: middle not hidden", in, out)
			}
			return
		}
		printable := true
		for _, c := range in {
			printable = printable && c >= 0x20 && c < 0x7f
		}
		if printable && !bytes.Equal(out, in) {
			t.Fatalf("%q -> %q: printable input changed", in, out)
		}
	})
}
