// Package broken has doc links, good and bad, for the doclinks test. Good:
// [Thing], [Thing.Run], [Thing.Field], [Alias.Run], [Outer.Run] (promoted),
// [strings.Builder], [strings.Builder.WriteString], [net/netip.Addr],
// [fmt], [Thing.Run] again, Thing.Run without brackets, a field path
// Outer.Field, the README.md of this directory, the file
// sub/notes.txt, and [i] or [x] in prose. Bad: [Missing],
// [Thing.Missing], [Other.Do].
package broken

import "strings"

// Thing is documented. It uses [strings.NoSuchFunc] and [nosuchpkg.Name].
type Thing struct {
	Field int // see [net/netip.Nothing]
}

// Run runs. See Widget.Spin and ../shared/SPEC.md.
func (Thing) Run() { _ = strings.ToUpper("") }

// Alias is [Thing].
type Alias = Thing

// Outer embeds [Thing].
type Outer struct{ Thing }
