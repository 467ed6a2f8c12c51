package akta

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// flexText is a JSON string or number read as text (multiplicity: "kembar-2"
// or 2).
type flexText string

func (t *flexText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = flexText(s)
		return nil
	}
	if string(b) == "null" {
		*t = ""
		return nil
	}
	if _, err := strconv.ParseFloat(string(b), 64); err != nil {
		return err
	}
	*t = flexText(b)
	return nil
}

// utf8BOM is the byte order mark some Windows editors put first.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// trimBOM drops a leading UTF-8 byte order mark.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, utf8BOM) }

// syntaxError records that data is not JSON of the documented shape at all.
func syntaxError(c *checker, file string, err error) {
	c.Add(adminduk.FieldError{
		Code: adminduk.CodeInvalid, Err: ErrJSON, Cause: err,
		Indonesian: file + " bukan JSON yang sah: " + err.Error(),
		English:    file + " is not valid JSON: " + err.Error(),
	})
}

// decodeStrict decodes data into v (a pointer to a wire struct), recording
// malformed JSON, unknown fields and values of the wrong JSON type with
// their pointers. It reports whether v could be filled at all.
func decodeStrict(data []byte, v any, c *checker, file string) bool {
	var raw any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&raw); err != nil {
		syntaxError(c, file, err)
		return false
	}
	if d.More() {
		syntaxError(c, file, errors.New("data after the document"))
		return false
	}
	if _, ok := raw.(map[string]any); !ok {
		syntaxError(c, file, errors.New("want an object"))
		return false
	}
	typeErrs := checkShape(raw, reflect.TypeOf(v).Elem(), "", c)
	if err := json.Unmarshal(data, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// json.Unmarshal goes on after a type error: v holds the
			// rest. checkShape has reported every type error with its
			// pointer; the first one json names is a fallback.
			if typeErrs == 0 {
				typeError(c, dotted(te.Field), te.Type)
			}
			return true
		}
		syntaxError(c, file, err)
		return false
	}
	return true
}

// dotted turns the field path of a json.UnmarshalTypeError ("child.sex")
// into a pointer.
func dotted(path string) adminduk.Pointer {
	if path == "" {
		return ""
	}
	return adminduk.NewPointer(strings.Split(path, ".")...)
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "array"
	case reflect.Struct, reflect.Pointer:
		return "object"
	}
	return t.String()
}

var flexType = reflect.TypeOf(flexText(""))

// checkShape walks raw JSON against the wire type t, reporting object keys
// t has no field for and values of the wrong JSON type, each with its
// pointer. It returns the number of type errors.
func checkShape(raw any, t reflect.Type, path adminduk.Pointer, c *checker) int {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if raw == nil { // null leaves the zero value
		return 0
	}
	if t == flexType {
		switch raw.(type) {
		case string, json.Number:
			return 0
		}
		typeError(c, path, reflect.TypeOf(""))
		return 1
	}
	n := 0
	switch v := raw.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct {
			typeError(c, path, t)
			return 1
		}
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" {
				fields[name] = f.Type
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := path.Key(k)
			ft, ok := fields[k]
			if !ok {
				c.add(p, adminduk.CodeUnknown, "kolom tidak dikenal", "unknown field")
				continue
			}
			n += checkShape(v[k], ft, p, c)
		}
	case []any:
		if t.Kind() != reflect.Slice {
			typeError(c, path, t)
			return 1
		}
		for i, e := range v {
			n += checkShape(e, t.Elem(), path.Index(i), c)
		}
	case string:
		if t.Kind() != reflect.String {
			typeError(c, path, t)
			return 1
		}
	case json.Number:
		ok := false
		switch t.Kind() {
		case reflect.Int, reflect.Int64:
			_, err := v.Int64()
			ok = err == nil
		case reflect.Float64:
			_, err := v.Float64()
			ok = err == nil
		}
		if !ok {
			typeError(c, path, t)
			return 1
		}
	case bool:
		if t.Kind() != reflect.Bool {
			typeError(c, path, t)
			return 1
		}
	}
	return n
}

// typeError records a value of the wrong JSON type at p; want is the Go
// type of the field.
func typeError(c *checker, p adminduk.Pointer, want reflect.Type) {
	c.addErr(p, adminduk.CodeInvalid, "jenis nilai salah: perlu "+jsonKind(want), "wrong JSON type: want "+jsonKind(want), ErrJSON)
}

// merge returns the conversion errors followed by the validation errors of
// fields that converted cleanly.
func merge(c *checker, verr error) error {
	var ve *adminduk.ValidationError
	if errors.As(verr, &ve) {
		conv := c.list()
		for _, f := range ve.Fields {
			if !covers(conv, f.Pointer) {
				c.Add(f)
			}
		}
	}
	return c.err()
}

// covers reports whether p or one of its parents has an error in errs
// already (an error of the whole input covers everything).
func covers(errs []adminduk.FieldError, p adminduk.Pointer) bool {
	for _, f := range errs {
		if f.Pointer == "" || f.Pointer == p || strings.HasPrefix(string(p), string(f.Pointer)+"/") {
			return true
		}
	}
	return false
}

// kkKey reads the KK number of akta.json or kk.json: the key "kk_number",
// or for one release the old key (at old), with a warning. Both given and
// different is an error.
func (v *conv) kkKey(number, legacy *string, old adminduk.Pointer) adminduk.KK {
	const p adminduk.Pointer = "/kk_number"
	s := *number
	if legacy != nil && *legacy != "" {
		v.warn(old, adminduk.CodeNotAllowed, `kunci lama, gunakan "kk_number"`, `old key, use "kk_number"`)
		switch {
		case s == "":
			return v.kk(old, *legacy)
		case s != *legacy:
			v.c.add(old, adminduk.CodeMismatch, `berbeda dengan "kk_number"`, `differs from "kk_number"`)
		}
	}
	return v.kk(p, s)
}
