package coverage

import "encoding/json"

// Cohort is the timeliness of birth registration for the children of one
// birth year in the data: how many hold an akta on the reference date, and
// how many were registered within 60 days of birth (the legal deadline, UU
// 24/2013 art. 27) and before their first birthday.
type Cohort struct {
	Year       int   `json:"year"`
	Births     int64 `json:"births"`     // children born that year in the data
	Registered int64 `json:"registered"` // holding an akta on the reference date
	Within60   int64 `json:"within_60_days"`
	Within1y   int64 `json:"within_1_year"`
	// Undated holders have no registration date: they count as
	// registered, not in the shares within 60 days or a year.
	Undated int64 `json:"undated"`
	// Closed60 and Closed1y report whether the window has passed for every
	// child of the year on the reference date; until then the share is
	// provisional.
	Closed60 bool `json:"closed_60_days"`
	Closed1y bool `json:"closed_1_year"`
}

// Share60 returns the share registered within 60 days among the dated
// births, false when there are none.
func (c Cohort) Share60() (Percent, bool) {
	return Counts{Required: c.Births - c.Undated, With: c.Within60}.Percent()
}

// Share1y returns the share registered before the first birthday among the
// dated births, false when there are none.
func (c Cohort) Share1y() (Percent, bool) {
	return Counts{Required: c.Births - c.Undated, With: c.Within1y}.Percent()
}

// Completeness is birth registration against estimated births, the OpenCRVS
// completeness rate: registrations of the year's births (within 60 days,
// within a year, at all by the reference date) over the births expected
// from the crude birth rate, CBR x population. It can exceed 100 % when the
// rate or the population is too low for the region.
type Completeness struct {
	Year       int   // the birth year measured: the latest whose one-year window has closed
	Population int64 // of the region
	CBR        int64 // births per 100,000 people a year
	// Estimated is round(Population x CBR / 100,000).
	Estimated                      int64
	Within60, Within1y, Registered int64
}

// Percent60, Percent1y and PercentRegistered return the registrations over
// Estimated, false when nothing is estimated.
func (c Completeness) Percent60() (Percent, bool) {
	return Counts{Required: c.Estimated, With: c.Within60}.Percent()
}

// Percent1y: see [Completeness.Percent60].
func (c Completeness) Percent1y() (Percent, bool) {
	return Counts{Required: c.Estimated, With: c.Within1y}.Percent()
}

// PercentRegistered: see [Completeness.Percent60].
func (c Completeness) PercentRegistered() (Percent, bool) {
	return Counts{Required: c.Estimated, With: c.Registered}.Percent()
}

// MarshalJSON writes the figures and the three percents.
func (c Completeness) MarshalJSON() ([]byte, error) {
	type out struct {
		Year        int      `json:"year"`
		Population  int64    `json:"population"`
		CBR         int64    `json:"cbr_per_100000"`
		Estimated   int64    `json:"estimated_births"`
		Within60    int64    `json:"within_60_days"`
		Within1y    int64    `json:"within_1_year"`
		Registered  int64    `json:"registered"`
		Percent60   *Percent `json:"percent_60_days"`
		Percent1y   *Percent `json:"percent_1_year"`
		PercentRegd *Percent `json:"percent_registered"`
	}
	o := out{Year: c.Year, Population: c.Population, CBR: c.CBR, Estimated: c.Estimated, Within60: c.Within60,
		Within1y: c.Within1y, Registered: c.Registered}
	o.Percent60, o.Percent1y, o.PercentRegd = optPercent(c.Percent60()), optPercent(c.Percent1y()), optPercent(c.PercentRegistered())
	return json.Marshal(o)
}

func optPercent(p Percent, ok bool) *Percent {
	if !ok {
		return nil
	}
	return &p
}
