package qrenc

import (
	"math/rand/v2"
	"testing"
)

// The bit-parallel score agrees with the module-by-module reference on
// random grids of every size, including all-light and all-dark ones.
func TestBitScoreAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for v := 1; v <= 40; v++ {
		n := 17 + 4*v
		for trial := 0; trial < 6; trial++ {
			dark := make([]bool, n*n)
			for i := range dark {
				switch trial {
				case 0:
				case 1:
					dark[i] = true
				default:
					dark[i] = r.IntN(trial) == 0
				}
			}
			want := penalty(dark, n)
			if got := bitGridOf(dark, n).score(); got != want {
				t.Fatalf("size %d trial %d: bit score %d, reference %d", n, trial, got, want)
			}
		}
	}
}

// The mask chosen with bit grids is the one the reference score chooses.
func TestMaskChoiceAgrees(t *testing.T) {
	for v := 1; v <= 40; v += 3 {
		s := make([]byte, capacity(alphanumeric, v, Q))
		for i := range s {
			s[i] = alnum[(i*7+v)%len(alnum)]
		}
		c, err := Encode(string(s), Q)
		if err != nil {
			t.Fatal(err)
		}
		g := newGrid(c.Size)
		g.functionPatterns(c.Version, Q)
		g.codewords(addECC(dataCodewords(t, string(s), c.Version), c.Version, Q))
		best, bestScore := 0, -1
		trial := make([]bool, len(g.dark))
		for mask := 0; mask < 8; mask++ {
			g.applyMask(trial, g.dark, mask)
			g.formatBits(trial, Q, mask)
			if sc := penalty(trial, c.Size); bestScore < 0 || sc < bestScore {
				best, bestScore = mask, sc
			}
		}
		if best != c.Mask {
			t.Fatalf("version %d: mask %d, reference %d", v, c.Mask, best)
		}
	}
}

func dataCodewords(t *testing.T, s string, v int) []byte {
	t.Helper()
	return encodeData(s, modeOf(s), v, Q)
}
