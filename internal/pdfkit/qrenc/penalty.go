package qrenc

// Penalty weights of the standard's mask evaluation.
const (
	penaltyN1 = 3
	penaltyN2 = 3
	penaltyN3 = 40
	penaltyN4 = 10
)

// penalty scores a masked symbol: runs of five or more, 2x2 blocks,
// finder-like patterns and dark/light imbalance.
func penalty(dark []bool, n int) int {
	score := 0
	for i := 0; i < n; i++ {
		score += lineScore(dark, i*n, 1, n) // row i
		score += lineScore(dark, i, n, n)   // column i
	}
	for y := 0; y < n-1; y++ {
		r0, r1 := dark[y*n:(y+1)*n], dark[(y+1)*n:(y+2)*n]
		for x := 0; x < n-1; x++ {
			c := r0[x]
			if c == r0[x+1] && c == r1[x] && c == r1[x+1] {
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
	total := n * n
	k := (abs(d*20-total*10)+total-1)/total - 1
	return score + k*penaltyN4
}

// lineScore scores one row or column: the modules start, start+stride ...
func lineScore(dark []bool, start, stride, n int) int {
	score := 0
	var hist [7]int
	runColor, run := false, 0
	for i, k := 0, start; i < n; i, k = i+1, k+stride {
		c := dark[k]
		if c == runColor {
			run++
			if run == 5 {
				score += penaltyN1
			} else if run > 5 {
				score++
			}
			continue
		}
		addHistory(&hist, run, n)
		if !runColor {
			score += countPatterns(&hist) * penaltyN3
		}
		runColor, run = c, 1
	}
	if runColor {
		addHistory(&hist, run, n)
		run = 0
	}
	addHistory(&hist, run+n, n)
	return score + countPatterns(&hist)*penaltyN3
}

func addHistory(h *[7]int, run, n int) {
	if h[0] == 0 {
		run += n // the light border before the first run
	}
	h[6], h[5], h[4], h[3], h[2], h[1], h[0] = h[5], h[4], h[3], h[2], h[1], h[0], run
}

func countPatterns(h *[7]int) int {
	n := h[1]
	core := n > 0 && h[2] == n && h[3] == n*3 && h[4] == n && h[5] == n
	c := 0
	if core && h[0] >= n*4 && h[6] >= n {
		c++
	}
	if core && h[6] >= n*4 && h[0] >= n {
		c++
	}
	return c
}
