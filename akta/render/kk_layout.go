package render

import (
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
	"github.com/adminduk-id/adminduk/akta"
)

// Layout of the family card on A4 landscape, after the card printed on
// plain paper since July 2020: title and number, the address block, the two
// members tables (identity; civil status, documents and parents) with
// numbered columns, the date of issue, the head of the family, the Kepala
// Dinas with the QR, and the footnote. Ten rows per page as on the
// printed card; a family that needs more continues on further pages, each
// with the same header and QR.

type column struct {
	title string
	w     float64 // mm
	value func(m *akta.Member) string
	group string // a title over this and the next columns of the same group
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return upper(s)
}

func kkDate(d adminduk.Date) string {
	if d.IsZero() {
		return "-"
	}
	b := make([]byte, 0, 10)
	b = append(b, two(d.Day())...)
	b = append(b, '-')
	b = append(b, two(int(d.Month()))...)
	b = append(b, '-')
	return string(strconv.AppendInt(b, int64(d.Year()), 10))
}

func two(n int) string { return string([]byte{byte('0' + n/10%10), byte('0' + n%10)}) }

func bloodType(b adminduk.BloodType) string {
	if b == 0 {
		return "TIDAK TAHU"
	}
	return b.String()
}

var identityColumns = []column{
	{"Nama Lengkap", 50, func(m *akta.Member) string { return upper(m.Name) }, ""},
	{"NIK", 31, func(m *akta.Member) string { return m.NIK.String() }, ""},
	{"Jenis Kelamin", 19, func(m *akta.Member) string { return m.Sex.Text(adminduk.Indonesian) }, ""},
	{"Tempat Lahir", 28, func(m *akta.Member) string { return upper(m.BirthPlace) }, ""},
	{"Tanggal Lahir", 19, func(m *akta.Member) string { return kkDate(m.BirthDate) }, ""},
	{"Agama", 20, func(m *akta.Member) string { return m.Religion.Text(adminduk.Indonesian) }, ""},
	{"Pendidikan", 38, func(m *akta.Member) string { return m.Education.Text(adminduk.Indonesian) }, ""},
	{"Jenis Pekerjaan", 36, func(m *akta.Member) string { return upper(m.Occupation) }, ""},
	{"Golongan Darah", 18, func(m *akta.Member) string { return bloodType(m.BloodType) }, ""},
}

var statusColumns = []column{
	{"Status Perkawinan", 27, func(m *akta.Member) string { return m.MaritalStatus.Text(adminduk.Indonesian) }, ""},
	{"Tanggal Perkawinan/ Perceraian", 23, func(m *akta.Member) string { return kkDate(m.MarriageDate) }, ""},
	{"Status Hubungan Dalam Keluarga", 31, func(m *akta.Member) string { return m.Relationship.Text(adminduk.Indonesian) }, ""},
	{"Kewarganegaraan", 24, func(m *akta.Member) string { return m.Citizenship.String() }, ""},
	{"No. Paspor", 24, func(m *akta.Member) string { return orDash(m.Passport) }, "Dokumen Imigrasi"},
	{"No. KITAP", 24, func(m *akta.Member) string { return orDash(m.KITAP) }, "Dokumen Imigrasi"},
	{"Ayah", 53, func(m *akta.Member) string { return orDash(m.FatherName) }, "Nama Orang Tua"},
	{"Ibu", 53, func(m *akta.Member) string { return orDash(m.MotherName) }, "Nama Orang Tua"},
}

// Landscape geometry, millimetres from the top left.
const (
	kkLeft     = 15.0
	kkNoW      = 8.0
	kkHeadH    = 7.5 // column titles
	kkNumH     = 3.2 // column numbers
	kkRowH     = 4.0 // a row of one line
	kkCellSize = 7.0
	kkMinSize  = 5.5
	kkLineH    = 2.4 // per wrapped line at kkMinSize
	kkRows     = 10  // rows printed per page, as on the card
	kkBudget   = kkRows * kkRowH
	kkTable1   = 50.0
	kkTable2   = 102.0
	kkFooter   = 155.0
)

// cell is the lines of one table cell and the size they are drawn at.
type cell struct {
	size  float64
	lines []string
}

func fitCell(w float64, s string) cell {
	size, lines := fit(regular, kkCellSize, kkMinSize, (w-1.6)*mm, s)
	return cell{size, lines}
}

// memberRows prepares the cells of both tables for every member and the
// height each member needs (the larger of its two rows).
func memberRows(f *akta.Family) ([][]cell, [][]cell, []float64) {
	var t1, t2 [][]cell
	var hs []float64
	for i := range f.Members {
		m := &f.Members[i]
		r1 := make([]cell, len(identityColumns))
		r2 := make([]cell, len(statusColumns))
		lines := 1
		for j, c := range identityColumns {
			r1[j] = fitCell(c.w, c.value(m))
			lines = max(lines, len(r1[j].lines))
		}
		for j, c := range statusColumns {
			r2[j] = fitCell(c.w, c.value(m))
			lines = max(lines, len(r2[j].lines))
		}
		t1, t2 = append(t1, r1), append(t2, r2)
		hs = append(hs, max(kkRowH, float64(lines)*kkLineH+1.2))
	}
	return t1, t2, hs
}

func layoutFamily(f *akta.Family, qr [][]bool, l look) *doc {
	d := &doc{title: "Kartu Keluarga " + f.Number.String()}
	t1, t2, hs := memberRows(f)
	// Pages: as many members as fit in the height of ten plain rows.
	var chunks [][2]int
	for start := 0; start < len(hs); {
		end, h := start, 0.0
		for end < len(hs) && (end == start || h+hs[end] <= kkBudget) {
			h += hs[end]
			end++
		}
		chunks = append(chunks, [2]int{start, end})
		start = end
	}
	for pi, c := range chunks {
		p := d.newPage(a4Long, a4Short)
		kkHeader(p, l, f, pi+1, len(chunks))
		used := 0.0
		for i := c[0]; i < c[1]; i++ {
			used += hs[i]
		}
		blank := 0
		for used+kkRowH*float64(blank+1) <= kkBudget+0.01 && c[1]-c[0]+blank < kkRows {
			blank++
		}
		kkTable(p, kkTable1, identityColumns, t1[c[0]:c[1]], hs[c[0]:c[1]], c[0], 1, blank)
		kkTable(p, kkTable2, statusColumns, t2[c[0]:c[1]], hs[c[0]:c[1]], c[0], len(identityColumns)+1, blank)
		kkFooterBlock(p, l, f, qr)
	}
	return d
}

func regionName(c wilayah.Code) string {
	if c.Level() == wilayah.LevelVillage {
		if r, ok := desa.Lookup(c); ok {
			return upper(r.Name)
		}
	} else if r, ok := wilayah.Lookup(c); ok {
		return upper(r.Name)
	}
	return c.String()
}

func kkHeader(p *page, l look, f *akta.Family, n, of int) {
	p.rect(1.2, 6*mm, 6*mm, p.w-12*mm, p.h-12*mm)
	p.rect(0.4, 7.5*mm, 7.5*mm, p.w-15*mm, p.h-15*mm)
	cx := p.w / 2
	if l.emblem != nil { // the Dinas's emblem, top left
		_, y, w, h := l.emblem.place(0, 10*mm, 18*mm)
		p.image(l.emblem, kkLeft*mm, y, w, h)
	}
	p.center(bold, 17, 0, cx, 17*mm, "KARTU KELUARGA")
	p.center(italic, 8, inkEN, cx, 21*mm, "FAMILY CARD")
	p.center(bold, 12.5, 0, cx, 27.5*mm, "No. "+f.Number.String())
	if of > 1 {
		p.right(regular, 7.5, inkNote, (297-kkLeft)*mm, 17*mm, "Halaman "+strconv.Itoa(n)+" dari "+strconv.Itoa(of))
	}
	head, _ := f.Head()
	a := f.Address
	v := a.Village
	left := [][2]string{
		{"Nama Kepala Keluarga", upper(head.Name)},
		{"Alamat", upper(a.Street)},
		{"RT/RW", a.RT + "/" + a.RW},
		{"Desa/Kelurahan", regionName(v)},
	}
	right := [][2]string{
		{"Kecamatan", regionName(v.District())},
		{"Kabupaten/Kota", regionName(v.Regency())},
		{"Kode Pos", orDash(f.PostalCode)},
		{"Provinsi", regionName(v.Province())},
	}
	for i, kv := range left {
		y := (34 + 4.2*float64(i)) * mm
		p.text(regular, 8.5, 0, kkLeft*mm, y, kv[0])
		p.text(regular, 8.5, 0, (kkLeft+34)*mm, y, ":")
		size, v := fitLine(bold, 8.5, 6.5, 134*mm, kv[1])
		p.text(bold, size, 0, (kkLeft+36)*mm, y, v)
	}
	for i, kv := range right {
		y := (34 + 4.2*float64(i)) * mm
		p.text(regular, 8.5, 0, 190*mm, y, kv[0])
		p.text(regular, 8.5, 0, 216*mm, y, ":")
		size, v := fitLine(bold, 8.5, 6.5, 64*mm, kv[1])
		p.text(bold, size, 0, 218*mm, y, v)
	}
	// The region code, smaller, under the number.
	p.center(regular, 7, inkNote, cx, 31.5*mm, "Kode Wilayah "+v.String())
}

// kkTable draws one members table at top (mm): titles, column numbers,
// the members' rows (first is the row number of the first) and blank rows.
func kkTable(p *page, top float64, cols []column, rows [][]cell, hs []float64, first, firstCol, blank int) {
	xs := []float64{kkLeft, kkLeft + kkNoW}
	for _, c := range cols {
		xs = append(xs, xs[len(xs)-1]+c.w)
	}
	right := xs[len(xs)-1]
	p.fillRect(232, kkLeft*mm, top*mm, (right-kkLeft)*mm, (kkHeadH+kkNumH)*mm)
	// Titles, centred, up to two lines.
	titles := append([]string{"No"}, make([]string, len(cols))...)
	for i, c := range cols {
		titles[i+1] = c.title
	}
	// Group titles ("Dokumen Imigrasi", "Nama Orang Tua") over the upper
	// half of their columns, the column titles in the lower half.
	mid := top + kkHeadH/2
	grouped := func(i int) bool { return i > 0 && cols[i-1].group != "" }
	for i := 1; i < len(titles); {
		g := cols[i-1].group
		j := i
		for j < len(titles) && g != "" && cols[j-1].group == g {
			j++
		}
		if g == "" {
			i++
			continue
		}
		p.center(bold, 6.5, 0, (xs[i]+xs[j])/2*mm, (top+kkHeadH/4+1.1)*mm, g)
		p.line(0.3, xs[i]*mm, mid*mm, xs[j]*mm, mid*mm)
		i = j
	}
	for i, t := range titles {
		cx := (xs[i] + xs[i+1]) / 2 * mm
		ls := wrapConst(bold, 6.5, (xs[i+1]-xs[i]-1.2)*mm, t)
		y := top + kkHeadH/2 + 0.9 - float64(len(ls)-1)*1.3
		if grouped(i) {
			y = mid + kkHeadH/4 + 1.1
		}
		for _, l := range ls {
			p.center(bold, 6.5, 0, cx, y*mm, l)
			y += 2.6
		}
		if i > 0 {
			p.center(regular, 5.5, inkNote, cx, (top+kkHeadH+2.3)*mm, "("+strconv.Itoa(firstCol+i-1)+")")
		}
	}
	y := top + kkHeadH + kkNumH
	p.line(0.5, kkLeft*mm, top*mm, right*mm, top*mm)
	p.line(0.3, kkLeft*mm, (top+kkHeadH)*mm, right*mm, (top+kkHeadH)*mm)
	p.line(0.5, kkLeft*mm, y*mm, right*mm, y*mm)
	for r, cells := range rows {
		h := hs[r]
		p.center(regular, kkCellSize, 0, (xs[0]+xs[1])/2*mm, (y+h/2+1.2)*mm, strconv.Itoa(first+r+1))
		for i, c := range cells {
			ly := y + h/2 + 1.2 - float64(len(c.lines)-1)*kkLineH/2
			for _, l := range c.lines {
				p.text(regular, c.size, 0, (xs[i+1]+0.8)*mm, ly*mm, l)
				ly += kkLineH
			}
		}
		y += h
		p.line(0.2, kkLeft*mm, y*mm, right*mm, y*mm)
	}
	for range blank {
		y += kkRowH
		p.line(0.2, kkLeft*mm, y*mm, right*mm, y*mm)
	}
	p.line(0.5, kkLeft*mm, y*mm, right*mm, y*mm)
	for i, x := range xs {
		from := top
		if i > 1 && i < len(xs)-1 && cols[i-2].group != "" && cols[i-2].group == cols[i-1].group {
			from = mid // between two columns of one group
		}
		p.line(0.3, x*mm, from*mm, x*mm, y*mm)
	}
}

func kkFooterBlock(p *page, l look, f *akta.Family, qr [][]bool) {
	y := kkFooter + 4
	p.text(regular, 8.5, 0, kkLeft*mm, y*mm, "Dikeluarkan Tanggal")
	p.text(bold, 8.5, 0, (kkLeft+34)*mm, y*mm, ": "+kkDate(f.IssuedAt))

	head, _ := f.Head()
	hx := 112.0
	p.center(bold, 8.5, 0, hx*mm, y*mm, "KEPALA KELUARGA")
	size, names := fit(bold, 8.5, 7, 70*mm, upper(head.Name))
	for i, l := range names {
		p.center(bold, size, 0, hx*mm, (y+16.5-float64(len(names)-1-i)*3.2)*mm, l)
	}
	p.center(regular, 6.5, inkNote, hx*mm, (y+20)*mm, "Tanda Tangan/Cap Jempol")

	// The Kepala Dinas: title across the block, the QR on the left, name
	// and NIP beside it.
	bx, bw := 170.0, 112.0 // block left and width, mm
	hy := kkFooter + 1.5
	for _, l := range wrapConst(bold, 8, 72*mm, "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL "+f.Issuer.RegencyName()) {
		p.center(bold, 8, 0, (bx+bw/2)*mm, hy*mm, l)
		hy += 3.4
	}
	side := qrSide(qr, 38*mm) / mm
	qy := snap((hy-1.6)*mm) / mm
	p.qrCode(qr, snap(bx*mm), qy*mm, side*mm)
	tx, tw := bx+side+4, bw-side-4
	nsize, heads := fit(bold, 8.5, 7, tw*mm, akta.OfficialName(f.Issuer.HeadName))
	ny := qy + side - 6
	for i, l := range heads {
		ly := ny - float64(len(heads)-1-i)*3.2
		p.text(bold, nsize, 0, tx*mm, ly*mm, l)
		p.line(0.5, tx*mm, (ly+0.9)*mm, tx*mm+width(bold, nsize, l), (ly+0.9)*mm)
	}
	p.text(regular, 7.5, 0, tx*mm, (ny+4)*mm, "NIP. "+f.Issuer.HeadNIP.Printed())

	// The note on the electronic signature, bottom left.
	ny = kkFooter + 28.0
	for _, l := range wrapConst(regular, 6, 150*mm, l.note.ID) {
		p.text(regular, 6, inkNote, kkLeft*mm, ny*mm, l)
		ny += 2.4
	}
	for _, l := range wrapConst(italic, 5.5, 150*mm, l.note.EN) {
		p.text(italic, 5.5, inkEN, kkLeft*mm, ny*mm, l)
		ny += 2.2
	}
}
