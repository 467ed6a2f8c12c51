// Command pksgen writes a deterministic CSV file of n PKS agreements for
// measuring `adminduk pks report` (issue 10):
//
//	go run ./scripts/pksgen -n 1000000 > /tmp/pks1m.csv
//
// The rows spread over the kecamatan of Banten and the categories, signed
// 2021-2024 with two-year terms; partners renew (two agreements each), a few
// rows are suspended, terminated, recorded with a stale status or rejected.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func main() {
	n := flag.Int("n", 100000, "number of data rows")
	flag.Parse()
	var districts []string
	for _, reg := range []string{"36.01", "36.02", "36.03", "36.04"} {
		for _, k := range wilayah.Children(wilayah.MustParseCode(reg)) {
			districts = append(districts, k.Code.String())
		}
	}
	type cat struct{ name, services string }
	cats := []cat{
		{"puskesmas", "akta_kelahiran;kk;kia"}, {"rumah_sakit", "akta_kelahiran;kk;kia;akta_kematian"},
		{"sd", "perekaman_sekolah;kia"}, {"merchant", "kia_benefit"}, {"tempat_wisata", "kia_benefit"},
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	fmt.Fprintln(w, "number,partner,category,district,services,signed,start,end,status")
	base := time.Date(2021, 1, 4, 0, 0, 0, 0, time.UTC)
	for i := range *n {
		c := cats[(i/2)%len(cats)]
		// Two agreements per partner: the second starts when the first ends.
		p := i / 2
		start := base.AddDate(0, 0, (p*700)/max(*n/2, 1))
		if i%2 == 1 {
			start = start.AddDate(2, 0, 0)
			if p%10 == 3 {
				start = start.AddDate(0, 0, 30) // a gap before the renewal
			}
		}
		signed := start.AddDate(0, 0, -10)
		status := ""
		switch i % 50 {
		case 7:
			status = "suspended"
		case 13:
			status = "terminated"
		case 21:
			status = "active"
		}
		district := districts[p%len(districts)]
		if i%997 == 5 {
			district = "99.99.99" // rejected: unknown kecamatan
		}
		fmt.Fprintf(w, "470/%d/PKS-DKP/%d,Mitra %s %d,%s,%s,%s,%s,%s,,%s\n", i, signed.Year(), c.name, p, c.name, district,
			c.services, signed.Format("2006-01-02"), start.Format("2006-01-02"), status)
	}
}
