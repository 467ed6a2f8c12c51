package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// output is a file being written atomically: into a temporary file in the
// destination's directory, renamed over the destination by Commit. For "-"
// the output is staged in a temporary file (mode 0600, removed after) and
// copied to standard output by Commit, so that standard output gets nothing
// from a command that fails half-way.
//
//	out, err := createOutput(e, *outPath, 0) // before any work
//	if err != nil { return err }
//	defer out.Abort()
//	if err := render(out); err != nil { return err }
//	return out.Commit()
type output struct {
	*bufio.Writer
	path   string
	tmp    *os.File
	stdout io.Writer // for "-": where Commit copies tmp
	done   bool
}

// checkOutput returns a usage error if path cannot be written as an output
// file: it is empty or a directory, or its directory does not exist. "-"
// (standard output) is always fine. Commands call it, or createOutput, before
// doing any work.
func checkOutput(path string) error {
	switch path {
	case "-":
		return nil
	case "":
		return usagef("want an output file name, or - for standard output")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usagef("output %s is a directory; want a file name", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("output %s: directory %s does not exist", path, dir)
	case err != nil:
		return usagef("output %s: %v", path, unwrapPath(err))
	case !fi.IsDir():
		return usagef("output %s: %s is not a directory", path, dir)
	}
	return nil
}

// createOutput checks path (see checkOutput) and opens it for writing. The
// file gets mode perm minus the umask; perm 0 means 0666, as os.Create. Give
// a stricter perm such as 0600 for secrets. Errors name path, never the
// temporary file.
func createOutput(e *env, path string, perm os.FileMode) (*output, error) {
	if err := checkOutput(path); err != nil {
		return nil, err
	}
	if path == "-" {
		f, err := os.CreateTemp("", "adminduk-stdout-*")
		if err != nil {
			return nil, fmt.Errorf("standard output: cannot stage: %w", unwrapPath(err))
		}
		return &output{Writer: bufio.NewWriterSize(f, 256<<10), path: path, tmp: f, stdout: e.stdout}, nil
	}
	if perm == 0 {
		perm = 0o666
	}
	dir, base := filepath.Split(path)
	for range 10 {
		var rnd [6]byte
		rand.Read(rnd[:])
		name := filepath.Join(dir, "."+base+"."+hex.EncodeToString(rnd[:])+".tmp")
		// The kernel applies the umask to perm: no chmod widens it.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "create", Path: path, Err: unwrapPath(err)}
		}
		return &output{Writer: bufio.NewWriterSize(f, 256<<10), path: path, tmp: f}, nil
	}
	return nil, &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
}

// writeTo writes through fn to path ("-" for standard output) with
// createOutput: a failure leaves nothing behind.
func writeTo(e *env, path string, fn func(io.Writer) error) error {
	out, err := createOutput(e, path, 0)
	if err != nil {
		return err
	}
	defer out.Abort()
	if err := fn(out); err != nil {
		return err
	}
	return out.Commit()
}

// Commit flushes the output and, for a file, renames it into place.
func (o *output) Commit() error {
	if o.done {
		return errors.New("output already committed or aborted")
	}
	o.done = true
	err := o.Flush()
	if o.stdout != nil {
		defer os.Remove(o.tmp.Name())
		defer o.tmp.Close()
		if err == nil {
			_, err = o.tmp.Seek(0, io.SeekStart)
		}
		if err == nil {
			_, err = io.Copy(o.stdout, o.tmp)
		}
		return err
	}
	if cerr := o.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.tmp.Name(), o.path)
	}
	if err != nil {
		os.Remove(o.tmp.Name())
		return &fs.PathError{Op: "write", Path: o.path, Err: unwrapPath(err)}
	}
	return nil
}

// Abort discards the output: nothing reaches the file or standard output.
// It does nothing after Commit, so it can be deferred.
func (o *output) Abort() {
	if o.done {
		return
	}
	o.done = true
	o.tmp.Close()
	os.Remove(o.tmp.Name())
}

var _ io.Writer = (*output)(nil)

// unwrapPath drops the file name of a path or link error (it may be the
// temporary file's), keeping the cause.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
