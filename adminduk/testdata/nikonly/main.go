// Command nikonly parses one NIK: the smallest program of the module, whose
// dependencies TestImportGraphStaysLight keeps small.
package main

import (
	"fmt"
	"os"

	"github.com/adminduk-id/adminduk/adminduk"
)

func main() {
	n, err := adminduk.ParseNIK(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(n.Sex(), n.BirthDate(), n.Region())
}
