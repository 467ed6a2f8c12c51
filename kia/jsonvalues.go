package kia

import (
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// card converts card.json on the wire into a Card, recording in ck every
// value that does not parse, with its JSON pointer.
func (w *cardJSON) card(ck *checker, o DecodeOptions) *Card {
	c := &Card{
		Name: nfc(w.Name), BirthPlace: nfc(w.BirthPlace), HeadOfFamily: nfc(w.HeadOfFamily), AktaNumber: w.AktaNumber,
		Photo:   NewPhoto(w.Photo, nil),
		Married: w.Married,
		Address: adminduk.Address{Street: nfc(w.Address.Street), RT: w.Address.RT, RW: w.Address.RW},
		Issuer:  adminduk.Issuer{HeadName: nfc(w.Issuer.HeadName)},
	}
	c.IssuedAt = ck.date(pIssuedAt, w.IssuedAt)
	c.BirthDate = ck.date(pBirthDate, w.BirthDate)
	c.PermitUntil = ck.date(pPermitUntil, w.PermitUntil)
	// The NIK's two-digit year is read against the issue date: a child
	// holding a KIA was born less than 17 years before it.
	p := adminduk.NewParser(adminduk.Options{AsOf: c.IssuedAt, Lenient: o.Lenient})
	if w.NIK != "" {
		n, err := p.ParseNIK(w.NIK)
		if err != nil {
			ck.addErr(pNIK, adminduk.CodeInvalid, "NIK tidak sah", err.Error(), err)
		}
		c.NIK = n
	}
	if w.KKNumber != "" {
		k, err := p.ParseKK(w.KKNumber)
		if err != nil {
			ck.addErr(pKK, adminduk.CodeInvalid, "nomor KK tidak sah", err.Error(), err)
		}
		c.KK = k
	}
	if w.Issuer.HeadNIP != "" {
		n, err := adminduk.ParseNIP(w.Issuer.HeadNIP)
		if err != nil {
			ck.addErr(pHeadNIP, adminduk.CodeInvalid, "NIP tidak sah (18 angka)", "invalid NIP (18 digits)", err)
		}
		c.Issuer.HeadNIP = n
	}
	ck.parse(pSex, w.Sex, func(s string) error { v, err := adminduk.ParseSex(s); c.Sex = v; return err })
	ck.parse(pReligion, w.Religion, func(s string) error { v, err := adminduk.ParseReligion(s); c.Religion = v; return err })
	ck.parse(pCitizenship, w.Citizenship, func(s string) error { v, err := adminduk.ParseCitizenship(s); c.Citizenship = v; return err })
	ck.parse(pBloodType, w.BloodType, func(s string) error { v, err := adminduk.ParseBloodType(s); c.BloodType = v; return err })
	ck.parse(pReplacement, w.Replacement, func(s string) error { v, err := ParseReplacement(s); c.Replacement = v; return err })
	c.Address.Village = ck.code(pVillage, w.Address.Village)
	c.Issuer.Regency = ck.code(pRegency, w.Issuer.Regency)
	if w.Address.District != "" && c.Address.Village.Level() == wilayah.LevelVillage {
		ck.district(w.Address.District, c.Address.Village.District())
	}
	return c
}

// date parses YYYY-MM-DD; "" gives the zero Date, a date that does not
// exist an error that unwraps to adminduk.ErrInvalidDate.
func (c *checker) date(p adminduk.Pointer, s string) adminduk.Date {
	if s == "" {
		return adminduk.Date{}
	}
	d, err := adminduk.ParseDate(s)
	if err != nil {
		c.addErr(p, adminduk.CodeInvalid, "tanggal tidak sah, tulis YYYY-MM-DD yang ada di kalender", "invalid date, want YYYY-MM-DD that exists", err)
	}
	return d
}

func (c *checker) parse(p adminduk.Pointer, s string, parse func(string) error) {
	if s == "" {
		return
	}
	if err := parse(s); err != nil {
		c.addErr(p, adminduk.CodeInvalid, "nilai tidak dikenal: "+strconv.Quote(s), "unknown value "+strconv.Quote(s), err)
	}
}

func (c *checker) code(p adminduk.Pointer, s string) wilayah.Code {
	if s == "" {
		return wilayah.Code{}
	}
	code, err := wilayah.ParseCode(s)
	if err != nil {
		c.addErr(p, adminduk.CodeInvalid, "kode wilayah tidak sah", "invalid region code", err)
	}
	return code
}

// district checks address.district, a kecamatan code or name, against the
// kecamatan of the village.
func (c *checker) district(s string, want wilayah.Code) {
	if code, err := wilayah.ParseCode(s); err == nil {
		if code != want {
			c.add(pDistrict, adminduk.CodeMismatch, "kecamatan "+code.String()+" bukan kecamatan desa/kelurahan ("+want.String()+")", "kecamatan "+code.String()+" is not the village's ("+want.String()+")")
		}
		return
	}
	r, ok := wilayah.Lookup(want)
	if ok && !sameName(s, r.Name) {
		c.add(pDistrict, adminduk.CodeMismatch, "kecamatan "+strconv.Quote(s)+" bukan kecamatan desa/kelurahan ("+r.Name+")", "kecamatan "+strconv.Quote(s)+" is not the village's ("+r.Name+")")
	}
}

func sameName(a, b string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '.' || r == '-' || r == '\'' {
				return -1
			}
			return r
		}, strings.ToUpper(s))
	}
	return norm(a) == norm(b)
}
