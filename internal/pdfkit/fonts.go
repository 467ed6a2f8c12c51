package pdfkit

import (
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomedium"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font is one of the Go fonts.
type Font uint8

// The fonts, in the order Register adds them.
const (
	Regular  Font = iota // Go Regular: labels and running text
	Medium               // Go Medium: secondary headings
	Bold                 // Go Bold: values and titles
	Italic               // Go Italic: notes and translations
	Mono                 // Go Mono: numbers in fixed columns
	MonoBold             // Go Mono Bold: identity numbers
	numFonts
)

var fontInfo = [numFonts]struct {
	name string
	ttf  []byte
}{
	{"GoRegular", goregular.TTF},
	{"GoMedium", gomedium.TTF},
	{"GoBold", gobold.TTF},
	{"GoItalic", goitalic.TTF},
	{"GoMono", gomono.TTF},
	{"GoMonoBold", gomonobold.TTF},
}

// Name returns the family name the font has in a gopdf document, for
// gopdf.GoPdf.SetFont.
func (f Font) Name() string {
	if f >= numFonts {
		return fmt.Sprintf("Font(%d)", f)
	}
	return fontInfo[f].name
}

// String returns the font's name.
func (f Font) String() string { return f.Name() }

// TTF returns the TrueType data of the font. The slice is shared: do not
// modify it.
func (f Font) TTF() []byte {
	if f >= numFonts {
		return nil
	}
	return fontInfo[f].ttf
}

// ErrFont is returned for a Font value that names no font.
var ErrFont = errors.New("pdfkit: unknown font")

// metrics holds what layout needs of a font, in em.
type metrics struct {
	sfnt      *sfnt.Font
	latin     [0x250]int32   // advances of U+0000-U+024F in 1/1000 em, -1 where missing
	other     map[rune]int32 // advances of the other runes the font maps
	ascent    float64
	descent   float64 // positive
	capHeight float64
}

var (
	loadOnce  sync.Once
	loaded    [numFonts]*metrics
	container *gopdf.FontContainer
	loadErr   error
)

// load parses the fonts once per process: for measuring (sfnt) and for
// gopdf (a container every document copies its fonts from).
func load() error {
	loadOnce.Do(func() {
		c := &gopdf.FontContainer{}
		for i := range numFonts {
			m, err := parseMetrics(fontInfo[i].ttf)
			if err != nil {
				loadErr = fmt.Errorf("pdfkit: font %s: %w", fontInfo[i].name, err)
				return
			}
			loaded[i] = m
			opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
			if err := c.AddTTFFontDataWithOption(fontInfo[i].name, fontInfo[i].ttf, opt); err != nil {
				loadErr = fmt.Errorf("pdfkit: font %s: %w", fontInfo[i].name, err)
				return
			}
		}
		container = c
	})
	return loadErr
}

func parseMetrics(ttf []byte) (*metrics, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := float64(f.UnitsPerEm())
	// With ppem equal to the units per em, advances come back in font
	// units (as 26.6 raw values), unrounded.
	ppem := fixed.Int26_6(f.UnitsPerEm())
	m := &metrics{sfnt: f, other: map[rune]int32{}}
	adv := func(r rune) int32 {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return -1
		}
		a, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err != nil {
			return -1
		}
		// gopdf writes widths in thousandths of an em, rounded down;
		// viewers place glyphs by them, so measure with the same values.
		return int32(math.Floor(float64(a) * 1000 / upem))
	}
	for r := range rune(len(m.latin)) {
		m.latin[r] = adv(r)
	}
	for r := rune(len(m.latin)); r < 0x3000; r++ {
		if a := adv(r); a >= 0 {
			m.other[r] = a
		}
	}
	fm, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	m.ascent = float64(fm.Ascent) / upem
	m.descent = float64(fm.Descent) / upem
	m.capHeight = float64(fm.CapHeight) / upem
	return m, nil
}

// advance returns the advance of r in thousandths of an em and whether
// the font has r.
func (m *metrics) advance(r rune) (int32, bool) {
	if r >= 0 && int(r) < len(m.latin) {
		a := m.latin[r]
		return a, a >= 0
	}
	a, ok := m.other[r]
	return a, ok
}

func fontMetrics(f Font) *metrics {
	if f >= numFonts || load() != nil {
		return nil
	}
	return loaded[f]
}

// Register adds fonts to a gopdf document that has been started, in the
// order given, skipping repeats. Every font is parsed once per process;
// documents take their own subsets.
func Register(pdf *gopdf.GoPdf, fonts ...Font) error {
	if err := load(); err != nil {
		return err
	}
	return register(pdf, container, fonts)
}

// register adds fonts from c, in the order given, skipping repeats.
func register(pdf *gopdf.GoPdf, c *gopdf.FontContainer, fonts []Font) error {
	var done [numFonts]bool
	for _, f := range fonts {
		if f >= numFonts {
			return fmt.Errorf("%w: %d", ErrFont, f)
		}
		if done[f] {
			continue
		}
		done[f] = true
		if err := pdf.AddTTFFontFromFontContainer(fontInfo[f].name, c); err != nil {
			return fmt.Errorf("pdfkit: font %s: %w", fontInfo[f].name, err)
		}
	}
	return nil
}
