package partnership

import (
	"os"
	"testing"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/require"
)

var wib = time.FixedZone("WIB", 7*60*60)

// at returns 09:00 WIB on the given day.
func at(s string) time.Time {
	d := adminduk.MustParseDate(s)
	return time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, wib)
}

// change is a Change by the test officer at 09:00 WIB on day s.
func change(s, reason string) Change {
	return Change{Actor: "petugas.pks", At: at(s), Reason: reason}
}

// puskesmas returns a valid signed agreement of a puskesmas in Kramatwatu
// (36.04.05), signed 2023-12-20, running 2024-01-01 to 2025-12-31.
func puskesmas(id string) Agreement {
	return Agreement{
		ID: id, Number: "470/" + id + "/PKS-DKP/2023", PartnerNumber: "PKM/" + id,
		Partner: Partner{ID: "pkm-melati", Name: "Puskesmas Melati", Category: Puskesmas, District: wilayah.MustParseCode("36.04.05")},
		Scope:   Scope{Services: ServicesOf(AktaKelahiran, KK, KIA)},
		Signed:  adminduk.MustParseDate("2023-12-20"), Start: adminduk.MustParseDate("2024-01-01"), End: adminduk.MustParseDate("2025-12-31"),
		Term: DefaultTerm, State: Signed,
	}
}

// readSerang reads testdata/serang.csv.
func readSerang(t testing.TB) *Import {
	t.Helper()
	f, err := os.Open("testdata/serang.csv")
	require.NoError(t, err)
	defer f.Close()
	im, err := ReadCSV(f, CSVOptions{})
	require.NoError(t, err)
	return im
}
