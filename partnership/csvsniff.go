package partnership

import (
	"bufio"
	"bytes"
)

// sniffSize is the most ReadCSV looks ahead to find the delimiter.
const sniffSize = 64 << 10

// delimiters are the field delimiters ReadCSV detects, comma first.
var delimiters = [...]rune{',', ';', '\t'}

// sniffComma returns the delimiter of the CSV text ahead in br without
// consuming it: the one that splits the first non-blank line into a header
// row, else the one that splits it into the most fields, comma on a tie.
func sniffComma(br *bufio.Reader) rune {
	b, _ := br.Peek(sniffSize) // what there is, up to sniffSize
	var line []byte
	for len(b) > 0 {
		var l []byte
		l, b, _ = bytes.Cut(b, []byte("\n"))
		if len(bytes.TrimSpace(l)) > 0 {
			line = bytes.TrimSuffix(l, []byte("\r"))
			break
		}
	}
	best, most := ',', 0
	for _, c := range delimiters {
		fields := splitLine(line, byte(c))
		if isHeader(fields) {
			return c
		}
		if len(fields) > most {
			best, most = c, len(fields)
		}
	}
	return best
}

// splitLine splits one CSV line at sep outside double quotes, unquoting
// nothing: enough to recognise a header and count fields.
func splitLine(line []byte, sep byte) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			quoted = !quoted
		case sep:
			if !quoted {
				out = append(out, string(bytes.Trim(line[start:i], `" `)))
				start = i + 1
			}
		}
	}
	return append(out, string(bytes.Trim(line[start:], `" `)))
}

// delimiterName names a delimiter for messages.
func delimiterName(c rune) string {
	switch c {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "delimiter " + string(c)
}
