package akta

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
)

// MarginalNote is a catatan pinggir: the note a correction (or another
// change after registration) adds to an akta, printed on every kutipan
// issued after it. It says what changed, on which authority and when.
type MarginalNote struct {
	// Date is the day the change was recorded.
	Date adminduk.Date
	// Text says what changed, as printed: "nama anak semula BAYI NY. SITI
	// AMINAH menjadi NUR AISYAH PUTRI".
	Text string
	// Authority is the act the change rests on: "Penetapan Pengadilan
	// Negeri Serang Nomor 12/Pdt.P/2026/PN Srg" or the Kepala Dinas's
	// keputusan.
	Authority string
}

// Printed returns the note as the kutipan prints it: the change, "berdasarkan"
// the authority, and the date, in capitals ("NAMA ANAK ... BERDASARKAN ...,
// TANGGAL 10 DESEMBER 2026").
func (n MarginalNote) Printed() string {
	return Printed(n.Text) + " BERDASARKAN " + Printed(n.Authority) + ", TANGGAL " +
		strings.ToUpper(adminduk.FormatDate(n.Date, adminduk.Indonesian))
}

// notes checks the marginal notes of a record registered on registered and
// issued on issued: each with its text, authority and a date between
// registration and issue, and a record with notes is a later version.
func (c *checker) notes(notes []MarginalNote, version int, registered, issued adminduk.Date) {
	if version < 0 {
		c.add("/version", adminduk.CodeRange, "versi tidak boleh negatif", "version must not be negative")
	}
	if len(notes) > 0 && version < 2 {
		c.add("/version", adminduk.CodeInvalid, "akta dengan catatan pinggir adalah versi 2 atau lebih",
			"an akta with marginal notes is version 2 or later")
	}
	for i, n := range notes {
		p := adminduk.Pointer("/notes/" + strconv.Itoa(i))
		c.noteText(p+"/text", n.Text, 500)
		c.noteText(p+"/authority", n.Authority, 200)
		switch {
		case n.Date.IsZero():
			c.required(p + "/date")
		case !registered.IsZero() && n.Date.Before(registered):
			c.add(p+"/date", adminduk.CodeOrder, "sebelum tanggal pencatatan", "is before the registration date")
		case !issued.IsZero() && n.Date.After(issued):
			c.add(p+"/date", adminduk.CodeOrder, "sesudah tanggal penerbitan", "is after the issue date")
		}
	}
}

// noteText checks a text of a marginal note: present, valid UTF-8, at most
// max characters.
func (c *checker) noteText(p adminduk.Pointer, s string, max int) {
	switch {
	case strings.TrimSpace(s) == "":
		c.required(p)
	case !utf8.ValidString(s):
		c.add(p, adminduk.CodeInvalid, "bukan teks UTF-8 yang sah", "is not valid UTF-8 text")
	case utf8.RuneCountInString(s) > max:
		c.add(p, adminduk.CodeRange, "paling banyak "+itoa(max)+" huruf", "at most "+itoa(max)+" characters")
	}
}
