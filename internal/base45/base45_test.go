package base45_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/base45"
)

// vectors are the examples of RFC 9285 sections 4.3 and 4.4.
var vectors = []struct{ plain, enc string }{
	{"AB", "BB8"},
	{"Hello!!", "%69 VD92EX0"},
	{"base-45", "UJCLQE7W581"},
	{"ietf!", "QED8WEX0"},
	{"", ""},
	{"\x00", "00"},
	{"\xff\xff", "FGW"}, // the largest group
}

func TestRFC9285Vectors(t *testing.T) {
	for _, v := range vectors {
		t.Run(v.enc, func(t *testing.T) {
			assert.Equal(t, v.enc, base45.Encode([]byte(v.plain)))
			assert.Equal(t, v.enc, string(base45.AppendEncode(nil, []byte(v.plain))))
			got, err := base45.Decode(v.enc)
			require.NoError(t, err)
			assert.Equal(t, v.plain, string(got))
			assert.Len(t, v.enc, base45.EncodedLen(len(v.plain)))
			assert.Equal(t, len(v.plain), base45.DecodedLen(len(v.enc)))
		})
	}
}

func TestAppendEncodeKeepsPrefix(t *testing.T) {
	assert.Equal(t, "x:BB8", string(base45.AppendEncode([]byte("x:"), []byte("AB"))))
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		offset   int
		group    string
	}{
		{"RFC 9285 4.4: GGW is worth 65536+", "GGW", 0, "GGW"},
		{"lone trailing character", "A", 0, "A"},
		{"lone trailing character after a group", "BB8A", 3, "A"},
		{"final pair worth more than 255", "ZZ", 0, "ZZ"},
		{"lower case is not in the alphabet", "bb8", 0, "b"},
		{"newline is not in the alphabet", "BB\n", 2, "\n"},
		{"bad group after a good one", "BB8GGW", 3, "GGW"},
		{"non-ASCII byte", "B\xc3\xa9", 1, "\xc3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := base45.Decode(tt.in)
			assert.Nil(t, got)
			require.ErrorIs(t, err, base45.ErrInvalid)
			var de *base45.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.offset, de.Offset)
			assert.Equal(t, tt.group, de.Group)
		})
	}
}

// decodeSlow is a reference decoder written differently: it searches the
// alphabet for every character and works on the whole input as numbers.
func decodeSlow(s string) ([]byte, bool) {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
	if len(s)%3 == 1 {
		return nil, false
	}
	var out []byte
	for len(s) > 0 {
		k := min(3, len(s))
		n := 0
		for j := k - 1; j >= 0; j-- {
			v := bytes.IndexByte([]byte(alphabet), s[j])
			if v < 0 {
				return nil, false
			}
			n = n*45 + v
		}
		switch {
		case k == 3 && n < 1<<16:
			out = append(out, byte(n/256), byte(n%256))
		case k == 2 && n < 1<<8:
			out = append(out, byte(n))
		default:
			return nil, false
		}
		s = s[k:]
	}
	return out, true
}

func FuzzRoundTrip(f *testing.F) {
	for _, v := range vectors {
		f.Add([]byte(v.plain))
	}
	f.Add([]byte{0xff, 0xff, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		enc := base45.Encode(b)
		require.Len(t, enc, base45.EncodedLen(len(b)))
		dec, err := base45.Decode(enc)
		require.NoError(t, err)
		require.True(t, bytes.Equal(b, dec), "%x -> %q -> %x", b, enc, dec)
	})
}

func FuzzDecode(f *testing.F) {
	for _, v := range vectors {
		f.Add(v.enc)
	}
	f.Add("GGW")
	f.Add("A")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := base45.Decode(s)
		want, ok := decodeSlow(s)
		require.Equal(t, ok, err == nil, "agreement with the reference decoder: %v", err)
		if !ok {
			require.ErrorIs(t, err, base45.ErrInvalid)
			return
		}
		require.True(t, bytes.Equal(want, got), "%q: %x, reference %x", s, got, want)
		require.Equal(t, s, base45.Encode(got), "decoding is injective: re-encoding gives the input")
	})
}

func ExampleEncode() {
	fmt.Printf("%q\n", base45.Encode([]byte("Hello!!")))
	// Output: "%69 VD92EX0"
}

func ExampleDecode() {
	b, err := base45.Decode("QED8WEX0")
	fmt.Printf("%q %v\n", b, err)
	_, err = base45.Decode("GGW")
	fmt.Println(err)
	// Output:
	// "ietf!" <nil>
	// base45: group worth more than 65535 "GGW" at offset 0
}

func BenchmarkEncode(b *testing.B) {
	src := bytes.Repeat([]byte{0x78, 0xda, 0x01}, 100)
	dst := make([]byte, 0, base45.EncodedLen(len(src)))
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		dst = base45.AppendEncode(dst[:0], src)
	}
}

func BenchmarkDecode(b *testing.B) {
	src := bytes.Repeat([]byte{0x78, 0xda, 0x01}, 100)
	s := base45.Encode(src)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := base45.Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}
