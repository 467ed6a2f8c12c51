package partnership

import (
	"cmp"
	"slices"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// The queries below take the agreements as a slice, so that a store can load
// the ones a question needs (a partner's, a kab/kota's) and ask the same
// functions. Results point into the slice.

// ActiveOn returns the agreements in force on day d (see
// [Agreement.StatusOn]), in slice order.
func ActiveOn(as []Agreement, d adminduk.Date) []*Agreement {
	var out []*Agreement
	for i := range as {
		if as[i].InForce(d) {
			out = append(out, &as[i])
		}
	}
	return out
}

// ExpiringWithin returns the agreements in force on day d whose term ends
// within the next days days (d itself up to d+days, d+days saturating at
// [adminduk.LastDate]), soonest end first, then
// by number. Whether a successor is already signed does not matter here;
// see [RenewalDue].
func ExpiringWithin(as []Agreement, d adminduk.Date, days int) []*Agreement {
	limit := d.AddDaysClamped(days)
	var out []*Agreement
	for i := range as {
		a := &as[i]
		if a.InForce(d) && !a.End.IsZero() && !a.End.After(limit) {
			out = append(out, a)
		}
	}
	sortByEnd(out)
	return out
}

// RenewalDue returns the agreements expiring within days days of d (see
// [ExpiringWithin]) that have no successor yet: the ones the Dinas must
// renew now or see lapse.
func RenewalDue(as []Agreement, d adminduk.Date, days int) []*Agreement {
	out := ExpiringWithin(as, d, days)
	return slices.DeleteFunc(out, func(a *Agreement) bool { return a.Successor != "" })
}

func sortByEnd(as []*Agreement) {
	slices.SortStableFunc(as, func(a, b *Agreement) int {
		return cmp.Or(a.End.Compare(b.End), cmp.Compare(a.Number, b.Number))
	})
}

// MayUse reports whether the partner with the given ID may use service s on
// day d: some agreement of that partner in as is in force that day and
// covers s. The registry gates a partner's API access on it, loading the
// partner's agreements from its store.
func MayUse(as []Agreement, partnerID string, s Service, d adminduk.Date) bool {
	for i := range as {
		if as[i].Partner.ID == partnerID && as[i].Permits(s, d) {
			return true
		}
	}
	return false
}

// CountByCategory counts the agreements in force on day d by their
// partner's category.
func CountByCategory(as []Agreement, d adminduk.Date) map[Category]int {
	out := make(map[Category]int)
	for i := range as {
		if as[i].InForce(d) {
			out[as[i].Partner.Category]++
		}
	}
	return out
}

// CountByYear counts the signed agreements (every state but draft) by the
// year they were signed.
func CountByYear(as []Agreement) map[int]int {
	out := make(map[int]int)
	for i := range as {
		if as[i].State != Draft && !as[i].Signed.IsZero() {
			out[as[i].Signed.Year()]++
		}
	}
	return out
}

// Uncovered returns the kecamatan of kab/kota regency that have no partner
// of group g (all groups when g is 0) with an agreement in force on day d:
// the roll-out gap. Kecamatan are those of the current edition (a retired
// kab/kota code is resolved to its successor first), and a partner whose
// kecamatan code is retired counts for the successor. The result is sorted
// by code; nil when every kecamatan is covered or the code is not a known
// kab/kota.
func Uncovered(as []Agreement, regency wilayah.Code, d adminduk.Date, g Group) []wilayah.Region {
	cur := currentDistricts(as)
	covered := coveredDistricts(len(as), func(i int) *Agreement { return &as[i] }, func(i int) wilayah.Code { return cur[i] }, d, func(a *Agreement) bool { return g == 0 || a.Partner.Group() == g })
	return uncoveredIn(regency, covered)
}

// currentDistricts returns the current kecamatan of each agreement's
// partner (see [Partner.CurrentDistrict]), resolved once for all queries.
func currentDistricts(as []Agreement) []wilayah.Code {
	cur := make([]wilayah.Code, len(as))
	memo := make(map[wilayah.Code]wilayah.Code) // a kab/kota has a few dozen kecamatan
	for i := range as {
		k := as[i].Partner.District
		c, ok := memo[k]
		if !ok {
			c = as[i].Partner.CurrentDistrict()
			memo[k] = c
		}
		cur[i] = c
	}
	return cur
}

// coveredDistricts returns the current kecamatan codes with an agreement in
// force on d that keep accepts; cur holds the agreements' current kecamatan.
func coveredDistricts(n int, at func(int) *Agreement, cur func(int) wilayah.Code, d adminduk.Date, keep func(*Agreement) bool) map[wilayah.Code]bool {
	covered := make(map[wilayah.Code]bool)
	for i := range n {
		a := at(i)
		if a.InForce(d) && keep(a) {
			covered[cur(i)] = true
		}
	}
	return covered
}

func uncoveredIn(regency wilayah.Code, covered map[wilayah.Code]bool) []wilayah.Region {
	if regency.Level() != wilayah.LevelRegency {
		return nil
	}
	if r, ok := wilayah.Resolve(regency); ok {
		regency = r.Code
	}
	var out []wilayah.Region
	for _, k := range wilayah.Children(regency) {
		if !covered[k.Code] {
			out = append(out, k)
		}
	}
	return out
}

// regenciesOf returns the kab/kota of the current kecamatan cur, sorted by
// code.
func regenciesOf(n int, cur func(int) wilayah.Code) []wilayah.Code {
	seen := make(map[wilayah.Code]bool)
	var out []wilayah.Code
	for i := range n {
		r := cur(i).Regency()
		if r.IsValid() && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	slices.SortFunc(out, wilayah.Code.Compare)
	return out
}
