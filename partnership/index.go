package partnership

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// idIndex finds agreements by ID in a slice, the last one when IDs repeat.
// It holds four bytes per agreement, where a map from ID would hold the
// string header and map overhead (a million agreements: 4 MB, not 50).
type idIndex struct {
	as  []Agreement
	idx []int32 // indices of the agreements with an ID, by ID then index
}

func newIDIndex(as []Agreement) idIndex {
	x := idIndex{as: as, idx: make([]int32, 0, len(as))}
	for i := range as {
		if as[i].ID != "" {
			x.idx = append(x.idx, int32(i))
		}
	}
	slices.SortFunc(x.idx, func(a, b int32) int { return cmp.Or(cmp.Compare(as[a].ID, as[b].ID), cmp.Compare(a, b)) })
	return x
}

// find returns the last agreement with the given ID.
func (x idIndex) find(id string) (*Agreement, bool) {
	if id == "" {
		return nil, false
	}
	// The first index past every agreement with this ID, less one.
	n, _ := slices.BinarySearchFunc(x.idx, id, func(i int32, id string) int {
		if x.as[i].ID <= id {
			return -1
		}
		return 1
	})
	if n == 0 || x.as[x.idx[n-1]].ID != id {
		return nil, false
	}
	return &x.as[x.idx[n-1]], true
}

// numberSet remembers the normalised numbers of the agreements accepted so
// far by a hash of each, to the agreement's index in the import: twelve
// bytes and map overhead an agreement, not a copy of the number. A hash
// collision is checked against the agreement and kept apart.
type numberSet struct {
	hash   func(string) uint64
	byHash map[uint64]int32
	other  map[string]int // keys whose hash another key has; key -> line
}

func newNumberSet() *numberSet {
	seed := maphash.MakeSeed()
	return &numberSet{hash: func(k string) uint64 { return maphash.String(seed, k) }, byHash: make(map[uint64]int32)}
}

// add records key, on line, for the agreement about to be appended to im,
// and returns the line of the earlier agreement with the same key, if any.
func (s *numberSet) add(key string, line int, im *Import) (int, bool) {
	h := s.hash(key)
	i, ok := s.byHash[h]
	switch {
	case !ok:
		s.byHash[h] = int32(len(im.Agreements))
		return 0, false
	case numberKey(im.Agreements[i].Number) == key:
		return im.Lines[i], true
	}
	if prev, ok := s.other[key]; ok {
		return prev, true
	}
	if s.other == nil {
		s.other = make(map[string]int)
	}
	s.other[key] = line
	return 0, false
}
