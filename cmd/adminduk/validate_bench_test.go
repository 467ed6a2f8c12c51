package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// nikFile returns n lines of NIKs of real kecamatan, one in ten invalid.
func nikFile(n int) []byte {
	var districts []string
	for r := range wilayah.All {
		if r.Level() == wilayah.LevelDistrict {
			districts = append(districts, r.Code.Plain())
		}
	}
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		day := 1 + i%28
		if i%10 == 9 {
			day = 31 // 31 February: invalid
		}
		fmt.Fprintf(&b, "%s%02d02%02d%04d\n", districts[i*7919%len(districts)], day, i%100, 1+i%9999)
	}
	return b.Bytes()
}

func BenchmarkNIKValidate(b *testing.B) {
	data := nikFile(1_000_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out := bufio.NewWriter(io.Discard)
		err := validateStream(context.Background(), &input{r: bytes.NewReader(data)}, lineChecker{}, false, runtime.GOMAXPROCS(0),
			func(r *chunkResult) error { _, err := out.Write(r.out); return err })
		if err != nil {
			b.Fatal(err)
		}
	}
}
