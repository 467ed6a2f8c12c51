package partnership

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
)

// textWords are the fixed words of the text view: English, Indonesian.
var textWords = map[string][2]string{
	"head":        {"PKS report as of %s: %s, %d rows, %d accepted, %d rejected", "Laporan PKS per %s: %s, %d baris, %d diterima, %d ditolak"},
	"agreements":  {"AGREEMENTS (%d)", "PERJANJIAN (%d)"},
	"columns":     {"LINE\tNUMBER\tPARTNER\tCATEGORY\tDISTRICT\tSIGNED\tSTART\tEND\tSTATUS\tDAYS LEFT", "BARIS\tNOMOR\tMITRA\tKATEGORI\tKECAMATAN\tDITANDATANGANI\tMULAI\tBERAKHIR\tSTATUS\tSISA HARI"},
	"successor":   {"\tSUCCESSOR", "\tPENERUS"},
	"recorded":    {" (recorded %s)", " (tercatat %s)"},
	"expiring":    {"EXPIRING WITHIN %d DAYS (%d)", "BERAKHIR DALAM %d HARI (%d)"},
	"none":        {"none", "tidak ada"},
	"in force":    {"IN FORCE ON %s BY CATEGORY", "BERLAKU PADA %s MENURUT KATEGORI"},
	"cat columns": {"GROUP\tCATEGORY\tCOUNT", "KELOMPOK\tKATEGORI\tJUMLAH"},
	"all":         {"all", "semua"},
	"by year":     {"SIGNED BY YEAR", "DITANDATANGANI MENURUT TAHUN"},
	"year cols":   {"YEAR\tCOUNT", "TAHUN\tJUMLAH"},
	"targets":     {"TARGETS", "TARGET"},
	"met":         {"met", "tercapai"},
	"in progress": {"in progress", "berjalan"},
	"not met":     {"NOT MET", "TIDAK TERCAPAI"},
	"per year":    {"%d: %d signed, want at least %d", "%d: %d ditandatangani, minimal %d"},
	"districts":   {"%s %s: %d of %d kecamatan have at least %d", "%s %s: %d dari %d kecamatan memiliki minimal %d"},
	"missing":     {"; missing ", "; belum: "},
	"uncovered":   {"KECAMATAN WITHOUT A HEALTH PARTNER IN FORCE (%d)", "KECAMATAN TANPA MITRA KESEHATAN YANG BERLAKU (%d)"},
	"warnings":    {"WARNINGS (%d)", "PERINGATAN (%d)"},
	"line":        {"line %d", "baris %d"},
	"rejected":    {"REJECTED ROWS (%d)", "BARIS DITOLAK (%d)"},
}

func word(lang adminduk.Lang, key string) string {
	w := textWords[key]
	if lang == adminduk.Indonesian {
		return w[1]
	}
	return w[0]
}

// WriteText writes the report as aligned tables, headings and fixed words in
// lang: agreements, what expires within the window, the agreements in force
// by category, signed by year, targets, kecamatan without a health partner,
// warnings and rejected rows (see [Report.WithImport]).
func (r *Report) WriteText(w io.Writer, lang adminduk.Lang) error {
	return writeText(w, lang, newView(r).data())
}

func writeText(w io.Writer, lang adminduk.Lang, d *reportData) error {
	v, r := d.v, d.v.r
	src := d.src
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	t := func(key string, args ...any) string { return fmt.Sprintf(word(lang, key), args...) }
	section := func(title string) {
		tw.Flush()
		fmt.Fprintf(w, "\n%s\n", title)
	}
	asOf := r.AsOf.String()
	fmt.Fprintln(w, t("head", asOf, src.Name, src.Rows, src.Accepted, src.Rejected))

	section(t("agreements", d.nItems))
	// The agreement tables are aligned in two passes over the items rather
	// than through the tabwriter, which would hold every cell of a million
	// rows.
	agreements := func(each func(func(viewAgreement)) error, withSuccessor bool) error {
		tw.Flush()
		header := strings.Split(word(lang, "columns"), "\t")
		if withSuccessor {
			header = append(header, strings.TrimPrefix(word(lang, "successor"), "\t"))
		}
		row := func(a viewAgreement, dst []string) []string {
			left := "-"
			if a.DaysLeft != nil {
				left = strconv.Itoa(*a.DaysLeft)
			}
			status := a.Status
			if a.Status != a.RecordedStatus && a.RecordedStatus != "signed" {
				status += t("recorded", a.RecordedStatus)
			}
			dst = append(dst[:0], strconv.Itoa(a.Line), a.Number, a.Partner, a.Category, a.District,
				dash(a.Signed), dash(a.Start), dash(a.End), status, left)
			if withSuccessor {
				dst = append(dst, dash(a.Successor))
			}
			return dst
		}
		return writeAlignedEach(w, func(visit func([]string)) error {
			visit(header)
			var dst []string
			return each(func(a viewAgreement) {
				dst = row(a, dst)
				visit(dst)
			})
		})
	}
	if err := agreements(d.items, false); err != nil {
		return err
	}

	section(t("expiring", r.Within, d.nExpired))
	if d.nExpired == 0 {
		fmt.Fprintln(tw, word(lang, "none"))
	} else if err := agreements(d.expiring, true); err != nil {
		return err
	}

	section(t("in force", asOf))
	fmt.Fprintln(tw, word(lang, "cat columns"))
	total := 0
	for _, g := range Groups() {
		n := 0
		for _, c := range Categories() {
			if c.Group() != g {
				continue
			}
			if k := r.ByCategory[c]; k > 0 {
				fmt.Fprintf(tw, "%s\t%s\t%d\n", g, c, k)
				n += k
			}
		}
		if n > 0 {
			fmt.Fprintf(tw, "%s\ttotal\t%d\n", g, n)
		}
		total += n
	}
	fmt.Fprintf(tw, "%s\ttotal\t%d\n", word(lang, "all"), total)

	section(word(lang, "by year"))
	years := make([]int, 0, len(r.ByYear))
	for y := range r.ByYear {
		years = append(years, y)
	}
	slices.Sort(years)
	fmt.Fprintln(tw, word(lang, "year cols"))
	for _, y := range years {
		fmt.Fprintf(tw, "%d\t%d\n", y, r.ByYear[y])
	}

	section(word(lang, "targets"))
	ts := v.targets()
	if len(ts) == 0 {
		fmt.Fprintln(tw, word(lang, "none"))
	}
	for _, tg := range ts {
		verdict := word(lang, "met")
		switch {
		case tg.Partial:
			verdict = word(lang, "in progress")
		case !tg.Met:
			verdict = word(lang, "not met")
		}
		if tg.Kind == PerYear.String() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", verdict, tg.Name, t("per year", tg.Year, tg.Count, tg.Min))
			continue
		}
		msg := t("districts", tg.Region, tg.RegionName, tg.Count, tg.Of, tg.Min)
		for i, m := range tg.Missing {
			sep := ", "
			if i == 0 {
				sep = word(lang, "missing")
			}
			msg += sep + m
			if c, err := wilayah.ParseCode(m); err == nil {
				msg += " " + v.regionName(c)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", verdict, tg.Name, msg)
	}

	us := v.uncovered()
	section(t("uncovered", len(us)))
	if len(us) == 0 {
		fmt.Fprintln(tw, word(lang, "none"))
	}
	for _, u := range us {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Code, u.Name, u.RegencyName)
	}

	section(t("warnings", d.nWarnings))
	if d.nWarnings == 0 {
		fmt.Fprintln(tw, word(lang, "none"))
	} else {
		// Aligned as the tabwriter would, without holding every line.
		tw.Flush()
		err := writeAlignedEach(w, func(visit func([]string)) error {
			cells := make([]string, 4)
			n := 0
			err := d.warnings(func(wn viewWarning) {
				n++
				cells[0] = "-"
				if wn.Line > 0 {
					cells[0] = t("line", wn.Line)
				}
				cells[1], cells[2], cells[3] = dash(wn.Number), wn.Kind.String(), wn.w.In(lang)
				visit(cells)
			})
			if err == nil && n != d.nWarnings {
				err = ErrInputChanged
			}
			return err
		})
		if err != nil {
			return err
		}
	}

	es := d.errors
	section(t("rejected", len(es)))
	if len(es) == 0 {
		fmt.Fprintln(tw, word(lang, "none"))
	}
	for _, re := range es {
		fmt.Fprintf(tw, "%s\t%s\n", t("line", re.Line), re.err.Reason(lang))
	}
	return tw.Flush()
}

// writeAligned writes rows -1 (the header) to n-1 as text/tabwriter with
// padding 2 would: every cell but the last of a row padded with spaces to
// its column's widest cell plus two.
func writeAligned(w io.Writer, n int, row func(i int, dst []string) []string) {
	_ = writeAlignedEach(w, func(visit func([]string)) error {
		var cells []string
		for i := -1; i < n; i++ {
			cells = row(i, cells)
			visit(cells)
		}
		return nil
	})
}

// writeAlignedEach is writeAligned of the rows each visits, twice: once to
// measure the columns, once to write them.
func writeAlignedEach(w io.Writer, each func(visit func([]string)) error) error {
	var widths []int
	err := each(func(cells []string) {
		for j, c := range cells[:len(cells)-1] {
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], utf8.RuneCountInString(c))
		}
	})
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	err = each(func(cells []string) {
		for j, c := range cells[:len(cells)-1] {
			bw.WriteString(c)
			if j < len(widths) {
				bw.WriteString(strings.Repeat(" ", max(widths[j]+2-utf8.RuneCountInString(c), 0)))
			}
		}
		bw.WriteString(cells[len(cells)-1])
		bw.WriteByte('\n')
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
