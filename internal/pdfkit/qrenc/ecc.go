package qrenc

// GF(2^8) with the QR polynomial x^8+x^4+x^3+x^2+1, by log tables.
var gfExp [512]byte
var gfLog [256]int

func init() {
	x := 1
	for i := 0; i < 255; i++ {
		gfExp[i] = byte(x)
		gfLog[x] = i
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11D
		}
	}
	for i := 255; i < 512; i++ {
		gfExp[i] = gfExp[i-255]
	}
}

func gfMul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return gfExp[gfLog[a]+gfLog[b]]
}

// rsDivisor returns the generator polynomial of the given degree, highest
// coefficient (always 1) dropped, as in Nayuki's generator.
func rsDivisor(degree int) []byte {
	r := make([]byte, degree)
	r[degree-1] = 1
	root := byte(1)
	for i := 0; i < degree; i++ {
		for j := range r {
			r[j] = gfMul(r[j], root)
			if j+1 < len(r) {
				r[j] ^= r[j+1]
			}
		}
		root = gfMul(root, 2)
	}
	return r
}

func rsRemainder(data, div []byte) []byte {
	r := make([]byte, len(div))
	for _, b := range data {
		f := b ^ r[0]
		copy(r, r[1:])
		r[len(r)-1] = 0
		if f == 0 {
			continue
		}
		lf := gfLog[f]
		for i, c := range div {
			if c != 0 {
				r[i] ^= gfExp[gfLog[c]+lf]
			}
		}
	}
	return r
}

// addECC splits data into blocks, appends each block's error correction
// and interleaves them.
func addECC(data []byte, v int, l Level) []byte {
	nb := int(numBlocks[l][v])
	eccLen := int(eccPerBlock[l][v])
	raw := numRawModules(v) / 8
	short := nb - raw%nb
	shortLen := raw / nb
	div := rsDivisor(eccLen)
	blocks := make([][]byte, nb)
	k := 0
	for i := range blocks {
		n := shortLen - eccLen
		if i >= short {
			n++
		}
		dat := data[k : k+n]
		k += n
		b := make([]byte, 0, shortLen+1)
		b = append(b, dat...)
		if i < short {
			b = append(b, 0) // placeholder, skipped when interleaving
		}
		blocks[i] = append(b, rsRemainder(dat, div)...)
	}
	out := make([]byte, 0, raw)
	for i := range blocks[0] {
		for j, b := range blocks {
			if i != shortLen-eccLen || j >= short {
				out = append(out, b[i])
			}
		}
	}
	return out
}
