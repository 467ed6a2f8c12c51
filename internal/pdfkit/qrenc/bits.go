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

// score is penalty computed on bit lines; it equals penalty on the same
// modules.
func (g *bitGrid) score() int {
	n, w := g.n, g.w
	s := 0
	for i := 0; i < n; i++ {
		s += g.lineScore(g.rows[i*w : (i+1)*w])
		s += g.lineScore(g.cols[i*w : (i+1)*w])
	}
	// 2x2 blocks of one colour: x and x+1 in rows y and y+1 agree.
	last := uint64(1)<<uint((n-1)%64) - 1 // valid x in the last word: x < n-1
	if (n-1)%64 == 0 {
		last = ^uint64(0)
	}
	for y := 0; y < n-1; y++ {
		a, b := g.rows[y*w:(y+1)*w], g.rows[(y+1)*w:(y+2)*w]
		for j := 0; j < w; j++ {
			an, bn := uint64(0), uint64(0)
			if j+1 < w {
				an, bn = a[j+1], b[j+1]
			}
			ar, br := a[j]>>1|an<<63, b[j]>>1|bn<<63
			same := ^(a[j] ^ ar) & ^(b[j] ^ br) & ^(a[j] ^ b[j])
			if j == (n-2)/64 {
				same &= last
			} else if j > (n-2)/64 {
				same = 0
			}
			s += bits.OnesCount64(same) * penaltyN2
		}
	}
	d := 0
	for _, v := range g.rows {
		d += bits.OnesCount64(v)
	}
	total := n * n
	k := (abs(d*20-total*10)+total-1)/total - 1
	return s + k*penaltyN4
}

// lineScore scores one line run by run: the same state machine as
// lineScore in penalty.go, advanced a whole run at a time.
func (g *bitGrid) lineScore(line []uint64) int {
	n := g.n
	s := 0
	var hist [7]int
	runColor, run := false, 0
	n1 := func(l int) int {
		if l < 5 {
			return 0
		}
		return penaltyN1 + l - 5
	}
	prev := 0 // start of the current run
	carry := uint64(0)
	for j, word := range line {
		t := word ^ (word<<1 | carry)
		carry = word >> 63
		if j == len(line)-1 && n%64 != 0 {
			t &= 1<<uint(n%64) - 1
		}
		for t != 0 {
			p := j*64 + bits.TrailingZeros64(t)
			t &= t - 1
			// A change of colour at module p ends the run [prev, p),
			// which is empty when the line starts dark.
			run = p - prev
			s += n1(run)
			addHistory(&hist, run, n)
			if !runColor {
				s += countPatterns(&hist) * penaltyN3
			}
			runColor = !runColor
			prev = p
		}
	}
	run = n - prev
	s += n1(run)
	if runColor {
		addHistory(&hist, run, n)
		run = 0
	}
	addHistory(&hist, run+n, n)
	return s + countPatterns(&hist)*penaltyN3
}
