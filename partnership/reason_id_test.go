package partnership

import (
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRowErrorReasonIn(t *testing.T) {
	in := "number;partner;category;district;services;signed;start;end;status\n" +
		"A;B;klinik;36.04.05;kk;2024-01-01;2024-01-01;;;;\n" +
		"\xff;B;klinik;36.04.05;kk;2024-01-01;2024-01-01;;\n" +
		"C;B;klinik;36.04.05;;2024-01-01;2024-01-01;;\n" +
		"D;B;klinik;36.04;kk;2024-01-01;2024-01-01;;\n" +
		"E;B;xyz;36.04.05;kk;2024-01-01;2024-01-01;;\n" +
		"F;B;klinik;36.04.05;kk;2024-01-01;2024-03-01;2024-02-01;\n" +
		"F;B;klinik;36.04.05;kk;2024-01-01;2024-01-01;;\n" +
		"G;B;klinik;36.04.05;kk;2024-02-30;2024-01-01;;\n"
	im, err := ReadCSV(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	want := []string{
		"row: 11 kolom, seharusnya 9 (ada titik koma tanpa tanda kutip?)",
		"number: bukan UTF-8 yang sah",
		"services: kosong",
		`district: "36.04" adalah kabupaten/kota, seharusnya kecamatan`,
		`category "xyz": tidak dikenal; pilihan: rumah_sakit, klinik, bidan, puskesmas, paud_tk, sd, smp, sma_smk, tempat_wisata, merchant, other`,
		"end: 2024-02-01 sebelum tanggal mulai 2024-03-01",
		`signed: date "2024-02-30": tanggal tidak ada di kalender`,
	}
	require.Len(t, im.Errors, len(want))
	for i, e := range im.Errors {
		assert.Equal(t, want[i], e.Reason(adminduk.Indonesian))
		assert.Equal(t, e.Reason(adminduk.English), e.Reason(adminduk.English))
	}
	csvErr := newRowError(3, "", "", assert.AnError)
	assert.Equal(t, csvErr.Reason(adminduk.English), csvErr.Reason(adminduk.Indonesian), "unknown messages stay English")
}
