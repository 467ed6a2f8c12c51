package registry

import (
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Office is one Dinas Kependudukan dan Pencatatan Sipil: the kab/kota it
// serves and its head, who signs what it issues (adminduk.Issuer), and the
// key that signs the QR credential of every document it issues (issuer
// "ID-" and the kab/kota code).
type Office struct {
	Issuer adminduk.Issuer
	Name   string // "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamara"
	Signer *credential.Signer
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
	if o.Signer == nil {
		c.Required(adminduk.NewPointer("signer"))
	} else if want := "ID-" + r.Plain(); o.Signer.Issuer() != want {
		c.AddCode(adminduk.NewPointer("signer"), adminduk.CodeRegion,
			"kunci penanda tangan bukan milik Dinas ini", fmt.Sprintf("the signer's issuer %q is not %q", o.Signer.Issuer(), want))
	}
	return c.Err()
}
