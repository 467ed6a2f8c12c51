package wilayah

import (
	"errors"
	"strconv"
	"strings"
)

// ErrUnknownLevel is returned by [ParseLevel] for a string that names no
// level.
var ErrUnknownLevel = errors.New("wilayah: unknown level")

// LevelError reports a string that names no [Level]. It unwraps to
// [ErrUnknownLevel].
type LevelError struct {
	Input string // the input as given
}

func (e *LevelError) Error() string {
	in := e.Input
	if len(in) > 40 {
		in = in[:40] + "..."
	}
	return "wilayah: unknown level " + strconv.Quote(in) + ": want province, regency, district or village"
}

// Unwrap returns [ErrUnknownLevel].
func (e *LevelError) Unwrap() error { return ErrUnknownLevel }

var levelKeys = [...]string{LevelProvince: "province", LevelRegency: "regency", LevelDistrict: "district", LevelVillage: "village"}

// IsValid reports whether l is one of the four levels.
func (l Level) IsValid() bool { return l >= LevelProvince && l <= LevelVillage }

// Key returns the English key of l as used in JSON, CSV and command-line
// flags: "province", "regency", "district" or "village"; "" for an invalid
// level. [ParseLevel] reads it back.
func (l Level) Key() string {
	if !l.IsValid() {
		return ""
	}
	return levelKeys[l]
}

// ParseLevel reads a level in any case: the English key ("province",
// "regency", "district", "village"), its Indonesian name ("provinsi",
// "kabupaten", "kota", "kabupaten/kota", "kab/kota", "kecamatan", "desa",
// "kelurahan", "desa/kelurahan") or the number of digits of its codes (2, 4,
// 6, 10). Errors are *[LevelError] values.
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "province", "provinsi", "2":
		return LevelProvince, nil
	case "regency", "kabupaten", "kota", "kabupaten/kota", "kab/kota", "kabkota", "4":
		return LevelRegency, nil
	case "district", "kecamatan", "6":
		return LevelDistrict, nil
	case "village", "desa", "kelurahan", "desa/kelurahan", "10":
		return LevelVillage, nil
	}
	return 0, &LevelError{Input: s}
}
