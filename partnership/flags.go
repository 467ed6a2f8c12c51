package partnership

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
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
// array gives an empty non-nil slice (measure no target). Errors name the
// target by its 1-based position.
func ReadCountTargets(r io.Reader) ([]CountTarget, error) {
	var ts []CountTarget
	if err := json.NewDecoder(r).Decode(&ts); err != nil {
		return nil, &ValidationError{Field: "targets", Msg: err.Error()}
	}
	if ts == nil {
		ts = []CountTarget{}
	}
	for i := range ts {
		if err := ts[i].Validate(); err != nil {
			return nil, &ValidationError{Field: "targets", Msg: "target " + strconv.Itoa(i+1) + ": " + strings.TrimPrefix(err.Error(), "partnership: ")}
		}
	}
	return ts, nil
}
