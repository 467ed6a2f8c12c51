package akta_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// referenceParse is a slow, obviously correct reading of the grammar, for
// the fuzzers to agree with: ok, legacy, and the canonical text.
var (
	currentRE = regexp.MustCompile(`^([0-9]{4})-(LU|LT|KM)-([0-9]{2})([0-9]{2})([0-9]{4})-([0-9]{4})$`)
	shapeRE   = regexp.MustCompile(`^[^-]*-[A-Za-z]+-[^-]*-[^-]*$`)
	legacyRE  = regexp.MustCompile(`^[0-9A-Za-z ./-]{4,64}$`)
	// Text that looks like the current layout with other or no
	// separators, and its correct form.
	modernRE = regexp.MustCompile(`^[0-9]{3,5}[- ]?[A-Za-z]{1,4}[- ]?[0-9]`)
	looseRE  = regexp.MustCompile(`^([0-9]{4})[- ]?([A-Za-z]{2,3})[- ]?([0-9]{8})[- ]?([0-9]{4})$`)
)

func referenceParse(s string) (ok, legacy bool, canon string) {
	s = strings.TrimSpace(s)
	if !shapeRE.MatchString(s) && modernRE.MatchString(s) {
		m := looseRE.FindStringSubmatch(s)
		if m == nil {
			return false, false, ""
		}
		s = m[1] + "-" + m[2] + "-" + m[3] + "-" + m[4]
	}
	if shapeRE.MatchString(s) {
		m := currentRE.FindStringSubmatch(strings.ToUpper(s))
		if m == nil {
			return false, false, ""
		}
		office, _ := strconv.Atoi(m[1])
		if !wilayah.Known(wilayah.CodeFrom(office/100, office%100, 0, 0)) || office%100 == 0 {
			return false, false, ""
		}
		d, _ := strconv.Atoi(m[3])
		mo, _ := strconv.Atoi(m[4])
		y, _ := strconv.Atoi(m[5])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if y < 1900 || t.Day() != d || int(t.Month()) != mo || t.Year() != y || m[6] == "0000" {
			return false, false, ""
		}
		return true, false, strings.ToUpper(s)
	}
	if !legacyRE.MatchString(s) || strings.Count(s, "")-1 != len(s) {
		return false, false, ""
	}
	digits := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	if digits < 3 {
		return false, false, ""
	}
	return true, true, s
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"3201-LU-25082023-0001", "3604-KM-29022024-0012", "3201-lt-01012020-9999",
		"474.1/1234/2005", "AL. 502. 0012345", "3201-XX-25082023-0001", "", "----", "3201-LU-29022023-0001",
		" 3201-LU-25082023-0001\t", "3201-LU--0001", "9101-LU-01012015-0001",
		"3604LU010920230042x", "3604LU010920230042", "3604 lu 01092023 0042", "3604 LU 0109202-0042", "1234/TP/2004",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := akta.ParseNumberLegacy(s)
		ok, legacy, canon := referenceParse(s)
		// Without asking for legacy numbers, exactly the legacy ones are
		// refused, with ErrLegacy.
		strict, serr := akta.ParseNumber(s)
		if legacy != errors.Is(serr, akta.ErrLegacy) || (ok && !legacy && (serr != nil || strict != n)) {
			t.Fatalf("ParseNumber(%q) = %v, %v; legacy parse %v, %v", s, strict, serr, n, err)
		}
		if (err == nil) != ok {
			t.Fatalf("ParseNumber(%q) err=%v, reference ok=%v", s, err, ok)
		}
		if err != nil {
			if n.IsValid() {
				t.Fatalf("error with a valid number")
			}
			return
		}
		if n.IsLegacy() != legacy || n.String() != canon {
			t.Fatalf("ParseNumber(%q) = %q legacy=%v, reference %q legacy=%v", s, n, n.IsLegacy(), canon, legacy)
		}
		// Round trip: the canonical text parses to the same value, and
		// text marshalling is the same text.
		again, err := akta.ParseNumberLegacy(n.String())
		if err != nil || again != n {
			t.Fatalf("reparse of %q: %v, %v", n, again, err)
		}
		b, _ := n.MarshalText()
		var m akta.Number
		if err := m.UnmarshalText(b); err != nil || m != n {
			t.Fatalf("text round trip of %q: %v", n, err)
		}
	})
}

func FuzzFormatNumber(f *testing.F) {
	f.Add(32, 1, uint8(0), 2023, 8, 25, 1)
	f.Add(36, 4, uint8(2), 2024, 2, 29, 9999)
	f.Fuzz(func(t *testing.T, prov, reg int, ty uint8, y, m, d, serial int) {
		types := akta.DefaultTypes().All()
		typ := types[int(ty)%len(types)]
		office := wilayah.CodeFrom(prov, reg, 0, 0)
		date, dateOK := adminduk.NewDate(y, time.Month(m), d)
		n, err := akta.NewNumber(office, typ, date, serial)
		wantOK := office.Level() == wilayah.LevelRegency && dateOK && y >= 1900 && serial >= 1 && serial <= 9999
		if (err == nil) != wantOK {
			t.Fatalf("NewNumber(%v, %v, %v, %d) err=%v, want ok=%v", office, typ.Code, date, serial, err, wantOK)
		}
		if err != nil {
			return
		}
		want := fmt.Sprintf("%02d%02d-%s-%02d%02d%04d-%04d", prov, reg, typ.Code, d, m, y, serial)
		if n.String() != want {
			t.Fatalf("String() = %q, want %q", n, want)
		}
		p := akta.NewParser(akta.ParseOptions{Lenient: true})
		back, err := p.Parse(n.String())
		if !wilayah.Known(office.Province()) {
			return // lenient parsing still needs the province
		}
		if err != nil || back != n {
			t.Fatalf("parse of %q = %v, %v", n, back, err)
		}
		if back.Office() != office || back.Date() != date || back.Serial() != serial || back.Type() != typ.Code {
			t.Fatalf("parts of %q differ", n)
		}
	})
}

// FuzzDecodeRecord feeds arbitrary bytes to the akta.json reader: it never
// panics; an error is a *adminduk.ValidationError (with the record as far
// as it was read, which then does not pass Validate alone or had a decoding
// problem); without an error the record passes Validate and survives a
// round trip through its own JSON.
func FuzzDecodeRecord(f *testing.F) {
	for _, name := range []string{"birth.json", "death.json"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`{"type":"kelahiran","child":{"multiplicity":2}}`))
	f.Add([]byte(`{"type":"kematian","deceased":{"nik":"3604090204500005"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := akta.DecodeRecord(data, akta.DecodeOptions{})
		if err != nil {
			var ve *adminduk.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("error is not a validation error: %v", err)
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("decoded record does not validate: %v", err)
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		again, err := akta.DecodeRecord(out, akta.DecodeOptions{})
		if err != nil {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		out2, _ := json.Marshal(again)
		if string(out) != string(out2) {
			t.Fatalf("round trip changed the record:\n%s\n%s", out, out2)
		}
	})
}

// FuzzDecodeFamily feeds arbitrary bytes to the kk.json reader: it never
// panics; an error is a *adminduk.ValidationError with at least one field;
// without an error the card passes Validate, reads the KK number from the
// new key or the old one (then with a warning at /number), and survives a
// round trip through its own JSON, which uses the new key only.
func FuzzDecodeFamily(f *testing.F) {
	data := readTestdata(f, "kk.json")
	f.Add(data)
	f.Add(bytes.Replace(data, []byte(`"kk_number"`), []byte(`"number"`), 1))
	f.Add([]byte(`{"kk_number":"3604091506180002","number":"3604091506180003"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fam, err := akta.DecodeFamily(data, akta.DecodeOptions{})
		if err != nil {
			var ve *adminduk.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("error is not a validation error: %v", err)
			}
			return
		}
		if err := fam.Validate(); err != nil {
			t.Fatalf("decoded card does not validate: %v", err)
		}
		var raw map[string]json.RawMessage
		if json.Unmarshal(trimBOMForTest(data), &raw) == nil {
			_, hasOld := raw["number"]
			warned := false
			for _, w := range fam.Warnings() {
				warned = warned || w.Pointer == "/number"
			}
			if hasOld && string(raw["number"]) != `""` && string(raw["number"]) != "null" && !warned {
				t.Fatalf("old key read without a warning")
			}
		}
		out, err := json.Marshal(fam)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(out, []byte(`"number"`)) {
			t.Fatalf("old key written: %s", out)
		}
		again, err := akta.DecodeFamily(out, akta.DecodeOptions{})
		if err != nil {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		out2, _ := json.Marshal(again)
		if string(out) != string(out2) || again.Number != fam.Number {
			t.Fatalf("round trip changed the card:\n%s\n%s", out, out2)
		}
	})
}

func trimBOMForTest(b []byte) []byte { return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}) }

// childNameOK is a slow reading of the name rules a child's name meets:
// those of every name (letters, spaces and . , ' - ` only, at most 100
// characters, a letter) and of Permendagri 73/2022.
func childNameOK(s string) bool {
	if strings.TrimSpace(s) == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > 100 {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || utf8.RuneCountInString(strings.Join(words, " ")) > 60 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == ' ' || r == '\'') && !unicode.IsSpace(r) {
			return false
		}
		if unicode.IsSpace(r) && r != ' ' {
			return false
		}
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) == 1 {
			return false
		}
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters == 0 {
			return false
		}
	}
	return true
}

func FuzzChildName(f *testing.F) {
	for _, s := range []string{"Siti Aminah", "M. Rizki", "Rizki A Fauzi", "Nur'aini Putri", "Siti-Aminah Putri",
		"Aminah", "Siti 2", "Moh.Rizki Fauzi", "Ni Luh Ayu D'Souza Müller", "Siti  Aminah", "Siti\tAminah", "' '"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		b := sampleBirth(t)
		b.Child.Name = name
		var ve *adminduk.ValidationError
		bad := false
		if err := b.Validate(); errors.As(err, &ve) {
			bad = ve.Field("/child/name") != nil
		}
		if bad == childNameOK(name) {
			t.Fatalf("child name %q: field error %v, reference ok %v", name, bad, childNameOK(name))
		}
	})
}
