package render

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"

	"github.com/adminduk-id/adminduk/kia"
)

// Dump writes the layout of a card as text, one drawing operation a line,
// positions in points from the top-left corner of each side: what golden
// tests pin and what a reviewer reads to see that nothing overflows. Text
// lines show their box and measured width; the QR code its version and
// the SHA-256 of the payload.
func Dump(w io.Writer, c *kia.Card, o Options) error {
	k, err := prepare(c, o, o.Credential)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "card %.2fx%.2f pt\n", cardW, cardH)
	for _, s := range []struct {
		name string
		s    *side
	}{{"front", k.front}, {"back", k.back}} {
		fmt.Fprintf(bw, "%s art=%s\n", s.name, s.s.bg.name)
		for _, o := range s.s.ops {
			switch o.kind {
			case opText:
				fmt.Fprintf(bw, "  text %-18s %-10s %5.2f at %6.2f,%6.2f w=%6.2f box=[%6.2f %6.2f %6.2f %6.2f] %q\n",
					o.name, o.font, o.size, o.x, o.y, o.w, o.r.X, o.r.Y, o.r.W, o.r.H, o.text)
			case opFill, opStroke:
				kind := "fill"
				if o.kind == opStroke {
					kind = "stroke"
				}
				fmt.Fprintf(bw, "  %-6s %-18s [%6.2f %6.2f %6.2f %6.2f] #%02x%02x%02x\n", kind, o.name, o.r.X, o.r.Y, o.r.W, o.r.H, o.col.R, o.col.G, o.col.B)
			case opPhoto:
				p := o.img
				fmt.Fprintf(bw, "  photo  [%6.2f %6.2f %6.2f %6.2f] %dx%d px JPEG, shown [%.1f %.1f %.1f %.1f]\n",
					o.r.X, o.r.Y, o.r.W, o.r.H, p.w, p.h, p.crop.X, p.crop.Y, p.crop.W, p.crop.H)
			case opQR:
				fmt.Fprintf(bw, "  qr     [%6.2f %6.2f %6.2f %6.2f] version %d, %d modules with quiet zone (%.1f mm), payload %d chars sha256 %x\n",
					o.r.X, o.r.Y, o.r.W, o.r.H, k.qr.Version, len(o.qr), o.r.W*25.4/72, len(k.payload), sha256.Sum256([]byte(k.payload)))
			}
		}
	}
	return bw.Flush()
}
