package base45_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/adminduk-id/adminduk/internal/base45"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test vectors of RFC 9285 sections 4.3 and 4.4.
func TestRFC9285Vectors(t *testing.T) {
	for plain, enc := range map[string]string{
		"AB":      "BB8",
		"Hello!!": "%69 VD92EX0",
		"base-45": "UJCLQE7W581",
		"ietf!":   "QED8WEX0",
		"":        "",
	} {
		assert.Equal(t, enc, base45.Encode([]byte(plain)), plain)
		got, err := base45.Decode(enc)
		require.NoError(t, err, enc)
		assert.Equal(t, plain, string(got), enc)
	}
}

func TestDecodeErrors(t *testing.T) {
	for in, off := range map[string]int{
		"GGW":  0, // 65535 < 16*1 + 16*45 + 32*45*45 : RFC 9285 section 4.4
		"A":    0, // lone trailing character
		"BB8A": 3,
		"ZZ":   0, // 35 + 35*45 > 255
		"bb8":  0, // lower case is not in the alphabet
		"BB\n": 2, // neither is a newline
	} {
		_, err := base45.Decode(in)
		require.ErrorIs(t, err, base45.ErrInvalid, in)
		var de *base45.DecodeError
		require.ErrorAs(t, err, &de, in)
		assert.Equal(t, off, de.Offset, in)
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("Hello!!"))
	f.Add([]byte{0xff, 0xff, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		enc := base45.Encode(b)
		require.Len(t, enc, base45.EncodedLen(len(b)))
		dec, err := base45.Decode(enc)
		require.NoError(t, err)
		require.True(t, bytes.Equal(b, dec))
	})
}

func FuzzDecode(f *testing.F) {
	f.Add("%69 VD92EX0")
	f.Add("GGW")
	f.Fuzz(func(t *testing.T, s string) {
		b, err := base45.Decode(s)
		if err == nil {
			require.Equal(t, s, base45.Encode(b), "decoding is injective: re-encoding gives the input")
		}
	})
}

func ExampleEncode() {
	fmt.Printf("%q\n", base45.Encode([]byte("Hello!!")))
	// Output: "%69 VD92EX0"
}

func BenchmarkEncode(b *testing.B) {
	src := bytes.Repeat([]byte{0x78, 0xda, 0x01}, 100)
	b.ReportAllocs()
	for b.Loop() {
		base45.Encode(src)
	}
}

func BenchmarkDecode(b *testing.B) {
	s := base45.Encode(bytes.Repeat([]byte{0x78, 0xda, 0x01}, 100))
	b.ReportAllocs()
	for b.Loop() {
		base45.Decode(s)
	}
}
