package registry

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// DecodeError reports JSON that is not a report at all: malformed, of the
// wrong type at some field, with an unknown field or trailing data. It
// unwraps to [adminduk.ErrSyntax]; Pointer locates the field when known.
type DecodeError struct {
	Pointer adminduk.Pointer
	Msg     string
}

func (e *DecodeError) Error() string {
	if e.Pointer != "" {
		return fmt.Sprintf("registry: invalid report JSON at %s: %s", e.Pointer, e.Msg)
	}
	return "registry: invalid report JSON: " + e.Msg
}

// Unwrap returns [adminduk.ErrSyntax].
func (e *DecodeError) Unwrap() error { return adminduk.ErrSyntax }

// DecodeBirthReport reads one birth report in JSON, refusing unknown fields
// and trailing data. It does not validate: call [BirthReport.Validate].
func DecodeBirthReport(r io.Reader) (*BirthReport, error) {
	var v BirthReport
	return &v, decodeStrict(r, &v)
}

// DecodeDeathReport reads one death report in JSON like [DecodeBirthReport].
func DecodeDeathReport(r io.Reader) (*DeathReport, error) {
	var v DeathReport
	return &v, decodeStrict(r, &v)
}

// DecodeStillbirthReport reads one stillbirth report in JSON like
// [DecodeBirthReport].
func DecodeStillbirthReport(r io.Reader) (*StillbirthReport, error) {
	var v StillbirthReport
	return &v, decodeStrict(r, &v)
}

func decodeStrict(r io.Reader, v any) error {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return err
	}
	if len(data) > 1<<20 {
		return &DecodeError{Msg: "larger than 1 MiB"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &DecodeError{Msg: "data after the report"}
	}
	return nil
}

func decodeError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		var p adminduk.Pointer
		if te.Field != "" {
			p = adminduk.NewPointer(strings.Split(te.Field, ".")...)
		}
		return &DecodeError{Pointer: p, Msg: "expected " + te.Type.String() + ", got " + te.Value}
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "json: unknown field ") {
		return &DecodeError{Msg: "unknown field " + strings.TrimPrefix(msg, "json: unknown field ")}
	}
	if errors.Is(err, io.EOF) {
		return &DecodeError{Msg: "empty input"}
	}
	return &DecodeError{Msg: strings.TrimPrefix(msg, "json: ")}
}
