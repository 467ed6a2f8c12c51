package pdfscan

import (
	"bytes"
	"strconv"
)

// value is a PDF object: int64, float64, bool, nil, name, []byte (a
// string), []value, dict, ref, or keyword (an operator in a content
// stream).
type value any

type (
	name    string
	keyword string
	dict    map[name]value
	ref     struct{ num, gen int }
)

const maxNesting = 64

// lexer reads PDF objects from data.
type lexer struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skip skips white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// regular reads a run of regular characters.
func (l *lexer) regular() []byte {
	start := l.pos
	for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	return l.data[start:l.pos]
}

// errSyntax is returned for anything the lexer cannot read.
type syntaxError struct{ pos int }

func (e *syntaxError) Error() string { return "pdfscan: syntax error at byte " + strconv.Itoa(e.pos) }

// next reads one object; in a content stream operators come back as
// keywords. ok is false at the end of the data.
func (l *lexer) next(depth int) (value, error) {
	l.skip()
	if l.pos >= len(l.data) {
		return nil, &syntaxError{l.pos}
	}
	if depth > maxNesting {
		return nil, &syntaxError{l.pos}
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		return name(decodeName(l.regular())), nil
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		d := dict{}
		for {
			l.skip()
			if l.pos+1 < len(l.data) && l.data[l.pos] == '>' && l.data[l.pos+1] == '>' {
				l.pos += 2
				return d, nil
			}
			k, err := l.next(depth + 1)
			if err != nil {
				return nil, err
			}
			kn, ok := k.(name)
			if !ok {
				return nil, &syntaxError{l.pos}
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			d[kn] = v
		}
	case c == '<':
		end := bytes.IndexByte(l.data[l.pos:], '>')
		if end < 0 {
			return nil, &syntaxError{l.pos}
		}
		s := hexString(l.data[l.pos+1 : l.pos+end])
		l.pos += end + 1
		return s, nil
	case c == '(':
		return l.literal()
	case c == '[':
		l.pos++
		var a []value
		for {
			l.skip()
			if l.pos < len(l.data) && l.data[l.pos] == ']' {
				l.pos++
				if a == nil {
					a = []value{}
				}
				return a, nil
			}
			v, err := l.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case c == ')' || c == '>' || c == ']' || c == '{' || c == '}':
		l.pos++
		return keyword(string(c)), nil
	}
	tok := l.regular()
	switch s := string(tok); s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	default:
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && (s[0] == '.' || s[0] == '-' || s[0] == '+' || (s[0] >= '0' && s[0] <= '9')) {
			return f, nil
		}
		return keyword(s), nil
	}
}

// value reads an object, turning "num gen R" into a ref.
func (l *lexer) value(depth int) (value, error) {
	v, err := l.next(depth)
	if err != nil {
		return nil, err
	}
	n, ok := v.(int64)
	if !ok || n < 0 {
		if _, isKw := v.(keyword); isKw {
			return nil, &syntaxError{l.pos} // an operator where an object belongs
		}
		return v, nil
	}
	save := l.pos
	if g, ok := l.peekInt(); ok {
		l.skip()
		if l.pos < len(l.data) && l.data[l.pos] == 'R' && (l.pos+1 == len(l.data) || isSpace(l.data[l.pos+1]) || isDelim(l.data[l.pos+1])) {
			l.pos++
			if n > 1<<31 || g > 1<<16 {
				return nil, &syntaxError{l.pos}
			}
			return ref{int(n), int(g)}, nil
		}
	}
	l.pos = save
	return n, nil
}

// peekInt reads a non-negative integer token, if the next token is one.
func (l *lexer) peekInt() (int64, bool) {
	l.skip()
	start := l.pos
	for l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '9' {
		l.pos++
	}
	if l.pos == start || l.pos-start > 10 || (l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos])) {
		return 0, false
	}
	n, err := strconv.ParseInt(string(l.data[start:l.pos]), 10, 64)
	return n, err == nil
}

// literal reads a (string), balancing parentheses and skipping escapes.
func (l *lexer) literal() (value, error) {
	start := l.pos
	depth := 0
	var out []byte
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '\\':
			if l.pos < len(l.data) {
				out = append(out, l.data[l.pos])
				l.pos++
			}
			continue
		case '(':
			depth++
			if depth == 1 {
				continue
			}
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
		}
		out = append(out, c)
	}
	return nil, &syntaxError{start}
}

func hexString(b []byte) []byte {
	var out []byte
	var hi byte
	half := false
	for _, c := range b {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return out
}

// decodeName undoes #xx escapes.
func decodeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if h := hexString(b[i+1 : i+3]); len(h) == 1 {
				out = append(out, h[0])
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}
