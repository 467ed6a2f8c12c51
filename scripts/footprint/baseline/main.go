// Command baseline does what scripts/footprint/nik does without the adminduk
// packages (digits only), so that the difference is what they add.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	for _, s := range os.Args[1:] {
		if _, err := strconv.ParseUint(s, 10, 64); err != nil || len(s) != 16 {
			fmt.Println("invalid", s)
			os.Exit(1)
		}
		fmt.Println(s[:4]+"********"+s[12:], time.Now().Year(), s[:6])
	}
}
