package pdfkit

// PointsPerMM is the number of PDF points in a millimetre.
const PointsPerMM = 72 / 25.4

// MM converts millimetres to points.
func MM(mm float64) float64 { return mm * PointsPerMM }

// Size is the width and height of a page or a card, in points.
type Size struct{ W, H float64 }

// Page and card sizes.
var (
	// ID1 is the ISO/IEC 7810 ID-1 card: 85.60 x 53.98 mm, landscape.
	ID1 = Size{W: MM(85.60), H: MM(53.98)}
	// A4 is the ISO 216 A4 sheet, portrait.
	A4 = Size{W: MM(210), H: MM(297)}
)

// Rect is a rectangle in points: its top-left corner and its size.
type Rect struct{ X, Y, W, H float64 }

// Right returns the x of the rectangle's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y of the rectangle's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Contains reports whether o lies within r, allowing eps points of rounding.
func (r Rect) Contains(o Rect, eps float64) bool {
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.Right() <= r.Right()+eps && o.Bottom() <= r.Bottom()+eps
}
