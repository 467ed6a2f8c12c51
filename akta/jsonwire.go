package akta

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
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

// decodeStrict decodes data into v (a pointer to a wire struct), reporting
// unknown fields with their full paths and type errors with theirs.
func decodeStrict(data []byte, v any, c *checker) error {
	var raw any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := d.Decode(&raw); err != nil {
		return fmt.Errorf("akta: %s.json: %w", c.kind, err)
	}
	if d.More() {
		return fmt.Errorf("akta: %s.json: data after the document", c.kind)
	}
	if _, ok := raw.(map[string]any); !ok {
		return fmt.Errorf("akta: %s.json: want an object", c.kind)
	}
	unknownFields(raw, reflect.TypeOf(v).Elem(), "", c)
	if err := json.Unmarshal(data, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			c.add(te.Field, CodeInvalid, "jenis nilai salah: perlu "+jsonKind(te.Type), "wrong JSON type: want "+jsonKind(te.Type))
			return nil
		}
		return fmt.Errorf("akta: %s.json: %w", c.kind, err)
	}
	return nil
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

// unknownFields walks raw JSON against the wire type t and reports object
// keys t has no field for.
func unknownFields(raw any, t reflect.Type, path string, c *checker) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch v := raw.(type) {
	case map[string]any:
		if t.Kind() != reflect.Struct || t == flexType {
			return
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
			p := k
			if path != "" {
				p = path + "." + k
			}
			ft, ok := fields[k]
			if !ok {
				c.add(p, CodeUnknown, "kolom tidak dikenal", "unknown field")
				continue
			}
			unknownFields(v[k], ft, p, c)
		}
	case []any:
		if t.Kind() != reflect.Slice {
			return
		}
		for i, e := range v {
			unknownFields(e, t.Elem(), path+"["+strconv.Itoa(i)+"]", c)
		}
	}
}

// merge returns the conversion errors followed by the validation errors of
// fields that converted cleanly.
func merge(c *checker, verr error) error {
	var ve *ValidationError
	if errors.As(verr, &ve) {
		for _, f := range ve.Fields {
			if !c.covers(f.Field) {
				c.errs = append(c.errs, f)
			}
		}
	}
	return c.err()
}

// covers reports whether field or one of its parents has an error already.
func (c *checker) covers(field string) bool {
	for _, f := range c.errs {
		if f.Field == field || strings.HasPrefix(field, f.Field+".") || strings.HasPrefix(field, f.Field+"[") {
			return true
		}
	}
	return false
}
