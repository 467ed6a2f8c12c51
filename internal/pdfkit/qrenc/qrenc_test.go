package qrenc

import (
	"image"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/skip2/go-qrcode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decode reads c back with gozxing, an independent decoder.
func decode(t testing.TB, c *Code) string {
	t.Helper()
	bm := c.Bitmap(4)
	const scale = 3
	n := len(bm) * scale
	img := image.NewGray(image.Rect(0, 0, n, n))
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			v := uint8(255)
			if bm[y/scale][x/scale] {
				v = 0
			}
			img.SetGray(x, y, color.Gray{v})
		}
	}
	src := gozxing.NewLuminanceSourceFromImage(img)
	bin, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(src))
	require.NoError(t, err)
	res, err := zqr.NewQRCodeReader().Decode(bin, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	require.NoError(t, err, "version %d mask %d", c.Version, c.Mask)
	return res.GetText()
}

// capacity returns the most characters of mode m that fit version v at l.
func capacity(m mode, v int, l Level) int {
	bits := numDataCodewords(v, l)*8 - 4 - countBits(m, v)
	n := 0
	for dataBits(m, n+1) <= bits {
		n++
	}
	return n
}

func TestEveryVersionAndLevelDecodes(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: 160 symbols")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for l := L; l <= H; l++ {
		for v := 1; v <= 40; v++ {
			n := capacity(alphanumeric, v, l)
			var b strings.Builder
			for range n {
				b.WriteByte(alnum[r.IntN(len(alnum))])
			}
			c, err := Encode(b.String(), l)
			require.NoError(t, err)
			require.Equal(t, v, c.Version, "level %d: %d characters fill version %d", l, n, v)
			assert.Equal(t, b.String(), decode(t, c), "level %d version %d", l, v)
		}
	}
}

func TestModes(t *testing.T) {
	for _, s := range []string{"", "0", "0123456789012", "HELLO WORLD $%*+-./:", "hello, wörld", strings.Repeat("AB", 300), strings.Repeat("7", 1000)} {
		c, err := Encode(s, Q)
		require.NoError(t, err)
		if s != "" {
			assert.Equal(t, s, decode(t, c))
		}
	}
	_, err := Encode(strings.Repeat("x", 3000), L)
	assert.ErrorIs(t, err, ErrTooLong)
}

// The version chosen is the one go-qrcode chooses for the same text and
// level, for alphanumeric text of every length up to a version-20 code.
func TestVersionAgreesWithGoQRCode(t *testing.T) {
	for n := 1; n <= 600; n += 7 {
		s := strings.Repeat("6BF*TS0BI$ZD4N9:9S6RC", 30)[:n]
		c, err := Encode(s, Q)
		require.NoError(t, err)
		q, err := qrcode.New(s, qrcode.High)
		require.NoError(t, err)
		assert.Equal(t, q.VersionNumber, c.Version, "%d characters", n)
	}
}

func FuzzEncode(f *testing.F) {
	f.Add("HELLO", uint8(2))
	f.Add("6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEMWK", uint8(3))
	f.Fuzz(func(t *testing.T, s string, l uint8) {
		if len(s) == 0 || len(s) > 400 {
			return
		}
		c, err := Encode(s, Level(l%4))
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, c); got != s && modeOf(s) != bytes {
			t.Fatalf("decoded %q, want %q", got, s)
		}
	})
}

func BenchmarkEncodeCredential(b *testing.B) {
	s := strings.Repeat("6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEMWK", 7)[:320]
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Encode(s, Q); err != nil {
			b.Fatal(err)
		}
	}
}
