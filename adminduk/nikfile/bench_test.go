package nikfile_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/adminduk-id/adminduk/adminduk/nikfile"
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

// BenchmarkNIKValidate validates one million lines and formats the invalid
// ones as the CLI does.
func BenchmarkNIKValidate(b *testing.B) {
	data := nikFile(1_000_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	out := make([]byte, 0, 64<<10)
	for b.Loop() {
		_, err := nikfile.Validate(context.Background(), bytes.NewReader(data), nikfile.Options{}, func(v nikfile.Invalid) error {
			out = v.AppendMasked(out[:0])
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
