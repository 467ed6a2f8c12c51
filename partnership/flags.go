package partnership

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// ParseStatedTotal parses a published total written KEY=N, KEY being "all", a
// group (health, education, benefit, other) or a category, and N a count:
// "health=46" claims 46 health agreements in force. Errors are
// *[ParseError] values unwrapping to [ErrSyntax].
func ParseStatedTotal(s string) (StatedTotal, error) {
	k, v, ok := strings.Cut(s, "=")
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if !ok || err != nil || n < 0 {
		return StatedTotal{}, &ParseError{What: "claim", Input: s, Msg: "want KEY=N with N a count, e.g. health=46"}
	}
	k = strings.TrimSpace(k)
	c := StatedTotal{Label: k, Total: n}
	if strings.EqualFold(k, "all") {
		return c, nil
	}
	if g, err := ParseGroup(k); err == nil {
		c.Group = g
		return c, nil
	}
	if cat, err := ParseCategory(k); err == nil {
		c.Category = cat
		c.Label = cat.String()
		return c, nil
	}
	return StatedTotal{}, &ParseError{What: "claim", Input: s, Msg: "KEY must be all, a group (health, education, benefit, other) or a category"}
}

// ReadCountTargets reads a JSON array of targets and validates each. An empty
// array gives an empty non-nil slice (measure no target). Errors are
// *[adminduk.ValidationError] values listing every problem with pointers into
// the array ("/2/min" for the third target), or one that unwraps to
// [ErrSyntax] for malformed JSON.
func ReadCountTargets(r io.Reader) ([]CountTarget, error) {
	var ts []CountTarget
	if err := json.NewDecoder(r).Decode(&ts); err != nil {
		return nil, &adminduk.ValidationError{What: "partnership: invalid targets", Fields: []adminduk.FieldError{{
			Code: adminduk.CodeInvalid, Indonesian: "bukan larik JSON target yang sah", English: err.Error(), Err: ErrSyntax, Cause: err}}}
	}
	if ts == nil {
		ts = []CountTarget{}
	}
	c := checker{adminduk.Checker{What: "partnership: invalid targets"}}
	for i := range ts {
		ts[i].validate(&c, adminduk.Pointer("").Index(i))
	}
	if err := c.Err(); err != nil {
		return nil, err
	}
	return ts, nil
}
