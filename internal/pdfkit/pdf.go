package pdfkit

import (
	"compress/zlib"
	"time"

	"github.com/signintech/gopdf"
)

// DocInfo is the metadata of a document. Only what is set is written: in
// particular no creation date unless Created is set, so that the same
// drawing gives the same bytes.
type DocInfo struct {
	Title, Subject, Author string
	Created                time.Time
}

// NewPDF starts a gopdf document whose pages default to size, measured in
// points from the top-left corner, compressed for speed, with info as its
// metadata ("adminduk" as creator and producer).
func NewPDF(size Size, info DocInfo) *gopdf.GoPdf {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: size.W, H: size.H}, Unit: gopdf.UnitPT})
	pdf.SetCompressLevel(zlib.BestSpeed)
	pdf.SetInfo(gopdf.PdfInfo{
		Title: info.Title, Subject: info.Subject, Author: info.Author,
		Creator: "adminduk", Producer: "adminduk (gopdf)",
		CreationDate: info.Created,
	})
	return pdf
}
