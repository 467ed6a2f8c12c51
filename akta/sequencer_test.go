package akta_test

import (
	"context"
	"github.com/adminduk-id/adminduk/adminduk"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

func TestMemorySequencerConcurrent(t *testing.T) {
	var seq akta.MemorySequencer
	ctx := context.Background()
	office := wilayah.MustParseCode("36.04")
	day := adminduk.MustDate(2023, 9, 1)
	const workers, each = 16, 100
	got := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range each {
				n, err := seq.Next(ctx, office, day)
				if err != nil {
					t.Error(err)
					return
				}
				got[w] = append(got[w], n)
			}
		})
	}
	wg.Wait()
	seen := map[int]bool{}
	for _, g := range got {
		for _, n := range g {
			require.False(t, seen[n], "serial %d twice", n)
			seen[n] = true
		}
	}
	for n := 1; n <= workers*each; n++ {
		require.True(t, seen[n], "serial %d missing", n)
	}

	// Other days and offices start at 1.
	n, err := seq.Next(ctx, office, day.AddDays(1))
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	n, err = seq.Next(ctx, wilayah.MustParseCode("62.08"), day)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

func TestMemorySequencerExhausted(t *testing.T) {
	var seq akta.MemorySequencer
	ctx := context.Background()
	office := wilayah.MustParseCode("36.04")
	day := adminduk.MustDate(2023, 9, 1)
	seq.Seed(office, day, 9998)
	n, err := seq.Next(ctx, office, day)
	require.NoError(t, err)
	assert.Equal(t, 9999, n)
	_, err = seq.Next(ctx, office, day)
	assert.ErrorIs(t, err, akta.ErrSequenceExhausted)

	_, err = seq.Next(ctx, wilayah.Code{}, day)
	assert.Error(t, err)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = seq.Next(cctx, office, adminduk.MustDate(2023, 9, 2))
	assert.ErrorIs(t, err, context.Canceled)
}

func TestAllocate(t *testing.T) {
	var seq akta.MemorySequencer
	ctx := context.Background()
	day := adminduk.MustDate(2023, 9, 1)
	a, err := akta.Allocate(ctx, &seq, wilayah.MustParseCode("36.04.09"), akta.TypeBirthOnTime, day)
	require.NoError(t, err)
	b, err := akta.Allocate(ctx, &seq, wilayah.MustParseCode("36.04"), akta.TypeDeath, day)
	require.NoError(t, err)
	assert.Equal(t, "3604-LU-01092023-0001", a.String())
	assert.Equal(t, "3604-KM-01092023-0002", b.String(), "types share the office's daily sequence")
}
