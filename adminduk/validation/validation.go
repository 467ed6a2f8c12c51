// Package validation adds the struct tags `nik`, `nokk` and `kodewilayah` to
// [github.com/go-playground/validator/v10], with messages in Indonesian and
// English that say what is wrong with the number, not only that it is wrong.
//
// It is a separate package so that programs that only parse NIKs do not link
// the validator.
//
// # Tags
//
//   - nik: a string that [adminduk.ParseNIK] accepts (strict region check,
//     century against today).
//   - nokk: a string that [adminduk.ParseKK] accepts.
//   - kodewilayah: a region code, dotted or plain, that exists: a province,
//     kab/kota or kecamatan of any edition since 2016, or a desa/kelurahan of
//     the current edition.
//
// Empty strings pass these tags; combine them with `required`.
//
// # Messages
//
// [Translators] returns ready Indonesian and English translators with the
// validator's own messages and these tags' messages registered.
package validation

import (
	"errors"
	"reflect"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/id"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	en_translations "github.com/go-playground/validator/v10/translations/en"
	id_translations "github.com/go-playground/validator/v10/translations/id"
)

// Tag names.
const (
	TagNIK         = "nik"
	TagKK          = "nokk"
	TagKodeWilayah = "kodewilayah"
)

// RegisterValidations adds the nik, nokk and kodewilayah tags to v.
func RegisterValidations(v *validator.Validate) error {
	return errors.Join(
		v.RegisterValidation(TagNIK, func(fl validator.FieldLevel) bool { return check(fl, nikProblem) }),
		v.RegisterValidation(TagKK, func(fl validator.FieldLevel) bool { return check(fl, kkProblem) }),
		v.RegisterValidation(TagKodeWilayah, func(fl validator.FieldLevel) bool { return check(fl, codeProblem) }),
	)
}

// check applies problem to a string field (or a value with a String method).
func check(fl validator.FieldLevel, problem func(string) problemKey) bool {
	s, ok := fieldString(fl.Field())
	return ok && (s == "" || problem(s) == "")
}

func fieldString(v reflect.Value) (string, bool) {
	if v.Kind() == reflect.String {
		return v.String(), true
	}
	if st, ok := v.Interface().(interface{ String() string }); ok {
		return st.String(), true
	}
	return "", false
}

// problemKey names what is wrong with a value, as a key into the messages.
type problemKey string

func reasonKey(err error) problemKey {
	var pe *adminduk.ParseError
	if errors.As(err, &pe) {
		return problemKey(pe.Reason.String())
	}
	return "syntax"
}

func nikProblem(s string) problemKey {
	if err := adminduk.ValidateNIK(s); err != nil {
		return reasonKey(err)
	}
	return ""
}

func kkProblem(s string) problemKey {
	if err := adminduk.ValidateKK(s); err != nil {
		return reasonKey(err)
	}
	return ""
}

func codeProblem(s string) problemKey {
	c, err := wilayah.ParseCode(s)
	if err != nil {
		return "syntax"
	}
	if c.Level() == wilayah.LevelVillage {
		if _, ok := desa.Lookup(c); ok {
			return ""
		}
	} else if wilayah.Known(c) {
		return ""
	}
	return "region"
}

// messages holds the text per language, tag and problem; {0} is the field.
var messages = map[string]map[string]map[problemKey]string{
	"id": {
		TagNIK: {
			"syntax": "{0} harus berupa NIK 16 digit angka",
			"region": "{0} tidak valid: kode wilayah (6 digit pertama) tidak terdaftar di Kemendagri",
			"date":   "{0} tidak valid: tanggal lahir (digit 7-12) tidak ada di kalender",
			"serial": "{0} tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000",
		},
		TagKK: {
			"syntax": "{0} harus berupa nomor KK 16 digit angka",
			"region": "{0} tidak valid: kode wilayah (6 digit pertama) tidak terdaftar di Kemendagri",
			"date":   "{0} tidak valid: tanggal pencatatan (digit 7-12) tidak ada di kalender",
			"serial": "{0} tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000",
		},
		TagKodeWilayah: {
			"syntax": "{0} harus berupa kode wilayah, misalnya 32.01.01",
			"region": "{0} tidak terdaftar sebagai kode wilayah Kemendagri",
		},
	},
	"en": {
		TagNIK: {
			"syntax": "{0} must be a NIK of 16 digits",
			"region": "{0} is not valid: its region code (first 6 digits) is not a Kemendagri code",
			"date":   "{0} is not valid: its birth date (digits 7-12) does not exist",
			"serial": "{0} is not valid: its serial (last 4 digits) cannot be 0000",
		},
		TagKK: {
			"syntax": "{0} must be a family card (KK) number of 16 digits",
			"region": "{0} is not valid: its region code (first 6 digits) is not a Kemendagri code",
			"date":   "{0} is not valid: its record date (digits 7-12) does not exist",
			"serial": "{0} is not valid: its serial (last 4 digits) cannot be 0000",
		},
		TagKodeWilayah: {
			"syntax": "{0} must be a region code such as 32.01.01",
			"region": "{0} is not a Kemendagri region code",
		},
	},
}

var problems = map[string]func(string) problemKey{TagNIK: nikProblem, TagKK: kkProblem, TagKodeWilayah: codeProblem}

// RegisterTranslations registers the messages of the three tags for trans's
// locale, which must be "id" or "en".
func RegisterTranslations(v *validator.Validate, trans ut.Translator) error {
	msgs, ok := messages[trans.Locale()]
	if !ok {
		return errors.New("validation: no messages for locale " + trans.Locale())
	}
	var errs []error
	for tag, byProblem := range msgs {
		for key, text := range byProblem {
			if err := trans.Add(tag+"."+string(key), text, true); err != nil {
				errs = append(errs, err)
			}
		}
		errs = append(errs, v.RegisterTranslation(tag, trans,
			func(ut.Translator) error { return nil },
			func(t ut.Translator, fe validator.FieldError) string {
				s, _ := fieldString(reflect.ValueOf(fe.Value()))
				key := problems[fe.Tag()](s)
				if key == "" {
					key = "syntax"
				}
				msg, err := t.T(fe.Tag()+"."+string(key), fe.Field())
				if err != nil {
					return fe.Error()
				}
				return msg
			}))
	}
	return errors.Join(errs...)
}

// Translators registers the tags on v and returns Indonesian and English
// translators with the validator's default messages and this package's.
func Translators(v *validator.Validate) (idTrans, enTrans ut.Translator, err error) {
	if err := RegisterValidations(v); err != nil {
		return nil, nil, err
	}
	uni := ut.New(en.New(), id.New(), en.New())
	idTrans, _ = uni.GetTranslator("id")
	enTrans, _ = uni.GetTranslator("en")
	err = errors.Join(
		id_translations.RegisterDefaultTranslations(v, idTrans),
		en_translations.RegisterDefaultTranslations(v, enTrans),
		RegisterTranslations(v, idTrans),
		RegisterTranslations(v, enTrans),
	)
	if err != nil {
		return nil, nil, err
	}
	return idTrans, enTrans, nil
}
