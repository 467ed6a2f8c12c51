package coverage

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Record is one child (or any person) as the aggregation reads it: a row of
// the CSV described by [Columns].
type Record struct {
	NIK adminduk.NIK
	// BirthDate is the date of birth; the zero Date means "take it from the
	// NIK" (which holds the date first registered).
	BirthDate adminduk.Date
	// Sex; 0 means "take it from the NIK".
	Sex adminduk.Sex
	// District is the kecamatan of domicile. It is not the NIK's region,
	// which is where the NIK was first registered.
	District wilayah.Code
	// HasAkta and AktaDate: whether the child holds an akta kelahiran and
	// the date it was registered (the zero Date when not known).
	HasAkta  bool
	AktaDate adminduk.Date
	// HasKIA and KIADate: whether the child holds a printed KIA and the date
	// it was issued (the zero Date when not known).
	HasKIA  bool
	KIADate adminduk.Date
}

// column is one of the CSV columns the aggregation reads.
type column uint8

const (
	colNIK column = iota
	colBirth
	colSex
	colDistrict
	colHasAkta
	colAktaDate
	colHasKIA
	colKIADate
	numCols
	colIgnore = numCols
)

// Columns lists the CSV columns in the order [Synthesize] writes them.
// The header names them; the order is free, and unknown columns are
// ignored (with a [WarnUnknownColumn] warning):
//
//	nik              16-digit NIK; required, must be valid (structural check
//	                 against every Kemendagri edition, century pivoted on the
//	                 reference date)
//	birth_date       YYYY-MM-DD (also DD-MM-YYYY, DD/MM/YYYY); empty: the NIK's
//	sex              L/P, M/F, 1/2, laki-laki/perempuan, male/female; empty: the NIK's
//	district         kecamatan of domicile, 62.08.01 or 620801; required.
//	                 A retired code counts for its successor.
//	has_akta         1/0 (also y/n, ya/tidak, yes/no, true/false)
//	akta_registered  registration date of the akta, optional (empty: unknown)
//	has_kia          1/0 as has_akta
//	kia_issued       issue date of the KIA, optional
//
// A file needs nik, district, and has_akta or has_kia (the indicator whose
// column is missing is not measured). Header aliases: tanggal_lahir,
// jenis_kelamin, kecamatan, akta, akta_date, kia, kia_date.
var Columns = []string{"nik", "birth_date", "sex", "district", "has_akta", "akta_registered", "has_kia", "kia_issued"}

var columnAliases = map[string]column{
	"nik": colNIK, "birth_date": colBirth, "tanggal_lahir": colBirth, "tgl_lahir": colBirth,
	"sex": colSex, "jenis_kelamin": colSex, "jk": colSex,
	"district": colDistrict, "kecamatan": colDistrict, "kode_kecamatan": colDistrict,
	"has_akta": colHasAkta, "akta": colHasAkta,
	"akta_registered": colAktaDate, "akta_date": colAktaDate, "tanggal_akta": colAktaDate,
	"has_kia": colHasKIA, "kia": colHasKIA,
	"kia_issued": colKIADate, "kia_date": colKIADate, "tanggal_kia": colKIADate,
}

// row is a record as the tally needs it.
type row struct {
	birth    adminduk.Date
	female   bool
	district uint32 // ppkkcc as a number
	akta     doc
	kia      doc
	mismatch bool // birth date or sex differ from the NIK's
}

// doc is whether a document is held, and its date (zero: unknown).
type doc struct {
	has  bool
	date adminduk.Date
}

func districtKey(c wilayah.Code) uint32 {
	return uint32(c.ProvinceNumber()*10000 + c.RegencyNumber()*100 + c.DistrictNumber())
}

// parseDistrict reads 62.08.01 or 620801 into ppkkcc.
func parseDistrict(b []byte) (uint32, bool) {
	var p, k, c int
	var ok1, ok2, ok3 bool
	switch {
	case len(b) == 8 && b[2] == '.' && b[5] == '.':
		p, ok1 = digits2(b[0:2])
		k, ok2 = digits2(b[3:5])
		c, ok3 = digits2(b[6:8])
	case len(b) == 6:
		p, ok1 = digits2(b[0:2])
		k, ok2 = digits2(b[2:4])
		c, ok3 = digits2(b[4:6])
	}
	if !ok1 || !ok2 || !ok3 || p == 0 || k == 0 || c == 0 {
		return 0, false
	}
	return uint32(p*10000 + k*100 + c), true
}

// parseSex reads the spellings [adminduk.ParseSex] accepts; it allocates
// nothing.
func parseSex(b []byte) (female, ok bool) {
	if len(b) == 1 {
		switch b[0] {
		case 'L', 'l', 'M', 'm', '1':
			return false, true
		case 'P', 'p', 'F', 'f', 'W', 'w', '2':
			return true, true
		}
		return false, false
	}
	switch {
	case equalFold(b, "laki-laki"), equalFold(b, "male"), equalFold(b, "pria"):
		return false, true
	case equalFold(b, "perempuan"), equalFold(b, "female"), equalFold(b, "wanita"):
		return true, true
	}
	return false, false
}

// parseBool reads 1/0, y/n, ya/tidak, yes/no, true/false in any case.
func parseBool(b []byte) (v, ok bool) {
	if len(b) == 1 {
		switch b[0] {
		case '1', 'y', 'Y':
			return true, true
		case '0', 'n', 'N':
			return false, true
		}
		return false, false
	}
	switch {
	case equalFold(b, "ya"), equalFold(b, "yes"), equalFold(b, "true"):
		return true, true
	case equalFold(b, "tidak"), equalFold(b, "no"), equalFold(b, "false"):
		return false, true
	}
	return false, false
}

// equalFold compares ASCII b with lower-case s ignoring case.
func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
