package partnership

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
)

// Every value of every enumeration has a label in both languages, distinct
// within its type, and a number that names nothing has none.
func TestEnumTextLabels(t *testing.T) {
	type enum struct {
		name  string
		n     int // values 1..n
		text  func(v int, l adminduk.Lang) string
		valid func(v int) bool
	}
	for _, e := range []enum{
		{"State", len(States()), func(v int, l adminduk.Lang) string { return State(v).Text(l) }, func(v int) bool { return State(v).IsValid() }},
		{"Event", len(Events()), func(v int, l adminduk.Lang) string { return Event(v).Text(l) }, func(v int) bool { return Event(v).IsValid() }},
		{"Group", len(Groups()), func(v int, l adminduk.Lang) string { return Group(v).Text(l) }, func(v int) bool { return Group(v).IsValid() }},
		{"Category", len(Categories()), func(v int, l adminduk.Lang) string { return Category(v).Text(l) }, func(v int) bool { return Category(v).IsValid() }},
		{"Service", int(KIABenefit), func(v int, l adminduk.Lang) string { return Service(v).Text(l) }, func(v int) bool { return Service(v).IsValid() }},
		{"CountTargetKind", int(EveryDistrict), func(v int, l adminduk.Lang) string { return CountTargetKind(v).Text(l) }, func(v int) bool { return CountTargetKind(v).IsValid() }},
	} {
		t.Run(e.name, func(t *testing.T) {
			for _, l := range []adminduk.Lang{adminduk.Indonesian, adminduk.English} {
				seen := map[string]bool{}
				for v := 1; v <= e.n; v++ {
					assert.True(t, e.valid(v))
					s := e.text(v, l)
					assert.NotEmpty(t, s, "%s(%d) in %v", e.name, v, l)
					assert.False(t, seen[s], "%s label %q unique", e.name, s)
					seen[s] = true
				}
				for _, v := range []int{-1, 0, e.n + 1} {
					assert.False(t, e.valid(v))
					assert.Empty(t, e.text(v, l), "%s(%d)", e.name, v)
				}
				assert.Empty(t, e.text(1, adminduk.Lang(7)), "unknown language")
			}
		})
	}
	assert.Equal(t, "Berlaku", Active.Text(adminduk.Indonesian))
	assert.Equal(t, "Active", Active.Text(adminduk.English))
	assert.Equal(t, "Birth certificate", AktaKelahiran.Text(adminduk.English))
}
