package adminduk

import (
	"strconv"
	"strings"
)

// escapeToken and unescapeToken are RFC 6901's escapes of a reference token.
var (
	escapeToken   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeToken = strings.NewReplacer("~1", "/", "~0", "~")
)

// Pointer is a JSON Pointer (RFC 6901) into a documented input: "" is the
// whole document, "/child/birth_date" a field, "/witnesses/1/nik" a field of
// the second element of an array. A [FieldError] locates its field with one,
// so an HTTP API can return it unchanged. Build pointers with [NewPointer],
// [Pointer.Key] and [Pointer.Index], which escape "~" and "/" in keys.
type Pointer string

// NewPointer returns the pointer to the value reached by following keys
// from the root, escaping each: NewPointer("child", "birth_date") is
// "/child/birth_date", NewPointer("a/b") is "/a~1b".
func NewPointer(keys ...string) Pointer {
	var p Pointer
	for _, k := range keys {
		p = p.Key(k)
	}
	return p
}

// Key returns the pointer to member name of the object p points at, with
// "~" escaped as "~0" and "/" as "~1".
func (p Pointer) Key(name string) Pointer {
	if !strings.ContainsAny(name, "~/") {
		return p + "/" + Pointer(name)
	}
	return p + "/" + Pointer(escapeToken.Replace(name))
}

// Index returns the pointer to element i (from 0) of the array p points at.
func (p Pointer) Index(i int) Pointer { return p + "/" + Pointer(strconv.Itoa(i)) }

// String returns the pointer as text.
func (p Pointer) String() string { return string(p) }

// Tokens returns the unescaped reference tokens of p, nil for the root.
func (p Pointer) Tokens() []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(string(p[1:]), "/")
	for i, t := range parts {
		if strings.Contains(t, "~") {
			parts[i] = unescapeToken.Replace(t)
		}
	}
	return parts
}

// PointerError reports text that is not a JSON Pointer. It unwraps to
// [ErrSyntax].
type PointerError struct {
	Input string
	Msg   string
}

func (e *PointerError) Error() string {
	return "adminduk: json pointer " + strconv.Quote(e.Input) + ": " + e.Msg
}

// Unwrap returns [ErrSyntax].
func (e *PointerError) Unwrap() error { return ErrSyntax }

// ParsePointer checks that s is a JSON Pointer: empty, or "/" followed by
// tokens in which every "~" is followed by "0" or "1".
func ParsePointer(s string) (Pointer, error) {
	if s == "" {
		return "", nil
	}
	if s[0] != '/' {
		return "", &PointerError{Input: s, Msg: `want "" or a string starting with "/"`}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '~' && (i+1 == len(s) || (s[i+1] != '0' && s[i+1] != '1')) {
			return "", &PointerError{Input: s, Msg: `"~" must be followed by "0" or "1" (byte ` + strconv.Itoa(i+1) + ")"}
		}
	}
	return Pointer(s), nil
}
