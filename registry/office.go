package registry

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Office is one Dinas Kependudukan dan Pencatatan Sipil: the kab/kota it
// serves and its head, who signs what it issues (adminduk.Issuer). Signing
// keys (package adminduk/credential) are attached when issuance is added.
type Office struct {
	Issuer adminduk.Issuer
	Name   string // "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamara"
}

// Regency returns the kab/kota code of the office.
func (o *Office) Regency() wilayah.Code { return o.Issuer.Regency }

// Validate checks that the office names a known kab/kota.
func (o *Office) Validate() error {
	c := adminduk.Checker{What: "registry: invalid office"}
	r := o.Issuer.Regency
	if !r.IsValid() || r.Level() != wilayah.LevelRegency || !wilayah.Known(r) {
		c.AddCode(adminduk.NewPointer("regency"), adminduk.CodeRegion,
			"bukan kode kabupaten/kota yang dikenal", fmt.Sprintf("%q is not a known kab/kota code", r.String()))
	}
	return c.Err()
}
