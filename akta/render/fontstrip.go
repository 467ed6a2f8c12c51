package render

import (
	"encoding/binary"
	"errors"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// fontRanges are the characters the embedded fonts keep: Latin letters
// with their diacritics (names are written in Latin script, Permendagri
// 73/2022) and common punctuation. Other characters print as '?'.
var fontRanges = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x24f}, {0x2010, 0x2027}, {0x2030, 0x203a}, {0x20ac, 0x20ac}, {0x2122, 0x2122},
}

var errFont = errors.New("render: malformed font")

// reduceFont rebuilds a TrueType font with only the glyphs of fontRanges
// and no hinting (glyph instructions, fpgm, prep and cvt dropped). Viewers
// scale outlines without hints, and every document embeds a subset whose
// size is mostly the per-glyph tables (hmtx, loca) and the instructions:
// the reduced font halves what each document compresses.
func reduceFont(ttf []byte) ([]byte, error) {
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
			return nil, errFont
		}
	}
	head, hhea, maxp := clone(tables["head"]), clone(tables["hhea"]), clone(tables["maxp"])
	hmtx, loca, glyf := tables["hmtx"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 32 {
		return nil, errFont
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	numHM := int(be.Uint16(hhea[34:]))
	long := be.Uint16(head[50:]) == 1
	if numHM == 0 || numHM > numGlyphs || len(hmtx) < 4*numHM+2*(numGlyphs-numHM) ||
		(long && len(loca) < 4*(numGlyphs+1)) || (!long && len(loca) < 2*(numGlyphs+1)) {
		return nil, errFont
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
	for _, rg := range fontRanges {
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
			return nil, errFont
		}
		gl := glyf[s:e]
		if len(gl) >= 10 && int16(be.Uint16(gl)) >= 0 { // simple glyph: drop instructions
			p := 10 + 2*int(be.Uint16(gl))
			if p+2 > len(gl) || p+2+int(be.Uint16(gl[p:])) > len(gl) {
				return nil, errFont
			}
			newGlyf = append(newGlyf, gl[:p]...)
			newGlyf = append(newGlyf, 0, 0)
			newGlyf = append(newGlyf, gl[p+2+int(be.Uint16(gl[p:])):]...)
		} else if len(gl) > 0 {
			return nil, errFont // composite glyphs would need their components renumbered
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
		return nil, errFont
	}
	n := int(be.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errFont
	}
	m := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		e := ttf[12+16*i:]
		off, length := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off < 0 || length < 0 || off+length > len(ttf) {
			return nil, errFont
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
