package render

import (
	"fmt"
	"io"
	"strings"
)

// writeDump writes d as text, one operation per line, in millimetres: the
// layout golden files pin this.
func writeDump(w io.Writer, d *doc) error {
	var b strings.Builder
	fmt.Fprintf(&b, "doc %q pages=%d\n", d.title, len(d.pages))
	for i, p := range d.pages {
		fmt.Fprintf(&b, "page %d %.1fx%.1f\n", i+1, p.w/mm, p.h/mm)
		for _, o := range p.ops {
			switch o.kind {
			case opText:
				fmt.Fprintf(&b, "text %s %.1f g%d @%.1f,%.1f w%.1f %q\n", o.font.Name(), o.size, o.gray, o.x/mm, o.y/mm, width(o.font, o.size, o.text)/mm, o.text)
			case opLine:
				fmt.Fprintf(&b, "line %.2f @%.1f,%.1f-%.1f,%.1f\n", o.size, o.x/mm, o.y/mm, o.x2/mm, o.y2/mm)
			case opRect:
				fmt.Fprintf(&b, "rect fill=%v %.2f @%.1f,%.1f %.1fx%.1f\n", o.fill, o.size, o.x/mm, o.y/mm, o.x2/mm, o.y2/mm)
			case opImage:
				fmt.Fprintf(&b, "image %dx%d @%.1f,%.1f %.1fx%.1f\n", o.img.w, o.img.h, o.x/mm, o.y/mm, o.x2/mm, o.y2/mm)
			case opQR:
				fmt.Fprintf(&b, "qr %dx%d @%.1f,%.1f side %.1f\n", len(o.qr), len(o.qr), o.x/mm, o.y/mm, o.x2/mm)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
