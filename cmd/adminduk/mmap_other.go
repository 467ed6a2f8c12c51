//go:build !unix

package main

import (
	"errors"
	"os"
)

// mapFile is not available here; bulk validation reads the file instead.
func mapFile(*os.File, int64) ([]byte, func(), error) {
	return nil, nil, errors.ErrUnsupported
}
