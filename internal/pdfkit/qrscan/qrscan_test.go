package qrscan

import (
	"image"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/internal/pdfkit/qrenc"
)

const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

// draw renders a code with px pixels a module on white, at an offset, in
// a larger image: like a card or a page.
func draw(c *qrenc.Code, px int) image.Image {
	bm := c.Bitmap(4)
	n := len(bm) * px
	img := image.NewGray(image.Rect(0, 0, n+300, n+200))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := range n {
		for x := range n {
			if bm[y/px][x/px] {
				img.SetGray(x+250, y+100, color.Gray{})
			}
		}
	}
	return img
}

// TestDecodeCredentialSizes decodes random Base45-like texts of credential
// size (versions 12 to 17 at level Q) drawn with 3 and 4 pixels a module,
// where a single gozxing call fails now and then.
func TestDecodeCredentialSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 40 {
		var b strings.Builder
		for range 300 + rng.IntN(170) {
			b.WriteByte(alnum[rng.IntN(len(alnum))])
		}
		text := b.String()
		c, err := qrenc.Encode(text, qrenc.Q)
		require.NoError(t, err)
		for _, px := range []int{3, 4} {
			got, err := Decode(draw(c, px))
			require.NoError(t, err, "case %d, version %d, %d px", i, c.Version, px)
			assert.Equal(t, text, got)
		}
	}
}

func TestDecodeNothing(t *testing.T) {
	_, err := Decode(image.NewGray(image.Rect(0, 0, 200, 200)))
	assert.ErrorIs(t, err, ErrNotFound)
	assert.Equal(t, "qrscan: no QR code found", err.Error(), "no gozxing internals")
	assert.NotContains(t, err.Error(), "Exception")
	_, err = Decode(nil)
	assert.ErrorIs(t, err, ErrNotFound)
}
