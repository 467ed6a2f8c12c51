package credential

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/adminduk-id/adminduk/internal/base45"
)

// MaxDecompressed caps the decompressed COSE message: a payload that
// inflates to more is malformed (a KIA credential is about 300 bytes).
const MaxDecompressed = 64 << 10

// zlibWriters keeps a few compressors for reuse: a new one at best
// compression allocates about 800 KB. A bounded free list rather than a
// sync.Pool, which every other garbage collection empties: refilling it was a
// tenth of what a registration allocates (registry benchmark), and the
// garbage brought the collections on sooner.
var zlibWriters = make(chan *zlib.Writer, 4)

func getZlib() *zlib.Writer {
	select {
	case w := <-zlibWriters:
		return w
	default:
		w, _ := zlib.NewWriterLevel(nil, zlib.BestCompression) // a constant valid level
		return w
	}
}

func putZlib(w *zlib.Writer) {
	select {
	case zlibWriters <- w:
	default: // enough kept
	}
}

// encodeTransport compresses a COSE message with zlib at best compression
// and encodes it in Base45.
func encodeTransport(msg []byte) (string, error) {
	var z bytes.Buffer
	w := getZlib()
	defer putZlib(w)
	w.Reset(&z)
	if _, err := w.Write(msg); err != nil {
		return "", fmt.Errorf("credential: zlib: %w", err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("credential: zlib: %w", err)
	}
	return base45.Encode(z.Bytes()), nil
}

// zlibReaders recycles decompressors: a new one allocates about 40 KB.
var zlibReaders sync.Pool

// newZlibReader returns a zlib reader of r, recycled when possible.
func newZlibReader(r io.Reader) (io.ReadCloser, error) {
	if zr, ok := zlibReaders.Get().(io.ReadCloser); ok {
		if err := zr.(zlib.Resetter).Reset(r, nil); err != nil {
			zlibReaders.Put(zr)
			return nil, err
		}
		return zr, nil
	}
	return zlib.NewReader(r)
}

// errTooLarge reports a payload that inflates beyond MaxDecompressed.
var errTooLarge = fmt.Errorf("inflates to more than %d bytes", MaxDecompressed)

// decodeTransport reverses encodeTransport: Base45, then zlib, at most
// MaxDecompressed bytes, with nothing after the zlib stream.
func decodeTransport(payload string) ([]byte, error) {
	z, err := base45.Decode(payload)
	if err != nil {
		return nil, err
	}
	in := bytes.NewReader(z) // an io.ByteReader: flate reads no further than its stream
	zr, err := newZlibReader(in)
	if err != nil {
		return nil, fmt.Errorf("zlib: %w", err)
	}
	defer zlibReaders.Put(zr)
	raw, err := io.ReadAll(io.LimitReader(zr, MaxDecompressed+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("zlib: %w", err)
	case len(raw) > MaxDecompressed:
		return nil, errTooLarge
	case in.Len() > 0:
		return nil, errors.New("zlib: data after the end of the stream")
	}
	return raw, nil
}
