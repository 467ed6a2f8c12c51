package coverage

import (
	"encoding/json"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Snapshot is coverage counts on a day.
type Snapshot struct {
	Date adminduk.Date
	Counts
}

// ProjectionStatus says what a [Projection] found.
type ProjectionStatus uint8

// Projection statuses.
const (
	// Reached: the target is met on the later snapshot.
	Reached ProjectionStatus = 1 + iota
	// OnTrack: the gap shrinks; Date is when it closes at the current pace.
	OnTrack
	// Stalled: the gap did not shrink between the snapshots.
	Stalled
	// Beyond: at the current pace the gap closes more than 100 years on.
	Beyond
)

var projectionKeys = [...]string{Reached: "reached", OnTrack: "on_track", Stalled: "stalled", Beyond: "beyond_100_years"}

// IsValid reports whether s is one of the projection statuses.
func (s ProjectionStatus) IsValid() bool { return s > 0 && int(s) < len(projectionKeys) }

// String returns "reached", "on_track", "stalled" or "beyond_100_years";
// "ProjectionStatus(n)" for a number that names nothing.
func (s ProjectionStatus) String() string {
	if !s.IsValid() {
		return unknown("ProjectionStatus", int(s))
	}
	return projectionKeys[s]
}

var projectionText = [...][2]string{
	Reached: {"target tercapai", "target reached"}, OnTrack: {"sesuai jalur", "on track"},
	Stalled: {"terhenti", "stalled"}, Beyond: {"lebih dari 100 tahun", "beyond 100 years"},
}

// Text returns the status in words in l: "sesuai jalur" or "on track"; ""
// when s is not valid.
func (s ProjectionStatus) Text(l adminduk.Lang) string { return text(projectionText[:], int(s), l) }

// MarshalText implements [encoding.TextMarshaler].
func (s ProjectionStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Projection is when a region reaches its target if the gap keeps closing
// at the pace it closed between two snapshots. The gap (children still
// needed, [Counts.Gap]) accounts for both sides: registrations raise With,
// births and children ageing out move Required.
type Projection struct {
	From, To Snapshot
	Target   Percent
	// GapFrom and GapTo are the gaps on the two days.
	GapFrom, GapTo int64
	// PerMonth is how many children the gap shrank by per month (an
	// average month of 30.436875 days), rounded half up; negative when it
	// grew.
	PerMonth int64
	Status   ProjectionStatus
	// Months and Date (OnTrack): how many months after To.Date, and on
	// which day, the gap closes at this pace.
	Months int
	Date   adminduk.Date
}

// maxProjectionDays bounds projections to 100 years.
const maxProjectionDays = 36525

// Project returns when the target is reached at the pace the gap closed
// from one snapshot to the next, in integers: the gap closes
// (GapFrom-GapTo)/days children a day, so it takes ceil(GapTo x days /
// (GapFrom-GapTo)) days. Errors unwrap to [ErrInvalid]: snapshots out of
// order, invalid counts or target.
func Project(from, to Snapshot, target Percent) (Projection, error) {
	if err := ValidateTarget(target); err != nil {
		return Projection{}, err
	}
	for _, s := range []Snapshot{from, to} {
		if s.Required < 0 || s.With < 0 {
			return Projection{}, invalid("snapshot", adminduk.CodeRange, "negative count", "jumlah negatif", nil)
		}
	}
	f, t := from.Date, to.Date
	if f.IsZero() || t.IsZero() || !t.After(f) {
		return Projection{}, invalid("snapshot", adminduk.CodeOrder, "want two dates, the second later", "seharusnya dua tanggal, yang kedua lebih akhir", nil)
	}
	p := Projection{From: from, To: to, Target: target, GapFrom: from.Gap(target), GapTo: to.Gap(target)}
	days := int64(f.DaysUntil(t))
	closed := p.GapFrom - p.GapTo
	// Per month of 146097/4800 days (400 Gregorian years / 4800 months).
	pm, _ := roundRatio(uint64(abs(closed)), uint64(days)*4800, 146097)
	p.PerMonth = int64(pm)
	if closed < 0 {
		p.PerMonth = -p.PerMonth
	}
	switch {
	case p.GapTo == 0:
		p.Status = Reached
	case closed <= 0:
		p.Status = Stalled
	default:
		need, ok := ceilRatio(uint64(p.GapTo), uint64(days), uint64(closed))
		if !ok || need > maxProjectionDays {
			p.Status = Beyond
			break
		}
		p.Status = OnTrack
		m, _ := ceilRatio(need, 4800, 146097)
		p.Months = int(m)
		p.Date = t.AddDays(int(need))
	}
	return p, nil
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// MarshalJSON writes the projection with dates as YYYY-MM-DD.
func (p Projection) MarshalJSON() ([]byte, error) {
	type snap struct {
		Date     string `json:"date"`
		Required int64  `json:"required"`
		With     int64  `json:"with"`
	}
	type out struct {
		From     snap             `json:"from"`
		To       snap             `json:"to"`
		Target   Percent          `json:"target"`
		GapFrom  int64            `json:"gap_from"`
		GapTo    int64            `json:"gap_to"`
		PerMonth int64            `json:"per_month"`
		Status   ProjectionStatus `json:"status"`
		Months   int              `json:"months,omitempty"`
		Date     string           `json:"date,omitempty"`
	}
	o := out{From: snap{p.From.Date.String(), p.From.Required, p.From.With}, To: snap{p.To.Date.String(), p.To.Required, p.To.With},
		Target: p.Target, GapFrom: p.GapFrom, GapTo: p.GapTo, PerMonth: p.PerMonth, Status: p.Status, Months: p.Months, Date: p.Date.String()}
	return json.Marshal(o)
}
