package akta

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Party is a person an akta names by NIK and name: a parent, the reporter
// or a witness.
type Party struct {
	NIK  adminduk.NIK
	Name string
}

func (c *checker) issuer(i adminduk.Issuer) {
	switch {
	case !i.Regency.IsValid():
		c.required("/issuer/regency")
	case i.Regency.Level() != wilayah.LevelRegency:
		c.add("/issuer/regency", adminduk.CodeInvalid, "harus kode kabupaten/kota (4 digit)", "must be a kab/kota code (4 digits)")
	case !wilayah.Known(i.Regency):
		c.add("/issuer/regency", adminduk.CodeInvalid, "kode kabupaten/kota tidak dikenal", "unknown kab/kota code")
	}
	c.name("/issuer/head_name", i.HeadName, 100, true)
	if !i.HeadNIP.IsValid() {
		c.required("/issuer/head_nip")
	}
	if i.Place != "" {
		c.place("/issuer/place", i.Place)
	}
}

// party checks a person named by NIK and name. nikRequired false lets the
// NIK be absent (a foreign parent).
func (c *checker) party(field adminduk.Pointer, p Party, nikRequired bool) {
	if !p.NIK.IsValid() && nikRequired {
		c.required(field + "/nik")
	}
	c.name(field+"/name", p.Name, 100, true)
}

// name checks a personal name: letters, spaces and . , ' - only, at least
// one letter, at most max characters.
func (c *checker) name(field adminduk.Pointer, s string, max int, required bool) {
	if strings.TrimSpace(s) == "" {
		if required {
			c.required(field)
		}
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		c.add(field, adminduk.CodeRange, "terlalu panjang (paling banyak "+itoa(max)+" huruf)", "too long (at most "+itoa(max)+" characters)")
		return
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '.' || r == ',' || r == '\'' || r == '-' || r == '`' || unicode.Is(unicode.Mn, r):
		default:
			c.add(field, adminduk.CodeInvalid, "mengandung karakter yang tidak diizinkan", "contains a character not allowed in a name")
			return
		}
	}
	if letters == 0 || !utf8.ValidString(s) {
		c.add(field, adminduk.CodeInvalid, "bukan nama", "is not a name")
	}
}

// place checks a place name: printable, at most 60 characters.
func (c *checker) place(field adminduk.Pointer, s string) {
	if strings.TrimSpace(s) == "" {
		c.required(field)
		return
	}
	if utf8.RuneCountInString(s) > 60 {
		c.add(field, adminduk.CodeRange, "terlalu panjang (paling banyak 60 huruf)", "too long (at most 60 characters)")
		return
	}
	for _, r := range s {
		if !unicode.IsPrint(r) || r == utf8.RuneError {
			c.add(field, adminduk.CodeInvalid, "mengandung karakter yang tidak diizinkan", "contains a character that is not allowed")
			return
		}
	}
}

// distinct reports a duplicate NIK among the named fields.
func (c *checker) distinct(fields []adminduk.Pointer, niks []adminduk.NIK) {
	for i := range niks {
		for j := 0; j < i; j++ {
			if niks[i].IsValid() && niks[i] == niks[j] {
				c.add(fields[i], adminduk.CodeDuplicate, "NIK sama dengan "+string(fields[j]), "same NIK as "+string(fields[j]))
				break
			}
		}
	}
}

// dates checks event <= registered <= issued.
func (c *checker) dates(eventField adminduk.Pointer, event, registered, issued adminduk.Date) {
	if event.IsZero() {
		c.required(eventField)
	} else if event.Year() < 1900 {
		c.add(eventField, adminduk.CodeRange, "tahun sebelum 1900", "year before 1900")
	}
	if registered.IsZero() {
		c.required("/registered_at")
	}
	if issued.IsZero() {
		c.required("/issued_at")
	}
	if !event.IsZero() && !registered.IsZero() && event.After(registered) {
		c.add(eventField, adminduk.CodeOrder, "sesudah tanggal pencatatan", "is after the registration date")
	}
	if !registered.IsZero() && !issued.IsZero() && registered.After(issued) {
		c.add("/issued_at", adminduk.CodeOrder, "sebelum tanggal pencatatan", "is before the registration date")
	}
}

// number checks a register number against the record. With strictLate the
// number's lateness must equal late; otherwise only a late-type number on an
// on-time registration is wrong.
func (c *checker) number(n Number, kind Kind, late, strictLate bool, registered adminduk.Date, issuer adminduk.Issuer, required bool) {
	switch {
	case !n.IsValid():
		if required {
			c.required("/number")
		}
		return
	case n.IsLegacy():
		return
	}
	if n.Kind() != kind {
		c.add("/number", adminduk.CodeMismatch, "jenis nomor bukan akta "+kind.String(), "number type is not for a "+kind.Text(adminduk.English)+" record")
		return
	}
	if n.Late() != late && (strictLate || n.Late()) {
		if late {
			c.add("/number", adminduk.CodeMismatch, "jenis nomor untuk pencatatan tepat waktu, padahal terlambat", "number type is for an on-time registration but this one is late")
		} else {
			c.add("/number", adminduk.CodeMismatch, "jenis nomor untuk pencatatan terlambat, padahal tepat waktu", "number type is for a late registration but this one is on time")
		}
	}
	if !registered.IsZero() && n.Date() != registered {
		c.add("/number", adminduk.CodeMismatch, "tanggal pada nomor bukan tanggal pencatatan", "date in the number is not the registration date")
	}
	if issuer.Regency.IsValid() && n.Office() != issuer.Regency {
		c.add("/number", adminduk.CodeMismatch, "kode kabupaten/kota pada nomor bukan kode penerbit", "office in the number is not the issuer's kab/kota")
	}
}

func itoa(n int) string { return string(appendPad(nil, n, 1)) }
