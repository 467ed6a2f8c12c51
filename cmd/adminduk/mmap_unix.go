//go:build unix

package main

import (
	"os"
	"syscall"
)

// mapFile maps a regular file read-only into memory, so that bulk validation
// reads it without copying. The caller unmaps it with the returned function.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, syscall.EINVAL
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() { syscall.Munmap(data) }, nil
}
