// Package desa holds the 83,762 desa and kelurahan of the current Kemendagri
// edition (Kepmendagri 300.2.2-2138/2025). It is separate from package wilayah
// so that programs that never ask for villages do not carry them; the table is
// indexed on first use, not at start-up.
package desa

import (
	"slices"
	"strings"
	"sync"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/internal/names"
)

// Kind is the kind of a village, from the first digit of its 4-digit part.
type Kind uint8

// Village kinds.
const (
	Kelurahan Kind = 1 // urban, led by a lurah (civil servant)
	Desa      Kind = 2 // rural, led by an elected kepala desa
	DesaAdat  Kind = 3 // customary village
)

// String returns "kelurahan", "desa" or "desa adat".
func (k Kind) String() string {
	switch k {
	case Kelurahan:
		return "kelurahan"
	case Desa:
		return "desa"
	case DesaAdat:
		return "desa adat"
	}
	return "unknown"
}

// KindOf returns the kind a village code declares; 0 for other codes.
func KindOf(c wilayah.Code) Kind {
	if c.Level() != wilayah.LevelVillage {
		return 0
	}
	return Kind(c.VillageNumber() / 1000)
}

type village struct {
	code wilayah.Code
	name string
}

var table = sync.OnceValue(func() []village {
	out := make([]village, 0, Count)
	for line := range strings.SplitSeq(strings.TrimSuffix(villageData, "\n"), "\n") {
		c, err := wilayah.ParseCode(line[:10])
		if err != nil {
			panic("desa: corrupt generated table: " + err.Error())
		}
		out = append(out, village{c, line[10:]})
	}
	return out
})

func find(c wilayah.Code) (int, bool) {
	return slices.BinarySearchFunc(table(), c, func(v village, c wilayah.Code) int { return v.code.Compare(c) })
}

func toRegion(v village) wilayah.Region {
	return wilayah.Region{Code: v.code, Name: v.name, Editions: wilayah.EditionSet(1 << (wilayah.CurrentEdition - 1))}
}

// Lookup returns the desa/kelurahan with code c, and false when the current
// edition has none.
func Lookup(c wilayah.Code) (wilayah.Region, bool) {
	if c.Level() != wilayah.LevelVillage {
		return wilayah.Region{}, false
	}
	i, ok := find(c)
	if !ok {
		return wilayah.Region{}, false
	}
	return toRegion(table()[i]), true
}

// Children returns the desa/kelurahan of kecamatan c, sorted by code.
func Children(c wilayah.Code) []wilayah.Region {
	if c.Level() != wilayah.LevelDistrict {
		return nil
	}
	t := table()
	i, _ := find(wilayah.CodeFrom(c.ProvinceNumber(), c.RegencyNumber(), c.DistrictNumber(), 1))
	var out []wilayah.Region
	for ; i < len(t) && t[i].code.District() == c; i++ {
		out = append(out, toRegion(t[i]))
	}
	return out
}

// Search returns the villages whose name matches query ignoring case,
// spacing and punctuation: exact matches first, then prefixes, then other
// substrings, each in code order. An empty query matches nothing.
func Search(query string) []wilayah.Region {
	q := names.Key(query)
	if q == "" {
		return nil
	}
	var ranked [3][]wilayah.Region
	for _, v := range table() {
		k := names.Key(v.name)
		switch {
		case k == q:
			ranked[0] = append(ranked[0], toRegion(v))
		case strings.HasPrefix(k, q):
			ranked[1] = append(ranked[1], toRegion(v))
		case strings.Contains(k, q):
			ranked[2] = append(ranked[2], toRegion(v))
		}
	}
	return slices.Concat(ranked[0], ranked[1], ranked[2])
}
