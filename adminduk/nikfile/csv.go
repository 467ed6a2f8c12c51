package nikfile

import "bytes"

// csvField returns field n (1-based) of one CSV line as RFC 4180 splits it,
// with spaces around it trimmed. A doubled quote inside a quoted field is
// unescaped into scratch, which is returned grown. The cause is 0, or
// CauseMissingColumn or CauseBadQuoting.
func csvField(line []byte, n int, scratch []byte) ([]byte, []byte, Cause) {
	b := line
	for i := 1; ; i++ {
		var f []byte
		if len(b) > 0 && b[0] == '"' {
			j, doubled := 1, false
			for {
				k := bytes.IndexByte(b[j:], '"')
				if k < 0 {
					return nil, scratch, CauseBadQuoting // not closed on this line
				}
				j += k
				if j+1 < len(b) && b[j+1] == '"' {
					doubled = true
					j += 2
					continue
				}
				break
			}
			f, b = b[1:j], b[j+1:]
			if len(b) > 0 && b[0] != ',' {
				return nil, scratch, CauseBadQuoting // text after the closing quote
			}
			if i == n && doubled {
				start := len(scratch)
				for len(f) > 0 {
					k := bytes.Index(f, []byte(`""`))
					if k < 0 {
						scratch = append(scratch, f...)
						break
					}
					scratch = append(scratch, f[:k+1]...)
					f = f[k+2:]
				}
				f = scratch[start:]
			}
		} else if j := bytes.IndexByte(b, ','); j >= 0 {
			f, b = b[:j], b[j:]
		} else {
			f, b = b, b[len(b):]
		}
		if i == n {
			return bytes.TrimSpace(f), scratch, 0
		}
		if len(b) == 0 {
			return nil, scratch, CauseMissingColumn
		}
		b = b[1:] // the comma
	}
}
