package partnership

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
