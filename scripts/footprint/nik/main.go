// Command nik is the smallest program that validates NIKs with the full
// region check: it is what scripts/footprint/run.sh measures.
package main

import (
	"fmt"
	"os"

	"github.com/adminduk-id/adminduk/adminduk"
)

func main() {
	for _, s := range os.Args[1:] {
		n, err := adminduk.ParseNIK(s)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println(n.Masked(), n.Sex(), n.Region())
	}
}
