package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/signintech/gopdf"

	"github.com/adminduk-id/adminduk/internal/ordered"
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/kia"
)

// fonts are the fonts the card uses, registered in this order.
var fonts = []pdfkit.Font{pdfkit.Regular, pdfkit.Bold, pdfkit.MonoBold}

// compactCards is the largest batch whose page contents are compressed
// by default.
const compactCards = 100

// cardsPerSheet is the number of cards on an A4 sheet: two columns of five.
const (
	sheetCols     = 2
	sheetRows     = 5
	cardsPerSheet = sheetCols * sheetRows
)

// Batch writes cards into one PDF: each card is validated, signed, laid
// out and drawn as it is added. gopdf keeps a document in memory until it
// writes it (about 32 KB a card), so a batch is drawn in parts of
// partCards cards, each written out and joined into one PDF as it is
// done (pdfkit.Joiner): memory stays flat whatever the number of cards.
// A batch of one part is written by Close as gopdf makes it.
type Batch struct {
	w       io.Writer
	o       Options
	size    pdfkit.Size
	info    pdfkit.DocInfo
	pdf     *gopdf.GoPdf
	inPart  int // cards in the current part
	join    *pdfkit.Joiner
	n       int
	pending []*card // A4: cards of the sheet being filled
	err     error
	qrID    int
}

// partCards is the number of cards of a part: a multiple of the cards of
// an A4 sheet. A variable for tests.
var partCards = 500

// NewBatch starts a PDF of cards written to w on Close.
func NewBatch(w io.Writer, o Options) (*Batch, error) {
	size := pdfkit.ID1
	if o.Layout == A4Layout {
		size = pdfkit.A4
	} else if o.Layout != CardLayout {
		return nil, fmt.Errorf("render: unknown layout %v", o.Layout)
	}
	title := o.Title
	if title == "" {
		title = "Kartu Identitas Anak"
	}
	b := &Batch{w: w, o: o, size: size, info: pdfkit.DocInfo{Title: title, Created: o.Created}}
	if err := b.newPart(); err != nil {
		return nil, err
	}
	return b, nil
}

// newPart starts the gopdf document of the next part.
func (b *Batch) newPart() error {
	b.pdf = pdfkit.NewPDF(b.size, b.info)
	b.inPart = 0
	return pdfkit.Register(b.pdf, fonts...)
}

// endPart writes the current part into the joined output.
func (b *Batch) endPart() error {
	if b.join == nil {
		b.join = pdfkit.NewJoiner(b.w, b.size, b.info)
	}
	var buf bytes.Buffer
	if err := b.writePart(&buf); err != nil {
		return err
	}
	if err := b.join.Add(buf.Bytes()); err != nil {
		return err
	}
	return b.newPart()
}

// writePart writes the current gopdf document.
func (b *Batch) writePart(w io.Writer) error {
	// gopdf compresses each page's content with a new compressor of about
	// 1 MB: for a large batch that doubles the time. Past compactCards
	// cards, page contents are left uncompressed (about 11 KB a card
	// instead of 6) unless Compress is set. Images and fonts are
	// compressed either way.
	if b.n > compactCards && !b.o.Compress {
		b.pdf.SetNoCompression()
	}
	_, err := b.pdf.WriteTo(w)
	return err
}

// Add validates, signs and draws one card. An invalid card is an error
// wrapped in a *CardError; the batch goes on with the next.
func (b *Batch) Add(c *kia.Card) error { return b.add(c, "") }

// AddSigned draws a card with a credential signed elsewhere (the text of
// its QR code), for issuers that sign in a separate service.
func (b *Batch) AddSigned(c *kia.Card, payload string) error {
	if payload == "" {
		return &CardError{Index: b.n, Err: fmt.Errorf("render: empty payload")}
	}
	return b.add(c, payload)
}

func (b *Batch) add(c *kia.Card, payload string) error {
	if b.err != nil {
		return b.err
	}
	k, err := prepare(c, b.o, payload)
	if err != nil {
		err = &CardError{Index: b.n, Err: err}
		b.n++
		return err
	}
	return b.addCard(k)
}

// AddPrepared draws a card made by Prepare or PrepareSigned (with the
// batch's options): the same bytes as Add of that card, the work of
// preparing it done elsewhere, on another goroutine for instance.
func (b *Batch) AddPrepared(p *Prepared) error {
	if b.err != nil {
		return b.err
	}
	if p == nil || p.k == nil {
		err := &CardError{Index: b.n, Err: fmt.Errorf("render: nil prepared card")}
		b.n++
		return err
	}
	return b.addCard(p.k)
}

func (b *Batch) addCard(k *card) error {
	b.n++
	b.inPart++
	if b.o.Layout == A4Layout {
		b.pending = append(b.pending, k)
		if len(b.pending) == cardsPerSheet {
			b.err = b.flushSheet()
		}
	} else {
		for _, s := range []*side{k.front, k.back} {
			b.pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: cardW, H: cardH}})
			if err := b.draw(s, 0, 0); err != nil {
				b.err = err
				return err
			}
		}
	}
	if b.err == nil && b.inPart == partCards {
		b.err = b.endPart()
	}
	return b.err
}

// flushSheet draws the pending cards on a page of fronts and a page of
// backs, mirrored so that duplex printing (long-edge flip) aligns them.
func (b *Batch) flushSheet() error {
	if len(b.pending) == 0 {
		return nil
	}
	x0 := (pdfkit.A4.W - sheetCols*cardW) / 2
	y0 := (pdfkit.A4.H - sheetRows*cardH) / 2
	rows := (len(b.pending) + sheetCols - 1) / sheetCols
	for pass := range 2 {
		b.pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: pdfkit.A4.W, H: pdfkit.A4.H}})
		for i, k := range b.pending {
			col, row := i%sheetCols, i/sheetCols
			s := k.front
			if pass == 1 {
				col, s = sheetCols-1-col, k.back
			}
			if err := b.draw(s, x0+float64(col)*cardW, y0+float64(row)*cardH); err != nil {
				return err
			}
		}
		pdfkit.GridMarks(b.pdf, x0, y0, sheetCols, rows, cardW, cardH, pdfkit.MarkStyle{})
	}
	b.pending = b.pending[:0]
	return nil
}

// Close finishes the document and writes it. A batch without a card is an
// error: a PDF needs a page.
func (b *Batch) Close() error {
	if b.err != nil {
		return b.err
	}
	if b.o.Layout == A4Layout {
		if err := b.flushSheet(); err != nil {
			return err
		}
	}
	b.err = fmt.Errorf("render: batch closed")
	if b.join != nil {
		if b.pdf.GetNumberOfPages() > 0 {
			if err := b.endPart(); err != nil {
				return err
			}
		}
		return b.join.Close()
	}
	if b.pdf.GetNumberOfPages() == 0 {
		return fmt.Errorf("render: no card to write")
	}
	bw := bufio.NewWriterSize(b.w, 256<<10)
	if err := b.writePart(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// holder is a gopdf image with an identifier of our choosing: gopdf
// otherwise hashes the bytes of every image it is given to find repeats.
type holder struct {
	id string
	*bytes.Reader
}

func (h holder) ID() string { return h.id }

// draw draws one side with its top-left corner at ox, oy.
func (b *Batch) draw(s *side, ox, oy float64) error {
	pdf := b.pdf
	if err := pdf.ImageByHolder(holder{"art-" + s.bg.name, bytes.NewReader(s.bg.jpeg)}, ox, oy, &gopdf.Rect{W: cardW, H: cardH}); err != nil {
		return err
	}
	curFont, curSize := pdfkit.Font(255), 0.0
	var curCol [3]uint8
	colSet := false
	for i := range s.ops {
		o := &s.ops[i]
		switch o.kind {
		case opText:
			if o.font != curFont || o.size != curSize {
				if err := pdf.SetFont(o.font.Name(), "", o.size); err != nil {
					return err
				}
				curFont, curSize = o.font, o.size
			}
			if c := [3]uint8{o.col.R, o.col.G, o.col.B}; !colSet || c != curCol {
				pdf.SetTextColor(c[0], c[1], c[2])
				curCol, colSet = c, true
			}
			pdf.SetXY(ox+o.x, oy+o.y)
			if err := pdf.Text(o.text); err != nil {
				return err
			}
		case opFill:
			pdf.SetFillColor(o.col.R, o.col.G, o.col.B)
			pdf.RectFromUpperLeftWithStyle(ox+o.r.X, oy+o.r.Y, o.r.W, o.r.H, "F")
		case opStroke:
			pdf.SetLineWidth(o.lw)
			pdf.SetStrokeColor(o.col.R, o.col.G, o.col.B)
			pdf.RectFromUpperLeftWithStyle(ox+o.r.X, oy+o.r.Y, o.r.W, o.r.H, "D")
		case opPhoto:
			b.qrID++
			h := holder{"photo-" + strconv.Itoa(b.qrID), bytes.NewReader(o.img.jpeg)}
			// The whole image, scaled so that its shown part fills the
			// box, clipped to the box.
			p := o.img
			s := o.r.W / p.crop.W
			err := pdf.ImageByHolderWithOptions(h, gopdf.ImageOptions{
				X: ox + o.r.X, Y: oy + o.r.Y,
				Rect: &gopdf.Rect{W: float64(p.w) * s, H: float64(p.h) * s},
				Crop: &gopdf.CropOptions{X: p.crop.X * s, Y: p.crop.Y * s, Width: o.r.W, Height: o.r.H},
			})
			if err != nil {
				return err
			}
		case opQR:
			data := o.qrPNG
			if data == nil {
				var err error
				if data, err = pdfkit.QRPNG(o.qr, pdfkit.QRScale); err != nil {
					return err
				}
			}
			b.qrID++
			h := holder{"qr-" + strconv.Itoa(b.qrID), bytes.NewReader(data)}
			// On the page's module grid, so that rasterising keeps every
			// module whole.
			x, y := pdfkit.SnapQR(ox+o.r.X), pdfkit.SnapQR(oy+o.r.Y)
			if err := pdf.ImageByHolder(h, x, y, &gopdf.Rect{W: o.r.W, H: o.r.H}); err != nil {
				return err
			}
		}
	}
	return nil
}

// WritePDF writes cards into one PDF: see Batch. It stops at the first
// card that fails. Cards are prepared (checked, signed, encoded, laid
// out) on o.Workers goroutines and drawn in order: the bytes are those of
// adding them one by one.
func WritePDF(w io.Writer, cards []*kia.Card, o Options) error {
	b, err := NewBatch(w, o)
	if err != nil {
		return err
	}
	i := 0
	next := func() (*kia.Card, bool) {
		if i == len(cards) {
			return nil, false
		}
		i++
		return cards[i-1], true
	}
	type result struct {
		p   *Prepared
		err error
	}
	ordered.Map(o.Workers, next, func(c *kia.Card) result {
		p, err := Prepare(c, o)
		return result{p, err}
	}, func(r result) bool {
		if r.err != nil {
			err = &CardError{Index: b.n, Err: r.err}
			return false
		}
		err = b.AddPrepared(r.p)
		return err == nil
	})
	if err != nil {
		return err
	}
	return b.Close()
}
