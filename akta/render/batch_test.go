package render_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/akta/render"
)

// batch returns n records, births and deaths alternating, each different.
func batch(t testing.TB, n int) []akta.Record {
	recs := make([]akta.Record, n)
	for i := range recs {
		if i%2 == 0 {
			b := birth(t)
			b.Child.Name = fmt.Sprintf("Siti Aminah %s", []string{"Putri", "Lestari", "Rahayu", "Wulandari"}[i%4/2])
			b.Child.BirthOrder = i%9 + 1
			recs[i] = b
		} else {
			d := death(t)
			d.DeathPlace = fmt.Sprintf("Serang %d", i)
			recs[i] = d
		}
	}
	return recs
}

func TestRecordsParallelEqualsSequential(t *testing.T) {
	recs := batch(t, 24)
	var seq, par bytes.Buffer
	require.NoError(t, render.WriteBatch(&seq, recs, render.Options{Signer: testSigner, Workers: 1}))
	require.NoError(t, render.WriteBatch(&par, recs, render.Options{Signer: testSigner, Workers: 8}))
	assert.Equal(t, seq.Bytes(), par.Bytes(), "byte-identical whatever the workers")
	text := pdfText(t, par.Bytes())
	assert.Equal(t, 12, bytes.Count([]byte(text), []byte("KUTIPAN AKTA KELAHIRAN")))
	assert.Equal(t, 12, bytes.Count([]byte(text), []byte("KUTIPAN AKTA KEMATIAN")))
	// Pages in input order: the first page is the first record.
	first := pdfText(t, renderDoc(t, recs[0], render.Options{Signer: testSigner}))
	assert.Equal(t, first, text[:len(first)])

	// One record: the same bytes as Record.
	var one bytes.Buffer
	require.NoError(t, render.WriteBatch(&one, recs[:1], render.Options{Signer: testSigner}))
	assert.Equal(t, renderDoc(t, recs[0], render.Options{Signer: testSigner}), one.Bytes())
}

func TestRecordsError(t *testing.T) {
	recs := batch(t, 10)
	recs[7].(*akta.Death).Deceased.Name = ""
	recs[3].(*akta.Death).DeathPlace = ""
	var out bytes.Buffer
	err := render.WriteBatch(&out, recs, render.Options{Signer: testSigner, Workers: 4})
	var re *render.RecordError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 3, re.Index, "the first invalid record")
	assert.ErrorIs(t, err, akta.ErrRequired)
	assert.Contains(t, err.Error(), "record 4:")
	assert.Zero(t, out.Len())
	assert.Error(t, render.WriteBatch(&out, nil, render.Options{Signer: testSigner}))
}

// go test -run XXX -bench Records -benchtime 3x ./akta/render
func BenchmarkRecordsPDF(b *testing.B) {
	recs := batch(b, 200)
	o := render.Options{Signer: testSigner}
	for b.Loop() {
		if err := render.WriteBatch(io.Discard, recs, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "docs/s")
}
