package partnership

import (
	"cmp"
	"hash/maphash"
	"io"
	"io/fs"
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
	return s.addAt(key, line, int32(len(im.Agreements)), func(i int32) (string, int) { return im.Agreements[i].Number, im.Lines[i] })
}

// addAt records key, on line, for the agreement about to be accepted as
// number next, at(i) giving the number and line of the i-th accepted one,
// and returns the line of the earlier agreement with the same key, if any.
func (s *numberSet) addAt(key string, line int, next int32, at func(int32) (string, int)) (int, bool) {
	h := s.hash(key)
	i, ok := s.byHash[h]
	if !ok {
		s.byHash[h] = next
		return 0, false
	}
	if number, l := at(i); numberKey(number) == key {
		return l, true
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

// sizeAfter is the number of rows after which ReadCSV estimates the number
// of rows of a file of known size.
const sizeAfter = 4096

// inputSize returns the size of r when it is a regular file (an *os.File),
// 0 otherwise.
func inputSize(r io.Reader) int64 {
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return 0
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	return fi.Size()
}

// presize grows the agreements once to the number of rows a file of size
// bytes holds at the rate of the first ones (read bytes so far), so that a
// million rows are not copied from one doubled slice to the next.
func presize(im *Import, size, read int64) {
	if read <= 0 || read >= size {
		return
	}
	n := int(float64(size) / float64(read) * float64(len(im.Agreements)) * 1.05)
	n = min(n, int(size/32)) // no valid row is shorter than 32 bytes
	if n <= len(im.Agreements) {
		return
	}
	im.Agreements = append(make([]Agreement, 0, n), im.Agreements...) // exactly n: slices.Grow may overshoot by a quarter
	im.Lines = append(make([]int, 0, n), im.Lines...)
}
