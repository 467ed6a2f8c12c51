package qrenc

import "sync"

// grid holds the modules while a symbol is built; function marks the
// modules of function patterns, which data and masks leave alone.
type grid struct {
	size     int
	dark     []bool
	function []bool
}

func newGrid(size int) *grid {
	return &grid{size: size, dark: make([]bool, size*size), function: make([]bool, size*size)}
}

func (g *grid) set(x, y int, dark bool) {
	g.dark[y*g.size+x] = dark
	g.function[y*g.size+x] = true
}

func (g *grid) functionPatterns(v int, l Level) {
	n := g.size
	for i := 0; i < n; i++ { // timing patterns
		g.set(6, i, i%2 == 0)
		g.set(i, 6, i%2 == 0)
	}
	for _, c := range [3][2]int{{3, 3}, {n - 4, 3}, {3, n - 4}} { // finders and separators
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				x, y := c[0]+dx, c[1]+dy
				if x >= 0 && x < n && y >= 0 && y < n {
					d := max(abs(dx), abs(dy))
					g.set(x, y, d != 2 && d != 4)
				}
			}
		}
	}
	pos := alignmentPositions(v)
	last := len(pos) - 1
	for i, px := range pos {
		for j, py := range pos {
			if i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0 {
				continue // a finder is there
			}
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					g.set(px+dx, py+dy, max(abs(dx), abs(dy)) != 1)
				}
			}
		}
	}
	g.formatBits(g.dark, l, 0) // reserve the format areas
	g.markFormat()
	if v >= 7 {
		rem := v
		for i := 0; i < 12; i++ {
			rem = rem<<1 ^ (rem>>11)*0x1F25
		}
		bits := v<<12 | rem
		for i := 0; i < 18; i++ {
			dark := bits>>uint(i)&1 != 0
			a, b := n-11+i%3, i/3
			g.set(a, b, dark)
			g.set(b, a, dark)
		}
	}
}

// markFormat marks the format-information modules (and the dark module)
// as function modules.
func (g *grid) markFormat() {
	n := g.size
	mark := func(x, y int) { g.function[y*n+x] = true }
	for i := 0; i <= 8; i++ {
		mark(8, i)
		mark(i, 8)
	}
	for i := 0; i < 8; i++ {
		mark(n-1-i, 8)
		mark(8, n-1-i)
	}
}

// formatBits writes the format information for level l and mask into dark.
func (g *grid) formatBits(dark []bool, l Level, mask int) {
	n := g.size
	data := formatLevel[l]<<3 | mask
	rem := data
	for i := 0; i < 10; i++ {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	bits := (data<<10 | rem) ^ 0x5412
	bit := func(i int) bool { return bits>>uint(i)&1 != 0 }
	put := func(x, y int, v bool) { dark[y*n+x] = v }
	for i := 0; i <= 5; i++ {
		put(8, i, bit(i))
	}
	put(8, 7, bit(6))
	put(8, 8, bit(7))
	put(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		put(14-i, 8, bit(i))
	}
	for i := 0; i < 8; i++ {
		put(n-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		put(8, n-15+i, bit(i))
	}
	put(8, n-8, true) // the dark module
}

// codewords places the data in the zig-zag order of the standard.
func (g *grid) codewords(data []byte) {
	n := g.size
	i, total := 0, len(data)*8
	for right := n - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		upward := (right+1)&2 == 0
		for vert := 0; vert < n; vert++ {
			y := vert
			if upward {
				y = n - 1 - vert
			}
			for j := 0; j < 2; j++ {
				x := right - j
				k := y*n + x
				if !g.function[k] && i < total {
					g.dark[k] = data[i>>3]>>(7-uint(i&7))&1 != 0
					i++
				}
			}
		}
	}
}

// maskCond reports whether mask inverts the module at column x, row y.
func maskCond(mask, x, y int) bool {
	switch mask {
	case 0:
		return (x+y)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (x+y)%3 == 0
	case 4:
		return (x/3+y/2)%2 == 0
	case 5:
		return x*y%2+x*y%3 == 0
	case 6:
		return (x*y%2+x*y%3)%2 == 0
	}
	return ((x+y)%2+x*y%3)%2 == 0
}

// masks returns, for the grid's version, which modules each mask inverts
// (function modules never), computed once per version.
func (g *grid) masks() *[8][]bool {
	if m, ok := maskCache.Load(g.size); ok {
		return m.(*[8][]bool)
	}
	var m [8][]bool
	n := g.size
	for mask := range m {
		m[mask] = make([]bool, n*n)
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				k := y*n + x
				m[mask][k] = !g.function[k] && maskCond(mask, x, y)
			}
		}
	}
	v, _ := maskCache.LoadOrStore(g.size, &m)
	return v.(*[8][]bool)
}

var maskCache sync.Map // size -> *[8][]bool

// applyMask writes base with the mask applied into dst.
func (g *grid) applyMask(dst, base []bool, mask int) {
	inv := g.masks()[mask]
	for k, v := range base {
		dst[k] = v != inv[k]
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
