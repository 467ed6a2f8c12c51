package render

import (
	"math"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// Layout of the Kutipan Akta Kelahiran and Kutipan Akta Kematian on A4
// portrait: NIK at the top, the state header, nationality, the bilingual
// title, then rows of an Indonesian label with its English translation in
// italics beneath and the value in bold capitals, the place and date of
// issue, the Kepala Dinas with the QR in place of a wet signature, and the
// note on the electronic signature.

const (
	inkEN   = 70  // grey of English translations
	inkNote = 60  // grey of notes
	inkRule = 110 // grey of thin rules
)

// Horizontal positions in points.
var (
	marginX   = 20 * mm // text area
	rightX    = 190 * mm
	labelX    = 24 * mm
	valueX    = 86 * mm
	valueW    = rightX - valueX
	signLeft  = 108 * mm
	signRight = 192 * mm
	signMid   = (signLeft + signRight) / 2
)

// row is one line of the body: Indonesian label, English label, value.
// A row without a value is a phrase across the body.
type row struct {
	id, en, value string
}

// The phrase of Perpres 96/2018 for parents whose marriage is not recorded
// (SPTJM F-2.04).
const (
	unrecordedID = "yang perkawinannya belum tercatat sesuai dengan ketentuan peraturan perundang-undangan"
	unrecordedEN = "whose marriage has not been recorded in accordance with the laws and regulations"
)

// upper returns s as printed: trimmed, in NFC, in capitals. The
// credential takes names and places through it too.
func upper(s string) string { return strings.ToUpper(nfc(strings.TrimSpace(s))) }

// dateWords spells a date as the akta print it: "DUA PULUH LIMA AGUSTUS DUA
// RIBU DUA PULUH TIGA".
func dateWords(d adminduk.Date) string {
	return strings.ToUpper(adminduk.DateWords(d, adminduk.Indonesian))
}

// issueDate writes the date of issue in figures: "1 SEPTEMBER 2023".
func issueDate(d adminduk.Date) string {
	return strings.ToUpper(adminduk.FormatDate(d, adminduk.Indonesian))
}

// birthOrder writes "anak ke-" and the cardinal in words, which together
// read as the ordinal: 2 gives "DUA" (anak ke-DUA, the second child), 1
// gives "SATU" as the printed akta have it (not PERTAMA).
func birthOrder(n int) string { return strings.ToUpper(adminduk.Terbilang(int64(n))) }

func citizenship(c adminduk.Citizenship) (id, en string) {
	if c == adminduk.WNA {
		return "ASING", "FOREIGN"
	}
	return "INDONESIA", "INDONESIAN"
}

func layoutBirth(b *akta.Birth, qr [][]bool, l look) *doc {
	d := &doc{title: "Kutipan Akta Kelahiran " + b.Number.String()}
	p := d.newPage(a4Short, a4Long)
	ch := b.Child
	idCit, enCit := citizenship(ch.Citizenship)
	y := aktaHeader(p, l, ch.NIK, idCit, enCit, "KUTIPAN AKTA KELAHIRAN", "EXCERPT OF BIRTH CERTIFICATE")
	rows := []row{
		{"Berdasarkan Akta Kelahiran Nomor", "By virtue of Birth Certificate Number", b.Number.String()},
		{"bahwa di", "that in", upper(ch.BirthPlace)},
		{"pada tanggal", "on", dateWords(ch.BirthDate)},
		{"telah lahir", "was born", upper(ch.Name)},
		{"anak", "child", "ke-" + birthOrder(ch.BirthOrder) + ", " + ch.Sex.Text(adminduk.Indonesian)},
	}
	switch b.ParentCase() {
	case akta.ParentsMotherOnly:
		rows = append(rows, row{"dari ibu", "of mother", upper(b.Mother.Name)})
	default:
		rows = append(rows,
			row{"dari ayah", "of father", upper(b.Father.Name)},
			row{"dan ibu", "and mother", upper(b.Mother.Name)})
		if b.ParentCase() == akta.ParentsUnrecorded {
			rows = append(rows, row{unrecordedID, unrecordedEN, ""})
		}
	}
	for _, n := range b.Notes { // catatan pinggir of corrections, oldest first
		rows = append(rows, row{"catatan pinggir", "marginal note", n.Printed()})
	}
	y = bodyRows(p, y, rows)
	signature(p, l, y, b.Issuer, b.IssuedAt, qr)
	return d
}

func layoutDeath(x *akta.Death, qr [][]bool, l look) *doc {
	d := &doc{title: "Kutipan Akta Kematian " + x.Number.String()}
	p := d.newPage(a4Short, a4Long)
	dc := x.Deceased
	idCit, enCit := citizenship(dc.Citizenship)
	y := aktaHeader(p, l, dc.NIK, idCit, enCit, "KUTIPAN AKTA KEMATIAN", "EXCERPT OF DEATH CERTIFICATE")
	rows := []row{
		{"Berdasarkan Akta Kematian Nomor", "By virtue of Death Certificate Number", x.Number.String()},
		{"bahwa di", "that in", upper(x.DeathPlace)},
		{"pada tanggal", "on", dateWords(x.DeathDate)},
		{"telah meninggal dunia seorang bernama", "passed away a person named", upper(dc.Name)},
		{"jenis kelamin", "sex", dc.Sex.Text(adminduk.Indonesian)},
		{"lahir di", "born in", upper(dc.BirthPlace)},
		{"pada tanggal", "on", dateWords(dc.BirthDate)},
	}
	switch f, m := upper(dc.FatherName), upper(dc.MotherName); {
	case f != "" && m != "":
		rows = append(rows, row{"anak dari ayah", "child of father", f}, row{"dan ibu", "and mother", m})
	case f != "":
		rows = append(rows, row{"anak dari ayah", "child of father", f})
	case m != "":
		rows = append(rows, row{"anak dari ibu", "child of mother", m})
	}
	y = bodyRows(p, y, rows)
	signature(p, l, y, x.Issuer, x.IssuedAt, qr)
	return d
}

// aktaHeader draws the frame, the NIK, the state header, nationality and
// title, and returns the baseline of the first body row.
func aktaHeader(p *page, l look, nik adminduk.NIK, cit, citEN, title, titleEN string) float64 {
	frame(p)
	// NIK at the top left, as on the printed akta.
	p.text(regular, 9.5, 0, marginX, 22*mm, "NIK")
	nikText := nik.String()
	if !nik.IsValid() { // a death reported without the deceased's NIK
		nikText = "-"
	}
	p.text(bold, 12, 0, marginX+11*mm, 22*mm, nikText)
	p.text(italic, 7.5, inkEN, marginX, 25.5*mm, "Personal Identification Number")

	cx := a4Short / 2
	if l.emblem != nil { // the Dinas's emblem, top centre above the state header
		x, y, w, h := l.emblem.place(cx, 14*mm, 15*mm)
		p.image(l.emblem, x, y, w, h)
	}
	p.center(bold, 15, 0, cx, 36*mm, "REPUBLIK INDONESIA")
	p.center(italic, 9, inkEN, cx, 40.5*mm, "REPUBLIC OF INDONESIA")
	p.center(bold, 12.5, 0, cx, 48*mm, "PENCATATAN SIPIL")
	p.center(italic, 9, inkEN, cx, 52.5*mm, "CIVIL REGISTRY")
	p.line(0.8, 70*mm, 56*mm, a4Short-70*mm, 56*mm)

	label := "WARGA NEGARA: "
	w := width(regular, 10.5, label) + width(bold, 10.5, cit)
	x := cx - w/2
	p.text(regular, 10.5, 0, x, 63*mm, label)
	p.text(bold, 10.5, 0, x+width(regular, 10.5, label), 63*mm, cit)
	p.center(italic, 8.5, inkEN, cx, 67*mm, "Nationality: "+citEN)

	p.center(bold, 18, 0, cx, 80*mm, title)
	p.center(italic, 10.5, inkEN, cx, 85*mm, titleEN)
	return bodyTop
}

// frame draws the double border of the page.
func frame(p *page) {
	p.rect(1.4, 9*mm, 9*mm, p.w-18*mm, p.h-18*mm)
	p.rect(0.4, 10.8*mm, 10.8*mm, p.w-21.6*mm, p.h-21.6*mm)
}

// Vertical budget of the page, in points.
var (
	bodyTop     = 96 * mm  // baseline of the first row
	footnoteTop = 265 * mm // rule above the footnote
	signHeight  = 68 * mm  // the signature block, with a QR of up to 40 mm
)

// qrModule is the printed size of a QR module: 1/60 inch (0.42 mm),
// exactly 5 dots at 300 dpi and 10 at 600, so that printers and viewers
// enlarge the one-pixel-per-module image by a whole factor of four or more,
// without smoothing and without modules of uneven width.
const qrModule = 72.0 / 60

// qrSide returns the printed side of qr: qrModule per module, or a whole
// fraction of it when that exceeds hi.
func qrSide(qr [][]bool, hi float64) float64 {
	mod := qrModule
	for k := 2.0; float64(len(qr))*mod > hi; k++ {
		mod = qrModule * (k - 1) / k
	}
	return float64(len(qr)) * mod
}

// snap rounds v to the 1/60-inch grid, so that a QR starts on a whole
// printer dot.
func snap(v float64) float64 { return math.Round(v/qrModule) * qrModule }

// bodyRows draws the rows from baseline y and returns the y below them. The
// gap between rows shrinks from 3.2 mm to 0.8 mm when long values would
// push the signature into the footnote.
func bodyRows(p *page, y float64, rows []row) float64 {
	gap := 3.2 * mm
	for gap > 0.8*mm && y+rowsHeight(rows, gap) > footnoteTop-signHeight {
		gap -= 0.4 * mm
	}
	for _, r := range rows {
		y = drawRow(p, y, r, gap)
	}
	return y
}

func rowsHeight(rows []row, gap float64) float64 {
	var scratch page
	h := 0.0
	for _, r := range rows {
		h = drawRow(&scratch, h, r, gap)
		scratch.ops = scratch.ops[:0]
	}
	return h
}

// drawRow draws one row at baseline y and returns the baseline of the next.
func drawRow(p *page, y float64, r row, gap float64) float64 {
	lw := valueX - labelX - 4*mm
	if r.value == "" {
		lw = rightX - labelX
	}
	size, labels := fit(regular, 10.5, 9, lw, r.id)
	ly := y
	for _, l := range labels {
		p.text(regular, size, 0, labelX, ly, l)
		ly += 4 * mm
	}
	_, ens := fit(italic, 8, 7, lw, r.en)
	for _, l := range ens {
		p.text(italic, 8, inkEN, labelX, ly-0.7*mm, l)
		ly += 3.3 * mm
	}
	vsize, values := fit(bold, 12, 10, valueW, r.value)
	vy := y
	for _, v := range values {
		p.text(bold, vsize, 0, valueX, vy, v)
		vy += 4.8 * mm
	}
	return max(ly, vy) + gap
}

// signature draws, below the body (top), the place and date of issue and
// the verification note on the left, the Kepala Dinas block with the QR in
// place of a wet signature on the right, and the footnote.
func signature(p *page, l look, top float64, is adminduk.Issuer, issued adminduk.Date, qr [][]bool) {
	y := max(top+1*mm, footnoteTop-signHeight)
	// Left: place and date of issue.
	lx := marginX + 4*mm
	vx := lx + width(regular, 10, issuedID) + 2*mm
	ly := y + 4*mm
	p.text(regular, 10, 0, lx, ly, issuedID)
	p.text(italic, 7.5, inkEN, lx, ly+3.4*mm, "This excerpt is issued in")
	pw := signLeft - vx - 4*mm
	// The place: one line, or up to three at 8 points (the date moves
	// down), else one line shrunk.
	psize, places := fit(bold, 10.5, 8, pw, is.PlaceName())
	if len(places) > 3 {
		var one string
		psize, one = fitLine(bold, 10.5, 8, pw, is.PlaceName())
		places = []string{one}
	}
	for i, l := range places {
		p.text(bold, psize, 0, vx, ly+float64(i)*3.5*mm, l)
	}
	ly += 8.5*mm + float64(max(0, len(places)-2))*3.5*mm
	p.text(regular, 10, 0, lx, ly, "pada tanggal")
	p.text(italic, 7.5, inkEN, lx, ly+3.4*mm, "on")
	p.text(bold, 10.5, 0, vx, ly, issueDate(issued))

	// Left, lower: how to check the document.
	ny := ly + 16*mm
	p.line(0.5, lx-3*mm, ny-4.5*mm, lx-3*mm, ny+16.5*mm)
	for _, l := range wrapConst(regular, 8, 80*mm, "Kutipan ini ditandatangani secara elektronik dengan kode QR dan tidak memerlukan legalisasi. Keaslian dan keberlakuannya dapat diperiksa dengan memindai kode QR.") {
		p.text(regular, 8, inkNote, lx, ny, l)
		ny += 3.5 * mm
	}
	ny += 0.8 * mm
	for _, l := range wrapConst(italic, 7.5, 80*mm, "This excerpt is signed electronically with the QR code and needs no legalisation. Scan the QR code to check that it is genuine and in force.") {
		p.text(italic, 7.5, inkEN, lx, ny, l)
		ny += 3.2 * mm
	}

	// Right: the Kepala Dinas, the QR and the name and NIP.
	bw := signRight - signLeft
	head := "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL " + is.RegencyName()
	for _, l := range wrapConst(bold, 9.5, bw, head) { // one per regency
		p.center(bold, 9.5, 0, signMid, y, l)
		y += 4.1 * mm
	}
	for _, l := range wrapConst(italic, 7.5, bw, "Head of the Population and Civil Registration Office") {
		p.center(italic, 7.5, inkEN, signMid, y-0.6*mm, l)
		y += 3.2 * mm
	}
	side := qrSide(qr, 40*mm)
	p.qrCode(qr, snap(signMid-side/2), snap(y-1*mm), side)
	y += side + 3.5*mm
	size, names := fit(bold, 10.5, 8.5, bw, akta.OfficialName(is.HeadName))
	for _, n := range names {
		p.center(bold, size, 0, signMid, y, n)
		w := width(bold, size, n)
		p.line(0.6, signMid-w/2, y+1.1*mm, signMid+w/2, y+1.1*mm)
		y += 4.5 * mm
	}
	p.center(regular, 9.5, 0, signMid, y, "NIP. "+is.HeadNIP.Printed())
	footnote(p, l.note, a4Short, footnoteTop)
}

const issuedID = "Kutipan ini dikeluarkan di"

// footnote draws the note on the document's electronic signature under a
// rule at y, across the page.
func footnote(p *page, n Note, pw, y float64) {
	x, w := 16*mm, pw-32*mm
	p.line(0.4, x, y, x+w, y)
	y += 3.8 * mm
	for _, l := range wrapConst(regular, 7, w, n.ID) {
		p.text(regular, 7, inkNote, x, y, l)
		y += 3 * mm
	}
	for _, l := range wrapConst(italic, 6.5, w, n.EN) {
		p.text(italic, 6.5, inkEN, x, y, l)
		y += 2.8 * mm
	}
}
