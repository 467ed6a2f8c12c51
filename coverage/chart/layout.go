package chart

import (
	"image/color"
	"math"
	"strconv"
	"sync"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Options configure [WriteSVG] and [WritePNG].
type Options struct {
	// Lang selects the language of labels and numbers.
	Lang adminduk.Lang
	// Title replaces the default title ("Cakupan akta kelahiran dan KIA
	// per kecamatan").
	Title string
	// Scale is the PNG's pixels per chart unit; 0 means 2 (a 1,920-pixel
	// wide image for sharp text). The SVG ignores it.
	Scale float64
}

// The chart's colours: one per indicator, a darker one for its target line,
// and a red for values below their target.
var (
	colorBar    = [2]color.RGBA{{0x2b, 0x6c, 0xb0, 0xff}, {0xe8, 0x8a, 0x1a, 0xff}}
	colorTarget = [2]color.RGBA{{0x0b, 0x35, 0x6b, 0xff}, {0x9a, 0x4d, 0x00, 0xff}}
	colorText   = color.RGBA{0x22, 0x22, 0x22, 0xff}
	colorMuted  = color.RGBA{0x6b, 0x6b, 0x6b, 0xff}
	colorGrid   = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
	colorStripe = color.RGBA{0xf4, 0xf6, 0xf8, 0xff}
	colorBelow  = color.RGBA{0xb0, 0x1c, 0x1c, 0xff}
	colorWhite  = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

type shapeKind uint8

const (
	shapeRect  shapeKind = iota
	shapeVLine           // vertical line from (x, y) to (x, y+h), width w
	shapeHLine           // horizontal line from (x, y) to (x+w, y), width h
	shapeText
)

type anchor uint8

const (
	anchorStart anchor = iota
	anchorEnd
	anchorMiddle
)

// shape is one drawing primitive of the chart; both renderers draw the same
// list, so the SVG and the PNG have the same geometry.
type shape struct {
	kind       shapeKind
	x, y, w, h float64
	color      color.RGBA
	dash       bool
	text       string
	size       float64
	bold       bool
	anchor     anchor
}

// chart is a laid-out chart.
type chart struct {
	w, h   float64
	shapes []shape
}

var (
	fontOnce          sync.Once
	fontErr           error
	fontReg, fontBold *sfnt.Font
)

func loadChartFonts() error {
	fontOnce.Do(func() {
		if fontReg, fontErr = opentype.Parse(goregular.TTF); fontErr != nil {
			return
		}
		fontBold, fontErr = opentype.Parse(gobold.TTF)
	})
	return fontErr
}

// measurer measures text at chart sizes.
type measurer struct {
	faces map[[2]float64]font.Face
}

func (m *measurer) width(s string, size float64, bold bool) float64 {
	k := [2]float64{size, 0}
	f := fontReg
	if bold {
		k[1], f = 1, fontBold
	}
	face := m.faces[k]
	if face == nil {
		var err error
		face, err = opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return float64(len(s)) * size * 0.6
		}
		m.faces[k] = face
	}
	return float64(font.MeasureString(face, s)) / 64
}

func (m *measurer) close() {
	for _, f := range m.faces {
		f.Close()
	}
}

// layoutChart lays out horizontal bars of coverage per region for each
// measured indicator, with its target as a dashed line, and the total.
func layoutChart(rep *coverage.Report, o Options) (*chart, error) {
	if err := loadChartFonts(); err != nil {
		return nil, err
	}
	m := &measurer{faces: map[[2]float64]font.Face{}}
	defer m.close()
	lang := o.Lang
	wd := wordsFor(lang)
	const (
		width  = 960.0
		margin = 24.0
		barH   = 13.0
		barGap = 3.0
		rowPad = 11.0
		label  = 13.0
		small  = 11.0
		// slack widens measured text for the SVG, whose viewer may draw it
		// in a wider font than Go's.
		slack = 1.12
	)
	c := &chart{w: width}
	add := func(s shape) { c.shapes = append(c.shapes, s) }
	text := func(x, y float64, s string, size float64, bold bool, col color.RGBA, a anchor) {
		add(shape{kind: shapeText, x: x, y: y, text: s, size: size, bold: bold, color: col, anchor: a})
	}
	inds := rep.Indicators
	// Title and subtitle.
	title := o.Title
	if title == "" {
		if lang == adminduk.Indonesian {
			title = "Cakupan per " + wd.levels[rep.Level]
		} else {
			title = "Coverage by " + wd.levels[rep.Level]
		}
		if len(inds) > 0 {
			title += ": "
			for i, s := range inds {
				if i > 0 {
					if lang == adminduk.Indonesian {
						title += " dan "
					} else {
						title += " and "
					}
				}
				title += s.Indicator.Text(lang)
			}
		}
	}
	y := margin + 18
	text(margin, y, title, 18, true, colorText, anchorStart)
	y += 22
	sub := adminduk.FormatDate(rep.AsOf, lang)
	if rep.Total.Name != "" && len(rep.Regions) > 0 {
		if reg := commonParent(rep); reg != "" {
			sub = reg + " · " + sub
		}
	}
	text(margin, y, sub, label, false, colorMuted, anchorStart)
	// Legend.
	y += 24
	x := margin
	for _, s := range inds {
		col := int(s.Indicator) - 1
		add(shape{kind: shapeRect, x: x, y: y - 10, w: 12, h: 12, color: colorBar[col]})
		lbl := s.Indicator.Text(lang) + " " + wd.ages + " " + s.Ages.String()
		text(x+17, y, lbl, label, false, colorText, anchorStart)
		x += 17 + m.width(lbl, label, false)*slack + 14
		if s.Target != nil {
			add(shape{kind: shapeVLine, x: x + 5, y: y - 11, w: 2, h: 14, color: colorTarget[col], dash: true})
			tl := wd.target + " " + s.Target.Percent.In(lang)
			if s.Target.Year != rep.AsOf.Year() {
				tl += " (" + strconv.Itoa(s.Target.Year) + ")"
			}
			text(x+13, y, tl, label, false, colorText, anchorStart)
			x += 13 + m.width(tl, label, false)*slack + 22
		}
	}
	below := "below target"
	if lang == adminduk.Indonesian {
		below = "di bawah target"
	}
	add(shape{kind: shapeRect, x: x, y: y - 10, w: 12, h: 12, color: colorBelow})
	text(x+17, y, below, label, false, colorText, anchorStart)
	// Label column.
	rows := append(append([]coverage.RegionReport(nil), rep.Regions...), rep.Total)
	codeW, nameW := 0.0, 0.0
	for _, r := range rows {
		codeW = max(codeW, m.width(r.Code.String(), small, false))
		nameW = max(nameW, m.width(r.Name, label, r.Code.String() == ""))
	}
	nameW = min(nameW, 260)
	nameX := margin + codeW + 10
	plotX := nameX + nameW*slack + 12
	valueW := m.width("100,00 %", small, false) + 8
	plotW := width - plotX - margin - valueW
	maxP := coverage.Hundred
	for _, r := range rows {
		for _, s := range inds {
			if p, ok := r.Measure(s.Indicator).Percent(); ok && p > maxP {
				maxP = p
			}
		}
	}
	top := coverage.Percent(math.Ceil(maxP.Float64()/10) * 1000)
	xOf := func(p coverage.Percent) float64 { return plotX + plotW*float64(p)/float64(top) }
	n := float64(max(len(inds), 1))
	groupH := n*barH + (n-1)*barGap + 2*rowPad
	plotTop := y + 42
	y = plotTop
	// Rows.
	var rowsY []float64
	for i := range rows {
		if i == len(rows)-1 {
			add(shape{kind: shapeHLine, x: margin, y: y + 1, w: width - 2*margin, h: 1, color: colorMuted})
			y += 4
		}
		if i%2 == 0 && i != len(rows)-1 {
			add(shape{kind: shapeRect, x: margin, y: y, w: width - 2*margin, h: groupH, color: colorStripe})
		}
		rowsY = append(rowsY, y)
		y += groupH
	}
	plotBottom := y
	// Grid.
	for p := coverage.Percent(0); p <= top; p += 1000 {
		gx := xOf(p)
		add(shape{kind: shapeVLine, x: gx, y: plotTop, w: 1, h: plotBottom - plotTop, color: colorGrid})
		text(gx, plotBottom+16, strconv.Itoa(int(p/100))+" %", small, false, colorMuted, anchorMiddle)
	}
	// Bars and labels; the values are drawn last, on white, so that the
	// target lines never cross them.
	var values []shape
	for i, r := range rows {
		y0 := rowsY[i]
		total := r.Code.String() == ""
		cy := y0 + groupH/2 + 4.5
		name := fitText(m, r.Name, label, total, nameW)
		text(nameX, cy, name, label, total, colorText, anchorStart)
		text(margin, cy, r.Code.String(), small, false, colorMuted, anchorStart)
		for j, s := range inds {
			me := r.Measure(s.Indicator)
			by := y0 + rowPad + float64(j)*(barH+barGap)
			col := int(s.Indicator) - 1
			p, ok := me.Percent()
			if !ok {
				text(plotX+4, by+barH-2, "-", small, false, colorMuted, anchorStart)
				continue
			}
			add(shape{kind: shapeRect, x: plotX, y: by, w: xOf(p) - plotX, h: barH, color: colorBar[col]})
			vc := colorText
			if me.Target != nil && !me.TargetMet() {
				vc = colorBelow
			}
			v := p.In(lang)
			vw := m.width(v, small, total)
			values = append(values, shape{kind: shapeRect, x: xOf(p) + 2, y: by, w: vw + 4, h: barH, color: colorWhite},
				shape{kind: shapeText, x: xOf(p) + 4, y: by + barH - 2.5, text: v, size: small, bold: total, color: vc})
		}
	}
	// Target lines over the bars, labelled above the plot.
	lastLabel := math.Inf(-1)
	for _, s := range inds {
		if s.Target == nil {
			continue
		}
		col := int(s.Indicator) - 1
		tx := xOf(s.Target.Percent)
		add(shape{kind: shapeVLine, x: tx, y: plotTop - 6, w: 2, h: plotBottom - plotTop + 6, color: colorTarget[col], dash: true})
		tl := s.Target.Percent.In(lang)
		ly := plotTop - 10
		if tx-lastLabel < m.width(tl, small, true)+6 {
			ly -= 13
		}
		text(tx, ly, tl, small, true, colorTarget[col], anchorMiddle)
		lastLabel = tx
	}
	c.shapes = append(c.shapes, values...)
	// Footer.
	y = plotBottom + 40
	foot := coverage.FormatCount(rep.Stats.Counted, lang) + " " + rowsWord(lang)
	if rep.Stats.Malformed > 0 {
		foot += ", " + coverage.FormatCount(rep.Stats.Malformed, lang) + " " + skippedWord(lang)
	}
	foot += " · adminduk coverage"
	text(margin, y, foot, small, false, colorMuted, anchorStart)
	c.h = y + margin - 8
	return c, nil
}

func rowsWord(lang adminduk.Lang) string {
	if lang == adminduk.Indonesian {
		return "baris dihitung"
	}
	return "rows counted"
}

func skippedWord(lang adminduk.Lang) string {
	if lang == adminduk.Indonesian {
		return "dilewati"
	}
	return "skipped"
}

// commonParent names the kab/kota or province all regions are in, "" when
// they are in several.
func commonParent(rep *coverage.Report) string {
	if len(rep.Regions) == 0 || rep.Level == 1 {
		return ""
	}
	p := rep.Regions[0].Code.Parent()
	for _, r := range rep.Regions[1:] {
		if r.Code.Parent() != p {
			return ""
		}
	}
	return regionName(p)
}

// fitText shortens s with an ellipsis to fit width.
func fitText(m *measurer, s string, size float64, bold bool, width float64) string {
	if m.width(s, size, bold) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && m.width(string(r)+"…", size, bold) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// words are the chart's words in one language.
type words struct {
	ages, target string
	levels       [4]string
}

var (
	wordsID = words{ages: "umur", target: "target", levels: [4]string{"", "provinsi", "kab/kota", "kecamatan"}}
	wordsEN = words{ages: "ages", target: "target", levels: [4]string{"", "province", "kab/kota", "kecamatan"}}
)

func wordsFor(lang adminduk.Lang) *words {
	if lang == adminduk.Indonesian {
		return &wordsID
	}
	return &wordsEN
}

func regionName(c wilayah.Code) string {
	if r, ok := wilayah.Lookup(c); ok {
		return r.Name
	}
	return c.String()
}
