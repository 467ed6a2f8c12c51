package akta

import (
	"context"
	"fmt"
	"github.com/adminduk-id/adminduk/adminduk"
	"sync"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// Sequencer hands out serials: the next one, 1-9999, for an office (a
// kab/kota for akta numbers, a kecamatan for KK numbers) and a day. Each
// serial is handed out once; after 9999 Next fails with
// [ErrSequenceExhausted]. Implementations must be safe for concurrent use.
// The registry keeps its sequences in the database, in the same transaction
// as the record; [MemorySequencer] is for tests and single-process tools.
type Sequencer interface {
	Next(ctx context.Context, office wilayah.Code, day adminduk.Date) (int, error)
}

// MemorySequencer is a [Sequencer] in memory, safe for concurrent use. The
// zero value is ready; it starts every office and day at 1.
type MemorySequencer struct {
	mu   sync.Mutex
	last map[seqKey]int
}

type seqKey struct {
	office wilayah.Code
	day    adminduk.Date
}

// Next returns the next serial of office on day.
func (s *MemorySequencer) Next(ctx context.Context, office wilayah.Code, day adminduk.Date) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if !office.IsValid() || day.IsZero() {
		return 0, fmt.Errorf("akta: sequence needs an office and a day, got %q and %q", office, day)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k := seqKey{office, day}
	n := s.last[k]
	if n >= 9999 {
		return 0, fmt.Errorf("%w: office %s on %s", ErrSequenceExhausted, office, day)
	}
	if s.last == nil {
		s.last = make(map[seqKey]int)
	}
	s.last[k] = n + 1
	return n + 1, nil
}

// Seed sets the last serial handed out for office on day, so that Next
// continues after it (when restoring state from a register).
func (s *MemorySequencer) Seed(office wilayah.Code, day adminduk.Date, last int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		s.last = make(map[seqKey]int)
	}
	s.last[seqKey{office, day}] = max(0, min(last, 9999))
}

// Allocate takes the next serial of office on day from seq and returns the
// register number of type t. The serial is shared by all types of the
// office and day, so numbers are unique even without their type code.
func Allocate(ctx context.Context, seq Sequencer, office wilayah.Code, t Type, day adminduk.Date) (Number, error) {
	reg := office.Truncate(wilayah.LevelRegency)
	serial, err := seq.Next(ctx, reg, day)
	if err != nil {
		return Number{}, err
	}
	return NewNumber(reg, t, day, serial)
}
