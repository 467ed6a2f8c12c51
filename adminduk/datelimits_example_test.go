package adminduk_test

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
)

func ExampleDate_AddDaysClamped() {
	d := adminduk.MustDate(9999, 12, 1)
	fmt.Println(d.AddDays(60).IsZero(), d.AddDaysClamped(60), d.AddDaysClamped(-3))
	// Output:
	// true 9999-12-31 9999-11-28
}
