package render

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontID names one of the embedded Go fonts.
type fontID uint8

const (
	regular fontID = iota // labels
	bold                  // values and titles
	italic                // English translations
	numFonts
)

var fontNames = [numFonts]string{"GoRegular", "GoBold", "GoItalic"}
var fontData = [numFonts][]byte{goregular.TTF, gobold.TTF, goitalic.TTF}

// fontTTF holds the fonts as embedded: fontData without hinting.
var fontTTF [numFonts][]byte

// metrics are what layout needs of a font: advances of the runes it has,
// in em units, and its ascent and descent.
type metrics struct {
	sfnt     *sfnt.Font
	adv      map[rune]float64 // advance in em
	asc, dsc float64          // in em, descent positive
}

var (
	fontOnce sync.Once
	fonts    [numFonts]*metrics
	fontErr  error
)

// loadFonts parses the Go fonts once and tabulates the advances of every
// rune they map, so that measuring text costs a map lookup per rune.
func loadFonts() error {
	fontOnce.Do(func() {
		for i, orig := range fontData {
			data, err := reduceFont(orig)
			if err != nil {
				fontErr = err
				return
			}
			fontTTF[i] = data
			f, err := sfnt.Parse(data)
			if err != nil {
				fontErr = err
				return
			}
			var buf sfnt.Buffer
			upem := fixed.Int26_6(f.UnitsPerEm())
			m := &metrics{sfnt: f, adv: make(map[rune]float64, 700)}
			for r := rune(0x20); r < 0x2100; r++ {
				g, err := f.GlyphIndex(&buf, r)
				if err != nil || g == 0 {
					continue
				}
				a, err := f.GlyphAdvance(&buf, g, upem, font.HintingNone)
				if err != nil {
					continue
				}
				m.adv[r] = float64(a) / float64(upem)
			}
			fm, err := f.Metrics(&buf, upem, font.HintingNone)
			if err != nil {
				fontErr = err
				return
			}
			m.asc, m.dsc = float64(fm.Ascent)/float64(upem), float64(fm.Descent)/float64(upem)
			fonts[i] = m
		}
	})
	return fontErr
}

// width returns the advance width of s at size points. s must have been
// cleaned by printable.
func width(f fontID, size float64, s string) float64 {
	m := fonts[f]
	w := 0.0
	for _, r := range s {
		w += m.adv[r]
	}
	return w * size
}

// printable makes s safe to draw with every font: control characters
// become spaces, runes the Go fonts lack become '?', runs of spaces one.
func printable(s string) string {
	s = nfc(s)
	ok := true
	for _, r := range s {
		if _, has := fonts[regular].adv[r]; !has || r == '?' {
			ok = false
			break
		}
	}
	if ok && !hasDoubleSpace(s) {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || r == 0xa0 || r == '\u2028' || r == '\u2029':
			r = ' '
		default:
			for _, m := range fonts {
				if _, has := m.adv[r]; !has {
					r = '?'
					break
				}
			}
		}
		if r == ' ' && len(out) > 0 && out[len(out)-1] == ' ' {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func hasDoubleSpace(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == ' ' && s[i-1] == ' ' {
			return true
		}
	}
	return false
}
