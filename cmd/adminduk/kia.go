package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/adminduk-id/adminduk/kia"
)

func init() {
	register("kia", "render signed KIA child identity cards (kia render) or check card.json (kia check)", runKIA)
}

func runKIA(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "render", "check")
	if err != nil {
		return err
	}
	if verb == "check" {
		return runKIACheck(ctx, e, rest)
	}
	return runKIARender(ctx, e, rest)
}

// maxPhotoBytes caps a photo file.
const maxPhotoBytes = kia.MaxPhotoBytes

// kiaInput opens --in: a file or standard input, and the directory photo
// paths are relative to.
func kiaInput(e *env, in string) (io.Reader, string, func(), error) {
	if in == "-" {
		return e.stdin, ".", func() {}, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, "", nil, err
	}
	return bufio.NewReaderSize(f, 64<<10), filepath.Dir(in), func() { f.Close() }, nil
}

// photoReader reads the photos of cards, relative to dir unless absolute.
func photoReader(dir string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, maxPhotoBytes+1))
		if err != nil {
			return nil, err
		}
		if len(data) > maxPhotoBytes {
			return nil, fmt.Errorf("%s: larger than %d MB", p, maxPhotoBytes>>20)
		}
		return data, nil
	}
}

func leapDayFlag(s string) (kia.Rules, error) {
	switch strings.ToLower(s) {
	case "march1", "mar1", "":
		return kia.Rules{LeapDay: kia.March1}, nil
	case "feb28":
		return kia.Rules{LeapDay: kia.Feb28}, nil
	}
	return kia.Rules{}, usagef("--leap-day %q: want march1 or feb28", s)
}
