package wilayah

import "math/bits"

// entry is one province, kab/kota or kecamatan in the generated table,
// sorted by code; a kab/kota is followed by its kecamatan.
type entry struct {
	code      uint32 // PPKKCC
	nameOff   uint32 // into nameData
	nameLen   uint8
	editions  EditionSet
	successor uint16 // index+1 into entries, 0 when current or unknown
}

// regency indexes the kecamatan of one kab/kota: bit n of districts is set
// when kecamatan n exists in some edition.
type regency struct {
	entry     uint16
	districts [2]uint64
}

// Region is what the tables say about one code.
type Region struct {
	Code Code
	// Name is the name in the latest edition the code appears in, with that
	// edition's spelling.
	Name string
	// Editions lists the editions the code appears in.
	Editions EditionSet
	// Successor is the current code of the same place for a retired code,
	// matched by name (a kab/kota among current kab/kota of any province, a
	// kecamatan under its parent's successor); the zero Code when c is current
	// or no successor was found.
	Successor Code
}

// Level returns the region's level.
func (r Region) Level() Level { return r.Code.Level() }

// Parent returns the code of the enclosing region.
func (r Region) Parent() Code { return r.Code.Parent() }

// Current reports whether the code is in the current edition.
func (r Region) Current() bool { return r.Editions.Has(CurrentEdition) }

// index returns the position in entries of a province, kab/kota or kecamatan
// code that exists in some edition.
func index(c Code) (int, bool) {
	switch c.lvl {
	case LevelProvince:
		s := provinceSlot[c.d/10000]
		return int(s) - 1, s != 0
	case LevelRegency:
		s := regencySlot[c.d/100]
		if s == 0 {
			return 0, false
		}
		return int(regencies[s-1].entry), true
	case LevelDistrict:
		s := regencySlot[c.d/100]
		if s == 0 {
			return 0, false
		}
		r := &regencies[s-1]
		n := c.d % 100
		w, b := n/64, n%64
		if r.districts[w]&(1<<b) == 0 {
			return 0, false
		}
		below := bits.OnesCount64(r.districts[w] & (1<<b - 1))
		if w == 1 {
			below += bits.OnesCount64(r.districts[0])
		}
		return int(r.entry) + 1 + below, true
	}
	return 0, false
}

// Known reports whether a province, kab/kota or kecamatan code appears in any
// edition. It is the check a NIK's region needs, and allocates nothing.
func Known(c Code) bool {
	if c.lvl == LevelDistrict { // the NIK hot path, kept small enough to inline
		s := regencySlot[c.d/100%10000]
		n := c.d % 100
		return s != 0 && regencies[s-1].districts[n>>6&1]&(1<<(n&63)) != 0
	}
	_, ok := index(c)
	return ok
}

// Lookup returns what the tables say about a province, kab/kota or kecamatan
// code, and false when it appears in no edition. Desa/kelurahan codes are in
// package desa.
func Lookup(c Code) (Region, bool) {
	i, ok := index(c)
	if !ok {
		return Region{}, false
	}
	return region(i), true
}

func region(i int) Region {
	e := &entries[i]
	r := Region{
		Code:     codeOf(e.code),
		Name:     nameData[e.nameOff : e.nameOff+uint32(e.nameLen)],
		Editions: e.editions,
	}
	if e.successor != 0 {
		r.Successor = codeOf(entries[e.successor-1].code)
	}
	return r
}

func codeOf(d uint32) Code {
	switch {
	case d%10000 == 0:
		return Code{d: d, lvl: LevelProvince}
	case d%100 == 0:
		return Code{d: d, lvl: LevelRegency}
	}
	return Code{d: d, lvl: LevelDistrict}
}

// Resolve returns the current region for c: c's own entry when it is current,
// its successor's when it is retired and has one, and c's own entry otherwise.
func Resolve(c Code) (Region, bool) {
	r, ok := Lookup(c)
	if ok && !r.Current() && r.Successor.IsValid() {
		return Lookup(r.Successor)
	}
	return r, ok
}

// Children returns the regions one level below c that appear in the latest
// edition c itself appears in (so the current kecamatan of a current kab/kota,
// and the last known ones of a retired one), sorted by code. It returns nil
// for a kecamatan (see package desa) or an unknown code.
func Children(c Code) []Region {
	i, ok := index(c)
	if !ok || c.lvl == LevelDistrict {
		return nil
	}
	latest := entries[i].editions.Latest()
	var out []Region
	for j := i + 1; j < len(entries); j++ {
		cc := codeOf(entries[j].code)
		if !c.Contains(cc) {
			break
		}
		if cc.lvl == c.lvl+1 && entries[j].editions.Has(latest) {
			out = append(out, region(j))
		}
	}
	return out
}

// All calls yield for every province, kab/kota and kecamatan code of every
// edition, in code order, until yield returns false.
func All(yield func(Region) bool) {
	for i := range entries {
		if !yield(region(i)) {
			return
		}
	}
}
