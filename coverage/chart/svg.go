package chart

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/coverage"
)

// WriteSVG writes a bar chart of coverage per region against the target
// lines as SVG: one bar per indicator and region, the total last, values
// below their target in red. The same report gives the same bytes.
func WriteSVG(w io.Writer, rep *coverage.Report, o Options) error {
	c, err := layoutChart(rep, o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s">`+"\n",
		num(c.w), num(c.h), num(c.w), num(c.h))
	bw.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	bw.WriteString(`<g font-family="'Go', 'DejaVu Sans', 'Helvetica', 'Arial', sans-serif">` + "\n")
	for _, s := range c.shapes {
		switch s.kind {
		case shapeRect:
			fmt.Fprintf(bw, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(s.x), num(s.y), num(s.w), num(s.h), rgbHex(s.color))
		case shapeVLine, shapeHLine:
			x2, y2, sw := s.x, s.y+s.h, s.w
			if s.kind == shapeHLine {
				x2, y2, sw = s.x+s.w, s.y, s.h
			}
			dash := ""
			if s.dash {
				dash = ` stroke-dasharray="5 3"`
			}
			fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`+"\n",
				num(s.x), num(s.y), num(x2), num(y2), rgbHex(s.color), num(sw), dash)
		case shapeText:
			a := ""
			switch s.anchor {
			case anchorEnd:
				a = ` text-anchor="end"`
			case anchorMiddle:
				a = ` text-anchor="middle"`
			}
			weight := ""
			if s.bold {
				weight = ` font-weight="bold"`
			}
			fmt.Fprintf(bw, `<text x="%s" y="%s" font-size="%s" fill="%s"%s%s>%s</text>`+"\n",
				num(s.x), num(s.y), num(s.size), rgbHex(s.color), a, weight, escapeXML(s.text))
		}
	}
	bw.WriteString("</g>\n</svg>\n")
	return bw.Flush()
}

// num writes a coordinate with at most two decimals.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

func rgbHex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func escapeXML(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
