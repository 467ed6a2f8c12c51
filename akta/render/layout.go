package render

import (
	"strings"
	"sync"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
)

// Documents are laid out once as a list of drawing operations in points
// (1/72 inch, origin top left), then written as PDF, PNG or a text dump.
// One layout for every output keeps them identical.

const mm = 72 / 25.4 // points per millimetre

// Page sizes in points.
const (
	a4Short = 210 * mm
	a4Long  = 297 * mm
)

type opKind uint8

const (
	opText  opKind = iota + 1 // text at (x, y) = left end of the baseline
	opLine                    // line from (x, y) to (x2, y2)
	opRect                    // rectangle at (x, y), size (x2, y2)
	opQR                      // QR modules in a square at (x, y) of side x2
	opImage                   // emblem image at (x, y), size (x2, y2)
)

type op struct {
	kind   opKind
	font   pdfkit.Font
	size   float64 // text: font size; line, rect: stroke width
	gray   uint8   // colour: 0 black ... 255 white
	fill   bool    // rect: filled rather than stroked
	x, y   float64
	x2, y2 float64
	text   string
	qr     [][]bool
	img    *emblem
	png    []byte // opQR: the QR as a PNG for the PDF, when prepared
}

type page struct {
	w, h float64
	ops  []op
}

type doc struct {
	title string // PDF title: the document kind and number, no personal data
	pages []*page
}

func (d *doc) newPage(w, h float64) *page {
	p := &page{w: w, h: h, ops: make([]op, 0, 128)}
	d.pages = append(d.pages, p)
	return p
}

// text draws s with its baseline starting at (x, y).
func (p *page) text(f pdfkit.Font, size float64, gray uint8, x, y float64, s string) {
	s = printable(s)
	if strings.TrimSpace(s) == "" {
		return
	}
	p.ops = append(p.ops, op{kind: opText, font: f, size: size, gray: gray, x: x, y: y, text: s})
}

// center draws s centred on cx.
func (p *page) center(f pdfkit.Font, size float64, gray uint8, cx, y float64, s string) {
	s = printable(s)
	p.text(f, size, gray, cx-width(f, size, s)/2, y, s)
}

// right draws s ending at rx.
func (p *page) right(f pdfkit.Font, size float64, gray uint8, rx, y float64, s string) {
	s = printable(s)
	p.text(f, size, gray, rx-width(f, size, s), y, s)
}

func (p *page) line(w float64, x1, y1, x2, y2 float64) {
	p.ops = append(p.ops, op{kind: opLine, size: w, x: x1, y: y1, x2: x2, y2: y2})
}

func (p *page) rect(w float64, x, y, rw, rh float64) {
	p.ops = append(p.ops, op{kind: opRect, size: w, x: x, y: y, x2: rw, y2: rh})
}

func (p *page) fillRect(gray uint8, x, y, rw, rh float64) {
	p.ops = append(p.ops, op{kind: opRect, fill: true, gray: gray, x: x, y: y, x2: rw, y2: rh})
}

func (p *page) image(e *emblem, x, y, w, h float64) {
	p.ops = append(p.ops, op{kind: opImage, x: x, y: y, x2: w, y2: h, img: e})
}

func (p *page) qrCode(m [][]bool, x, y, side float64) {
	p.ops = append(p.ops, op{kind: opQR, x: x, y: y, x2: side, qr: m})
}

// fit returns s at the largest size from max down to min (in steps of 0.5)
// at which it fits in w on one line; failing that, s at min wrapped on word
// boundaries into lines of at most w (a word longer than w is cut).
func fit(f pdfkit.Font, max, min, w float64, s string) (float64, []string) {
	s = printable(s)
	for size := max; size >= min; size -= 0.5 {
		if width(f, size, s) <= w {
			return size, []string{s}
		}
	}
	return min, wrap(f, min, w, s)
}

// fitLine returns the size, from max down, at which s fits in w on one
// line: for slots with room for one line only, where wrapping would lose
// the rest. Below min it keeps shrinking (a 100-character name still fits
// a 60 mm slot at about 3.5 points) rather than cut the text.
func fitLine(f pdfkit.Font, max, min, w float64, s string) (float64, string) {
	s = printable(s)
	size, _ := fit(f, max, min, w, s)
	if width(f, size, s) > w {
		size = w / width(f, 1, s)
	}
	return size, s
}

// wrapConst is wrap for the fixed texts of the documents (notes,
// footnotes), remembered after the first time.
func wrapConst(f pdfkit.Font, size, w float64, s string) []string {
	k := wrapKey{f, size, w, s}
	if v, ok := wrapCache.Load(k); ok {
		return v.([]string)
	}
	lines := wrap(f, size, w, s)
	wrapCache.Store(k, lines)
	return lines
}

type wrapKey struct {
	f       pdfkit.Font
	size, w float64
	s       string
}

var wrapCache sync.Map // wrapKey -> []string

// wrap breaks s into lines no wider than w.
func wrap(f pdfkit.Font, size, w float64, s string) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		for width(f, size, word) > w { // cut an overlong word
			cut := cutAt(f, size, w, word)
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
		}
		switch {
		case line == "":
			line = word
		case width(f, size, line+" "+word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// cutAt returns the byte length of the longest prefix of s (at least one
// rune) no wider than w.
func cutAt(f pdfkit.Font, size, w float64, s string) int {
	acc, end := 0.0, 0
	for i, r := range s {
		acc += width(f, size, string(r))
		if acc > w && i > 0 {
			return i
		}
		end = i + len(string(r))
	}
	return end
}
