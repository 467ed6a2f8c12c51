package pdfkit

import "github.com/signintech/gopdf"

// MarkStyle is how crop marks are drawn.
type MarkStyle struct {
	Length float64 // length of each mark; zero means 5 mm
	Gap    float64 // distance from the cut corner to the mark; zero means 2 mm
	Width  float64 // line width; zero means 0.25 pt
}

func (s MarkStyle) defaults() MarkStyle {
	if s.Length <= 0 {
		s.Length = MM(5)
	}
	if s.Gap <= 0 {
		s.Gap = MM(2)
	}
	if s.Width <= 0 {
		s.Width = 0.25
	}
	return s
}

// CropMarks draws the eight marks of one rectangle to be cut out: at each
// corner, a horizontal and a vertical line outside r, on the extensions
// of its edges, in black (registration colour on a one-colour print).
func CropMarks(pdf *gopdf.GoPdf, r Rect, s MarkStyle) {
	GridMarks(pdf, r.X, r.Y, 1, 1, r.W, r.H, s)
}

// GridMarks draws crop marks for cols x rows cells of w x h points laid
// edge to edge from x, y: on every cut line, a mark in the margin at each
// end, so the sheet can be cut with a guillotine without marks falling on
// a card.
func GridMarks(pdf *gopdf.GoPdf, x, y float64, cols, rows int, w, h float64, s MarkStyle) {
	if cols < 1 || rows < 1 {
		return
	}
	s = s.defaults()
	pdf.SetLineWidth(s.Width)
	pdf.SetStrokeColor(0, 0, 0)
	right, bottom := x+float64(cols)*w, y+float64(rows)*h
	for i := 0; i <= cols; i++ {
		cx := x + float64(i)*w
		pdf.Line(cx, y-s.Gap, cx, y-s.Gap-s.Length)
		pdf.Line(cx, bottom+s.Gap, cx, bottom+s.Gap+s.Length)
	}
	for j := 0; j <= rows; j++ {
		cy := y + float64(j)*h
		pdf.Line(x-s.Gap, cy, x-s.Gap-s.Length, cy)
		pdf.Line(right+s.Gap, cy, right+s.Gap+s.Length, cy)
	}
}
