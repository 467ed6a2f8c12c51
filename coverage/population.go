package coverage

import (
	"bufio"
	"bytes"
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

//go:embed data/population-2025.csv
var populationCSV []byte

// PopulationVersion names the population figures embedded in the package.
const PopulationVersion = "Kemendagri 2025 population per province and kab/kota (data/population-2025.csv)"

// Population is the population of a province, a kab/kota or the nation.
type Population struct {
	Code         wilayah.Code // the zero Code for Indonesia
	Name         string
	Male, Female int64
	Total        int64
}

var (
	popOnce  sync.Once
	popTable map[wilayah.Code]Population
	popNat   Population
)

func loadPopulation() {
	popTable = make(map[wilayah.Code]Population, 560)
	sc := bufio.NewScanner(bytes.NewReader(populationCSV))
	sc.Scan() // header
	for sc.Scan() {
		f := strings.Split(sc.Text(), ",")
		if len(f) != 5 {
			panic("coverage: bad embedded population row " + sc.Text())
		}
		m, err1 := strconv.ParseInt(f[2], 10, 64)
		w, err2 := strconv.ParseInt(f[3], 10, 64)
		t, err3 := strconv.ParseInt(f[4], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			panic("coverage: bad embedded population row " + sc.Text())
		}
		p := Population{Name: f[1], Male: m, Female: w, Total: t}
		if f[0] == "0" {
			popNat = p
			continue
		}
		p.Code = wilayah.MustParseCode(f[0])
		popTable[p.Code] = p
	}
}

// PopulationOf returns the embedded 2025 population of a province or
// kab/kota. A retired code answers for its current successor (with the
// successor's code), and false when the code has no figure (a kecamatan, an
// unknown code).
func PopulationOf(c wilayah.Code) (Population, bool) {
	popOnce.Do(loadPopulation)
	if p, ok := popTable[c]; ok {
		return p, true
	}
	if r, ok := wilayah.Resolve(c); ok && r.Code != c {
		p, ok := popTable[r.Code]
		return p, ok
	}
	return Population{}, false
}

// NationalPopulation returns the embedded 2025 population of Indonesia.
func NationalPopulation() Population {
	popOnce.Do(loadPopulation)
	return popNat
}
