package partnership

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Duplicates are found by number even when every hash collides.
func TestNumberSetCollisions(t *testing.T) {
	for _, collide := range []bool{false, true} {
		s := newNumberSet()
		if collide {
			s.hash = func(string) uint64 { return 7 }
		}
		im := &Import{}
		for line, n := range []string{"A/1", "B/2", "C/3", "a/1", "B/2", "D/4", "c/3"} {
			prev, dup := s.add(numberKey(n), line+2, im)
			switch n {
			case "a/1":
				assert.True(t, dup, n)
				assert.Equal(t, 2, prev)
			case "B/2":
				if line == 4 {
					assert.True(t, dup, n)
					assert.Equal(t, 3, prev)
					continue
				}
				assert.False(t, dup, n)
			case "c/3":
				assert.True(t, dup, n)
				assert.Equal(t, 4, prev)
			default:
				assert.False(t, dup, "%s collide=%v", n, collide)
			}
			if !dup {
				im.Agreements = append(im.Agreements, Agreement{Number: n})
				im.Lines = append(im.Lines, line+2)
			}
		}
	}
	x := newIDIndex([]Agreement{{ID: "b"}, {ID: "a"}, {ID: "b", Number: "last"}, {}})
	a, ok := x.find("b")
	assert.True(t, ok)
	assert.Equal(t, "last", a.Number)
	_, ok = x.find("c")
	assert.False(t, ok)
	_, ok = x.find("")
	assert.False(t, ok)
	a, ok = x.find("a")
	assert.True(t, ok)
	assert.Equal(t, "a", a.ID)
}

// A file of known size reads the same as a stream, with the agreements
// grown once to about the right size.
func TestReadCSVPresized(t *testing.T) {
	var b strings.Builder
	b.WriteString("number,partner,category,district,services,signed,start,end,status\n")
	for i := range sizeAfter * 2 {
		fmt.Fprintf(&b, "470/%05d/PKS,Mitra %05d,puskesmas,36.04.05,kk;kia,2024-01-01,2024-01-01,,\n", i, i/2)
	}
	path := filepath.Join(t.TempDir(), "many.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	fromFile, err := ReadCSV(f, CSVOptions{})
	require.NoError(t, err)
	fromStream, err := ReadCSV(strings.NewReader(b.String()), CSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, fromStream.Agreements, fromFile.Agreements)
	assert.Equal(t, fromStream.Lines, fromFile.Lines)
	assert.Len(t, fromFile.Agreements, sizeAfter*2)
	assert.LessOrEqual(t, cap(fromFile.Agreements), sizeAfter*2*11/10, "grown once, close to the need")
}
