package coverage

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// text returns the label of value v in l from a table of Indonesian and
// English labels, "" when v names nothing.
func text(table [][2]string, v int, l adminduk.Lang) string {
	if v <= 0 || v >= len(table) || !l.IsValid() {
		return ""
	}
	return table[v][l]
}

// unknown is the String of a value v of type typ that names nothing:
// "Indicator(9)".
func unknown(typ string, v int) string { return typ + "(" + strconv.Itoa(v) + ")" }
