// Package coverage computes cakupan: the share of children who hold an akta
// kelahiran (birth certificate) or a KIA (Kartu Identitas Anak), exactly and
// reproducibly, with what it takes to reach the national targets. Published
// figures are often wrong (Sukamara's release prints 65.24 % for 18,726 of
// 19,662 children, which is 95.24 %); this package recomputes them, flags
// the inconsistent ones with the correct figure, and builds the figures
// from person records when the Dinas has them.
//
// It never reads the clock, prints, or panics on input; the same input
// gives the same bytes in every output.
//
// # Percent, gap, target
//
// A [Percent] is an integer number of hundredths of a percent. [PercentOf]
// rounds with/required x 100 half up to two decimals in 128-bit integer
// arithmetic, so every half-way case (1 of 32 is exactly 3.125 %) rounds
// up, to 3.13 %, and no floating-point step drifts. It prints the English
// way ("94.83 %", [Percent.String]) or the Indonesian way ("94,83 %",
// [Percent.In]), and marshals to JSON as a number with exactly two decimals
// (94.83, 98.00). Coverage above 100 % is reported, never clamped.
//
// [Counts] holds required (wajib) and with; [Counts.Need] is ceil(target x
// required), [Counts.Gap] the children still needed (never negative), and
// [Counts.Meets] decides by the counts, not by the rounded percent: 97,996
// of 100,000 shows as 98.00 % and is 4 short of 98 %.
//
// # Checking published figures
//
// [Figures.Check] recomputes a published figure and returns a [Result]
// with the percent, the gap to the target and [Warning] values carrying the
// figure as stated and the correct one: a claimed percent that its counts
// do not give ([WarnClaimedPercent], checked at the claim's own precision
// and noting a truncation or a one-digit typo), with + without not equal
// to required ([WarnWithoutSum]: Serang's KIA release is 10 children over).
// [CheckTotal] checks parts against a stated total ([WarnPartsTotal]).
//
// # Indicators and targets
//
// [Akta] counts children under 18 ([DefaultAktaAges], written "0-18" in
// reports) and [KIA] children under 17 ([DefaultKIAAges]); both are
// [AgeRange] parameters, and the defaults are justified from the law and
// from the published denominators (see [DefaultAktaAges]). Targets are data:
// [DefaultTargets] holds the national table with a source and a
// [Confidence] per entry, [Targets.For] takes the year's entry or the
// latest earlier one (flagged), and [Targets.With] and [ReadTargets]
// override it.
//
// # From records
//
// An [Aggregator] streams person records ([Columns]: nik, birth_date, sex,
// district, has_akta, akta_registered, has_kia, kia_issued) at a reference
// date into counters per kecamatan, sex and year of age, in memory that does
// not grow with the input, at several million rows a second on one core.
// A row it cannot use is skipped and reported as a *[RowError] with its
// line number; a retired kecamatan code counts for its successor. Its
// [Aggregator.Report] rolls the counts up to kecamatan, kab/kota or
// province ([wilayah.Level]) with each region's [Measure] per indicator: by
// sex and age band ([DefaultBands]), against the target, with a
// [Projection] of when the gap closes at the pace of the last
// [AggregateOptions].Window months ([Project] works on any two [Snapshot] values
// too). Timeliness of birth registration is given per birth year
// ([Cohort]: within 60 days, the legal deadline, and within a year), and
// [Completeness] measures registrations against the births expected from
// the crude birth rate ([DefaultCBR]) and the embedded 2025 population
// ([PopulationOf]), the OpenCRVS method.
//
// # Synthetic population
//
// [Synthesize] writes realistic records of a kab/kota for demos and
// benchmarks, deterministically from a seed: its current kecamatan
// (wilayah.Children), sized from its population, with an age structure,
// coverage levels per kecamatan around the published figures, registration
// delays that improve with the birth year, and a few imperfections.
//
// # Output
//
// [WriteText] writes tables (Indonesian or English), [WriteReportCSV] a
// long-format CSV ([ReportColumns]) and a [Report] marshals to JSON. The
// charts (SVG and PNG, with the embedded Go fonts) are in the subpackage
// coverage/chart, so that computing a percent links no fonts or images.
//
// # Errors
//
// Errors unwrap to one sentinel: [ErrSyntax], [ErrInvalid], [ErrRange],
// [ErrUnknownRegion], [ErrNotFound]. Branch with [errors.Is]; read the
// details with [errors.As] on *[ParseError], *[adminduk.ValidationError] and
// *[RowError]. A NIK in a row error is masked.
package coverage
