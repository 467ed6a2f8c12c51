// Package base45 implements the Base45 encoding of RFC 9285, the text form
// that fits QR alphanumeric mode. There is no padding and no prefix, and the
// alphabet contains a space: never trim encoded text.
package base45

import (
	"errors"
	"strconv"
)

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

// ErrInvalid is returned for text that is not Base45.
var ErrInvalid = errors.New("base45: invalid input")

// DecodeError reports where decoding failed; it unwraps to [ErrInvalid].
type DecodeError struct {
	Offset int    // byte offset of the offending group or character
	Msg    string // what is wrong
}

func (e *DecodeError) Error() string {
	return "base45: at offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// Unwrap returns [ErrInvalid].
func (e *DecodeError) Unwrap() error { return ErrInvalid }

var values = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		v[alphabet[i]] = int8(i)
	}
	return v
}()

// EncodedLen returns the length of the encoding of n bytes.
func EncodedLen(n int) int { return n/2*3 + n%2*2 }

// Encode returns the Base45 encoding of src.
func Encode(src []byte) string {
	return string(AppendEncode(make([]byte, 0, EncodedLen(len(src))), src))
}

// AppendEncode appends the Base45 encoding of src to dst.
func AppendEncode(dst, src []byte) []byte {
	for len(src) >= 2 {
		n := int(src[0])<<8 | int(src[1])
		dst = append(dst, alphabet[n%45], alphabet[n/45%45], alphabet[n/2025])
		src = src[2:]
	}
	if len(src) == 1 {
		n := int(src[0])
		dst = append(dst, alphabet[n%45], alphabet[n/45])
	}
	return dst
}

// Decode returns the bytes that s encodes.
func Decode(s string) ([]byte, error) {
	if len(s)%3 == 1 {
		return nil, &DecodeError{Offset: len(s) - 1, Msg: "a lone trailing character"}
	}
	out := make([]byte, 0, len(s)/3*2+1)
	for i := 0; i < len(s); i += 3 {
		end := min(i+3, len(s))
		n, mul := 0, 1
		for j := i; j < end; j++ {
			v := values[s[j]]
			if v < 0 {
				return nil, &DecodeError{Offset: j, Msg: "character " + strconv.QuoteRune(rune(s[j])) + " is not in the alphabet"}
			}
			n += int(v) * mul
			mul *= 45
		}
		if end-i == 3 {
			if n > 0xffff {
				return nil, &DecodeError{Offset: i, Msg: "group exceeds 65535"}
			}
			out = append(out, byte(n>>8), byte(n))
		} else {
			if n > 0xff {
				return nil, &DecodeError{Offset: i, Msg: "final pair exceeds 255"}
			}
			out = append(out, byte(n))
		}
	}
	return out, nil
}
