package kia_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/kia"
)

// A child born on 29 February: the under-5 card runs to 1 March of the
// fifth year (a common year), the card with photo to the day before the
// seventeenth birthday, 28 February.
func ExampleRules_Decide() {
	birth := adminduk.MustDate(2008, 2, 29)
	for _, at := range []int{2010, 2020, 2025} {
		d, err := kia.Rules{}.Decide(kia.Child{BirthDate: birth}, adminduk.MustDate(at, 1, 10))
		if err != nil {
			fmt.Println(at, err)
			continue
		}
		fmt.Println(at, d.Kind, d.Age, d.ValidUntil)
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
	c, err := kia.DecodeCard(data, kia.DecodeOptions{})
	if err != nil {
		panic(err)
	}
	c.BirthDate = adminduk.MustDate(2023, 12, 4)
	fmt.Println("error:", c.Validate())
	for _, w := range c.Warnings() {
		fmt.Println("warning:", w.Pointer, w.Code)
	}
	c.Name = ""
	fmt.Println(c.Validate())
	// Output:
	// error: <nil>
	// warning: /birth_date mismatch
	// kia: invalid card: /name: is required
}

// DecodeCard reports every problem of a card.json at once, with JSON
// pointers and messages in Indonesian and English: here a date that does
// not exist and an unknown field.
func ExampleDecodeCard() {
	data, err := os.ReadFile("testdata/newborn.json")
	if err != nil {
		panic(err)
	}
	bad := strings.Replace(string(data), `"2023-12-05"`, `"2023-02-30"`, 1)
	bad = strings.Replace(bad, `"street"`, `"postcode": "74172", "street"`, 1)
	_, err = kia.DecodeCard([]byte(bad), kia.DecodeOptions{
		ReadPhoto: func(p string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", p)) },
	})
	if ve, ok := err.(*adminduk.ValidationError); ok {
		for _, f := range ve.Fields {
			fmt.Println(f.Pointer, f.Code, "|", f.Message(adminduk.Indonesian))
		}
	}
	// Output:
	// /address/postcode unknown | kolom tidak dikenal
	// /birth_date invalid | tanggal tidak sah, tulis YYYY-MM-DD yang ada di kalender
}

func ExampleCard_Claims() {
	data, err := os.ReadFile("testdata/newborn.json")
	if err != nil {
		panic(err)
	}
	c, err := kia.DecodeCard(data, kia.DecodeOptions{})
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

func ExampleKind_Text() {
	fmt.Println(kia.Under5, kia.Under5.Text(adminduk.Indonesian), "/", kia.Under5.Text(adminduk.English))
	fmt.Println(kia.Kind(9), kia.Kind(9).IsValid())
	// Output:
	// under5 ANAK DI BAWAH 5 TAHUN / CHILD UNDER 5
	// Kind(9) false
}

func ExampleRules_Birthday() {
	birth := adminduk.MustDate(2008, time.February, 29)
	fmt.Println(kia.Rules{}.Birthday(birth, 17), kia.Rules{LeapDay: kia.Feb28}.Birthday(birth, 17))
	// Output:
	// 2025-03-01 2025-02-28
}

// A Decoder reads JSON Lines: each line is decoded and validated like
// DecodeCard, and a bad line is an error for that line only.
func ExampleNewDecoder() {
	good, err := os.ReadFile("testdata/newborn.json")
	if err != nil {
		panic(err)
	}
	line := strings.Join(strings.Fields(string(good)), " ")
	bad := strings.Replace(line, `"female"`, `"girl"`, 1)
	dec := kia.NewDecoder(strings.NewReader(line+"\n"+bad+"\n{\n"), kia.DecodeOptions{})
	for {
		c, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(dec.Line(), c.PrintedName())
	}
	// Output:
	// 1 SITI NUR AISYAH
	// kia: card 2 (line 2): invalid card: /sex: unknown value "girl"
	// kia: card 3 (line 3): invalid card: (input): card.json is not valid JSON: unexpected EOF
}
