package adminduk

import (
	"strconv"
	"strings"
)

var langTags = [...]string{Indonesian: "id", English: "en"}

// IsValid reports whether l is [Indonesian] or [English].
func (l Lang) IsValid() bool { return l <= English }

// String returns the BCP 47 tag of l, "id" or "en", and "Lang(n)" for any
// other value.
func (l Lang) String() string {
	if !l.IsValid() {
		return "Lang(" + strconv.Itoa(int(l)) + ")"
	}
	return langTags[l]
}

// Text returns the name of language l in language in: "bahasa Indonesia",
// "Indonesian", "bahasa Inggris", "English"; "" for an invalid l.
func (l Lang) Text(in Lang) string {
	switch l {
	case Indonesian:
		return pick(in, "bahasa Indonesia", "Indonesian")
	case English:
		return pick(in, "bahasa Inggris", "English")
	}
	return ""
}

func pick(l Lang, id, en string) string {
	if l == English {
		return en
	}
	return id
}

// ParseLang reads a language tag or name in any case: "id" or "in" (also
// "ind", "id-ID", "Indonesian", "bahasa Indonesia") for Indonesian, "en"
// (also "eng", "en-US", "English", "bahasa Inggris") for English. It reads
// back what [Lang.String] and [Lang.Text] return. Errors are *[ValueError]
// values.
func ParseLang(s string) (Lang, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(t, "-_"); i > 0 {
		t = t[:i]
	}
	switch t {
	case "id", "in", "ind", "indonesian", "indonesia", "bahasa indonesia":
		return Indonesian, nil
	case "en", "eng", "english", "inggris", "bahasa inggris":
		return English, nil
	}
	return 0, &ValueError{Type: "language", Input: s}
}

// MarshalText implements [encoding.TextMarshaler]: "id" or "en".
func (l Lang) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, &ValueError{Type: "language", Input: l.String()}
	}
	return []byte(langTags[l]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseLang].
func (l *Lang) UnmarshalText(b []byte) error {
	v, err := ParseLang(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
