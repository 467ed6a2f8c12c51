package wilayah

import (
	"slices"
	"strings"
	"sync"

	"github.com/adminduk-id/adminduk/adminduk/wilayah/internal/names"
)

// searchKey is the normalised name of one entry, built on first search.
type searchKey struct {
	kind names.Kind // for kab/kota
	key  string
}

var searchKeys = sync.OnceValue(func() []searchKey {
	keys := make([]searchKey, len(entries))
	for i := range entries {
		r := region(i)
		if r.Level() == LevelRegency {
			keys[i].kind, keys[i].key = names.Regency(r.Name)
		} else {
			keys[i].key = names.Key(r.Name)
		}
	}
	return keys
})

// Search returns the provinces, kab/kota and kecamatan whose name matches
// query, ignoring case, spacing, punctuation and the "Kab."/"Kabupaten"/"Kota"
// prefixes. A query with such a prefix matches only that kind of kab/kota.
// Exact matches come first, then names that start with the query, then names
// that contain it; within each, current codes before retired ones, then by
// code. An empty query matches nothing.
func Search(query string) []Region {
	kind, regKey := names.Regency(query)
	fullKey := names.Key(query)
	if fullKey == "" {
		return nil
	}
	type hit struct {
		rank int
		r    Region
	}
	var hits []hit
	for i, k := range searchKeys() {
		q := fullKey
		if entries[i].code%100 == 0 && entries[i].code%10000 != 0 { // kab/kota
			if kind != names.KindNone && kind != k.kind {
				continue
			}
			q = regKey
		} else if kind != names.KindNone && k.key != fullKey && !strings.Contains(k.key, fullKey) {
			continue
		}
		rank := 3
		switch {
		case q == "":
		case k.key == q:
			rank = 0
		case strings.HasPrefix(k.key, q):
			rank = 1
		case strings.Contains(k.key, q):
			rank = 2
		}
		if rank < 3 {
			hits = append(hits, hit{rank, region(i)})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		if a.r.Current() != b.r.Current() {
			if a.r.Current() {
				return -1
			}
			return 1
		}
		return a.r.Code.Compare(b.r.Code)
	})
	out := make([]Region, len(hits))
	for i, h := range hits {
		out[i] = h.r
	}
	return out
}
