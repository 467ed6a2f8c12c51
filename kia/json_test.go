package kia

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
)

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return string(b)
}

func TestDecodeCardFields(t *testing.T) {
	c := load(t, "newborn.json")
	assert.Equal(t, "6208014512230001", c.NIK.String())
	assert.Equal(t, "Siti Nur Aisyah", c.Name)
	assert.Equal(t, d("2023-12-05"), c.BirthDate)
	assert.Equal(t, adminduk.Female, c.Sex)
	assert.Equal(t, adminduk.Islam, c.Religion)
	assert.Equal(t, adminduk.WNI, c.Citizenship)
	assert.Equal(t, adminduk.BloodO, c.BloodType)
	assert.Equal(t, "6208011012230003", c.KK.String())
	assert.Equal(t, "62.08.01.1004", c.Address.Village.String())
	assert.Equal(t, "003", c.Address.RT)
	assert.Equal(t, "62.08", c.Issuer.Regency.String())
	assert.Equal(t, d("2023-12-20"), c.IssuedAt)
	assert.Equal(t, "197003152000031004", c.Issuer.HeadNIP.String())
	assert.Equal(t, "photo-red.jpg", load(t, "child.json").Photo.Path)
}

func TestDecodeCardErrors(t *testing.T) {
	good := readFile(t, "newborn.json")
	tests := []struct {
		name  string
		json  string
		field string
		code  adminduk.Code
		is    error
	}{
		{"unknown field", strings.Replace(good, `"nik"`, `"nickname": "x", "nik"`, 1), "nickname", adminduk.CodeUnknown, ErrUnknownField},
		{"unknown nested field", strings.Replace(good, `"street"`, `"postcode": "74172", "street"`, 1), "address.postcode", adminduk.CodeUnknown, ErrUnknownField},
		{"wrong type", strings.Replace(good, `"rt": "003"`, `"rt": 3`, 1), "address.rt", adminduk.CodeInvalid, ErrInvalid},
		{"bad date", strings.Replace(good, `"2023-12-05"`, `"05-12-2023"`, 1), "birth_date", adminduk.CodeInvalid, ErrInvalid},
		{"bad NIK", strings.Replace(good, `"6208014512230001"`, `"6208019912230001"`, 1), "nik", adminduk.CodeInvalid, adminduk.ErrInvalidDate},
		{"bad KK", strings.Replace(good, `"6208011012230003"`, `"62080110122300"`, 1), "kk_number", adminduk.CodeInvalid, adminduk.ErrSyntax},
		{"bad sex", strings.Replace(good, `"female"`, `"girl"`, 1), "sex", adminduk.CodeInvalid, adminduk.ErrUnknownValue},
		{"bad religion", strings.Replace(good, `"Islam"`, `"Jedi"`, 1), "religion", adminduk.CodeInvalid, ErrInvalid},
		{"bad citizenship", strings.Replace(good, `"WNI"`, `"IDN"`, 1), "citizenship", adminduk.CodeInvalid, ErrInvalid},
		{"bad blood type", strings.Replace(good, `"blood_type": "O"`, `"blood_type": "C"`, 1), "blood_type", adminduk.CodeInvalid, ErrInvalid},
		{"bad village", strings.Replace(good, `"62.08.01.1004"`, `"62.08.01.10"`, 1), "address.village", adminduk.CodeInvalid, ErrInvalid},
		{"district code mismatch", strings.Replace(good, `"district": "62.08.01"`, `"district": "62.08.02"`, 1), "address.district", adminduk.CodeMismatch, ErrMismatch},
		{"district name mismatch", strings.Replace(good, `"district": "62.08.01"`, `"district": "Jelai"`, 1), "address.district", adminduk.CodeMismatch, ErrMismatch},
		{"bad replacement", strings.Replace(good, `"issued_at"`, `"replacement": "stolen", "issued_at"`, 1), "replacement", adminduk.CodeInvalid, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeCard([]byte(tt.json), DecodeOptions{})
			require.Error(t, err)
			fe := fieldErr(t, err, tt.field)
			assert.Equal(t, tt.code, fe.Code)
			assert.ErrorIs(t, err, tt.is)
		})
	}
	// The district may be given by name, in any case.
	_, err := DecodeCard([]byte(strings.Replace(good, `"district": "62.08.01"`, `"district": "SUKAMARA"`, 1)), DecodeOptions{})
	assert.NoError(t, err)
	// Not JSON at all, or two objects: a syntax error of the whole input.
	for _, in := range []string{`{"nik": `, good + good, `[1]`, `null`} {
		c, err := DecodeCard([]byte(in), DecodeOptions{})
		assert.Nil(t, c, in)
		assert.ErrorIs(t, err, ErrJSON, in)
		assert.ErrorIs(t, err, adminduk.ErrSyntax, in)
		fe := fieldErr(t, err, "")
		assert.Equal(t, adminduk.Pointer(""), fe.Pointer)
	}
}

func TestCardJSONRoundTrip(t *testing.T) {
	for _, name := range []string{"newborn.json", "child.json"} {
		c := load(t, name)
		c.Photo = NewPhoto(c.Photo.Path, nil)
		c.Replacement = Lost
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back Card
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, *c, back, name)
		// Re-encoding gives the same bytes.
		b2, err := json.Marshal(&back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	}
	c := load(t, "newborn.json")
	c.Citizenship = adminduk.WNA
	c.PermitUntil = d("2030-01-31")
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"permit_until":"2030-01-31"`)
	assert.Contains(t, string(b), `"citizenship":"WNA"`)
}

// oneLine returns a card.json of testdata on one line.
func oneLine(t testing.TB, name string) string {
	var v any
	require.NoError(t, json.Unmarshal([]byte(readFile(t, name)), &v))
	b, _ := json.Marshal(v)
	return string(b)
}

func TestDecoderJSONLines(t *testing.T) {
	one := func(name string) string { return oneLine(t, name) }
	bad := strings.Replace(one("newborn.json"), `"female"`, `"girl"`, 1)
	stream := one("newborn.json") + "\n" + bad + "\n\n" + one("child.json") + "\n"
	dec := NewDecoder(strings.NewReader(stream), DecodeOptions{ReadPhoto: readTestdata})
	c, err := dec.Decode()
	require.NoError(t, err)
	assert.Equal(t, "Siti Nur Aisyah", c.Name)
	_, err = dec.Decode()
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 2, de.Record)
	assert.Equal(t, 2, de.Line)
	assert.ErrorIs(t, err, adminduk.ErrUnknownValue)
	assert.Contains(t, err.Error(), "kia: card 2 (line 2): invalid card: /sex")
	c, err = dec.Decode()
	require.NoError(t, err, "a bad card does not stop the stream")
	assert.Equal(t, "2015-05-07", c.BirthDate.String())
	_, err = dec.Decode()
	assert.Equal(t, io.EOF, err)

	// Pretty-printed cards one after the other: lines count.
	dec = NewDecoder(strings.NewReader(readFile(t, "newborn.json")+readFile(t, "child.json")+"{\"nik\": 5}"), DecodeOptions{ReadPhoto: readTestdata})
	_, err = dec.Decode()
	require.NoError(t, err)
	_, err = dec.Decode()
	require.NoError(t, err)
	_, err = dec.Decode()
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 3, de.Record)
	assert.Equal(t, strings.Count(readFile(t, "newborn.json")+readFile(t, "child.json"), "\n")+1, de.Line)

	// In a sequence of pretty-printed cards a syntax error ends the stream.
	dec = NewDecoder(strings.NewReader(readFile(t, "newborn.json")+"\n{\"nik\": \n"), DecodeOptions{})
	_, err = dec.Decode()
	require.NoError(t, err)
	_, err = dec.Decode()
	require.ErrorAs(t, err, &de)
	assert.ErrorIs(t, err, ErrJSON)
	assert.ErrorIs(t, err, adminduk.ErrSyntax)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve, "one vocabulary: a stream's syntax error is a ValidationError too")
	assert.NotNil(t, ve.Field(""))
	_, err2 := dec.Decode()
	assert.Equal(t, err, err2)
	assert.False(t, errors.Is(err, io.EOF))
}

// TestDecoderJSONLinesErrors: in JSON Lines every bad line is an error for
// that line only (malformed JSON, a wrong type, an unknown field, a card
// cut short) and the stream goes on; a byte order mark is ignored.
func TestDecoderJSONLinesErrors(t *testing.T) {
	good := oneLine(t, "newborn.json")
	tests := []struct {
		name    string
		bad     string
		field   string // the field error expected, "" for a syntax error
		hasCard bool
	}{
		{"syntax", `{"nik": ]`, "", false},
		{"cut short", `{"nik": "62080`, "", false},
		{"not json", `hello`, "", false},
		{"wrong type", strings.Replace(good, `"sex":"female"`, `"sex":1`, 1), "sex", true},
		{"unknown field", strings.Replace(good, `{`, `{"colour":"red",`, 1), "colour", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, good, tt.bad)
			in := "\xef\xbb\xbf" + good + "\n" + tt.bad + "\n\n" + good + "\n"
			dec := NewDecoder(strings.NewReader(in), DecodeOptions{})
			_, err := dec.Decode()
			require.NoError(t, err, "a BOM before the first card is accepted")
			c, err := dec.Decode()
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, 2, de.Line)
			assert.Equal(t, tt.hasCard, c != nil)
			if tt.field != "" {
				var ve *adminduk.ValidationError
				require.ErrorAs(t, err, &ve)
				assert.NotNil(t, ve.Field(adminduk.NewPointer(tt.field)), "%v", err)
			}
			_, err = dec.Decode()
			require.NoError(t, err, "the stream goes on after line 2")
			_, err = dec.Decode()
			assert.Equal(t, io.EOF, err)
		})
	}
}

// FuzzDecoderJSONLines: every non-blank line of a JSON Lines stream is
// accounted for, as a card or as an error naming that line, in order.
func FuzzDecoderJSONLines(f *testing.F) {
	good := oneLine(f, "newborn.json")
	f.Add(good + "\n" + `{"nik": 1}` + "\n\nx\n" + good)
	f.Add(`{}` + "\n" + `{"nik": "` + "\n" + good)
	f.Add("\xef\xbb\xbf" + good + "\r\n" + good + "\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		// The first line decides the mode: make it a whole value.
		in = "{}\n" + in
		var want []int
		for i, l := range strings.Split(in, "\n") {
			if strings.TrimSpace(l) != "" {
				want = append(want, i+1)
			}
		}
		dec := NewDecoder(strings.NewReader(in), DecodeOptions{})
		var got []int
		for range len(want) + 1 {
			c, err := dec.Decode()
			if err == io.EOF {
				break
			}
			if err != nil {
				var de *DecodeError
				if !errors.As(err, &de) {
					t.Fatalf("not a *DecodeError: %v", err)
				}
				got = append(got, de.Line)
				continue
			}
			if c == nil {
				t.Fatal("nil card without error")
			}
			got = append(got, dec.line)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("lines read %v, want %v", got, want)
		}
	})
}

// FuzzDecodeCard checks that any input either fails cleanly or gives a card
// that survives a round trip through card.json unchanged.
func FuzzDecodeCard(f *testing.F) {
	for _, name := range []string{"newborn.json", "child.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"nik":"3201014512230001","birth_date":"2024-02-29","address":{"district":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCard(data, DecodeOptions{})
		var ve *adminduk.ValidationError
		if c == nil {
			if !errors.As(err, &ve) || !errors.Is(err, ErrJSON) {
				t.Fatalf("no card and not a syntax error: %v", err)
			}
			return
		}
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("not a *adminduk.ValidationError: %v", err)
		}
		if _, ck := parseCard(data, DecodeOptions{}); ck.err() != nil {
			return // some value did not parse: it is not in the card
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, ck := parseCard(b, DecodeOptions{})
		if err := ck.err(); err != nil {
			t.Fatalf("re-parse: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Fatalf("round trip changed:\n%s\n%s", b, b2)
		}
	})
}

// TestDecoderLineTooLong: a line over 1 MB is an error for that line only,
// a malformed card.json like any other, and the stream goes on.
func TestDecoderLineTooLong(t *testing.T) {
	good := oneLine(t, "newborn.json")
	in := good + "\n" + `{"name": "` + strings.Repeat("a", maxLine) + `"}` + "\n" + good + "\n"
	dec := NewDecoder(strings.NewReader(in), DecodeOptions{})
	_, err := dec.Decode()
	require.NoError(t, err)
	c, err := dec.Decode()
	assert.Nil(t, c)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 2, de.Line)
	assert.ErrorIs(t, err, ErrJSON)
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Fields[0].English, "longer than")
	_, err = dec.Decode()
	require.NoError(t, err)
	assert.Equal(t, 3, dec.Line())
}
