package render

import (
	"encoding/binary"
	"errors"
	"sort"
)

// stripHinting returns a copy of a TrueType font without hinting: glyph
// instructions removed and the fpgm, prep and cvt tables dropped, the rest
// unchanged. PDF viewers scale outlines without hints, and the embedded
// subset of each document shrinks by about half, which is most of the
// time it takes to compress.
func stripHinting(ttf []byte) ([]byte, error) {
	be := binary.BigEndian
	bad := errors.New("render: malformed font")
	if len(ttf) < 12 {
		return nil, bad
	}
	n := int(be.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, bad
	}
	type table struct {
		tag  string
		data []byte
	}
	var tables []table
	idx := map[string]int{}
	for i := 0; i < n; i++ {
		e := ttf[12+16*i:]
		off, length := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off < 0 || length < 0 || off+length > len(ttf) {
			return nil, bad
		}
		tag := string(e[:4])
		if tag == "fpgm" || tag == "prep" || tag == "cvt " {
			continue
		}
		idx[tag] = len(tables)
		tables = append(tables, table{tag, append([]byte(nil), ttf[off:off+length]...)})
	}
	hi, li, gi, mi := idx["head"], idx["loca"], idx["glyf"], idx["maxp"]
	for _, t := range []string{"head", "loca", "glyf", "maxp"} {
		if _, ok := idx[t]; !ok {
			return nil, bad
		}
	}
	head, loca, glyf, maxp := tables[hi].data, tables[li].data, tables[gi].data, tables[mi].data
	if len(head) < 54 || len(maxp) < 6 {
		return nil, bad
	}
	long := be.Uint16(head[50:]) == 1
	numGlyphs := int(be.Uint16(maxp[4:]))
	offset := func(i int) int {
		if long {
			return int(be.Uint32(loca[4*i:]))
		}
		return int(be.Uint16(loca[2*i:])) * 2
	}
	if (long && len(loca) < 4*(numGlyphs+1)) || (!long && len(loca) < 2*(numGlyphs+1)) {
		return nil, bad
	}
	var out []byte
	newLoca := make([]int, numGlyphs+1)
	for g := 0; g < numGlyphs; g++ {
		newLoca[g] = len(out)
		s, e := offset(g), offset(g+1)
		if s > e || e > len(glyf) {
			return nil, bad
		}
		gl := glyf[s:e]
		if len(gl) >= 10 && int16(be.Uint16(gl)) >= 0 {
			nc := int(be.Uint16(gl))
			p := 10 + 2*nc
			if p+2 > len(gl) {
				return nil, bad
			}
			il := int(be.Uint16(gl[p:]))
			if p+2+il > len(gl) {
				return nil, bad
			}
			out = append(out, gl[:p]...)
			out = append(out, 0, 0)
			out = append(out, gl[p+2+il:]...)
		} else {
			out = append(out, gl...) // empty or composite: as it is
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	newLoca[numGlyphs] = len(out)
	var lb []byte
	for _, o := range newLoca {
		if long {
			lb = be.AppendUint32(lb, uint32(o))
		} else {
			lb = be.AppendUint16(lb, uint16(o/2))
		}
	}
	tables[gi].data, tables[li].data = out, lb
	be.PutUint16(maxp[26:], 0) // maxSizeOfInstructions
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, recomputed below

	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	nt := len(tables)
	sel := 0
	for 1<<(sel+1) <= nt {
		sel++
	}
	font := make([]byte, 12+16*nt)
	copy(font, ttf[:4])
	be.PutUint16(font[4:], uint16(nt))
	be.PutUint16(font[6:], uint16(16<<sel))
	be.PutUint16(font[8:], uint16(sel))
	be.PutUint16(font[10:], uint16(nt*16-16<<sel))
	headAt := 0
	for i, t := range tables {
		for len(font)%4 != 0 {
			font = append(font, 0)
		}
		e := font[12+16*i:]
		copy(e, t.tag)
		be.PutUint32(e[4:], checksum(t.data))
		be.PutUint32(e[8:], uint32(len(font)))
		be.PutUint32(e[12:], uint32(len(t.data)))
		if t.tag == "head" {
			headAt = len(font)
		}
		font = append(font, t.data...)
	}
	for len(font)%4 != 0 {
		font = append(font, 0)
	}
	be.PutUint32(font[headAt+8:], 0xB1B0AFBA-checksum(font))
	return font, nil
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
