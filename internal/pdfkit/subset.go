package pdfkit

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/sfnt"
)

// Subset is the set of characters a document embeds its fonts with.
// [Register] embeds the Go fonts whole ([AllGlyphs]); [RegisterSubset] can
// embed them reduced to [Latin], which makes every document smaller and
// faster to write. Measuring ([Width]) is the same for both, as the
// advances are the same; what differs is which runes a font has
// ([Subset.Has]) and so what [Subset.Clean] replaces.
type Subset uint8

// The subsets.
const (
	// AllGlyphs is every glyph of the Go fonts (Latin, Greek, Cyrillic and
	// symbols), with their hinting instructions.
	AllGlyphs Subset = iota
	// Latin is the Latin letters with their diacritics (names in
	// Indonesian documents are written in Latin script, Permendagri
	// 73/2022) and common punctuation: U+0020-007E, U+00A0-024F,
	// U+2010-2027, U+2030-203A, the euro and trade-mark signs. The glyphs
	// are kept without hinting: viewers scale outlines without hints, and
	// the instructions are most of what a document's font subset would
	// otherwise compress.
	Latin
)

// latinRanges are the characters of [Latin].
var latinRanges = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x24f}, {0x2010, 0x2027}, {0x2030, 0x203a}, {0x20ac, 0x20ac}, {0x2122, 0x2122},
}

// String returns "AllGlyphs" or "Latin", "Subset(n)" for another value.
func (s Subset) String() string {
	switch s {
	case AllGlyphs:
		return "AllGlyphs"
	case Latin:
		return "Latin"
	}
	return fmt.Sprintf("Subset(%d)", uint8(s))
}

// IsValid reports whether s is AllGlyphs or Latin.
func (s Subset) IsValid() bool { return s <= Latin }

// Has reports whether f embedded as s has a glyph for r.
func (s Subset) Has(f Font, r rune) bool {
	if s == Latin && !inRanges(latinRanges, r) {
		return false
	}
	return Has(f, r)
}

// Clean is [Clean] for fonts embedded as s: runes outside s become '?'
// too.
func (s Subset) Clean(str string, fonts ...Font) string {
	if s != Latin {
		return Clean(str, fonts...)
	}
	return clean(str, func(r rune) bool { return inRanges(latinRanges, r) && hasAll(fonts, r) })
}

func inRanges(ranges [][2]rune, r rune) bool {
	for _, rg := range ranges {
		if rg[0] <= r && r <= rg[1] {
			return true
		}
	}
	return false
}

var (
	latinOnce      sync.Once
	latinContainer *gopdf.FontContainer
	latinErr       error
)

// loadLatin reduces the fonts to Latin once per process and parses them for
// gopdf, under the same names as the whole fonts.
func loadLatin() error {
	latinOnce.Do(func() {
		if latinErr = load(); latinErr != nil {
			return
		}
		c := &gopdf.FontContainer{}
		for i := range numFonts {
			data, err := reduceFont(fontInfo[i].ttf, latinRanges)
			if err != nil {
				latinErr = fmt.Errorf("pdfkit: font %s: %w", fontInfo[i].name, err)
				return
			}
			opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
			if err := c.AddTTFFontDataWithOption(fontInfo[i].name, data, opt); err != nil {
				latinErr = fmt.Errorf("pdfkit: font %s: %w", fontInfo[i].name, err)
				return
			}
		}
		latinContainer = c
	})
	return latinErr
}

// RegisterSubset is [Register] with the fonts embedded as s: the same
// names, so the same SetFont calls, and for [Latin] reduced fonts that
// every document subsets faster and compresses smaller. Text drawn with
// them must be cleaned with [Subset.Clean].
func RegisterSubset(pdf *gopdf.GoPdf, s Subset, fonts ...Font) error {
	switch s {
	case AllGlyphs:
		return Register(pdf, fonts...)
	case Latin:
	default:
		return fmt.Errorf("pdfkit: unknown subset %d", uint8(s))
	}
	if err := loadLatin(); err != nil {
		return err
	}
	return register(pdf, latinContainer, fonts)
}

var errMalformedFont = errors.New("pdfkit: malformed font")

// reduceFont rebuilds a TrueType font with only the glyphs of ranges and
// no hinting (glyph instructions, fpgm, prep and cvt dropped). Viewers
// scale outlines without hints, and every document embeds a subset whose
// size is mostly the per-glyph tables (hmtx, loca) and the instructions:
// the reduced font halves what each document compresses.
func reduceFont(ttf []byte, ranges [][2]rune) ([]byte, error) {
	be := binary.BigEndian
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	tables, err := tableMap(ttf)
	if err != nil {
		return nil, err
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf", "name", "post", "OS/2"} {
		if _, ok := tables[t]; !ok {
			return nil, errMalformedFont
		}
	}
	head, hhea, maxp := clone(tables["head"]), clone(tables["hhea"]), clone(tables["maxp"])
	hmtx, loca, glyf := tables["hmtx"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 32 {
		return nil, errMalformedFont
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	numHM := int(be.Uint16(hhea[34:]))
	long := be.Uint16(head[50:]) == 1
	if numHM == 0 || numHM > numGlyphs || len(hmtx) < 4*numHM+2*(numGlyphs-numHM) ||
		(long && len(loca) < 4*(numGlyphs+1)) || (!long && len(loca) < 2*(numGlyphs+1)) {
		return nil, errMalformedFont
	}
	offset := func(g int) int {
		if long {
			return int(be.Uint32(loca[4*g:]))
		}
		return int(be.Uint16(loca[2*g:])) * 2
	}
	metric := func(g int) (adv, lsb uint16) {
		if g < numHM {
			return be.Uint16(hmtx[4*g:]), be.Uint16(hmtx[4*g+2:])
		}
		return be.Uint16(hmtx[4*(numHM-1):]), be.Uint16(hmtx[4*numHM+2*(g-numHM):])
	}

	// New glyph order: .notdef, then one glyph per kept character in
	// character order (a glyph shared by two characters is kept once).
	var buf sfnt.Buffer
	old := []int{0}
	newID := map[int]int{0: 0}
	type pair struct {
		r   rune
		gid int
	}
	var cmap []pair
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			g, err := f.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				continue
			}
			id, ok := newID[int(g)]
			if !ok {
				id = len(old)
				newID[int(g)] = id
				old = append(old, int(g))
			}
			cmap = append(cmap, pair{r, id})
		}
	}

	var newGlyf, newHmtx []byte
	offsets := make([]int, 0, len(old)+1)
	for _, g := range old {
		offsets = append(offsets, len(newGlyf))
		s, e := offset(g), offset(g+1)
		if s > e || e > len(glyf) {
			return nil, errMalformedFont
		}
		gl := glyf[s:e]
		if len(gl) >= 10 && int16(be.Uint16(gl)) >= 0 { // simple glyph: drop instructions
			p := 10 + 2*int(be.Uint16(gl))
			if p+2 > len(gl) || p+2+int(be.Uint16(gl[p:])) > len(gl) {
				return nil, errMalformedFont
			}
			newGlyf = append(newGlyf, gl[:p]...)
			newGlyf = append(newGlyf, 0, 0)
			newGlyf = append(newGlyf, gl[p+2+int(be.Uint16(gl[p:])):]...)
		} else if len(gl) > 0 {
			return nil, errMalformedFont // composite glyphs would need their components renumbered
		}
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		adv, lsb := metric(g)
		newHmtx = be.AppendUint16(newHmtx, adv)
		newHmtx = be.AppendUint16(newHmtx, lsb)
	}
	offsets = append(offsets, len(newGlyf))
	short := len(newGlyf) < 0x20000
	var newLoca []byte
	for _, o := range offsets {
		if short {
			newLoca = be.AppendUint16(newLoca, uint16(o/2))
		} else {
			newLoca = be.AppendUint32(newLoca, uint32(o))
		}
	}
	be.PutUint16(head[50:], 0)
	if !short {
		be.PutUint16(head[50:], 1)
	}
	be.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	be.PutUint16(hhea[34:], uint16(len(old)))
	be.PutUint16(maxp[4:], uint16(len(old)))
	be.PutUint16(maxp[26:], 0) // maxSizeOfInstructions
	post := clone(tables["post"][:32])
	be.PutUint32(post[0:], 0x00030000) // version 3: no glyph names

	// cmap: one (3,1) format 4 subtable, a segment per run of consecutive
	// characters, glyph = character + delta.
	type seg struct{ start, end, delta int }
	var segs []seg
	for i := 0; i < len(cmap); {
		j := i
		for j+1 < len(cmap) && cmap[j+1].r == cmap[j].r+1 && cmap[j+1].gid == cmap[j].gid+1 {
			j++
		}
		segs = append(segs, seg{int(cmap[i].r), int(cmap[j].r), cmap[i].gid - int(cmap[i].r)})
		i = j + 1
	}
	segs = append(segs, seg{0xffff, 0xffff, 1})
	n := len(segs)
	sr := 2
	for sr*2 <= n*2 {
		sr *= 2
	}
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sub := be.AppendUint16(nil, 4)
	sub = be.AppendUint16(sub, uint16(16+8*n))
	sub = be.AppendUint16(sub, 0)
	sub = be.AppendUint16(sub, uint16(2*n))
	sub = be.AppendUint16(sub, uint16(sr))
	sub = be.AppendUint16(sub, uint16(es))
	sub = be.AppendUint16(sub, uint16(2*n-sr))
	for _, s := range segs {
		sub = be.AppendUint16(sub, uint16(s.end))
	}
	sub = be.AppendUint16(sub, 0)
	for _, s := range segs {
		sub = be.AppendUint16(sub, uint16(s.start))
	}
	for _, s := range segs {
		sub = be.AppendUint16(sub, uint16(s.delta))
	}
	for range segs {
		sub = be.AppendUint16(sub, 0)
	}
	cmapTable := append([]byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}, sub...)

	out := map[string][]byte{
		"OS/2": tables["OS/2"], "cmap": cmapTable, "glyf": newGlyf, "head": head, "hhea": hhea,
		"hmtx": newHmtx, "loca": newLoca, "maxp": maxp, "name": tables["name"], "post": post,
	}
	return writeFont(out), nil
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

// tableMap returns the tables of a TrueType font by tag.
func tableMap(ttf []byte) (map[string][]byte, error) {
	be := binary.BigEndian
	if len(ttf) < 12 {
		return nil, errMalformedFont
	}
	n := int(be.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errMalformedFont
	}
	m := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		e := ttf[12+16*i:]
		off, length := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off < 0 || length < 0 || off+length > len(ttf) {
			return nil, errMalformedFont
		}
		m[string(e[:4])] = ttf[off : off+length]
	}
	return m, nil
}

// writeFont lays out tables in tag order with a table directory and sets
// head.checkSumAdjustment.
func writeFont(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	nt := len(tags)
	sel := 0
	for 1<<(sel+1) <= nt {
		sel++
	}
	font := make([]byte, 12+16*nt)
	be.PutUint32(font, 0x00010000)
	be.PutUint16(font[4:], uint16(nt))
	be.PutUint16(font[6:], uint16(16<<sel))
	be.PutUint16(font[8:], uint16(sel))
	be.PutUint16(font[10:], uint16(nt*16-16<<sel))
	headAt := 0
	for i, t := range tags {
		data := tables[t]
		e := font[12+16*i:]
		copy(e, t)
		be.PutUint32(e[4:], checksum(data))
		be.PutUint32(e[8:], uint32(len(font)))
		be.PutUint32(e[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(font)
		}
		font = append(font, data...)
		for len(font)%4 != 0 {
			font = append(font, 0)
		}
	}
	be.PutUint32(font[headAt+8:], 0xB1B0AFBA-checksum(font))
	return font
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
