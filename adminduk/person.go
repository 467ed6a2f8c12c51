package adminduk

import "github.com/adminduk-id/adminduk/adminduk/wilayah"

// Person is the identity of a person as the documents of this module print
// it. Fields a document does not need may stay zero.
type Person struct {
	NIK        NIK
	Name       string
	Sex        Sex
	BirthPlace string
	BirthDate  Date
}

// Address is a domicile as printed on a KK or KIA.
type Address struct {
	Street  string       // jalan, dusun, kompleks
	RT      string       // rukun tetangga, e.g. "003"
	RW      string       // rukun warga, e.g. "011"
	Village wilayah.Code // desa/kelurahan, 10 digits
}
