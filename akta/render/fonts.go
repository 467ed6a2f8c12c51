package render

import "github.com/adminduk-id/adminduk/internal/pdfkit"

// The fonts of the documents: three of pdfkit's Go fonts, embedded reduced
// to their Latin glyphs and without hinting (pdfkit.Latin), which halves
// what each document compresses.
const (
	regular = pdfkit.Regular // labels
	bold    = pdfkit.Bold    // values and titles
	italic  = pdfkit.Italic  // English translations
)

// docFonts are the fonts in the order a PDF registers them.
var docFonts = []pdfkit.Font{regular, bold, italic}

// subset is how the documents embed their fonts.
const subset = pdfkit.Latin

// width returns the advance width of s at size points, as gopdf writes it
// and viewers place the glyphs. s must have been cleaned by printable.
func width(f pdfkit.Font, size float64, s string) float64 { return pdfkit.Width(f, size, s) }

// printable makes s safe to draw with every font: NFC, control characters
// as spaces, runs of spaces as one, the ends trimmed, and runes the fonts
// (as embedded) lack as '?'.
func printable(s string) string { return subset.Clean(nfc(s), docFonts...) }

// canPrint reports whether every font of the documents, as embedded, has
// a glyph for r (control characters print as spaces).
func canPrint(r rune) bool {
	if r < 0x20 || r == 0x7f {
		return true
	}
	for _, f := range docFonts {
		if !subset.Has(f, r) {
			return false
		}
	}
	return true
}
