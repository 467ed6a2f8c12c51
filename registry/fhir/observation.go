package fhir

import (
	"math"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// LOINC codes of the Observations the mapping reads.
const (
	SystemLOINC = "http://loinc.org"
	SystemUCUM  = "http://unitsofmeasure.org"

	LOINCBirthWeight = "8339-4"  // Body weight at birth (newborn)
	LOINCBodyLength  = "89269-5" // Body height Measured --at birth (newborn)
	LOINCPlurality   = "57722-1" // Birth plurality of Pregnancy (newborn; valueInteger)
	LOINCLiveBirths  = "11638-1" // [#] Births.live (mother; valueInteger, this delivery included)
)

// unit converts a quantity to grams or centimetres.
type unit struct {
	factor float64
}

// massUnits and lengthUnits are the UCUM codes (and the spellings a SIMRS
// puts in Quantity.unit) accepted, with their exact factors: the avoirdupois
// pound is 453.59237 g and the ounce 1/16 of it (UCUM [lb_av], [oz_av]);
// the international inch is 2.54 cm (UCUM [in_i]).
var (
	massUnits = map[string]unit{
		"g": {1}, "gram": {1}, "gr": {1}, "kg": {1000}, "kilogram": {1000},
		"[lb_av]": {453.59237}, "lb": {453.59237}, "[oz_av]": {453.59237 / 16}, "oz": {453.59237 / 16},
	}
	lengthUnits = map[string]unit{
		"cm": {1}, "centimeter": {1}, "sentimeter": {1}, "mm": {0.1}, "m": {100},
		"[in_i]": {2.54}, "in": {2.54},
	}
)

// observations of interest, by LOINC code.
func loinc(o *observation) string {
	for _, c := range []string{LOINCBirthWeight, LOINCBodyLength, LOINCPlurality, LOINCLiveBirths} {
		if has(o.Code, SystemLOINC, c) {
			return c
		}
	}
	return ""
}

// mapObservations maps birth weight and length, plurality and the mother's
// live births (for the birth order). An observation entered in error or
// cancelled is ignored; two of one kind are an error.
func (m *mapper) mapObservations() {
	seen := map[string]bool{}
	plurality, liveBirths := 0, 0
	var pluralityAt, liveAt adminduk.Pointer
	for i := range m.res {
		o, ok := m.res[i].v.(*observation)
		if !ok {
			continue
		}
		code := loinc(o)
		if code == "" || o.Status == "entered-in-error" || o.Status == "cancelled" {
			continue
		}
		at := m.res[i].at
		if seen[code] {
			m.c.AddCode(at.Key("code"), adminduk.CodeDuplicate, "pengamatan ini sudah ada dalam bundle",
				"the bundle already holds this observation")
			continue
		}
		seen[code] = true
		want, who := m.newborn, "bayi"
		if code == LOINCLiveBirths {
			want, who = m.mother, "ibu"
		}
		if s := m.resolve(o.Subject, at.Key("subject"), "Patient"); s != want {
			if s >= 0 || o.Subject.Reference == "" {
				m.c.AddCode(at.Key("subject"), adminduk.CodeMismatch, "harus merujuk Patient "+who,
					"must refer to the "+map[string]string{"bayi": "newborn", "ibu": "mother"}[who]+" Patient")
			}
			continue
		}
		switch code {
		case LOINCBirthWeight:
			if g, ok := m.quantity(o, at, massUnits, "/child/weight_g"); ok {
				m.rep.Child.WeightG = int(math.Round(g))
			}
		case LOINCBodyLength:
			if cm, ok := m.quantity(o, at, lengthUnits, "/child/length_cm"); ok {
				m.rep.Child.LengthCM = math.Round(cm*10) / 10 // to the millimetre
			}
		case LOINCPlurality:
			pluralityAt = at.Key("valueInteger")
			plurality = m.integer(o, at)
			m.source("/child/multiplicity", pluralityAt)
		case LOINCLiveBirths:
			liveAt = at.Key("valueInteger")
			liveBirths = m.integer(o, at)
			m.source("/child/birth_order", liveAt)
		}
	}
	m.multiplicity(plurality, pluralityAt, liveBirths, liveAt)
	for _, f := range []adminduk.Pointer{"/child/birth_order", "/child/weight_g", "/child/length_cm"} {
		if _, ok := m.src[f]; !ok {
			m.source(f, "/entry")
		}
	}
}

// quantity returns the value of o in the unit of table (factor 1), found by
// its UCUM code, else its unit text.
func (m *mapper) quantity(o *observation, at adminduk.Pointer, table map[string]unit, report adminduk.Pointer) (float64, bool) {
	q := o.ValueQuantity
	qat := at.Key("valueQuantity")
	m.source(report, qat.Key("value"))
	if q == nil || q.Value == nil {
		m.c.AddCode(qat.Key("value"), adminduk.CodeRequired, "wajib diisi", "is required")
		return 0, false
	}
	key, kat := q.Code, qat.Key("code")
	if key == "" || (q.System != "" && q.System != SystemUCUM) {
		key, kat = strings.ToLower(strings.TrimSpace(q.Unit)), qat.Key("unit")
	}
	u, ok := table[key]
	if !ok {
		m.c.AddCode(kat, adminduk.CodeInvalid, "satuan tidak dikenal: "+strconv.Quote(key),
			"unknown unit "+strconv.Quote(key)+" (UCUM units of the same dimension are accepted)")
		return 0, false
	}
	v := *q.Value * u.factor
	if v != v || math.IsInf(v, 0) || v > 1e6 || v < -1e6 {
		m.c.AddCode(qat.Key("value"), adminduk.CodeRange, "nilai di luar batas", "value out of range")
		return 0, false
	}
	return v, true
}

func (m *mapper) integer(o *observation, at adminduk.Pointer) int {
	if o.ValueInteger == nil {
		m.c.AddCode(at.Key("valueInteger"), adminduk.CodeRequired, "wajib diisi", "is required")
		return 0
	}
	return *o.ValueInteger
}

// multiplicity sets the kind of birth and the birth order from the
// newborn's multipleBirthInteger (its place in a multiple birth, 0 for a
// single birth in SATUSEHAT), the plurality observation and the mother's
// live births (this delivery included): the child's birth order among the
// mother's children is liveBirths - plurality + its place.
func (m *mapper) multiplicity(plurality int, pluralityAt adminduk.Pointer, liveBirths int, liveAt adminduk.Pointer) {
	nb := m.res[m.newborn]
	p := nb.v.(*patient)
	place := 0
	if p.MultipleBirthInteger != nil {
		place = *p.MultipleBirthInteger
	}
	placeAt := nb.at.Key("multipleBirthInteger")
	ch := &m.rep.Child
	switch {
	case place < 0 || place > 9:
		m.c.AddCode(placeAt, adminduk.CodeRange, "harus antara 0 dan 9", "must be between 0 and 9")
		return
	case pluralityAt == "":
		if place > 0 {
			m.c.AddCode(placeAt, adminduk.CodeRequired,
				"kelahiran kembar memerlukan Observation LOINC 57722-1 (jumlah bayi)",
				"a multiple birth needs an Observation LOINC 57722-1 (plurality)")
			return
		}
		plurality = 1
		if p.MultipleBirthInteger == nil && (p.MultipleBirthBoolean == nil || *p.MultipleBirthBoolean) {
			plurality = 0 // unknown: left for validation
		}
	case plurality < 1 || plurality > 9:
		m.c.AddCode(pluralityAt, adminduk.CodeRange, "harus antara 1 dan 9", "must be between 1 and 9")
		return
	case place > plurality || (plurality > 1 && place == 0):
		m.source("/child/multiplicity", placeAt) // one error for the two elements
		m.c.AddCode(placeAt, adminduk.CodeMismatch, "urutan tidak sesuai dengan jumlah bayi (LOINC 57722-1)",
			"the place in the birth disagrees with the plurality (LOINC 57722-1)")
		return
	}
	switch {
	case plurality == 1:
		ch.Multiplicity = "tunggal"
	case plurality > 1:
		ch.Multiplicity = "kembar-" + strconv.Itoa(plurality)
	}
	if liveAt == "" {
		return
	}
	if place == 0 {
		place = 1
	}
	if plurality > 0 && liveBirths < plurality {
		m.c.AddCode(liveAt, adminduk.CodeRange, "kurang dari jumlah bayi kelahiran ini",
			"fewer than the babies of this delivery")
		return
	}
	ch.BirthOrder = liveBirths - max(plurality, 1) + place
}
