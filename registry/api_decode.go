package registry

import "io"

// DecodeJSON reads one JSON value into v like [DecodeBirthReport]: unknown
// fields, trailing data and more than 1 MiB are a *[DecodeError].
func DecodeJSON(r io.Reader, v any) error { return decodeStrict(r, v) }
