package partnership

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadCSVSerangBadRows: each bad row of the Serang file is reported with
// its line and the right sentinel, and the good rows are all read.
func TestReadCSVSerangBadRows(t *testing.T) {
	im := readSerang(t)
	assert.Equal(t, 76, im.Rows)
	assert.Len(t, im.Agreements, 69)
	assert.Len(t, im.Lines, 69)
	type bad struct {
		line  int
		field string
		is    error
	}
	var got []bad
	for _, e := range im.Errors {
		got = append(got, bad{e.Line, e.Column, errors.Unwrap(e)})
	}
	want := []bad{
		{22, "category", ErrSyntax},             // unknown category "apotek"
		{33, "end", ErrInvalid},                 // end before start
		{44, "number", ErrConflict},             // duplicate of line 7
		{55, "signed", adminduk.ErrInvalidDate}, // 2024-02-30
		{61, "", ErrInvalid},                    // a missing column
		{67, "services", ErrSyntax},             // unknown service "ktp"
		{73, "district", ErrInvalid},            // 36.04.99 is in no edition
	}
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.line, got[i].line, "error %d", i)
		assert.Equal(t, w.field, got[i].field, "line %d", w.line)
		assert.ErrorIs(t, im.Errors[i], w.is, "line %d", w.line)
	}
	assert.Equal(t, `category "apotek": unknown; want one of rumah_sakit, klinik, bidan, puskesmas, paud_tk, sd, smp, sma_smk, tempat_wisata, merchant, other`, im.Errors[0].Reason(adminduk.English))
	assert.Equal(t, "end: 2022-05-31 is before start 2023-06-01", im.Errors[1].Reason(adminduk.English))
	assert.Equal(t, `number: duplicate number "470/005/PKS-DKP/2023" (first on line 7)`, im.Errors[2].Reason(adminduk.English))
	assert.Equal(t, `signed: date "2024-02-30": no such calendar date`, im.Errors[3].Reason(adminduk.English))
	assert.Equal(t, "row: 8 fields, want 9", im.Errors[4].Reason(adminduk.English))
	assert.Equal(t, `partnership: line 73: district: unknown kecamatan "36.04.99" (in no edition of the region codes)`, im.Errors[6].Error())

	// The renewal of RSU Harapan Sehat: end derived, both linked.
	var first, second *Agreement
	for i := range im.Agreements {
		switch im.Agreements[i].Number {
		case "470/001/PKS-DKP/2022":
			first = &im.Agreements[i]
		case "470/032/PKS-DKP/2024":
			second = &im.Agreements[i]
		}
	}
	require.NotNil(t, first)
	require.NotNil(t, second)
	assert.Equal(t, second.ID, first.Successor)
	assert.Equal(t, first.ID, second.Predecessor)
	assert.Equal(t, "2027-01-01", second.End.String(), "start + two years")
	assert.Equal(t, DefaultTerm, second.Term)
	assert.Equal(t, "rumah_sakit/36.04.09/rsu harapan sehat", first.Partner.ID)
}

// TestReadCSVQuirks: what spreadsheets produce.
func TestReadCSVQuirks(t *testing.T) {
	in := "\uFEFFNumber,Partner,Category,District,Services,Signed,Start,End,Status,Catatan\r\n" +
		"\r\n" +
		`A/1,"RS ""Sehat"", Cikande",Rumah Sakit,36.04.15,"kia;kk",20/12/2023,01-01-2024,,,"multi` + "\r\n" + `line note"` + "\r\n" +
		",,,,,,,,,\r\n" +
		"A/2,Puskesmas Merauke,puskesmas,91.01.01,akta_kelahiran,2023-12-20,2024-01-01,2025-12-31,active,\r\n" +
		"A/3,Bidan Desa,BPM,3604052001,kia,2023-12-20,2024-01-01,2025-12-31,,\r\n" +
		"A/4,Sekolah,sd,36.04,perekaman_sekolah,2023-12-20,2024-01-01,,,\r\n" +
		"A/5,Bad \"quote,sd,36.04.05,kia,2023-12-20,2024-01-01,,,\r\n" +
		"A/6,Draft,klinik,36.04.05,kia,,2024-01-01,,draft,\r\n" +
		"A/7,Toko,merchant,36.04.05,kia_benefit;akta_kematian,2023-12-20,2024-01-01,,,\r\n" +
		"A/8,Late,klinik,36.04.05,kia,2024-01-05,2024-01-01,,,\r\n" +
		"A/9,Unsigned,klinik,36.04.05,kia,,2024-01-01,,,\r\n" +
		"A/10,Wrong,klinik,36.04.05,kia,2023-12-20,2024-01-01,,pending,\r\n" +
		"A/11,\"Ctrl\x01\",klinik,36.04.05,kia,2023-12-20,2024-01-01,,,\r\n" +
		"a/1 ,Dup,klinik,36.04.05,kia,2023-12-20,2024-01-01,,,\r\n"
	im, err := ReadCSV(strings.NewReader(in), CSVOptions{Term: Term{Years: 1}})
	require.NoError(t, err)

	numbers := []string{}
	for _, a := range im.Agreements {
		numbers = append(numbers, a.Number)
	}
	assert.Equal(t, []string{"A/1", "A/2", "A/3", "A/6", "A/7", "A/8"}, numbers)
	assert.Equal(t, []int{3, 6, 7, 10, 11, 12}, im.Lines)

	a1 := im.Agreements[0]
	assert.Equal(t, `RS "Sehat", Cikande`, a1.Partner.Name)
	assert.Equal(t, RumahSakit, a1.Partner.Category)
	assert.Equal(t, ServicesOf(KK, KIA), a1.Scope.Services)
	assert.Equal(t, "2023-12-20", a1.Signed.String(), "DD/MM/YYYY")
	assert.Equal(t, "2024-01-01", a1.Start.String(), "DD-MM-YYYY")
	assert.Equal(t, "2024-12-31", a1.End.String(), "the configured one-year term")
	assert.Equal(t, Signed, a1.State, "empty status")
	assert.Equal(t, wilayah.MustParseCode("36.04.05"), im.Agreements[2].Partner.District, "a desa code stands for its kecamatan")
	assert.Equal(t, Bidan, im.Agreements[2].Partner.Category)
	assert.Equal(t, Draft, im.Agreements[3].State)
	assert.Equal(t, "2024-12-31", im.Agreements[3].End.String())

	type warn struct {
		line int
		kind WarningKind
	}
	var ws []warn
	for _, w := range im.Warnings {
		ws = append(ws, warn{w.Line, w.Kind})
	}
	assert.Equal(t, []warn{{1, WarnUnknownColumn}, {6, WarnRetiredDistrict}, {11, WarnUnusualScope}, {12, WarnSignedAfterStart}}, ws)
	assert.Equal(t, "kecamatan 91.01.01 (Merauke) is retired; now 93.01.01 (Merauke)", im.Warnings[1].Msg)
	assert.Equal(t, `line 6: agreement "A/2": kecamatan 91.01.01 (Merauke) is retired; now 93.01.01 (Merauke)`, im.Warnings[1].String())
	assert.Equal(t, "services akta_kematian are unusual for a merchant partner", im.Warnings[2].Msg)

	reasons := map[int]string{}
	for _, e := range im.Errors {
		reasons[e.Line] = e.Reason(adminduk.English)
	}
	assert.Equal(t, map[int]string{
		8:  `district: "36.04" is a kabupaten/kota, want a kecamatan`,
		9:  `csv: bare " in non-quoted-field`,
		13: `signed: empty (leave the status "draft" for an unsigned agreement)`,
		14: `status "pending": unknown; want one of draft, signed, active, suspended, expired, terminated`,
		15: "partner: contains a control character or line break",
		16: `number: duplicate number "a/1" (first on line 3)`,
	}, reasons)
	assert.Equal(t, 12, im.Rows)
}

func TestReadCSVHeaderless(t *testing.T) {
	in := "B/1,Klinik X,klinik,36.04.05,kia,2024-01-01,2024-01-01,2025-12-31,\nB/2,Klinik Y,klinik,36.04.05,kia,2024-01-01,2024-01-01,2025-12-31\n"
	im, err := ReadCSV(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, im.Agreements, 1)
	require.Len(t, im.Errors, 1)
	assert.Equal(t, 2, im.Errors[0].Line)
	assert.Equal(t, "row: 8 fields, want 9", im.Errors[0].Reason(adminduk.English))
}

func TestReadCSVReorderedAndOptionalColumns(t *testing.T) {
	in := "status,end,start,signed,services,district,category,partner,number,discount,terms,partner_number,contact,phone,email\n" +
		",,2024-03-01,2024-02-20,kia_benefit,36.04.30,tempat_wisata,Pantai Contoh,W/1,15%,tiket masuk,PT/9,Ibu Ani,0812,ani@example.id\n" +
		",,2024-03-01,2024-02-20,kia_benefit,36.04.30,tempat_wisata,Pantai Lain,W/2,150,,,,,\n" +
		",,2024-03-01,2024-02-20,kia,36.04.30,klinik,Klinik Diskon,W/3,10,,,,,\n"
	im, err := ReadCSV(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, im.Agreements, 1)
	a := im.Agreements[0]
	assert.Equal(t, BenefitTerms{Percent: 15, Terms: "tiket masuk"}, a.Scope.Benefit)
	assert.Equal(t, "PT/9", a.PartnerNumber)
	assert.Equal(t, Contact{Person: "Ibu Ani", Phone: "0812", Email: "ani@example.id"}, a.Partner.Contact)
	require.Len(t, im.Errors, 2)
	assert.ErrorIs(t, im.Errors[0], ErrSyntax)
	assert.Equal(t, "discount", im.Errors[0].Column)
	assert.ErrorIs(t, im.Errors[1], ErrInvalid, "a discount without kia_benefit")

	// WriteCSV keeps the optional columns and reads back the same.
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, im.Agreements))
	assert.Equal(t, "number,partner,category,district,services,signed,start,end,status,partner_number,discount,terms,contact,phone,email\n"+
		"W/1,Pantai Contoh,tempat_wisata,36.04.30,kia_benefit,2024-02-20,2024-03-01,2026-02-28,signed,PT/9,15%,tiket masuk,Ibu Ani,0812,ani@example.id\n", buf.String())
	again, err := ReadCSV(&buf, CSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, im.Agreements, again.Agreements)
}

func TestReadCSVBadHeader(t *testing.T) {
	for in, msg := range map[string]string{
		"number,partner,category,services,signed,start,end,status\n":      `partnership: invalid csv header: /rows/1: no column "district"; want number,partner,category,district,services,signed,start,end,status`,
		"number,partner,category,district,services,signed,start,number\n": `partnership: invalid csv header: /rows/1: column "number" given twice`,
	} {
		_, err := ReadCSV(strings.NewReader(in), CSVOptions{})
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, msg, err.Error())
	}
	im, err := ReadCSV(strings.NewReader(""), CSVOptions{})
	require.NoError(t, err)
	assert.Zero(t, im.Rows)
}

func TestReadCSVUnterminatedQuote(t *testing.T) {
	in := "number,partner,category,district,services,signed,start,end,status\n" +
		"C/1,Klinik,klinik,36.04.05,kia,2024-01-01,2024-01-01,,\n" +
		"C/2,\"Klinik,klinik,36.04.05,kia,2024-01-01,2024-01-01,,\n" +
		"C/3,Klinik 3,klinik,36.04.05,kia,2024-01-01,2024-01-01,,\n"
	im, err := ReadCSV(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, im.Agreements, 1)
	require.Len(t, im.Errors, 1)
	assert.Equal(t, 3, im.Errors[0].Line)
	assert.Contains(t, im.Errors[0].Reason(adminduk.English), "(lines 3-4)", "the reason says how much the quote swallowed")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadCSVIOError(t *testing.T) {
	_, err := ReadCSV(failingReader{}, CSVOptions{})
	assert.EqualError(t, err, "disk on fire")
}

func TestParseRecordRoundTrip(t *testing.T) {
	rec := []string{" X/1 ", "Klinik  Dua", "KLINIK", "91.01.01", "kk;kia", "01/02/2024", "2024-02-01", "", "ACTIVE"}
	a, warns, err := ParseRecord(rec, CSVOptions{})
	require.NoError(t, err)
	require.Len(t, warns, 1)
	assert.Equal(t, WarnRetiredDistrict, warns[0].Kind)
	assert.Equal(t, []string{"X/1", "Klinik  Dua", "klinik", "91.01.01", "kk;kia", "2024-02-01", "2024-02-01", "2026-01-31", "active"}, FormatRecord(&a))
	b, _, err := ParseRecord(FormatRecord(&a), CSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, a, b)
	assert.Equal(t, wilayah.MustParseCode("93.01.01"), a.Partner.CurrentDistrict())

	_, _, err = ParseRecord(rec[:5], CSVOptions{})
	var re *RowError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, ErrInvalid)
}

// A rejected row carries its problem as an adminduk.FieldError pointing at
// the cell ("/rows/LINE/COLUMN"), in both languages, unwrapping to the
// sentinel and to the field's own error.
func TestRowErrorFieldError(t *testing.T) {
	in := "number,partner,category,district,services,signed,start,end,status\n" +
		"A/1,RS Contoh,rumah_sakit,36.04.05,kia,2024-02-30,2024-03-01,,\n" +
		"A/2,,klinik,36.04.05,kia,2024-02-20,2024-03-01,,\n" +
		"A/1,RS Lain,rumah_sakit,36.04.05,kia,2024-02-20,2024-03-01,,\n" +
		"A/3,RS Tiga,rumah_sakit,36.04.05,kia,2024-02-20\n"
	im, err := ReadCSV(strings.NewReader(in), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, im.Errors, 3)
	for _, tc := range []struct {
		ptr  adminduk.Pointer
		code adminduk.Code
		is   []error
		id   string
	}{
		{"/rows/3/partner", adminduk.CodeRequired, []error{ErrInvalid, adminduk.ErrInvalid}, "partner: kosong"},
		{"/rows/5", adminduk.CodeInvalid, []error{ErrInvalid}, "row: 6 kolom, seharusnya 9"},
		{"/rows/2/signed", adminduk.CodeInvalid, []error{adminduk.ErrInvalidDate, ErrInvalid}, `signed: date "2024-02-30": tanggal tidak ada di kalender`},
	} {
		var re *RowError
		for _, e := range im.Errors {
			if e.Field.Pointer == tc.ptr {
				re = e
			}
		}
		require.NotNil(t, re, "no error at %s: %v", tc.ptr, im.Errors)
		assert.Equal(t, tc.code, re.Field.Code, tc.ptr)
		assert.Equal(t, tc.id, re.Reason(adminduk.Indonesian), tc.ptr)
		for _, s := range tc.is {
			assert.ErrorIs(t, re, s, tc.ptr)
		}
		var fe *adminduk.FieldError
		require.ErrorAs(t, re, &fe)
		assert.Equal(t, tc.ptr, fe.Pointer)
	}
	// The duplicate of A/1 is not reported: A/1 on line 2 was rejected.
	assert.Equal(t, "RS Lain", im.Agreements[0].Partner.Name)
}
