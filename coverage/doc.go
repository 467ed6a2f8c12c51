// Package coverage computes cakupan: the share of children holding an akta
// kelahiran (birth certificate) or a KIA (child identity card), exactly and
// reproducibly, with the gap to the national targets.
package coverage
