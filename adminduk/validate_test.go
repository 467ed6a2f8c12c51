package adminduk_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSharedSentinels(t *testing.T) {
	for _, tc := range []struct {
		err, parent error
	}{
		{adminduk.ErrInvalidDate, adminduk.ErrInvalid},
		{adminduk.ErrUnknownRegion, adminduk.ErrInvalid},
		{adminduk.ErrInvalidSerial, adminduk.ErrInvalid},
		{adminduk.ErrUnknownValue, adminduk.ErrInvalid},
		{adminduk.ErrRequired, adminduk.ErrInvalid},
		{adminduk.ErrDuplicate, adminduk.ErrInvalid},
		{adminduk.ErrInvalidTransition, adminduk.ErrConflict},
	} {
		assert.ErrorIs(t, tc.err, tc.parent, tc.err.Error())
	}
	assert.NotErrorIs(t, adminduk.ErrSyntax, adminduk.ErrInvalid)
	assert.NotErrorIs(t, adminduk.ErrNotFound, adminduk.ErrInvalid)

	mine := adminduk.Sentinel("partnership: agreement not found", adminduk.ErrNotFound)
	assert.ErrorIs(t, mine, adminduk.ErrNotFound)
	assert.NotErrorIs(t, mine, adminduk.Sentinel("partnership: agreement not found", adminduk.ErrNotFound))
	assert.Equal(t, "partnership: agreement not found", mine.Error())

	_, err := adminduk.ParseNIK("3201014102230000")
	assert.ErrorIs(t, err, adminduk.ErrInvalidSerial)
	assert.ErrorIs(t, err, adminduk.ErrInvalid)
	_, err = adminduk.ParseNIK("32010141022300x1")
	assert.ErrorIs(t, err, adminduk.ErrSyntax)
	assert.NotErrorIs(t, err, adminduk.ErrInvalid)
}

func TestPointer(t *testing.T) {
	for _, tc := range []struct {
		p    adminduk.Pointer
		want string
		toks []string
	}{
		{adminduk.NewPointer(), "", nil},
		{adminduk.NewPointer("child", "birth_date"), "/child/birth_date", []string{"child", "birth_date"}},
		{adminduk.NewPointer("witnesses").Index(1).Key("nik"), "/witnesses/1/nik", []string{"witnesses", "1", "nik"}},
		{adminduk.NewPointer("a/b", "m~n", "~1"), "/a~1b/m~0n/~01", []string{"a/b", "m~n", "~1"}},
		{adminduk.NewPointer(""), "/", []string{""}},
	} {
		assert.Equal(t, tc.want, tc.p.String())
		assert.Equal(t, tc.toks, tc.p.Tokens(), tc.want)
		q, err := adminduk.ParsePointer(tc.want)
		require.NoError(t, err, tc.want)
		assert.Equal(t, tc.p, q)
	}
	for _, bad := range []string{"child", "/a~", "/a~2b", "~0"} {
		_, err := adminduk.ParsePointer(bad)
		assert.ErrorIs(t, err, adminduk.ErrSyntax, bad)
		var pe *adminduk.PointerError
		assert.ErrorAs(t, err, &pe, bad)
	}
}

func FuzzPointerRoundTrip(f *testing.F) {
	f.Add("child", "birth_date")
	f.Add("a/b", "~01")
	f.Add("", "~")
	f.Fuzz(func(t *testing.T, a, b string) {
		p := adminduk.NewPointer(a).Key(b)
		q, err := adminduk.ParsePointer(string(p))
		if err != nil {
			t.Fatalf("ParsePointer(%q): %v", p, err)
		}
		if toks := q.Tokens(); len(toks) != 2 || toks[0] != a || toks[1] != b {
			t.Fatalf("tokens of %q = %q, want [%q %q]", p, toks, a, b)
		}
	})
}

var errTooOld = adminduk.Sentinel("kia: child not eligible", adminduk.ErrInvalid)

func TestFieldErrorUnwrapAndMessage(t *testing.T) {
	_, cause := adminduk.ParseNIK("3201014102239999x")
	for _, tc := range []struct {
		name   string
		fe     adminduk.FieldError
		is     []error
		errStr string
	}{
		{"default sentinel of code", adminduk.FieldError{Pointer: "/name", Code: adminduk.CodeRequired, Indonesian: "wajib diisi", English: "is required"},
			[]error{adminduk.ErrRequired, adminduk.ErrInvalid}, "adminduk: /name: is required"},
		{"own sentinel names the package", adminduk.FieldError{Pointer: "/birth_date", Code: "ineligible", English: "is too old", Err: errTooOld},
			[]error{errTooOld, adminduk.ErrInvalid}, "kia: /birth_date: is too old"},
		{"cause", adminduk.FieldError{Pointer: "/nik", Code: adminduk.CodeInvalid, English: "is not a NIK", Cause: cause},
			[]error{adminduk.ErrInvalid, adminduk.ErrSyntax}, "adminduk: /nik: is not a NIK"},
		{"unknown code, root pointer", adminduk.FieldError{Code: "weird", English: "bad"},
			[]error{adminduk.ErrInvalid}, "adminduk: (input): bad"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, target := range tc.is {
				assert.ErrorIs(t, &tc.fe, target)
			}
			assert.Equal(t, tc.errStr, tc.fe.Error())
		})
	}
	fe := adminduk.FieldError{Indonesian: "wajib diisi", English: "is required"}
	assert.Equal(t, "wajib diisi", fe.Message(adminduk.Indonesian))
	assert.Equal(t, "is required", fe.Message(adminduk.English))
	assert.Equal(t, "is required", (&adminduk.FieldError{English: "is required"}).Message(adminduk.Indonesian))
	assert.Equal(t, "wajib diisi", (&adminduk.FieldError{Indonesian: "wajib diisi"}).Message(adminduk.English))
}

func TestCheckerAndValidationError(t *testing.T) {
	var c adminduk.Checker
	require.NoError(t, c.Err())
	c.What = "akta: invalid kelahiran"
	c.Required(adminduk.NewPointer("child", "name"))
	c.Add(adminduk.FieldError{Pointer: adminduk.NewPointer("child", "birth_date"), Code: adminduk.CodeOrder,
		Indonesian: "setelah tanggal pelaporan", English: "is after the report date"})
	c.Warn(adminduk.FieldError{Pointer: "/child/sex", Code: adminduk.CodeMismatch, Indonesian: "berbeda dengan NIK", English: "differs from the NIK"})
	assert.True(t, c.Has("/child/name"))
	assert.False(t, c.Has("/child/sex"))
	require.Len(t, c.Warnings(), 1)

	err := c.Err()
	require.Error(t, err)
	assert.Equal(t, "akta: invalid kelahiran: /child/name: is required; /child/birth_date: is after the report date", err.Error())
	assert.ErrorIs(t, err, adminduk.ErrInvalid)
	assert.ErrorIs(t, err, adminduk.ErrRequired)
	assert.ErrorIs(t, err, adminduk.ErrDateOrder)
	assert.NotErrorIs(t, err, adminduk.ErrMismatch) // warnings are not errors
	var fe *adminduk.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, adminduk.Pointer("/child/name"), fe.Pointer)

	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, adminduk.CodeOrder, ve.Field("/child/birth_date").Code)
	assert.Nil(t, ve.Field("/mother"))

	js, jerr := json.Marshal(ve.Fields)
	require.NoError(t, jerr)
	assert.JSONEq(t, `[{"pointer":"/child/name","code":"required","message_id":"wajib diisi","message_en":"is required"},
		{"pointer":"/child/birth_date","code":"order","message_id":"setelah tanggal pelaporan","message_en":"is after the report date"}]`, string(js))

	assert.Equal(t, "adminduk: invalid input: (input): bad", (&adminduk.ValidationError{Fields: []adminduk.FieldError{{English: "bad"}}}).Error())
	assert.True(t, errors.Is(&adminduk.ValidationError{}, adminduk.ErrInvalid))
}
