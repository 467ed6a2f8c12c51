package coverage

import (
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
)

// Every value of every enumeration has a label in both languages, a number
// that names nothing has none, and its String says "Type(n)".
func TestEnumText(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n      int
		text   func(v int, l adminduk.Lang) string
		str    func(v int) string
		valid  func(v int) bool
		bad    string
		wantID string
		wantEN string
	}{
		{"Indicator", len(Indicators), func(v int, l adminduk.Lang) string { return Indicator(v).Text(l) },
			func(v int) string { return Indicator(v).String() }, func(v int) bool { return Indicator(v).IsValid() }, "Indicator(3)", "Akta kelahiran", "Birth certificate"},
		{"Confidence", int(Low), func(v int, l adminduk.Lang) string { return Confidence(v).Text(l) },
			func(v int) string { return Confidence(v).String() }, func(v int) bool { return Confidence(v).IsValid() }, "Confidence(4)", "tinggi", "high"},
		{"ProjectionStatus", int(Beyond), func(v int, l adminduk.Lang) string { return ProjectionStatus(v).Text(l) },
			func(v int) string { return ProjectionStatus(v).String() }, func(v int) bool { return ProjectionStatus(v).IsValid() }, "ProjectionStatus(5)", "target tercapai", "target reached"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.wantID, tc.text(1, adminduk.Indonesian))
			assert.Equal(t, tc.wantEN, tc.text(1, adminduk.English))
			for _, l := range []adminduk.Lang{adminduk.Indonesian, adminduk.English} {
				seen := map[string]bool{}
				for v := 1; v <= tc.n; v++ {
					assert.True(t, tc.valid(v))
					s := tc.text(v, l)
					assert.NotEmpty(t, s)
					assert.False(t, seen[s], "%q unique", s)
					seen[s] = true
				}
				assert.False(t, tc.valid(0))
				assert.False(t, tc.valid(tc.n+1))
				assert.Empty(t, tc.text(0, l))
				assert.Empty(t, tc.text(tc.n+1, l))
			}
			assert.Equal(t, tc.bad, tc.str(tc.n+1))
		})
	}
	assert.Equal(t, "WarningKind(0)", WarningKind(0).String())
	assert.False(t, WarningKind(0).IsValid())
	assert.True(t, WarnUnknownColumn.IsValid())
}
