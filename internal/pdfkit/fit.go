package pdfkit

import (
	"math"
	"strings"
)

// FitOptions say how FitText may set a text.
type FitOptions struct {
	Font Font
	// Size is the preferred size in points; the text is never set larger.
	Size float64
	// MinSize is the smallest size FitText tries before it breaks words
	// and, as a last resort, goes smaller still. Zero means Size/2.
	MinSize float64
	// MaxLines caps the number of lines; zero means as many as the box
	// height allows.
	MaxLines int
	// Leading is the distance between baselines as a multiple of the
	// size; zero means 1.15.
	Leading float64
}

// Block is a text set by FitText: its lines at one size.
type Block struct {
	Font  Font
	Size  float64  // points
	Lines []string // at least one unless the text was empty
	// LineHeight is the distance between baselines, in points.
	LineHeight float64
	// Shrunk reports that the text did not fit at Size; Broken that a
	// word had to be broken; Forced that it went below MinSize.
	Shrunk, Broken, Forced bool
}

// Height returns the height the block takes: the line heights of all
// lines, the last one only down to its descent.
func (b Block) Height() float64 {
	if len(b.Lines) == 0 {
		return 0
	}
	return float64(len(b.Lines)-1)*b.LineHeight + Ascent(b.Font, b.Size) + Descent(b.Font, b.Size)
}

// Baseline returns the y of line i's baseline below the top of the block.
func (b Block) Baseline(i int) float64 {
	return Ascent(b.Font, b.Size) + float64(i)*b.LineHeight
}

// Width returns the width of the widest line.
func (b Block) Width() float64 {
	w := 0.0
	for _, l := range b.Lines {
		w = max(w, Width(b.Font, b.Size, l))
	}
	return w
}

// sizeStep is how finely FitText shrinks a text.
const sizeStep = 0.25

// FitText sets s (already cleaned, see Clean) in a box w wide and h high:
// at the largest size from o.Size down to o.MinSize, in steps of a quarter
// point, at which its words wrap into at most o.MaxLines lines that fit the
// box; words are broken only when one alone is wider than the box. When no
// size down to MinSize fits, the words are broken wherever needed and the
// size keeps shrinking until the text fits. The result never overflows the
// box, except for a box too small for any text at all (less than a
// quarter point), where it is set at a quarter point in one line.
func FitText(s string, w, h float64, o FitOptions) Block {
	if o.Leading <= 0 {
		o.Leading = 1.15
	}
	if o.Size <= 0 {
		o.Size = 10
	}
	if o.MinSize <= 0 || o.MinSize > o.Size {
		o.MinSize = o.Size / 2
	}
	words := strings.Fields(s)
	if len(words) == 0 || math.IsNaN(w) || math.IsNaN(h) {
		return Block{Font: o.Font, Size: o.Size, LineHeight: o.Size * o.Leading}
	}
	em := newEmText(o.Font, words)
	fits := func(size float64, lines int) bool {
		lh := size * o.Leading
		height := float64(lines-1)*lh + Ascent(o.Font, size) + Descent(o.Font, size)
		return (o.MaxLines <= 0 || lines <= o.MaxLines) && height <= h+1e-9
	}
	steps := int(math.Floor((o.Size-o.MinSize)/sizeStep + 1e-9))
	for i := 0; i <= steps; i++ {
		size := o.Size - float64(i)*sizeStep
		if n, ok := em.wrap(w/size, false); ok && fits(size, n) {
			return em.block(o, size, w/size, false)
		}
	}
	for size := o.MinSize; size > sizeStep/2; size -= sizeStep {
		if n, ok := em.wrap(w/size, true); ok && fits(size, n) {
			return em.block(o, size, w/size, true)
		}
	}
	return em.block(o, sizeStep, w/sizeStep, true)
}

// emText holds words with their widths at 1 point.
type emText struct {
	font   Font
	words  []string
	widths []float64
	space  float64
}

func newEmText(f Font, words []string) *emText {
	t := &emText{font: f, words: words, widths: make([]float64, len(words)), space: Width(f, 1, " ")}
	for i, w := range words {
		t.widths[i] = Width(f, 1, w)
	}
	return t
}

// wrap counts the lines the words take in width w (at 1 point); ok is
// false when a line is still wider than w: without breaking, a word alone
// is wider; with breaking, a single character is.
func (t *emText) wrap(w float64, breakWords bool) (lines int, ok bool) {
	n := 0
	ok = true
	t.lines(w, breakWords, func(l string) bool {
		n++
		if Width(t.font, 1, l) > w+1e-9 {
			ok = false
		}
		return true
	})
	return n, ok
}

func (t *emText) block(o FitOptions, size, w float64, breakWords bool) Block {
	b := Block{
		Font: o.Font, Size: size, LineHeight: size * o.Leading,
		Shrunk: size < o.Size, Forced: size < o.MinSize,
	}
	t.lines(w, breakWords, func(l string) bool { b.Lines = append(b.Lines, l); return true })
	if breakWords {
		for _, ww := range t.widths {
			b.Broken = b.Broken || ww > w+1e-9
		}
	}
	return b
}

// lines wraps greedily, calling yield with each line.
func (t *emText) lines(w float64, breakWords bool, yield func(string) bool) {
	var cur strings.Builder
	curW := 0.0
	flush := func() bool {
		if cur.Len() == 0 {
			return true
		}
		l := cur.String()
		cur.Reset()
		curW = 0
		return yield(l)
	}
	for i, word := range t.words {
		ww := t.widths[i]
		if cur.Len() > 0 && curW+t.space+ww <= w+1e-9 {
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += t.space + ww
			continue
		}
		if !flush() {
			return
		}
		if ww <= w+1e-9 || !breakWords {
			cur.WriteString(word)
			curW = ww
			continue
		}
		// Break the word: as many runes per line as fit, at least one.
		for _, r := range word {
			rw := Width(t.font, 1, string(r))
			if cur.Len() > 0 && curW+rw > w+1e-9 {
				if !flush() {
					return
				}
			}
			cur.WriteRune(r)
			curW += rw
		}
	}
	flush()
}
