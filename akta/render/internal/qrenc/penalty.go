package qrenc

// Penalty weights of the mask evaluation (ISO/IEC 18004 section 7.8.3).
const (
	penaltyN1 = 3
	penaltyN2 = 3
	penaltyN3 = 40
	penaltyN4 = 10
)

// penalty scores a masked symbol module by module, with the reading of the
// rules that ZXing uses: N1 for each run of five or more modules of one
// colour in a row or column (plus one per module beyond five), N2 for each
// 2x2 block of one colour, N3 for each 1:1:3:1:1 finder-like pattern with
// four light modules before or after it (light beyond the edge), N4 for
// each 5 % of imbalance between dark and light. It is the reference that
// the bit-parallel bitGrid.score is tested against.
func penalty(dark []bool, n int) int {
	at := func(x, y int, vertical bool) bool {
		if vertical {
			x, y = y, x
		}
		return dark[y*n+x]
	}
	score := 0
	for _, vertical := range []bool{false, true} {
		for y := 0; y < n; y++ {
			run := 0
			for x := 0; x < n; x++ {
				if x > 0 && at(x, y, vertical) == at(x-1, y, vertical) {
					run++
				} else {
					run = 1
				}
				if run == 5 {
					score += penaltyN1
				} else if run > 5 {
					score++
				}
			}
			light := func(from, to int) bool { // [from, to) light, clamped
				for x := max(from, 0); x < min(to, n); x++ {
					if at(x, y, vertical) {
						return false
					}
				}
				return true
			}
			for x := 0; x+6 < n; x++ {
				p := true
				for k, want := range [7]bool{true, false, true, true, true, false, true} {
					if at(x+k, y, vertical) != want {
						p = false
						break
					}
				}
				if p && (light(x-4, x) || light(x+7, x+11)) {
					score += penaltyN3
				}
			}
		}
	}
	for y := 0; y < n-1; y++ {
		for x := 0; x < n-1; x++ {
			c := dark[y*n+x]
			if c == dark[y*n+x+1] && c == dark[(y+1)*n+x] && c == dark[(y+1)*n+x+1] {
				score += penaltyN2
			}
		}
	}
	d := 0
	for _, v := range dark {
		if v {
			d++
		}
	}
	return score + balance(d, n*n)
}

// balance is rule N4: ten points per full 5 % of deviation from half dark.
func balance(dark, total int) int {
	return abs(dark*2-total) * 10 / total * penaltyN4
}
