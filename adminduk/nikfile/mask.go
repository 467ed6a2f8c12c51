package nikfile

import (
	"unicode"
	"unicode/utf8"
)

// appendSafe appends s with every tab, control or non-printing character and
// every byte of invalid UTF-8 replaced by '?'.
func appendSafe(b, s []byte) []byte {
	for len(s) > 0 {
		if c := s[0]; c >= 0x20 && c < 0x7f {
			b = append(b, c)
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRune(s)
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			b = append(b, '?')
		} else {
			b = append(b, s[:n]...)
		}
		s = s[n:]
	}
	return b
}
