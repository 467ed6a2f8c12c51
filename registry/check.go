package registry

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// maxName is the longest name an akta accepts (Permendagri 73/2022).
const maxName = 60

func checkNIK(c *adminduk.Checker, p adminduk.Pointer, s string, required bool) {
	if s == "" {
		if required {
			c.Required(p)
		}
		return
	}
	if _, err := adminduk.ParseNIK(s); err != nil {
		c.Add(adminduk.FieldError{Pointer: p, Code: adminduk.CodeInvalid,
			Indonesian: "bukan NIK yang sah", English: "is not a valid NIK", Cause: err})
	}
}

func checkText(c *adminduk.Checker, p adminduk.Pointer, s string, max int) {
	if !utf8.ValidString(s) {
		c.AddCode(p, adminduk.CodeInvalid, "bukan teks UTF-8 yang sah", "is not valid UTF-8 text")
		return
	}
	if utf8.RuneCountInString(s) > max {
		c.AddCode(p, adminduk.CodeRange, "terlalu panjang", "is too long")
	}
}

func checkRequiredText(c *adminduk.Checker, p adminduk.Pointer, s string, max int) {
	if strings.TrimSpace(s) == "" {
		c.Required(p)
		return
	}
	checkText(c, p, s, max)
}

// checkName checks a person's name as reported: present, valid text, at most
// 100 characters. The stricter akta rules apply to the child only.
func checkName(c *adminduk.Checker, p adminduk.Pointer, s string, required bool) {
	if strings.TrimSpace(s) == "" {
		if required {
			c.Required(p)
		}
		return
	}
	checkText(c, p, s, 100)
}

// checkChildName applies the naming rules of Permendagri 73/2022 to a final
// name: two words or more, at most 60 characters, letters, spaces and the
// apostrophe only. A provisional name ("Bayi Ny. Siti") is only required.
func checkChildName(c *adminduk.Checker, p adminduk.Pointer, s string, provisional bool) {
	if strings.TrimSpace(s) == "" {
		c.Required(p)
		return
	}
	if provisional {
		checkText(c, p, s, 100)
		return
	}
	if !utf8.ValidString(s) {
		c.AddCode(p, adminduk.CodeInvalid, "bukan teks UTF-8 yang sah", "is not valid UTF-8 text")
		return
	}
	if utf8.RuneCountInString(s) > maxName {
		c.AddCode(p, adminduk.CodeRange, "nama paling banyak 60 huruf termasuk spasi",
			"a name has at most 60 characters including spaces")
	}
	if len(strings.Fields(s)) < 2 {
		c.AddCode(p, adminduk.CodeInvalid, "nama paling sedikit dua kata (atau tandai sebagai nama sementara)",
			"a name has at least two words (or mark it provisional)")
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '\'' {
			c.AddCode(p, adminduk.CodeInvalid, "nama hanya boleh berisi huruf, spasi dan apostrof",
				"a name may hold only letters, spaces and the apostrophe")
			break
		}
	}
}

func checkDate(c *adminduk.Checker, p adminduk.Pointer, s string, required bool) adminduk.Date {
	if s == "" {
		if required {
			c.Required(p)
		}
		return adminduk.Date{}
	}
	d, err := adminduk.ParseDate(s)
	if err != nil {
		c.Add(adminduk.FieldError{Pointer: p, Code: adminduk.CodeInvalid,
			Indonesian: "bukan tanggal TTTT-BB-HH yang sah", English: "is not a valid YYYY-MM-DD date", Cause: err})
	}
	return d
}

func checkTime(c *adminduk.Checker, p adminduk.Pointer, s string) {
	if s == "" {
		return
	}
	ok := len(s) == 5 && s[2] == ':' && isDigits(s[:2]) && isDigits(s[3:]) &&
		(s[0]-'0')*10+(s[1]-'0') < 24 && (s[3]-'0')*10+(s[4]-'0') < 60
	if !ok {
		c.AddCode(p, adminduk.CodeInvalid, "bukan jam JJ:MM yang sah", "is not a valid HH:MM time")
	}
}

func checkDigits(c *adminduk.Checker, p adminduk.Pointer, s string, n int) {
	if s != "" && (len(s) > n || !isDigits(s)) {
		c.AddCode(p, adminduk.CodeInvalid, "harus berupa angka", "must be digits")
	}
}

func checkVillage(c *adminduk.Checker, p adminduk.Pointer, s string) wilayah.Code {
	if s == "" {
		c.Required(p)
		return wilayah.Code{}
	}
	code, err := wilayah.ParseCode(s)
	if err != nil || code.Level() != wilayah.LevelVillage || !wilayah.Known(code.District()) {
		c.Add(adminduk.FieldError{Pointer: p, Code: adminduk.CodeRegion,
			Indonesian: "bukan kode desa/kelurahan yang dikenal", English: "is not a known desa/kelurahan code", Cause: err})
		return wilayah.Code{}
	}
	return code
}

func checkSex(c *adminduk.Checker, p adminduk.Pointer, s string) adminduk.Sex {
	if s == "" {
		c.Required(p)
		return 0
	}
	sex, err := adminduk.ParseSex(s)
	if err != nil {
		c.Add(adminduk.FieldError{Pointer: p, Code: adminduk.CodeInvalid,
			Indonesian: "harus L atau P", English: "must be L or P", Cause: err})
	}
	return sex
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
