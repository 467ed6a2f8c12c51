package fhir_test

import (
	"fmt"
	"os"

	"github.com/adminduk-id/adminduk/registry/fhir"
)

// A discharge bundle maps to a report the registry accepts at notify; what
// registration still needs is listed against the bundle.
func ExampleDecode() {
	data, err := os.ReadFile("testdata/discharge-bundle.json")
	if err != nil {
		panic(err)
	}
	res, err := fhir.Decode(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	ch := res.Report.Child
	fmt.Println(ch.Name, ch.Sex, ch.BirthDate, ch.BirthTime, ch.Multiplicity, ch.WeightG, ch.LengthCM)
	fmt.Println(res.Report.Family.Address.Village, res.Report.Family.Address.RT)
	for _, m := range res.Missing {
		fmt.Printf("missing at %q: %s\n", m.Pointer, m.English)
	}
	// Output:
	// Bayi Ny. Dewi Lestari L 2026-12-02 23:10 tunggal 2950 48.2
	// 62.08.01.2001 011
	// missing at "/entry": child/birth_order is missing: add the mother's Observation LOINC 11638-1 (live births)
	// missing at "/entry/2/resource/participant": child/attendant is missing: add the Encounter's PPRF participant (a Practitioner with its qualification)
	// missing at "/entry/1/resource/maritalStatus": parents is missing: add the father (RelatedPerson FTH) with a proof of marriage, or the mother's maritalStatus
	// missing at "/entry": reporter/nik is missing: add the reporter (RelatedPerson INF)
	// missing at "/entry": reporter/name is missing: add the reporter (RelatedPerson INF)
	// missing at "/entry": proof is missing: add a DocumentReference surat-keterangan-lahir or sptjm-f2.03
}

// A weight in a unit that is not a mass is refused, pointing at the element.
func ExampleDecodeBirthBundle() {
	data, err := os.ReadFile("testdata/broken-unit.json")
	if err != nil {
		panic(err)
	}
	_, err = fhir.DecodeBirthBundle(data)
	fmt.Println(err)
	// Output:
	// fhir: bundle cannot be mapped onto a birth report: /entry/3/resource/valueQuantity/unit: unknown unit "ons" (UCUM units of the same dimension are accepted)
}
