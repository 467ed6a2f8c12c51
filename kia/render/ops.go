package render

import (
	"image/color"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
)

// Palette of the card.
var (
	navy      = color.RGBA{0x0d, 0x3b, 0x66, 0xff} // header band, section titles
	navyLight = color.RGBA{0x1f, 0x5a, 0x8f, 0xff}
	gold      = color.RGBA{0xc9, 0xa2, 0x27, 0xff}
	goldPale  = color.RGBA{0xf2, 0xd7, 0x7a, 0xff}
	ink       = color.RGBA{0x14, 0x18, 0x1f, 0xff} // values
	labelGrey = color.RGBA{0x3c, 0x4a, 0x5a, 0xff} // labels
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	photoRed  = color.RGBA{0xc6, 0x28, 0x28, 0xff} // photo background, odd birth years
	photoBlue = color.RGBA{0x15, 0x65, 0xc0, 0xff} // photo background, even birth years
)

type opKind uint8

const (
	opText   opKind = iota
	opFill          // filled rectangle
	opStroke        // rectangle outline
	opPhoto         // the child's photo
	opQR            // the signed QR code
)

// op is one drawing operation of a card side, in points from the side's
// top-left corner.
type op struct {
	kind opKind
	name string // what it shows, for layout dumps: "value.name", "label.nik"
	// Text: font and size; x and y are the start of the baseline; r is the
	// box the text had to fit; w its measured width.
	font pdfkit.Font
	size float64
	text string
	x, y float64
	w    float64
	r    pdfkit.Rect // text: its box; shapes, photo and QR: where they go
	col  color.RGBA
	lw   float64 // line width of opStroke
	qr   [][]bool
	img  *photo
	// qrPNG is the QR code as the PDF embeds it, made ahead of drawing
	// by Prepare (nil: made when drawn).
	qrPNG []byte
}

// side is one face of a card: the static art behind it and the operations
// on top.
type side struct {
	bg  *background
	ops []op
}

func (s *side) fill(name string, r pdfkit.Rect, c color.RGBA) {
	s.ops = append(s.ops, op{kind: opFill, name: name, r: r, col: c})
}

func (s *side) stroke(name string, r pdfkit.Rect, width float64, c color.RGBA) {
	s.ops = append(s.ops, op{kind: opStroke, name: name, r: r, col: c, lw: width})
}

// align is how a text sits in its box.
type align uint8

const (
	left align = iota
	center
	right
)

// textStyle is a font, preferred and minimum size, and colour.
type textStyle struct {
	font      pdfkit.Font
	size, min float64
	col       color.RGBA
	lines     int // most lines; 1 for one line
}

// text sets s in box r: shrunk, then wrapped up to st.lines lines, never
// overflowing (pdfkit.FitText), aligned horizontally and centred
// vertically on the box (one line sits on its cap height).
func (s *side) text(name string, r pdfkit.Rect, st textStyle, a align, str string) {
	s.place(name, r, st, a, -1, str)
}

// textOn is text with the first line on the baseline y, as far as the box
// allows: labels, colons and values of a row share it.
func (s *side) textOn(name string, r pdfkit.Rect, st textStyle, a align, baseline float64, str string) {
	s.place(name, r, st, a, baseline, str)
}

func (s *side) place(name string, r pdfkit.Rect, st textStyle, a align, baseline float64, str string) {
	str = pdfkit.Clean(str, st.font)
	if str == "" {
		return
	}
	b := pdfkit.FitText(str, r.W, r.H, pdfkit.FitOptions{Font: st.font, Size: st.size, MinSize: st.min, MaxLines: max(st.lines, 1), Leading: 1.12})
	asc := pdfkit.Ascent(st.font, b.Size)
	var top float64
	switch {
	case baseline >= 0:
		top = baseline - asc
	case len(b.Lines) == 1:
		// Centre the capitals: what the eye takes as the line.
		capH := pdfkit.CapHeight(st.font, b.Size)
		top = r.Y + (r.H-capH)/2 - (asc - capH)
	default:
		top = r.Y + (r.H-b.Height())/2
	}
	// Never out of the box, descenders included.
	top = max(min(top, r.Bottom()-b.Height()), r.Y)
	for i, l := range b.Lines {
		w := pdfkit.Width(st.font, b.Size, l)
		x := r.X
		switch a {
		case center:
			x += (r.W - w) / 2
		case right:
			x += r.W - w
		}
		s.ops = append(s.ops, op{kind: opText, name: name, font: st.font, size: b.Size, text: l,
			x: x, y: top + b.Baseline(i), w: w, r: r, col: st.col})
	}
}
