// Package base45 implements the Base45 encoding of RFC 9285: the text form
// of binary data that fits the alphanumeric mode of a QR code.
//
// # Format
//
// Every two bytes become three characters, a final single byte becomes two;
// there is no padding and no prefix. The alphabet is the 45 characters of
// the QR alphanumeric mode, "0-9A-Z $%*+-./:", so it contains a space:
// never trim encoded text.
//
// # Errors
//
// [Decode] fails with a [*DecodeError] that carries the offset of the
// offending group or character and unwraps to [ErrInvalid]. Every string
// that decodes is the encoding of exactly one byte string.
package base45

import (
	"errors"
	"strconv"
)

// alphabet is the Base45 alphabet of RFC 9285 section 4, in value order.
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

// ErrInvalid is the sentinel of every decoding error: the text is not Base45.
var ErrInvalid = errors.New("base45: invalid input")

// DecodeError reports where and why decoding failed; it unwraps to
// [ErrInvalid].
type DecodeError struct {
	Offset int    // byte offset of the offending character or group in the input
	Group  string // the offending character or group, as in the input
	Reason string // what is wrong with it
}

// Error returns a lower-case message that quotes the offending input.
func (e *DecodeError) Error() string {
	return "base45: " + e.Reason + " " + strconv.Quote(e.Group) + " at offset " + strconv.Itoa(e.Offset)
}

// Unwrap returns [ErrInvalid].
func (e *DecodeError) Unwrap() error { return ErrInvalid }

// values maps a byte to its Base45 value, or -1.
var values = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := range len(alphabet) {
		v[alphabet[i]] = int8(i)
	}
	return v
}()

// EncodedLen returns the length of the encoding of n bytes.
func EncodedLen(n int) int { return n/2*3 + n%2*2 }

// DecodedLen returns the length of the bytes that n characters of valid
// Base45 decode to.
func DecodedLen(n int) int { return n/3*2 + n%3/2 }

// Encode returns the Base45 encoding of src.
func Encode(src []byte) string {
	return string(AppendEncode(make([]byte, 0, EncodedLen(len(src))), src))
}

// AppendEncode appends the Base45 encoding of src to dst and returns the
// extended buffer.
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

// Decode returns the bytes that s encodes. It fails with a [*DecodeError]
// for a character outside the alphabet, a group of three characters worth
// more than 65535, a final pair worth more than 255, or a lone trailing
// character.
func Decode(s string) ([]byte, error) {
	if len(s)%3 == 1 {
		return nil, &DecodeError{Offset: len(s) - 1, Group: s[len(s)-1:], Reason: "lone trailing character"}
	}
	out := make([]byte, 0, DecodedLen(len(s)))
	for i := 0; i < len(s); i += 3 {
		end := min(i+3, len(s))
		n, mul := 0, 1
		for j := i; j < end; j++ {
			v := values[s[j]]
			if v < 0 {
				return nil, &DecodeError{Offset: j, Group: s[j : j+1], Reason: "character outside the alphabet"}
			}
			n += int(v) * mul
			mul *= 45
		}
		if end-i == 3 {
			if n > 0xffff {
				return nil, &DecodeError{Offset: i, Group: s[i:end], Reason: "group worth more than 65535"}
			}
			out = append(out, byte(n>>8), byte(n))
			continue
		}
		if n > 0xff {
			return nil, &DecodeError{Offset: i, Group: s[i:end], Reason: "final pair worth more than 255"}
		}
		out = append(out, byte(n))
	}
	return out, nil
}
