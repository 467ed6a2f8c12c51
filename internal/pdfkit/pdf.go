package pdfkit

import (
	"compress/zlib"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

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

// dict writes the info as the entries of a PDF Info dictionary, text as
// UTF-16BE hex strings as gopdf does.
func (d DocInfo) dict() string {
	var b strings.Builder
	text := func(key, v string) {
		if v == "" {
			return
		}
		b.WriteString("/" + key + " <FEFF")
		for _, u := range utf16.Encode([]rune(v)) {
			fmt.Fprintf(&b, "%04X", u)
		}
		b.WriteString("> ")
	}
	text("Title", d.Title)
	text("Subject", d.Subject)
	text("Author", d.Author)
	text("Creator", "adminduk")
	text("Producer", "adminduk (gopdf)")
	if !d.Created.IsZero() {
		_, off := d.Created.Zone()
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		fmt.Fprintf(&b, "/CreationDate (D:%s%c%02d'%02d') ", d.Created.Format("20060102150405"), sign, off/3600, off%3600/60)
	}
	return b.String()
}
