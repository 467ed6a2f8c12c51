package nikfile_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/nikfile"
)

func ExampleValidate() {
	in := "name,nik\n" +
		"Siti,3201014512230001\n" +
		"\"Ani \"\"Bu\"\", S.\",3201013102230001\n" +
		"\n" +
		"Budi\n"
	o := nikfile.Options{
		Parser: adminduk.NewParser(adminduk.Options{AsOf: adminduk.MustDate(2026, 11, 22)}),
		Column: 2,
		Header: true,
	}
	st, err := nikfile.Validate(context.Background(), strings.NewReader(in), o, func(v nikfile.Invalid) error {
		fmt.Printf("line %d: %s %s %s\n", v.Line, v.AppendMasked(nil), v.Cause, v.Reason)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d checked, %d invalid, %d blank\n", st.Checked, st.Invalid, st.Blank)
	// Output:
	// line 3: 3201********0001 nik date
	// line 5:  missing column syntax
	// 3 checked, 2 invalid, 1 blank
}
