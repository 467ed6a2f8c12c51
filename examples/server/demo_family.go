package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/registry"
)

// card returns the complete family card (as SIAK holds it) of demo family
// i: the parents (or the mother alone) at the address of its birth report,
// issued on the KK's record date. Importing it before the birth is
// registered makes the KK's next version, with the baby, printable.
func (f *family) card(i int, issuer adminduk.Issuer) (*akta.Family, error) {
	kec := wilayah.MustParseCode(f.village).District()
	dd, _ := strconv.Atoi(f.kkDay[0:2])
	mm, _ := strconv.Atoi(f.kkDay[2:4])
	yy, _ := strconv.Atoi(f.kkDay[4:6])
	recorded, ok := adminduk.NewDate(2000+yy, time.Month(mm), dd)
	if !ok {
		return nil, fmt.Errorf("family %d: KK date %s", i, f.kkDay)
	}
	kk, err := adminduk.NewKK(kec, recorded, 100+i)
	if err != nil {
		return nil, err
	}
	member := func(name, nik string, sex adminduk.Sex, born adminduk.Date, rel akta.Relationship, ms akta.MaritalStatus, job string) akta.Member {
		return akta.Member{Name: name, NIK: adminduk.MustParseNIK(nik), Sex: sex, BirthPlace: "Sukamara", BirthDate: born,
			Religion: adminduk.Islam, Education: akta.SeniorHigh, Occupation: job, MaritalStatus: ms, Relationship: rel,
			Citizenship: adminduk.WNI}
	}
	c := &akta.Family{Number: kk, Address: adminduk.Address{Street: "Jl. Tjilik Riwut", RT: "002", RW: "005", Village: wilayah.MustParseCode(f.village)},
		IssuedAt: recorded, Issuer: issuer}
	mother := nikOf(f.village, f.motherBorn, adminduk.Female, 10+i)
	if f.mothersOnlyChild {
		c.Members = []akta.Member{member(f.mother, mother, adminduk.Female, f.motherBorn, akta.RelHead, akta.Unmarried, "KARYAWAN SWASTA")}
		return c, nil
	}
	father := nikOf(f.village, f.fatherBorn, adminduk.Male, 20+i)
	c.Members = []akta.Member{
		member(f.father, father, adminduk.Male, f.fatherBorn, akta.RelHead, akta.MarriedRecorded, "WIRASWASTA"),
		member(f.mother, mother, adminduk.Female, f.motherBorn, akta.RelWife, akta.MarriedRecorded, "MENGURUS RUMAH TANGGA"),
	}
	return c, nil
}

// importFamilies imports the complete KK of every demo family.
func importFamilies(ctx context.Context, svc *registry.Service, issuer adminduk.Issuer) error {
	for i := range families {
		c, err := families[i].card(i, issuer)
		if err != nil {
			return err
		}
		if _, err := svc.ImportFamily(ctx, c, "demo"); err != nil {
			return fmt.Errorf("family card %d: %w", i, err)
		}
	}
	return nil
}
