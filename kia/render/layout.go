package render

import (
	"github.com/adminduk-id/adminduk/internal/pdfkit"
	"github.com/adminduk-id/adminduk/kia"
)

// Geometry of the card, in points. The card is ISO/IEC 7810 ID-1.
var (
	cardW = pdfkit.ID1.W // 242.65
	cardH = pdfkit.ID1.H // 153.01
)

const (
	margin = 9.0 // left and right margin of the text

	// Front.
	bandH            = 37.0 // header band
	emblemCX         = 21.5 // emblem centre
	emblemCY         = 18.5 //
	emblemR          = 12.5 //
	photoW           = 54.0 // photo box, 2:3 like the 2x3 cm photo asked for
	photoH           = 81.0 //
	photoTop         = 44.0 //
	labelW           = 58.0 // label column
	colonW           = 5.0  // ":" column
	rowsTop          = 43.5 // top of the first data row
	qrPanel          = 84.0 // white square on the back holding the QR code (29.6 mm)
	backBandH        = 13.0 // band of the back
	qrPanelTop       = 17.5 //
	noteSize         = 4.1  // small print
	photoGap         = 6.0  // between data and photo
	rowH             = 11.2 // data row
	nameRowH         = 16.0 // the name row, room for two lines
	nameOneLineMin   = 6.2  // a name set smaller than this goes on two lines
	valueOneLineMin  = 5.6  // likewise for the other values of the front
	streetOneLineMin = 5.0  // and for those of the back
	backRowH         = 9.4  // data row on the back
	backLabelW       = 40.0 // label column on the back
)

var (
	labelStyle  = textStyle{font: pdfkit.Regular, size: 5.4, min: 4.2, col: labelGrey, lines: 1}
	valueStyle  = textStyle{font: pdfkit.Bold, size: 6.6, min: 4.4, col: ink, lines: 1}
	nameStyle   = textStyle{font: pdfkit.Bold, size: 7.4, min: 4.8, col: ink, lines: 2}
	nikStyle    = textStyle{font: pdfkit.MonoBold, size: 9.2, min: 6, col: ink, lines: 1}
	validStyle  = textStyle{font: pdfkit.Bold, size: 6.8, min: 4.4, col: navy, lines: 1}
	provStyle   = textStyle{font: pdfkit.Regular, size: 6.2, min: 4.2, col: white, lines: 1}
	regStyle    = textStyle{font: pdfkit.Bold, size: 7.6, min: 4.6, col: white, lines: 1}
	titleStyle  = textStyle{font: pdfkit.Bold, size: 9.6, min: 7, col: goldPale, lines: 1}
	issueStyle  = textStyle{font: pdfkit.Bold, size: 5.6, min: 4, col: ink, lines: 1}
	sectStyle   = textStyle{font: pdfkit.Bold, size: 5.0, min: 4, col: navy, lines: 1}
	bLabelStyle = textStyle{font: pdfkit.Regular, size: 5.0, min: 4, col: labelGrey, lines: 1}
	bValueStyle = textStyle{font: pdfkit.Bold, size: 5.8, min: 4, col: ink, lines: 1}
	dinasStyle  = textStyle{font: pdfkit.Regular, size: 4.7, min: 3.6, col: ink, lines: 2}
	headStyle   = textStyle{font: pdfkit.Bold, size: 6.0, min: 4, col: ink, lines: 1}
	nipStyle    = textStyle{font: pdfkit.Regular, size: 5.0, min: 3.8, col: ink, lines: 1}
	noteStyle   = textStyle{font: pdfkit.Regular, size: noteSize, min: 3.2, col: labelGrey, lines: 5}
	capStyle    = textStyle{font: pdfkit.Regular, size: 4.3, min: 3.4, col: navy, lines: 1}
	bandStyle   = textStyle{font: pdfkit.Bold, size: 5.6, min: 4, col: white, lines: 1}
)

// front lays out the front: header, identity, photo, validity.
func front(v *view) *side {
	s := &side{bg: frontArt(v.kind)}
	// Header: province, kab/kota, title, centred between the emblem and
	// its mirror.
	hx, hw := 2*emblemCX+emblemR-4, cardW-2*(2*emblemCX+emblemR-4)
	s.text("header.province", pdfkit.Rect{X: hx, Y: 4.0, W: hw, H: 8}, provStyle, center, v.province)
	s.text("header.regency", pdfkit.Rect{X: hx, Y: 12.5, W: hw, H: 9.5}, regStyle, center, v.regency)
	s.text("header.title", pdfkit.Rect{X: hx, Y: 23, W: hw, H: 11}, titleStyle, center, "KARTU IDENTITAS ANAK")

	photoX := cardW - margin - photoW
	valueX := margin + labelW + colonW
	valueW := photoX - photoGap - valueX
	y := rowsTop
	// Every row has one baseline for its label, colon and value: the
	// capitals of a value of the usual size centred in the row.
	base := func(float64) float64 { return y + (rowH+pdfkit.CapHeight(valueStyle.font, valueStyle.size))/2 }
	row := func(key, label, value string, h float64, st textStyle) {
		bl := base(h)
		s.textOn("label."+key, pdfkit.Rect{X: margin, Y: y, W: labelW, H: rowH}, labelStyle, left, bl, label)
		s.textOn("colon."+key, pdfkit.Rect{X: margin + labelW, Y: y, W: colonW, H: rowH}, labelStyle, left, bl, ":")
		s.textOn("value."+key, pdfkit.Rect{X: valueX, Y: y, W: valueW, H: h}, st, left, bl, value)
		y += h
	}
	row("nik", "NIK", v.nik, rowH+1.5, nikStyle)
	// A long name or place of birth takes two lines of a taller row.
	flexRow := func(key, label, value string, st textStyle, oneLineMin float64) {
		if pdfkit.Width(st.font, oneLineMin, value) <= valueW {
			st.min, st.lines = oneLineMin, 1
			row(key, label, value, rowH, st)
			return
		}
		st.lines = 2
		row(key, label, value, nameRowH, st)
	}
	flexRow("name", "Nama", v.name, nameStyle, nameOneLineMin)
	flexRow("birth", "Tempat/Tgl. Lahir", v.birth, valueStyle, valueOneLineMin)
	// Sex and blood type share a row.
	sexW, bloodW := valueW*0.45, 15.0
	bloodX := photoX - photoGap - bloodW
	bl := base(rowH)
	s.textOn("label.sex", pdfkit.Rect{X: margin, Y: y, W: labelW, H: rowH}, labelStyle, left, bl, "Jenis Kelamin")
	s.textOn("colon.sex", pdfkit.Rect{X: margin + labelW, Y: y, W: colonW, H: rowH}, labelStyle, left, bl, ":")
	s.textOn("value.sex", pdfkit.Rect{X: valueX, Y: y, W: sexW, H: rowH}, valueStyle, left, bl, v.sex)
	s.textOn("label.blood", pdfkit.Rect{X: valueX + sexW, Y: y, W: bloodX - 2 - valueX - sexW, H: rowH}, labelStyle, right, bl, "Gol. Darah :")
	s.textOn("value.blood", pdfkit.Rect{X: bloodX, Y: y, W: bloodW, H: rowH}, valueStyle, left, bl, v.blood)
	y += rowH
	row("religion", "Agama", v.religion, rowH, valueStyle)
	row("citizenship", "Kewarganegaraan", v.citizenship, rowH, valueStyle)
	row("valid", "Berlaku Hingga", v.validUntil, rowH, validStyle)

	// Right column: the photo (from 5) and the place and date of issue.
	pr := pdfkit.Rect{X: photoX, Y: photoTop, W: photoW, H: photoH}
	if v.kind.HasPhoto() {
		s.fill("photo.background", pr, v.photoBG)
		if v.photo != nil {
			s.ops = append(s.ops, op{kind: opPhoto, name: "photo", r: pr, img: v.photo})
		}
		s.stroke("photo.frame", pr, 0.8, white)
	}
	s.text("issue.place", pdfkit.Rect{X: photoX - 4, Y: photoTop + photoH + 2.5, W: photoW + 8, H: 8}, issueStyle, center, v.place)
	s.text("issue.date", pdfkit.Rect{X: photoX - 4, Y: photoTop + photoH + 10, W: photoW + 8, H: 8}, issueStyle, center, v.issued)
	return s
}

// back lays out the back: family and address, the Kepala Dinas, the QR
// code and the small print.
func back(v *view) *side {
	s := &side{bg: backArt()}
	s.text("band.title", pdfkit.Rect{X: margin, Y: 0, W: cardW - 2*margin, H: backBandH}, bandStyle, left, "KARTU IDENTITAS ANAK")
	s.text("band.regency", pdfkit.Rect{X: cardW / 2, Y: 0, W: cardW/2 - margin, H: backBandH}, bandStyle, right, v.regency)

	panelX := cardW - margin - qrPanel
	colW := panelX - 6 - margin
	valueX := margin + backLabelW + colonW
	valueW := colW - backLabelW - colonW
	y := backBandH + 4
	section := func(key, title string) {
		s.text("section."+key, pdfkit.Rect{X: margin, Y: y, W: colW, H: 7}, sectStyle, left, title)
		y += 7.5
	}
	row := func(key, label, value string, h float64, st textStyle) {
		bl := y + (backRowH+pdfkit.CapHeight(bValueStyle.font, bValueStyle.size))/2
		s.textOn("label."+key, pdfkit.Rect{X: margin, Y: y, W: backLabelW, H: backRowH}, bLabelStyle, left, bl, label)
		s.textOn("colon."+key, pdfkit.Rect{X: margin + backLabelW, Y: y, W: colonW, H: backRowH}, bLabelStyle, left, bl, ":")
		s.textOn("value."+key, pdfkit.Rect{X: valueX, Y: y, W: valueW, H: h}, st, left, bl, value)
		y += h
	}
	section("family", "DATA KELUARGA")
	// Long values take two lines (the street three) of a taller row.
	flexRow := func(key, label, value string, st textStyle, oneLineMin float64, lines int) {
		if pdfkit.Width(st.font, oneLineMin, value) <= valueW {
			st.min, st.lines = oneLineMin, 1
			row(key, label, value, backRowH, st)
			return
		}
		if lines == 3 && pdfkit.Width(st.font, oneLineMin, value) <= 1.9*valueW {
			lines = 2
		}
		st.lines = lines
		row(key, label, value, backRowH+float64(lines-1)*4.6, st)
	}
	row("kk", "No. KK", v.kk, backRowH, bValueStyle)
	flexRow("head", "Kepala Keluarga", v.head, bValueStyle, streetOneLineMin, 2)
	flexRow("akta", "No. Akta Lahir", v.akta, bValueStyle, streetOneLineMin, 2)
	y += 1.5
	section("address", "ALAMAT")
	flexRow("street", "Alamat", v.street, bValueStyle, streetOneLineMin, 3)
	row("rtrw", "RT/RW", v.rtrw, backRowH, bValueStyle)
	row("village", "Kel/Desa", v.village, backRowH, bValueStyle)
	row("district", "Kecamatan", v.district, backRowH, bValueStyle)

	// The Kepala Dinas, under the data.
	y = cardH - 33
	s.text("sign.office", pdfkit.Rect{X: margin, Y: y, W: colW, H: 11}, dinasStyle, left,
		"KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL "+v.dinasLine)
	s.text("sign.name", pdfkit.Rect{X: margin, Y: y + 11.5, W: colW, H: 8.5}, headStyle, left, v.headName)
	s.text("sign.nip", pdfkit.Rect{X: margin, Y: y + 20, W: colW, H: 7}, nipStyle, left, v.headNIP)

	// The QR code on its white panel, the caption and the small print.
	// Modules of 0.96 pt (whole pixels at 150, 300 and 600 dpi; the code
	// is placed on that grid when drawn), or 0.72 pt for a code too large
	// for the panel at that size.
	side := float64(len(v.qr)) * pdfkit.QRModule
	if side > qrPanel-1 {
		side = float64(len(v.qr)) * pdfkit.SmallQRModule
	}
	qr := pdfkit.Rect{X: panelX + (qrPanel-side)/2, Y: qrPanelTop + (qrPanel-side)/2, W: side, H: side}
	s.ops = append(s.ops, op{kind: opQR, name: "qr", r: qr, qr: v.qr})
	capTop := qrPanelTop + qrPanel + 1.5
	s.text("qr.caption", pdfkit.Rect{X: panelX - 2, Y: capTop, W: qrPanel + 4, H: 5}, capStyle, center, "Ditandatangani secara elektronik.")
	s.text("qr.caption", pdfkit.Rect{X: panelX - 2, Y: capTop + 5, W: qrPanel + 4, H: 5}, capStyle, center, "Pindai untuk memeriksa keaslian.")
	noteTop := qrPanelTop + qrPanel + 12
	s.text("note", pdfkit.Rect{X: panelX - 2, Y: noteTop, W: qrPanel + 4, H: cardH - 4 - noteTop}, noteStyle, center,
		"Bila menemukan kartu ini, harap dikembalikan ke Dinas Kependudukan dan Pencatatan Sipil "+titleCase(v.dinasLine)+".")
	return s
}

// layout builds both sides of a card.
func layout(c *kia.Card, d kia.Decision, ph *photo, qr [][]bool) (f, b *side) {
	v := newView(c, d)
	v.photo, v.qr = ph, qr
	return front(&v), back(&v)
}
