package pdfkit

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The reduced fonts keep every Latin glyph with the advance of the whole
// font, so that Width measures both the same, and nothing else.
func TestReduceFontAgrees(t *testing.T) {
	for _, f := range []Font{Regular, Bold, Italic, Mono} {
		data, err := reduceFont(f.TTF(), latinRanges)
		require.NoError(t, err, f.Name())
		assert.Less(t, len(data), len(f.TTF())/2, "%s: reduced to less than half", f)
		full, err := sfnt.Parse(f.TTF())
		require.NoError(t, err)
		red, err := sfnt.Parse(data)
		require.NoError(t, err)
		var b1, b2 sfnt.Buffer
		ppem := fixed.Int26_6(full.UnitsPerEm())
		for r := rune(0); r < 0x2200; r++ {
			g1, _ := full.GlyphIndex(&b1, r)
			g2, _ := red.GlyphIndex(&b2, r)
			if !inRanges(latinRanges, r) || g1 == 0 {
				assert.Zero(t, g2, "%s: %U kept", f, r)
				continue
			}
			require.NotZero(t, g2, "%s: %U lost", f, r)
			a1, err := full.GlyphAdvance(&b1, g1, ppem, font.HintingNone)
			require.NoError(t, err)
			a2, err := red.GlyphAdvance(&b2, g2, ppem, font.HintingNone)
			require.NoError(t, err)
			assert.Equal(t, a1, a2, "%s: advance of %U", f, r)
		}
	}
	_, err := reduceFont([]byte("not a font"), latinRanges)
	assert.Error(t, err)
}

func TestSubset(t *testing.T) {
	assert.True(t, Latin.Has(Regular, 'é'))
	assert.False(t, Latin.Has(Regular, 'Ж'), "Cyrillic is not Latin")
	assert.True(t, AllGlyphs.Has(Regular, 'Ж'), "but the Go fonts have it")
	assert.False(t, Latin.Has(Regular, '日'))
	assert.Equal(t, "?ÉLAN", Latin.Clean("ЖÉLAN", Regular, Bold))
	assert.Equal(t, "ЖÉLAN", AllGlyphs.Clean("ЖÉLAN", Regular, Bold))
	assert.Equal(t, "A B", Latin.Clean("  A \n B ", Regular))
	assert.Equal(t, "Latin", Latin.String())
	assert.Equal(t, "Subset(7)", Subset(7).String())
	assert.False(t, Subset(7).IsValid())
	assert.Error(t, RegisterSubset(NewPDF(A4, DocInfo{}), Subset(7), Regular))
}

// A document with the Latin fonts is smaller than with the whole ones, the
// same every time, and measures text as gopdf does.
func TestRegisterLatin(t *testing.T) {
	write := func(s Subset) []byte {
		pdf := NewPDF(A4, DocInfo{Title: "t"})
		require.NoError(t, RegisterSubset(pdf, s, Regular, Bold))
		pdf.AddPage()
		for _, f := range []Font{Regular, Bold} {
			require.NoError(t, pdf.SetFont(f.Name(), "", 10))
			text := s.Clean("SITI NÚR AMINAH – Ñoño çà ß", f)
			want, err := pdf.MeasureTextWidth(text)
			require.NoError(t, err)
			assert.InDelta(t, want, Width(f, 10, text), 1e-9, "%s %s", s, f)
			pdf.SetXY(20, 40)
			require.NoError(t, pdf.Text(text))
		}
		var b bytes.Buffer
		_, err := pdf.WriteTo(&b)
		require.NoError(t, err)
		return b.Bytes()
	}
	latin, all := write(Latin), write(AllGlyphs)
	assert.Equal(t, latin, write(Latin), "deterministic")
	assert.Less(t, len(latin), len(all))
}

// QRAtLeast keeps whole modules of at least the given size where QR gives
// up: the code outgrows its square, centred on it.
func TestQRAtLeast(t *testing.T) {
	bm := [][]bool{{true, false, true}, {false, true, false}, {true, false, true}}
	r := NewRaster(Size{W: 72, H: 72}, 72) // one pixel a point
	assert.ErrorIs(t, r.QR(bm, 30, 30, 2), ErrQR, "2 px for 3 modules")
	require.NoError(t, r.QRAtLeast(bm, 30, 30, 2, 2))
	// 6x6 pixels centred on the 2x2 square at 30,30: from 28 to 34.
	dark := func(x, y int) bool { c := r.Img.RGBAAt(x, y); return c.R == 0 }
	assert.True(t, dark(28, 28))
	assert.True(t, dark(29, 29))
	assert.False(t, dark(30, 28))
	assert.True(t, dark(30, 30))
	assert.True(t, dark(33, 33))
	assert.False(t, dark(34, 34))
	assert.False(t, dark(27, 27))
	assert.ErrorIs(t, r.QRAtLeast(nil, 0, 0, 10, 2), ErrQR)
}
