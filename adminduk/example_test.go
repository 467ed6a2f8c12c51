package adminduk_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

func ExampleParseNIK() {
	n, err := adminduk.ParseNIK("3201014512230001")
	if err != nil {
		panic(err)
	}
	fmt.Println(n.Sex(), n.BirthDate(), n.Serial(), n.Region())
	fmt.Println(n) // %v masks a NIK
	// Output:
	// female 2023-12-05 1 32.01.01
	// 3201********0001
}

func ExampleParseNIK_retiredRegion() {
	// Merauke was 91.01 until Papua Selatan was formed in 2022; its NIKs stay valid.
	n, _ := adminduk.ParseNIK("9101014512230001")
	now, _ := wilayah.Resolve(n.Region())
	fmt.Println(n.Region(), "->", now.Code, now.Name)
	// Output: 91.01.01 -> 93.01.01 Merauke
}

func ExampleParseNIK_errors() {
	_, err := adminduk.ParseNIK("3201013102230001")
	fmt.Println(errors.Is(err, adminduk.ErrInvalidDate))
	fmt.Println(err)
	// Output:
	// true
	// adminduk: NIK "3201********0001": 31 February 2023 does not exist
}

func ExampleNewParser() {
	p := adminduk.NewParser(adminduk.Options{AsOf: adminduk.MustDate(2026, 11, 22)})
	for _, s := range []string{"3201012211260001", "3201012311260001"} {
		n, _ := p.ParseNIK(s)
		fmt.Println(n.BirthDate())
	}
	// Output:
	// 2026-11-22
	// 1926-11-23
}

func ExampleTerbilang() {
	fmt.Println(adminduk.Terbilang(1001000))
	fmt.Println(adminduk.Words(2023, adminduk.English))
	// Output:
	// satu juta seribu
	// two thousand twenty-three
}

func ExampleDateWords() {
	d := adminduk.MustDate(2023, time.August, 25)
	fmt.Println(adminduk.DateWords(d, adminduk.Indonesian))
	fmt.Println(adminduk.DateWords(d, adminduk.English))
	// Output:
	// dua puluh lima agustus dua ribu dua puluh tiga
	// twenty-fifth august two thousand twenty-three
}

func ExampleOrdinal() {
	fmt.Println("anak " + adminduk.Ordinal(2, adminduk.Indonesian))
	// Output: anak kedua
}

func ExampleChecker() {
	type child struct{ Name, BirthDate string }
	in := child{BirthDate: "2023-02-30"}

	c := adminduk.Checker{What: "example: invalid child"}
	if in.Name == "" {
		c.Required(adminduk.NewPointer("child", "name"))
	}
	if _, err := adminduk.ParseDate(in.BirthDate); err != nil {
		c.Add(adminduk.FieldError{Pointer: adminduk.NewPointer("child", "birth_date"), Code: adminduk.CodeInvalid,
			Indonesian: "bukan tanggal yang ada", English: "is not a calendar date", Cause: err})
	}
	err := c.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, adminduk.ErrRequired), errors.Is(err, adminduk.ErrInvalidDate))
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			fmt.Println(f.Pointer, f.Code, f.Message(adminduk.Indonesian))
		}
	}
	// Output:
	// example: invalid child: /child/name: is required; /child/birth_date: is not a calendar date
	// true true
	// /child/name required wajib diisi
	// /child/birth_date invalid bukan tanggal yang ada
}

func ExampleNewKK() {
	recorded := adminduk.MustDate(2023, time.August, 25)
	k, err := adminduk.NewKK(wilayah.MustParseCode("32.01.01"), recorded, 17)
	if err != nil {
		panic(err)
	}
	fmt.Println(k.String(), k.RecordDate(), k.Serial())
	_, err = adminduk.NewKK(wilayah.MustParseCode("32.01.01"), recorded, 0)
	fmt.Println(errors.Is(err, adminduk.ErrInvalidSerial))
	// Output:
	// 3201012508230017 2023-08-25 17
	// true
}

func ExampleParseNIP() {
	n, err := adminduk.ParseNIP("19850607 201001 2 015")
	if err != nil {
		panic(err)
	}
	y, m := n.Appointed()
	fmt.Println(n.Printed(), n.BirthDate(), y, m, n.Sex())
	// Output: 19850607 201001 2 015 1985-06-07 2010 January female
}

func ExampleDate_AddMonths() {
	d := adminduk.MustDate(2024, time.January, 31)
	fmt.Println(d.AddMonths(1), d.AddDate(0, 1, 0)) // clamped, normalised
	leap := adminduk.MustDate(2024, time.February, 29)
	fmt.Println(leap.AddYears(1), leap.AddYears(1, adminduk.March1))
	fmt.Println(adminduk.DaysBetween(d, leap), leap.DaysSinceEpoch(), adminduk.FromDayNumber(19782))
	// Output:
	// 2024-02-29 2024-03-02
	// 2025-02-28 2025-03-01
	// 29 19782 2024-02-29
}

func ExampleSex_Text() {
	fmt.Println(adminduk.Female, adminduk.Female.Text(adminduk.Indonesian), adminduk.Female.Text(adminduk.English))
	fmt.Println(adminduk.Sex(9), adminduk.Sex(9).IsValid())
	// Output:
	// female PEREMPUAN FEMALE
	// Sex(9) false
}

func ExamplePointer() {
	p := adminduk.NewPointer("witnesses").Index(1).Key("nik")
	fmt.Println(p, adminduk.NewPointer("a/b", "m~n"))
	// Output: /witnesses/1/nik /a~1b/m~0n
}
