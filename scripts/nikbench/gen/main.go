// Command gen writes a deterministic file of NIKs, one per line, for the
// benchmark in scripts/nikbench: mostly valid NIKs of real kecamatan of every
// edition (retired Papua codes included) and about 10 % invalid ones of every
// kind (syntax, date, region, serial).
//
//	go run ./scripts/nikbench/gen -n 1000000 -seed 1 > niks.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of lines")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()

	var districts []string
	for r := range wilayah.All {
		if r.Level() == wilayah.LevelDistrict {
			districts = append(districts, r.Code.Plain())
		}
	}
	rng := rand.New(rand.NewPCG(*seed, 0))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	for i := 0; i < *n; i++ {
		region := districts[rng.IntN(len(districts))]
		day, month, year := 1+rng.IntN(28), 1+rng.IntN(12), rng.IntN(100)
		if rng.IntN(2) == 0 {
			day += 40
		}
		serial := 1 + rng.IntN(9999)
		switch rng.IntN(40) {
		case 0: // syntax: 15 digits
			fmt.Fprintf(w, "%s%02d%02d%02d%03d\n", region, day, month, year, serial%1000)
			continue
		case 1: // date: 31 February or day 35
			day = []int{31, 35, 71}[rng.IntN(3)]
			month = 2
		case 2: // region: unknown kecamatan
			region = region[:4] + "99"
		case 3: // serial 0000
			serial = 0
		}
		fmt.Fprintf(w, "%s%02d%02d%02d%04d\n", region, day, month, year, serial)
	}
}
