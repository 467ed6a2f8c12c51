package adminduk

import (
	"strings"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Issuer is the Dinas Kependudukan dan Pencatatan Sipil of a kab/kota that
// issues a document (KIA, akta, KK), and its head who signs it.
type Issuer struct {
	// Regency is the kab/kota of the Dinas ("36.04"); its four digits make
	// the credential issuer "ID-3604" and open an akta register number.
	Regency  wilayah.Code
	HeadName string // Kepala Dinas, as printed (with titles)
	HeadNIP  NIP
	// Place is the place of issue printed before the date; "" means the
	// regency's name without "Kabupaten"/"Kota" ("SERANG").
	Place string
}

// ID returns the credential issuer of the Dinas: "ID-" and the four digits
// of its kab/kota ("ID-6208"), or "" when the regency is not set.
func (i Issuer) ID() string {
	r := i.Regency.Truncate(wilayah.LevelRegency)
	if !r.IsValid() {
		return ""
	}
	return "ID-" + r.Plain()
}

// RegencyName returns the name of the kab/kota in capitals
// ("KABUPATEN SERANG"), or its code when the tables do not know it.
func (i Issuer) RegencyName() string {
	if r, ok := wilayah.Lookup(i.Regency); ok && r.Name != "" {
		return strings.ToUpper(r.Name)
	}
	return i.Regency.String()
}

// PlaceName returns the place of issue in capitals: Place, or the regency's
// name without its "KABUPATEN"/"KOTA" prefix.
func (i Issuer) PlaceName() string {
	if i.Place != "" {
		return strings.ToUpper(i.Place)
	}
	n := i.RegencyName()
	for _, p := range []string{"KABUPATEN ", "KOTA ADMINISTRASI ", "KOTA ", "KAB. "} {
		if strings.HasPrefix(n, p) {
			return strings.TrimPrefix(n, p)
		}
	}
	return n
}
