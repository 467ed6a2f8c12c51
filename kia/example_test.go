package kia_test

import (
	"fmt"
	"os"

	"github.com/adminduk-id/adminduk/kia"
)

// A child born on 29 February: the under-5 card runs to 1 March of the
// fifth year (a common year), the card with photo to the day before the
// seventeenth birthday, 28 February.
func ExampleRules_Decide() {
	birth := kia.Date(2008, 2, 29)
	for _, at := range []int{2010, 2020, 2025} {
		d, err := kia.Rules{}.Decide(kia.Child{BirthDate: birth}, kia.Date(at, 1, 10))
		if err != nil {
			fmt.Println(at, err)
			continue
		}
		fmt.Println(at, d.Kind, d.Age, d.ValidUntil.Format("2006-01-02"))
	}
	// Output:
	// 2010 under5 1 2013-03-01
	// 2020 from5 11 2025-02-28
	// 2025 from5 16 2025-02-28
}

// A card whose birth date was corrected after the NIK was issued: valid,
// with a warning for the officer.
func ExampleCard_Validate() {
	data, err := os.ReadFile("testdata/newborn.json")
	if err != nil {
		panic(err)
	}
	c, err := kia.ParseCard(data)
	if err != nil {
		panic(err)
	}
	c.BirthDate = kia.Date(2023, 12, 4)
	warnings, err := c.Validate()
	fmt.Println("error:", err)
	for _, w := range warnings {
		fmt.Println("warning:", w.Field, w.Code)
	}
	c.Name = ""
	_, err = c.Validate()
	fmt.Println(err)
	// Output:
	// error: <nil>
	// warning: birth_date mismatch
	// kia: invalid card: name: is required
}

func ExampleCard_Claims() {
	data, err := os.ReadFile("testdata/newborn.json")
	if err != nil {
		panic(err)
	}
	c, err := kia.ParseCard(data)
	if err != nil {
		panic(err)
	}
	cl, err := c.Claims(kia.Rules{})
	if err != nil {
		panic(err)
	}
	fmt.Println(cl.Issuer, cl.Document.Type, cl.Document.Number, cl.Document.ValidUntil, cl.Identity.District)
	fmt.Println(cl.Expires)
	// Output:
	// ID-6208 KIA 6208014512230001 20281205 62.08.01
	// 2028-12-05 23:59:59 +0700 WIB
}
