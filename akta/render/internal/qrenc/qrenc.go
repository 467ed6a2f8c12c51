// Package qrenc encodes QR codes (ISO/IEC 18004, model 2) fast enough to
// put a fresh one on every document: a credential-sized code (version 10-15)
// takes a fraction of a millisecond, against several for the general
// libraries, whose mask evaluation dominates. It writes numeric,
// alphanumeric or byte mode as one segment, chooses the smallest version
// for the error-correction level asked for and the mask with the lowest
// penalty score (the rules as ZXing reads them, scored 64 lines at a time
// on bit columns). The symbol construction follows Project Nayuki's
// reference generator.
package qrenc

import (
	"errors"
	"strings"
)

// Level is an error-correction level.
type Level uint8

// Error-correction levels: the share of codewords that can be restored.
const (
	L Level = iota // 7 %
	M              // 15 %
	Q              // 25 %
	H              // 30 %
)

// ErrTooLong is returned when the text does not fit in version 40.
var ErrTooLong = errors.New("qrenc: text too long for a QR code")

// Code is an encoded QR symbol.
type Code struct {
	Version int
	Size    int // modules per side, 17 + 4*Version
	Mask    int
	dark    []bool
}

// Dark reports whether the module in column x, row y is dark.
func (c *Code) Dark(x, y int) bool { return c.dark[y*c.Size+x] }

// Bitmap returns the modules as rows with a light border of the given
// width (4 is the quiet zone the standard asks for).
func (c *Code) Bitmap(border int) [][]bool {
	n := c.Size + 2*border
	cells := make([]bool, n*n)
	rows := make([][]bool, n)
	for y := range rows {
		rows[y] = cells[y*n : (y+1)*n]
		if y >= border && y < border+c.Size {
			copy(rows[y][border:], c.dark[(y-border)*c.Size:(y-border+1)*c.Size])
		}
	}
	return rows
}

const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

type mode uint8

const (
	numeric mode = iota
	alphanumeric
	bytes
)

func modeOf(s string) mode {
	m := numeric
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case strings.IndexByte(alnum, c) >= 0:
			m = max(m, alphanumeric)
		default:
			return bytes
		}
	}
	return m
}

// countBits is the width of the character count for mode m in version v.
func countBits(m mode, v int) int {
	i := 0
	if v >= 27 {
		i = 2
	} else if v >= 10 {
		i = 1
	}
	return [3][3]int{{10, 12, 14}, {9, 11, 13}, {8, 16, 16}}[m][i]
}

func dataBits(m mode, n int) int {
	switch m {
	case numeric:
		return n/3*10 + [3]int{0, 4, 7}[n%3]
	case alphanumeric:
		return n/2*11 + n%2*6
	}
	return n * 8
}

// Encode encodes text at level lvl in the smallest version that holds it.
func Encode(text string, lvl Level) (*Code, error) {
	if lvl > H {
		return nil, errors.New("qrenc: unknown level")
	}
	m := modeOf(text)
	ver, used := 0, 0
	for v := 1; v <= 40; v++ {
		cap := numDataCodewords(v, lvl) * 8
		cb := countBits(m, v)
		if len(text) < 1<<cb {
			if used = 4 + cb + dataBits(m, len(text)); used <= cap {
				ver = v
				break
			}
		}
	}
	if ver == 0 {
		return nil, ErrTooLong
	}
	all := addECC(encodeData(text, m, ver, lvl), ver, lvl)

	c := &Code{Version: ver, Size: 17 + 4*ver}
	g := newGrid(c.Size)
	g.functionPatterns(ver, lvl)
	g.codewords(all)
	// Try the eight masks; keep the lowest penalty (the lowest mask on a
	// tie).
	best, bestScore := 0, -1
	base, masks := bitGridOf(g.dark, c.Size), g.bitMasks()
	bg := newBitGrid(c.Size)
	for mask := 0; mask < 8; mask++ {
		bg.xorOf(base, masks[mask])
		bg.formatBits(lvl, mask)
		if s := bg.score(); bestScore < 0 || s < bestScore {
			best, bestScore = mask, s
		}
	}
	trial := make([]bool, len(g.dark))
	g.applyMask(trial, g.dark, best)
	g.formatBits(trial, lvl, best)
	c.Mask, c.dark = best, trial
	return c, nil
}

// encodeData writes text as one segment of mode m, terminated and padded
// to the data capacity of version ver at level lvl.
func encodeData(text string, m mode, ver int, lvl Level) []byte {
	var bb bitBuffer
	bb.append(1<<m, 4)
	bb.append(uint32(len(text)), countBits(m, ver))
	switch m {
	case numeric:
		for i := 0; i < len(text); i += 3 {
			n := min(3, len(text)-i)
			v := uint32(0)
			for _, c := range []byte(text[i : i+n]) {
				v = v*10 + uint32(c-'0')
			}
			bb.append(v, n*3+1)
		}
	case alphanumeric:
		i := 0
		for ; i+1 < len(text); i += 2 {
			bb.append(uint32(strings.IndexByte(alnum, text[i])*45+strings.IndexByte(alnum, text[i+1])), 11)
		}
		if i < len(text) {
			bb.append(uint32(strings.IndexByte(alnum, text[i])), 6)
		}
	default:
		for i := 0; i < len(text); i++ {
			bb.append(uint32(text[i]), 8)
		}
	}
	capBits := numDataCodewords(ver, lvl) * 8
	bb.append(0, min(4, capBits-bb.n))
	bb.append(0, (8-bb.n%8)%8)
	for pad := uint32(0xEC); bb.n < capBits; pad ^= 0xEC ^ 0x11 {
		bb.append(pad, 8)
	}
	return bb.bytes
}

type bitBuffer struct {
	bytes []byte
	n     int
}

func (b *bitBuffer) append(v uint32, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if b.n%8 == 0 {
			b.bytes = append(b.bytes, 0)
		}
		if v>>uint(i)&1 != 0 {
			b.bytes[b.n/8] |= 0x80 >> uint(b.n%8)
		}
		b.n++
	}
}
