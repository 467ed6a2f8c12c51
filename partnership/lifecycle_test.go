package partnership

import (
	"errors"
	"fmt"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// want is the lifecycle written out independently of the package's table:
// every (state, event) pair that is allowed, and where it leads.
var want = map[State]map[Event]State{
	Draft:      {EventSign: Signed, EventTerminate: Terminated},
	Signed:     {EventActivate: Active, EventTerminate: Terminated},
	Active:     {EventSuspend: Suspended, EventExpire: Expired, EventTerminate: Terminated, EventRenew: Active},
	Suspended:  {EventResume: Active, EventExpire: Expired, EventTerminate: Terminated},
	Expired:    {EventRenew: Expired},
	Terminated: {},
}

// TestApplyEveryPair walks all 6 x 7 (state, event) pairs: the allowed ones
// lead where want says, every other one is a *TransitionError.
func TestApplyEveryPair(t *testing.T) {
	allowed := 0
	for _, s := range States() {
		for _, e := range Events() {
			t.Run(s.String()+"/"+e.String(), func(t *testing.T) {
				got, err := Apply(s, e)
				if to, ok := want[s][e]; ok {
					allowed++
					require.NoError(t, err)
					assert.Equal(t, to, got)
					return
				}
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrInvalidTransition)
				var te *TransitionError
				require.ErrorAs(t, err, &te)
				assert.Equal(t, s, te.From)
				assert.Equal(t, e, te.Event)
				assert.Equal(t, s, got, "the state is returned unchanged")
			})
		}
	}
	assert.Equal(t, len(Transitions()), allowed, "the table has exactly the pairs of want")
}

func TestTransitionsMatchWant(t *testing.T) {
	for _, tr := range Transitions() {
		assert.Equal(t, want[tr.From][tr.Event], tr.To, "%v", tr)
	}
}

func TestApplyInvalidValues(t *testing.T) {
	for _, tc := range []struct {
		s State
		e Event
	}{{0, EventSign}, {99, EventSign}, {Draft, 0}, {Draft, 99}, {-1, -1}} {
		_, err := Apply(tc.s, tc.e)
		assert.ErrorIs(t, err, ErrInvalidTransition, "%v %v", tc.s, tc.e)
	}
}

func TestEveryStateReachable(t *testing.T) {
	reached := map[State]bool{Draft: true}
	for changed := true; changed; {
		changed = false
		for _, tr := range Transitions() {
			if reached[tr.From] && !reached[tr.To] {
				reached[tr.To], changed = true, true
			}
		}
	}
	for _, s := range States() {
		assert.True(t, reached[s], "%v reachable from draft", s)
	}
}

func TestTransitionErrorMessage(t *testing.T) {
	_, err := Apply(Draft, EventResume)
	assert.Equal(t, `partnership: cannot resume a draft agreement`, err.Error())
	err = &TransitionError{ID: "PKS/1", From: Active, Event: EventExpire, Msg: "its term runs until 2025-12-31"}
	assert.Equal(t, `partnership: agreement "PKS/1": cannot expire an active agreement: its term runs until 2025-12-31`, err.Error())
}

// TestEnumKeys round-trips every value of every enum through String, Parse
// and MarshalText/UnmarshalText, and checks the zero value and junk.
func TestEnumKeys(t *testing.T) {
	type enum struct {
		name  string
		all   []fmt.Stringer
		parse func(string) (fmt.Stringer, error)
	}
	wrap := func(p any) func(string) (fmt.Stringer, error) {
		return func(s string) (fmt.Stringer, error) {
			switch p := p.(type) {
			case func(string) (State, error):
				return p(s)
			case func(string) (Event, error):
				return p(s)
			case func(string) (Category, error):
				return p(s)
			case func(string) (Service, error):
				return p(s)
			case func(string) (Group, error):
				return p(s)
			case func(string) (CountTargetKind, error):
				return p(s)
			}
			panic("unknown parser")
		}
	}
	list := func(vs ...fmt.Stringer) []fmt.Stringer { return vs }
	var enums = []enum{
		{"state", list(Draft, Signed, Active, Suspended, Expired, Terminated), wrap(ParseState)},
		{"event", list(EventSign, EventActivate, EventSuspend, EventResume, EventExpire, EventTerminate, EventRenew), wrap(ParseEvent)},
		{"category", list(RumahSakit, Klinik, Bidan, Puskesmas, PAUDTK, SD, SMP, SMASMK, TempatWisata, Merchant, OtherCategory), wrap(ParseCategory)},
		{"service", list(AktaKelahiran, KK, KIA, AktaKematian, PerekamanSekolah, KIABenefit), wrap(ParseService)},
		{"group", list(GroupHealth, GroupEducation, GroupBenefit, GroupOther), wrap(ParseGroup)},
		{"target kind", list(PerYear, EveryDistrict), wrap(ParseCountTargetKind)},
	}
	for _, en := range enums {
		seen := map[string]bool{}
		for _, v := range en.all {
			k := v.String()
			assert.NotContains(t, k, "(", "%s %d has a key", en.name, v)
			assert.False(t, seen[k], "%s key %q unique", en.name, k)
			seen[k] = true
			got, err := en.parse(k)
			require.NoError(t, err)
			assert.Equal(t, v, got)
			got, err = en.parse("  " + k + " ")
			require.NoError(t, err)
			assert.Equal(t, v, got)
		}
		_, err := en.parse("no such thing")
		assert.ErrorIs(t, err, ErrSyntax, en.name)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "no such thing", pe.Input)
	}
	assert.Equal(t, "State(0)", State(0).String())
	assert.Equal(t, "Event(9)", Event(9).String())
	assert.Equal(t, "Category(-1)", Category(-1).String())
	assert.Equal(t, "Service(7)", Service(7).String())
	assert.Equal(t, "Group(0)", Group(0).String())
	assert.Equal(t, "CountTargetKind(3)", CountTargetKind(3).String())
	assert.Equal(t, "WarningKind(0)", WarningKind(0).String())
}

func TestEnumText(t *testing.T) {
	b, err := Bidan.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "bidan", string(b))
	b, _ = Category(0).MarshalText()
	assert.Empty(t, b)
	var c Category
	require.NoError(t, c.UnmarshalText([]byte("Rumah Sakit")))
	assert.Equal(t, RumahSakit, c)
	require.NoError(t, c.UnmarshalText(nil))
	assert.Equal(t, Category(0), c)
	assert.ErrorIs(t, c.UnmarshalText([]byte("apotek")), ErrSyntax)
	var s State
	require.NoError(t, s.UnmarshalText([]byte("SUSPENDED")))
	assert.Equal(t, Suspended, s)
}

func TestCategoryAliasesAndGroups(t *testing.T) {
	for in, c := range map[string]Category{"RSUD": RumahSakit, "rs": RumahSakit, "BPM": Bidan, "bidan praktik mandiri": Bidan,
		"TK": PAUDTK, "paud-tk": PAUDTK, "SMK": SMASMK, "sma/smk": SMASMK, "wisata": TempatWisata, "Tempat Wisata": TempatWisata} {
		got, err := ParseCategory(in)
		require.NoError(t, err, in)
		assert.Equal(t, c, got, in)
	}
	groups := map[Group][]Category{}
	for _, c := range Categories() {
		groups[c.Group()] = append(groups[c.Group()], c)
	}
	assert.Equal(t, []Category{RumahSakit, Klinik, Bidan, Puskesmas}, groups[GroupHealth])
	assert.Equal(t, []Category{PAUDTK, SD, SMP, SMASMK}, groups[GroupEducation])
	assert.Equal(t, []Category{TempatWisata, Merchant}, groups[GroupBenefit])
	assert.Equal(t, []Category{OtherCategory}, groups[GroupOther])
	assert.Equal(t, "Bidan praktik mandiri", Bidan.Text(adminduk.Indonesian))
	assert.Equal(t, "Independent midwife", Bidan.Text(adminduk.English))
	assert.Equal(t, "", Category(99).Text(adminduk.English))
	assert.Equal(t, Group(0), Category(0).Group())
}

func TestServices(t *testing.T) {
	s, err := ParseServices(" kia ; akta_kelahiran;;KK, kia ")
	require.NoError(t, err)
	assert.Equal(t, ServicesOf(AktaKelahiran, KK, KIA), s)
	assert.Equal(t, "akta_kelahiran;kk;kia", s.String())
	assert.Equal(t, []string{"akta_kelahiran", "kk", "kia"}, s.Keys())
	assert.Equal(t, 3, s.Len())
	assert.True(t, s.Has(KK))
	assert.False(t, s.Has(KIABenefit))
	assert.False(t, s.Has(0))
	assert.Equal(t, s, s.With(0).With(99))
	_, err = ParseServices("kia;ktp")
	assert.ErrorIs(t, err, ErrSyntax)
	empty, err := ParseServices(" ; ")
	require.NoError(t, err)
	assert.Zero(t, empty)
	var u Services
	require.NoError(t, u.UnmarshalText([]byte("kia_benefit")))
	b, _ := u.MarshalText()
	assert.Equal(t, "kia_benefit", string(b))
	assert.Error(t, u.UnmarshalText([]byte("x")))
	assert.True(t, errors.Is(u.UnmarshalText([]byte("x")), ErrSyntax))
}
