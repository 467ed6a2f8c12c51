package render

import (
	"bufio"
	"compress/zlib"
	"fmt"
	"io"

	"github.com/signintech/gopdf"

	"github.com/adminduk-id/adminduk/internal/pdfkit"
)

// writePDF writes d with gopdf. The output depends only on d: no clock,
// no random identifiers. The page content is left uncompressed unless
// compress: compressing it costs more than a tenth of the time.
func writePDF(w io.Writer, d *doc, compress bool) error {
	pdf := &gopdf.GoPdf{}
	first := d.pages[0]
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: first.w, H: first.h}, Unit: gopdf.UnitPT})
	pdf.SetCompressLevel(zlib.NoCompression)
	if compress {
		pdf.SetCompressLevel(zlib.BestSpeed)
	}
	pdf.SetInfo(gopdf.PdfInfo{Title: d.title, Creator: "adminduk", Producer: "adminduk (gopdf)"})
	var used []pdfkit.Font
	for _, f := range docFonts {
	pages:
		for _, p := range d.pages {
			for i := range p.ops {
				if p.ops[i].kind == opText && p.ops[i].font == f {
					used = append(used, f)
					break pages
				}
			}
		}
	}
	if err := pdfkit.RegisterSubset(pdf, subset, used...); err != nil {
		return err
	}
	for _, p := range d.pages {
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		if err := drawPDF(pdf, p); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := pdf.WriteTo(bw); err != nil {
		return err
	}
	return bw.Flush()
}

func drawPDF(pdf *gopdf.GoPdf, p *page) error {
	curFont, curSize, curGray := pdfkit.Font(255), 0.0, -1
	for i := range p.ops {
		o := &p.ops[i]
		switch o.kind {
		case opText:
			if o.font != curFont || o.size != curSize {
				if err := pdf.SetFont(o.font.Name(), "", o.size); err != nil {
					return err
				}
				curFont, curSize = o.font, o.size
			}
			if int(o.gray) != curGray {
				pdf.SetTextColor(o.gray, o.gray, o.gray)
				curGray = int(o.gray)
			}
			pdf.SetXY(o.x, o.y)
			if err := pdf.Text(o.text); err != nil {
				return err
			}
		case opLine:
			pdf.SetLineWidth(o.size)
			pdf.SetStrokeColor(o.gray, o.gray, o.gray)
			pdf.Line(o.x, o.y, o.x2, o.y2)
		case opRect:
			if o.fill {
				pdf.SetFillColor(o.gray, o.gray, o.gray)
				pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "F")
			} else {
				pdf.SetLineWidth(o.size)
				pdf.SetStrokeColor(o.gray, o.gray, o.gray)
				pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.x2, o.y2, "D")
			}
		case opQR:
			if err := drawQRPDF(pdf, o); err != nil {
				return err
			}
		case opImage:
			h, err := gopdf.ImageHolderByBytes(o.img.data)
			if err != nil {
				return fmt.Errorf("%w: %w", ErrEmblem, err)
			}
			if err := pdf.ImageByHolder(h, o.x, o.y, &gopdf.Rect{W: o.x2, H: o.y2}); err != nil {
				return fmt.Errorf("%w: %w", ErrEmblem, err)
			}
		}
	}
	return nil
}

// qrScale is the number of image pixels per QR module. Viewers smooth an
// image they enlarge (poppler below four times), which blurs a
// one-pixel-per-module QR on screen; at four pixels a module is half a
// byte of a 1-bit image, sharp enough on screen and in print.
const qrScale = 4

// drawQRPDF places the QR as a 1-bit image (pdfkit.QRPNG), far cheaper
// than a rectangle per run of dark modules.
func drawQRPDF(pdf *gopdf.GoPdf, o *op) error {
	data := o.png
	if data == nil {
		var err error
		if data, err = pdfkit.QRPNG(o.qr, qrScale); err != nil {
			return err
		}
	}
	h, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return err
	}
	return pdf.ImageByHolder(h, o.x, o.y, &gopdf.Rect{W: o.x2, H: o.x2})
}

// prepPDF encodes the QR images of d ahead of writePDF, so that a batch
// does this part on its workers rather than in the sequential write.
func prepPDF(d *doc) error {
	for _, p := range d.pages {
		for i := range p.ops {
			if o := &p.ops[i]; o.kind == opQR && o.png == nil {
				data, err := pdfkit.QRPNG(o.qr, qrScale)
				if err != nil {
					return err
				}
				o.png = data
			}
		}
	}
	return nil
}
