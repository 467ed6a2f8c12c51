package qrenc

import (
	"math/bits"
	"sync"
)

// bitGrid holds a symbol as bit rows and bit columns (bit x of row y is
// the module at column x), so that a mask is applied by XOR on whole words
// and scored run by run instead of module by module.
type bitGrid struct {
	n, w       int      // size, words per line
	rows, cols []uint64 // n lines of w words each
}

func newBitGrid(n int) *bitGrid {
	w := (n + 63) / 64
	return &bitGrid{n: n, w: w, rows: make([]uint64, n*w), cols: make([]uint64, n*w)}
}

func bitGridOf(dark []bool, n int) *bitGrid {
	g := newBitGrid(n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if dark[y*n+x] {
				g.rows[y*g.w+x/64] |= 1 << uint(x%64)
				g.cols[x*g.w+y/64] |= 1 << uint(y%64)
			}
		}
	}
	return g
}

func (g *bitGrid) set(x, y int, dark bool) {
	r, rb := y*g.w+x/64, uint64(1)<<uint(x%64)
	c, cb := x*g.w+y/64, uint64(1)<<uint(y%64)
	if dark {
		g.rows[r] |= rb
		g.cols[c] |= cb
	} else {
		g.rows[r] &^= rb
		g.cols[c] &^= cb
	}
}

// xorOf sets g to a XOR b.
func (g *bitGrid) xorOf(a, b *bitGrid) {
	for i := range g.rows {
		g.rows[i] = a.rows[i] ^ b.rows[i]
		g.cols[i] = a.cols[i] ^ b.cols[i]
	}
}

// formatBits writes the format information as grid.formatBits does.
func (g *bitGrid) formatBits(l Level, mask int) {
	n := g.n
	data := formatLevel[l]<<3 | mask
	rem := data
	for i := 0; i < 10; i++ {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	b := (data<<10 | rem) ^ 0x5412
	bit := func(i int) bool { return b>>uint(i)&1 != 0 }
	for i := 0; i <= 5; i++ {
		g.set(8, i, bit(i))
	}
	g.set(8, 7, bit(6))
	g.set(8, 8, bit(7))
	g.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		g.set(14-i, 8, bit(i))
	}
	for i := 0; i < 8; i++ {
		g.set(n-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		g.set(8, n-15+i, bit(i))
	}
	g.set(8, n-8, true)
}

var bitMaskCache sync.Map // size -> *[8]*bitGrid

// bitMasks returns the masks of g's version as bit grids.
func (g *grid) bitMasks() *[8]*bitGrid {
	if m, ok := bitMaskCache.Load(g.size); ok {
		return m.(*[8]*bitGrid)
	}
	var m [8]*bitGrid
	for i, inv := range g.masks() {
		m[i] = bitGridOf(inv, g.size)
	}
	v, _ := bitMaskCache.LoadOrStore(g.size, &m)
	return v.(*[8]*bitGrid)
}

// score is penalty computed on whole words, 64 lines at a time: each rule
// becomes ANDs, ORs and population counts.
func (g *bitGrid) score() int {
	n, w := g.n, g.w
	// Rows are scored along x with the column words (bit y = row y), and
	// columns along y with the row words.
	s := runScore(g.cols, n, w) + runScore(g.rows, n, w)
	// 2x2 blocks of one colour: x and x+1 in rows y and y+1 agree.
	for y := 0; y < n-1; y++ {
		for j := 0; j < w; j++ {
			a, b := g.rows[y*w+j], g.rows[(y+1)*w+j]
			var an, bn uint64
			if j+1 < w {
				an, bn = g.rows[y*w+j+1], g.rows[(y+1)*w+j+1]
			}
			ar, br := a>>1|an<<63, b>>1|bn<<63
			same := ^(a ^ ar) & ^(b ^ br) & ^(a ^ b)
			if lo := 64 * j; n-1-lo < 64 {
				same &= 1<<uint(max(n-1-lo, 0)) - 1
			}
			s += bits.OnesCount64(same) * penaltyN2
		}
	}
	d := 0
	for _, v := range g.rows {
		d += bits.OnesCount64(v)
	}
	return s + balance(d, n*n)
}

// runScore is rules N1 and N3 of penalty for n lines at once: seq holds,
// for each position along the lines, w words with one bit per line.
// Positions outside the symbol read as light.
func runScore(seq []uint64, n, w int) int {
	at := func(pos, j int) uint64 {
		if pos < 0 || pos >= n {
			return 0
		}
		return seq[pos*w+j]
	}
	score := 0
	for j := 0; j < w; j++ {
		var prevU uint64
		for x := 0; x < n; x++ {
			s0, s1, s2, s3, s4 := at(x, j), at(x+1, j), at(x+2, j), at(x+3, j), at(x+4, j)
			if x+4 < n {
				// N1: modules x..x+4 of one colour; a run of L modules has
				// L-4 such positions and scores 3 + (L-5).
				u := ^(s0 ^ s1) & ^(s1 ^ s2) & ^(s2 ^ s3) & ^(s3 ^ s4)
				if j == w-1 && n%64 != 0 {
					u &= 1<<uint(n%64) - 1 // no lines beyond n
				}
				score += bits.OnesCount64(u) + bits.OnesCount64(u&^prevU)*(penaltyN1-1)
				prevU = u
			}
			if x+6 < n {
				// N3: dark light dark dark dark light dark from x, with four
				// light modules before x or after x+6.
				p := s0 & ^s1 & s2 & s3 & s4 & ^at(x+5, j) & at(x+6, j)
				if p != 0 {
					before := ^(at(x-1, j) | at(x-2, j) | at(x-3, j) | at(x-4, j))
					after := ^(at(x+7, j) | at(x+8, j) | at(x+9, j) | at(x+10, j))
					score += bits.OnesCount64(p&(before|after)) * penaltyN3
				}
			}
		}
	}
	return score
}
