package render

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/kia"
)

// sequentialPDF renders cards one by one with Batch.Add, the reference.
func sequentialPDF(t *testing.T, o Options, cards []*kia.Card) []byte {
	var buf bytes.Buffer
	b, err := NewBatch(&buf, o)
	require.NoError(t, err)
	for _, c := range cards {
		require.NoError(t, b.Add(c))
	}
	require.NoError(t, b.Close())
	return buf.Bytes()
}

// TestWritePDFParallelSameBytes: preparing cards on several goroutines
// gives the bytes of the sequential batch, for both layouts, with photos,
// in one part and in several.
func TestWritePDFParallelSameBytes(t *testing.T) {
	defer func(n int) { partCards = n }(partCards)
	partCards = 20
	for _, tt := range []struct {
		card   string
		n      int
		layout Layout
	}{
		{"child", 1, CardLayout},
		{"child", 45, CardLayout},
		{"newborn", 33, A4Layout},
		{"child", 7, A4Layout},
	} {
		t.Run(fmt.Sprintf("%s-%d-%s", tt.card, tt.n, tt.layout), func(t *testing.T) {
			cards := batch(t, tt.card, tt.n)
			o, _ := options(t, cards[0])
			o.Layout = tt.layout
			want := sequentialPDF(t, o, cards)
			for _, workers := range []int{1, 2, 5} {
				o.Workers = workers
				var buf bytes.Buffer
				require.NoError(t, WritePDF(&buf, cards, o))
				assert.True(t, bytes.Equal(want, buf.Bytes()), "workers %d: %d bytes, sequential %d", workers, buf.Len(), len(want))
			}
		})
	}
}

// TestWritePDFParallelError: a bad card stops WritePDF with the index of
// the first bad card, whatever the number of workers.
func TestWritePDFParallelError(t *testing.T) {
	cards := batch(t, "newborn", 30)
	bad := *cards[17]
	bad.Name = ""
	cards[17] = &bad
	cards[25] = &bad
	o, _ := options(t, cards[0])
	for _, workers := range []int{1, 2, 8} {
		o.Workers = workers
		var buf bytes.Buffer
		err := WritePDF(&buf, cards, o)
		var ce *CardError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, 17, ce.Index)
		assert.True(t, errors.Is(err, kia.ErrRequired))
	}
}
