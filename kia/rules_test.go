package kia

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
)

func d(s string) adminduk.Date {
	t, err := adminduk.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDecideBoundaries(t *testing.T) {
	tests := []struct {
		name  string
		rules Rules
		birth string
		at    string
		kind  Kind
		age   int
		until string
		err   error
	}{
		// An ordinary birthday, every boundary.
		{"day before birth", Rules{}, "2020-06-15", "2020-06-14", 0, 0, "", ErrNotBorn},
		{"day of birth", Rules{}, "2020-06-15", "2020-06-15", Under5, 0, "2025-06-15", nil},
		{"day before 5th birthday", Rules{}, "2020-06-15", "2025-06-14", Under5, 4, "2025-06-15", nil},
		{"5th birthday", Rules{}, "2020-06-15", "2025-06-15", From5, 5, "2037-06-14", nil},
		{"day after 5th birthday", Rules{}, "2020-06-15", "2025-06-16", From5, 5, "2037-06-14", nil},
		{"day before 17th birthday", Rules{}, "2020-06-15", "2037-06-14", From5, 16, "2037-06-14", nil},
		{"17th birthday", Rules{}, "2020-06-15", "2037-06-15", 0, 0, "", ErrTooOld},
		{"31 December birth, 1 January issue", Rules{}, "2019-12-31", "2020-01-01", Under5, 0, "2024-12-31", nil},
		// 29 February, birthday on 1 March in common years (default).
		{"leap: 5th birthday eve", Rules{}, "2008-02-29", "2013-02-28", Under5, 4, "2013-03-01", nil},
		{"leap: 5th birthday is 1 March", Rules{}, "2008-02-29", "2013-03-01", From5, 5, "2025-02-28", nil},
		{"leap: last valid day", Rules{}, "2008-02-29", "2025-02-28", From5, 16, "2025-02-28", nil},
		{"leap: 17 on 1 March", Rules{}, "2008-02-29", "2025-03-01", 0, 0, "", ErrTooOld},
		{"leap: birthday in a leap year", Rules{}, "2008-02-29", "2016-02-29", From5, 8, "2025-02-28", nil},
		{"leap: day before it in a leap year", Rules{}, "2008-02-29", "2016-02-28", From5, 7, "2025-02-28", nil},
		{"leap: newborn", Rules{}, "2020-02-29", "2020-03-10", Under5, 0, "2025-03-01", nil},
		// 29 February, birthday on 28 February.
		{"feb28: 5th birthday eve", Rules{LeapDay: Feb28}, "2008-02-29", "2013-02-27", Under5, 4, "2013-02-28", nil},
		{"feb28: 5th birthday", Rules{LeapDay: Feb28}, "2008-02-29", "2013-02-28", From5, 5, "2025-02-27", nil},
		{"feb28: last valid day", Rules{LeapDay: Feb28}, "2008-02-29", "2025-02-27", From5, 16, "2025-02-27", nil},
		{"feb28: 17 on 28 February", Rules{LeapDay: Feb28}, "2008-02-29", "2025-02-28", 0, 0, "", ErrTooOld},
		{"feb28: newborn", Rules{LeapDay: Feb28}, "2020-02-29", "2020-03-10", Under5, 0, "2025-02-28", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.rules.Decide(Child{BirthDate: d(tt.birth), Citizenship: adminduk.WNI}, d(tt.at))
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.kind, got.Kind)
			assert.Equal(t, tt.age, got.Age)
			assert.Equal(t, d(tt.until), got.ValidUntil)
			assert.False(t, got.PermitLimited)
		})
	}
}

func TestDecideForeignersAndMarriage(t *testing.T) {
	birth := d("2020-06-15")
	tests := []struct {
		name    string
		child   Child
		at      string
		until   string
		limited bool
		err     error
	}{
		{"permit ends first", Child{Citizenship: adminduk.WNA, PermitUntil: d("2023-12-31")}, "2021-01-01", "2023-12-31", true, nil},
		{"rule ends first", Child{Citizenship: adminduk.WNA, PermitUntil: d("2030-01-31")}, "2021-01-01", "2025-06-15", false, nil},
		{"permit ends on the rule's day", Child{Citizenship: adminduk.WNA, PermitUntil: d("2025-06-15")}, "2021-01-01", "2025-06-15", false, nil},
		{"permit ends on the issue day", Child{Citizenship: adminduk.WNA, PermitUntil: d("2021-01-01")}, "2021-01-01", "2021-01-01", true, nil},
		{"permit ended", Child{Citizenship: adminduk.WNA, PermitUntil: d("2020-12-31")}, "2021-01-01", "", false, ErrPermitExpired},
		{"no permit", Child{Citizenship: adminduk.WNA}, "2021-01-01", "", false, ErrPermitRequired},
		{"WNI permit ignored", Child{Citizenship: adminduk.WNI, PermitUntil: d("2021-06-01")}, "2021-01-01", "2025-06-15", false, nil},
		{"married", Child{Citizenship: adminduk.WNI, Married: true}, "2036-01-01", "", false, ErrMarried},
		{"too old beats married", Child{Citizenship: adminduk.WNI, Married: true}, "2040-01-01", "", false, ErrTooOld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.child
			c.BirthDate = birth
			got, err := Decide(c, d(tt.at))
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, d(tt.until), got.ValidUntil)
			assert.Equal(t, tt.limited, got.PermitLimited)
		})
	}
}

func TestBirthdayAndAge(t *testing.T) {
	r, f := Rules{}, Rules{LeapDay: Feb28}
	assert.Equal(t, d("2012-02-29"), r.Birthday(d("2008-02-29"), 4))
	assert.Equal(t, d("2009-03-01"), r.Birthday(d("2008-02-29"), 1))
	assert.Equal(t, d("2009-02-28"), f.Birthday(d("2008-02-29"), 1))
	assert.Equal(t, d("2100-03-01"), r.Birthday(d("2096-02-29"), 4), "2100 is not a leap year")
	assert.Equal(t, 0, r.Age(d("2020-06-15"), d("2021-06-14")))
	assert.Equal(t, 1, r.Age(d("2020-06-15"), d("2021-06-15")))
	assert.Equal(t, -1, r.Age(d("2020-06-15"), d("2020-06-14")))
	// The calendar date of a time, in its own zone, is what counts.
	wita := time.FixedZone("WITA", 8*3600)
	assert.Equal(t, 1, r.Age(adminduk.DateOf(time.Date(2020, 6, 15, 23, 0, 0, 0, wita)), adminduk.DateOf(time.Date(2021, 6, 15, 0, 30, 0, 0, wita))))
}

// TestDecideEveryDay walks every issue day of a child's life (leap-day
// births under both conventions and an ordinary one) and checks the
// decision against the definitions, written out differently: the card
// changes kind on the 5th birthday, the last valid day of the first card
// is that birthday, and no card is issued from the 17th birthday.
func TestDecideEveryDay(t *testing.T) {
	for _, birth := range []string{"2008-02-29", "2010-03-01", "2011-12-31"} {
		for _, r := range []Rules{{}, {LeapDay: Feb28}} {
			b := d(birth)
			fifth, seventeenth := r.Birthday(b, 5), r.Birthday(b, 17)
			for at := b; !at.After(seventeenth); at = at.AddDate(0, 0, 1) {
				got, err := r.Decide(Child{BirthDate: b, Citizenship: adminduk.WNI}, at)
				switch {
				case !at.Before(seventeenth):
					require.ErrorIs(t, err, ErrTooOld, "%s %v %s", birth, r, at)
				case at.Before(fifth):
					require.NoError(t, err)
					require.Equal(t, Under5, got.Kind, "%s %s", birth, at)
					require.Equal(t, fifth, got.ValidUntil)
				default:
					require.NoError(t, err)
					require.Equal(t, From5, got.Kind, "%s %s", birth, at)
					require.Equal(t, seventeenth.AddDate(0, 0, -1), got.ValidUntil)
					require.True(t, got.ValidUntil.Before(seventeenth))
				}
			}
		}
	}
}

func TestKindAndReplacement(t *testing.T) {
	assert.Equal(t, "under5", Under5.String())
	assert.Equal(t, "from5", From5.String())
	assert.Equal(t, "Kind(9)", Kind(9).String())
	assert.True(t, From5.HasPhoto())
	assert.False(t, Under5.HasPhoto())
	for in, want := range map[string]Replacement{
		"": 0, "lost": Lost, "Hilang": Lost, "damaged": Damaged, "RUSAK": Damaged, "moved": Moved,
		"pindah domisili": Moved, "data_change": DataChange, "perubahan data": DataChange, "turned_5": Turned5,
		"berusia 5 tahun": Turned5,
	} {
		got, err := ParseReplacement(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		text, err := got.MarshalText()
		require.NoError(t, err)
		var back Replacement
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, got, back)
	}
	_, err := ParseReplacement("stolen")
	assert.ErrorIs(t, err, adminduk.ErrUnknownValue)
	assert.Equal(t, "HILANG", Lost.Text(adminduk.Indonesian))
	assert.Equal(t, "LOST", Lost.Text(adminduk.English))
	assert.Equal(t, "BARU", Replacement(0).Text(adminduk.Indonesian))
	_, err = Replacement(42).MarshalText()
	assert.Error(t, err)
}
