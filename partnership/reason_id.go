package partnership

import (
	"errors"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// reasonIndonesian translates the English reason r of a row that fails with
// err. The wording covers the reader's own messages and the Indonesian
// message of a *[adminduk.ValidationError]; a message it does not know (a
// CSV syntax error) stays English.
func reasonIndonesian(r string, err error) string {
	var ve *adminduk.ValidationError
	if errors.As(err, &ve) && len(ve.Fields) > 0 && ve.Fields[0].Indonesian != "" {
		return pointerColumn(ve.Fields[0].Pointer) + ": " + ve.Fields[0].Indonesian
	}
	// Reason is "[field: ]what input: msg" or "field: msg"; translate the
	// message after the last ": " that starts a known message.
	for i := 0; i < len(r); i++ {
		if i > 0 && !strings.HasPrefix(r[i-1:], " ") {
			continue
		}
		if id, ok := msgIndonesian(r[i:]); ok {
			return r[:i] + id
		}
	}
	return r
}

// exactID translates the reader's fixed messages.
var exactID = map[string]string{
	"empty":                           "kosong",
	"want YYYY-MM-DD":                 "format YYYY-MM-DD",
	"want YYYY-MM-DD or DD/MM/YYYY":   "format YYYY-MM-DD atau DD/MM/YYYY",
	"no such calendar date":           "tanggal tidak ada di kalender",
	"not a region code":               "bukan kode wilayah",
	"want a percentage from 0 to 100": "persentase 0 sampai 100",
	"no services":                     "tanpa layanan",
	"benefit terms without the kia_benefit service": "ketentuan manfaat tanpa layanan kia_benefit",
	"contains a control character or line break":    "berisi karakter kendali atau ganti baris",
	"not valid UTF-8": "bukan UTF-8 yang sah",
	"empty (leave the status \"draft\" for an unsigned agreement)": "kosong (isi status \"draft\" untuk perjanjian yang belum ditandatangani)",
}

// patternID translates messages of the form prefix + value + suffix.
var patternID = []struct{ prefix, suffix, idPrefix, idSuffix string }{
	{"unknown; want one of ", "", "tidak dikenal; pilihan: ", ""},
	{"duplicate number ", "", "nomor ganda ", ""},
	{"unknown kecamatan ", " (in no edition of the region codes)", "kecamatan ", " tidak dikenal (tidak ada di edisi kode wilayah mana pun)"},
	{"a draft has no signing date (", ")", "draft tidak punya tanggal tanda tangan (", ")"},
}

func msgIndonesian(m string) (string, bool) {
	if id, ok := exactID[m]; ok {
		return id, true
	}
	for _, p := range patternID {
		if strings.HasPrefix(m, p.prefix) && strings.HasSuffix(m, p.suffix) && len(m) >= len(p.prefix)+len(p.suffix) {
			v := m[len(p.prefix) : len(m)-len(p.suffix)]
			v = strings.Replace(v, " (first on line ", " (pertama di baris ", 1)
			return p.idPrefix + v + p.idSuffix, true
		}
	}
	for _, p := range []struct{ mid, id string }{{" is before start ", " sebelum tanggal mulai "}, {" is after the end ", " setelah tanggal berakhir "}} {
		if a, b, ok := strings.Cut(m, p.mid); ok && !strings.Contains(a, " ") {
			return a + p.id + b, true
		}
	}
	if a, b, ok := strings.Cut(m, " is a "); ok && strings.HasSuffix(b, ", want a kecamatan") {
		return a + " adalah " + strings.TrimSuffix(b, ", want a kecamatan") + ", seharusnya kecamatan", true
	}
	if a, b, ok := strings.Cut(m, " fields, want "); ok && !strings.Contains(a, " ") {
		n, hint, _ := strings.Cut(b, " (an unquoted ")
		s := a + " kolom, seharusnya " + n
		if hint != "" {
			s += " (ada " + strings.NewReplacer("comma?)", "koma tanpa tanda kutip?)", "semicolon?)", "titik koma tanpa tanda kutip?)",
				"tab?)", "tab tanpa tanda kutip?)").Replace(hint)
		}
		return s, true
	}
	return "", false
}
