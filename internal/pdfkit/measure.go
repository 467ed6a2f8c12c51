package pdfkit

import (
	"strings"
	"unicode/utf8"
)

// Width returns the advance width of s set in f at size points, without
// kerning (gopdf does not kern unless asked). Runes the font lacks count
// as '?', which is what gopdf draws for them.
func Width(f Font, size float64, s string) float64 {
	m := fontMetrics(f)
	if m == nil {
		return 0
	}
	q, _ := m.advance('?')
	w := int64(0)
	for _, r := range s {
		a, ok := m.advance(r)
		if !ok {
			a = q
		}
		w += int64(a)
	}
	return float64(w) * size / 1000
}

// Ascent returns how far the font rises above the baseline at size points.
func Ascent(f Font, size float64) float64 {
	if m := fontMetrics(f); m != nil {
		return m.ascent * size
	}
	return 0
}

// Descent returns how far the font falls below the baseline at size
// points, as a positive length.
func Descent(f Font, size float64) float64 {
	if m := fontMetrics(f); m != nil {
		return m.descent * size
	}
	return 0
}

// CapHeight returns the height of the font's capital letters at size
// points: what to centre upper-case text on.
func CapHeight(f Font, size float64) float64 {
	if m := fontMetrics(f); m != nil {
		return m.capHeight * size
	}
	return 0
}

// Has reports whether f has a glyph for r.
func Has(f Font, r rune) bool {
	m := fontMetrics(f)
	if m == nil {
		return false
	}
	_, ok := m.advance(r)
	return ok
}

// Clean makes s safe to draw in every font listed: invalid UTF-8 and runes
// some font lacks become '?', control characters and line or paragraph
// separators become spaces, runs of spaces become one, and the ends are
// trimmed. It returns s itself when nothing changes.
func Clean(s string, fonts ...Font) string {
	return clean(s, func(r rune) bool { return hasAll(fonts, r) })
}

// clean is Clean with has telling which runes print.
func clean(s string, has func(rune) bool) string {
	ok := true
	prevSpace := true
	for _, r := range s {
		if isSpace(r) && (r != ' ' || prevSpace) || r == utf8.RuneError || !has(r) {
			ok = false
			break
		}
		prevSpace = r == ' '
	}
	if ok && !strings.HasSuffix(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isSpace(r):
			space = b.Len() > 0
			continue
		case r == utf8.RuneError || !has(r):
			r = '?'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasAll(fonts []Font, r rune) bool {
	for _, f := range fonts {
		if !Has(f, r) {
			return false
		}
	}
	return true
}

// isSpace reports whether Clean turns r into a space.
func isSpace(r rune) bool {
	return r <= 0x20 || r == 0x7f || r == 0xa0 || r == 0x2028 || r == 0x2029
}
