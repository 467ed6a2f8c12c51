package coverage

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// TextOptions configure [WriteText].
type TextOptions struct {
	// Lang selects Indonesian (decimal comma, "wajib", "cakupan") or
	// English headings and numbers.
	Lang adminduk.Lang
	// Breakdown adds, for the total, the tables by sex and age band and the
	// timeliness by birth year.
	Breakdown bool
}

// words holds the words of the text and CSV outputs in both languages.
type words struct {
	coverageOn, by, code, name, required, with, without, percent, gap, met, pace, reached, target, ages         string
	yes, no, total, sex, male, female, ageBand, birthYear, births, registered, within60, within1y, undated      string
	completeness, estimated, warnings, skipped, stalled, reachedNow, beyond, carried, noTarget, firstRows, line string
	levels                                                                                                      [4]string
}

var wordsID = words{coverageOn: "Cakupan per", by: "per", code: "kode", name: "wilayah", required: "wajib", with: "memiliki",
	without: "belum", percent: "cakupan", gap: "kekurangan", met: "target", pace: "laju/bln", reached: "tercapai", target: "target",
	ages: "umur", yes: "ya", no: "belum", total: "Total", sex: "jenis kelamin", male: "laki-laki", female: "perempuan",
	ageBand: "kelompok umur", birthYear: "tahun lahir", births: "lahir", registered: "tercatat", within60: "<=60 hari",
	within1y: "<1 tahun", undated: "tanpa tgl", completeness: "Kelengkapan pencatatan kelahiran", estimated: "perkiraan kelahiran",
	warnings: "Peringatan", skipped: "Baris dilewati", stalled: "mandek", reachedNow: "sudah", beyond: ">100 thn",
	carried: "dari", noTarget: "tanpa target", firstRows: "pertama", line: "baris",
	levels: [4]string{"", "provinsi", "kab/kota", "kecamatan"}}

var wordsEN = words{coverageOn: "Coverage by", by: "by", code: "code", name: "region", required: "required", with: "with",
	without: "without", percent: "percent", gap: "gap", met: "target", pace: "pace/mo", reached: "reached", target: "target",
	ages: "ages", yes: "met", no: "not met", total: "Total", sex: "sex", male: "male", female: "female",
	ageBand: "age band", birthYear: "birth year", births: "births", registered: "registered", within60: "<=60 days",
	within1y: "<1 year", undated: "undated", completeness: "Completeness of birth registration", estimated: "estimated births",
	warnings: "Warnings", skipped: "Rows skipped", stalled: "stalled", reachedNow: "now", beyond: ">100 yrs",
	carried: "from", noTarget: "no target", firstRows: "first", line: "line",
	levels: [4]string{"", "province", "kab/kota", "kecamatan"}}

func wordsFor(lang adminduk.Lang) *words {
	if lang == adminduk.Indonesian {
		return &wordsID
	}
	return &wordsEN
}

// table lays out columns: the first two left-aligned, the others right.
type table struct {
	rows [][]string
	left int // number of left-aligned columns
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w *bufio.Writer) {
	var width []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range t.rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				line.WriteString("  ")
			}
			if i < t.left {
				line.WriteString(c + pad)
			} else {
				line.WriteString(pad + c)
			}
		}
		w.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// WriteText writes the report as plain-text tables, one per indicator,
// then completeness, warnings and skipped rows.
func WriteText(w io.Writer, rep *Report, o TextOptions) error {
	bw := bufio.NewWriter(w)
	wd := wordsFor(o.Lang)
	lang := o.Lang
	bw.WriteString(wd.coverageOn + " " + wd.levels[rep.Level] + ", " + adminduk.FormatDate(rep.AsOf, lang) + "\n")
	for _, s := range rep.Indicators {
		bw.WriteString("\n" + s.Indicator.Text(lang) + ", " + wd.ages + " " + s.Ages.String())
		if s.Target != nil {
			bw.WriteString(", " + wd.target + " " + s.Target.Percent.In(lang))
			if s.Target.Year != rep.AsOf.Year() {
				bw.WriteString(" (" + wd.carried + " " + strconv.Itoa(s.Target.Year) + ")")
			}
		} else {
			bw.WriteString(", " + wd.noTarget)
		}
		bw.WriteString("\n")
		t := table{left: 2}
		t.add(wd.code, wd.name, wd.required, wd.with, wd.without, wd.percent, wd.gap, wd.met, wd.pace, wd.reached)
		for _, r := range rep.Regions {
			t.add(measureRow(r.Code.String(), r.Name, r.Measure(s.Indicator), wd, lang)...)
		}
		t.add(measureRow("", wd.total, rep.Total.Measure(s.Indicator), wd, lang)...)
		t.write(bw)
		if o.Breakdown {
			m := rep.Total.Measure(s.Indicator)
			bt := table{left: 1}
			bt.add(wd.sex+" / "+wd.ageBand, wd.required, wd.with, wd.without, wd.percent)
			bt.add(countsRow(wd.male, m.Male, lang)...)
			bt.add(countsRow(wd.female, m.Female, lang)...)
			for _, b := range m.Bands {
				bt.add(countsRow(b.Ages.String(), b.Counts, lang)...)
			}
			bw.WriteString("\n")
			bt.write(bw)
		}
	}
	if c := rep.Total.Completeness; c != nil {
		p60, _ := c.Percent60()
		p1, _ := c.Percent1y()
		pr, _ := c.PercentRegistered()
		bw.WriteString("\n" + wd.completeness + " " + strconv.Itoa(c.Year) + ": " + wd.estimated + " " +
			group(c.Estimated, lang) + " (CBR " + Percent(c.CBR).numberIn(lang) + " ‰ x " + group(c.Population, lang) + "); " +
			wd.within60 + " " + p60.In(lang) + ", " + wd.within1y + " " + p1.In(lang) + ", " + wd.registered + " " + pr.In(lang) + "\n")
	}
	if o.Breakdown && len(rep.Total.Cohorts) > 0 {
		bw.WriteString("\n")
		ct := table{left: 1}
		ct.add(wd.birthYear, wd.births, wd.registered, wd.within60, wd.within1y, wd.undated)
		for _, c := range rep.Total.Cohorts {
			s60, ok60 := c.Share60()
			s1, ok1 := c.Share1y()
			ct.add(strconv.Itoa(c.Year), group(c.Births, lang), group(c.Registered, lang),
				provisional(s60, ok60, c.Closed60, lang), provisional(s1, ok1, c.Closed1y, lang), group(c.Undated, lang))
		}
		ct.write(bw)
	}
	if len(rep.Warnings) > 0 {
		bw.WriteString("\n" + wd.warnings + ":\n")
		for _, x := range rep.Warnings {
			bw.WriteString("  " + x.StringIn(lang) + "\n")
		}
	}
	if rep.Stats.Malformed > 0 {
		bw.WriteString("\n" + wd.skipped + ": " + group(rep.Stats.Malformed, lang))
		if int64(len(rep.Errors)) < rep.Stats.Malformed {
			bw.WriteString(" (" + wd.firstRows + " " + strconv.Itoa(len(rep.Errors)) + ")")
		}
		bw.WriteString(":\n")
		for _, e := range rep.Errors {
			bw.WriteString("  " + wd.line + " " + strconv.Itoa(e.Line) + ": " + e.Reason(lang) + "\n")
		}
	}
	return bw.Flush()
}

func provisional(p Percent, ok, closed bool, lang adminduk.Lang) string {
	if !ok {
		return "-"
	}
	if !closed {
		return p.In(lang) + "*"
	}
	return p.In(lang)
}

// numberIn writes p without the percent sign; used for per-mille rates
// held in hundredths (1600 is 16,00).
func (p Percent) numberIn(lang adminduk.Lang) string { return string(p.appendNumber(nil, lang)) }

func countsRow(label string, c Counts, lang adminduk.Lang) []string {
	p, ok := c.Percent()
	ps := "-"
	if ok {
		ps = p.In(lang)
	}
	return []string{label, group(c.Required, lang), group(c.With, lang), group(c.Without(), lang), ps}
}

func measureRow(code, name string, m *Measure, wd *words, lang adminduk.Lang) []string {
	if m == nil {
		return []string{code, name}
	}
	row := append([]string{code, name}, countsRow("", m.Counts, lang)[1:]...)
	if m.Target == nil {
		return append(row, "-", "-", "-", "-")
	}
	met := wd.no
	if m.TargetMet() {
		met = wd.yes
	}
	pace, when := "-", "-"
	if p := m.Projection; p != nil {
		pace = group(p.PerMonth, lang)
		switch p.Status {
		case Reached:
			when = wd.reachedNow
		case OnTrack:
			when = yearMonth(p.Date)
		case Stalled:
			when = wd.stalled
		case Beyond:
			when = wd.beyond
		}
	}
	return append(row, group(m.TargetGap(), lang), met, pace, when)
}

// regionName returns the name of a region code for labels.
func regionName(c wilayah.Code) string {
	if r, ok := wilayah.Lookup(c); ok {
		return r.Name
	}
	return c.String()
}

// yearMonth returns YYYY-MM of d, "-" for the zero Date.
func yearMonth(d adminduk.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()[:7]
}
