package partnership_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/partnership"
)

// StreamReport reads a file (any io.ReadSeeker) more than once and writes
// the report as it goes; a million rows take some 70-90 MB, not the
// agreements themselves.
func ExampleStreamReport() {
	in := strings.NewReader(`number,partner,category,district,services,signed,start,end,status
A/1,RSU Harapan Sehat,rumah_sakit,36.04.09,akta_kelahiran;kk;kia,2023-01-02,2023-01-02,,
A/2,Puskesmas Melati,puskesmas,36.04.05,akta_kelahiran;kk;kia,2024-02-19,2024-03-01,,
A/2,Puskesmas Mawar,puskesmas,36.04.06,akta_kelahiran;kk;kia,2024-02-19,2024-03-01,,
`)
	var out strings.Builder
	res, err := partnership.StreamReport(in, partnership.StreamOptions{
		Report: partnership.ReportOptions{AsOf: adminduk.MustParseDate("2024-12-01"), Targets: []partnership.CountTarget{}},
		Name:   "pks.csv",
		Lang:   adminduk.English,
	}, &out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Printf("%d rows, %d accepted, %d rejected\n", res.Rows, res.Accepted, res.Rejected)
	fmt.Print(strings.SplitAfter(out.String(), "\n")[0])
	// Output:
	// 3 rows, 2 accepted, 1 rejected
	// PKS report as of 2024-12-01: pks.csv, 3 rows, 2 accepted, 1 rejected
}
