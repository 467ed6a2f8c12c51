package wilayah_test

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func ExampleLookup() {
	r, ok := wilayah.Lookup(wilayah.MustParseCode("910101"))
	fmt.Println(ok, r.Code, r.Name, r.Current(), r.Editions, "->", r.Successor)
	// Output: true 91.01.01 Merauke false 2016,2018,2020,2022 -> 93.01.01
}

func ExampleResolve() {
	r, _ := wilayah.Resolve(wilayah.MustParseCode("92.71"))
	fmt.Println(r.Code, r.Name)
	// Output: 96.71 Kota Sorong
}

func ExampleSearch() {
	for _, r := range wilayah.Search("KAB. SUKAMARA") {
		fmt.Println(r.Code, r.Name)
	}
	// Output: 62.08 Kabupaten Sukamara
}
