package coverage

import (
	"bufio"
	"io"
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// ReportColumns are the columns of [WriteReportCSV], one row per region,
// indicator, sex and age band ("all" for the whole), in long format for
// spreadsheets and pivot tables. percent and target are numbers with two
// decimals (empty when undefined); meets_target is 1 or 0 (empty without a
// target).
var ReportColumns = []string{"level", "code", "name", "indicator", "sex", "ages", "required", "with", "without",
	"percent", "target", "need", "gap", "meets_target"}

// WriteReportCSV writes the report as CSV with the header [ReportColumns]:
// the regions in code order, then the total (level "total", empty code).
func WriteReportCSV(w io.Writer, rep *Report) error {
	bw := bufio.NewWriter(w)
	for i, c := range ReportColumns {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString(c)
	}
	bw.WriteByte('\n')
	var b []byte
	region := func(level string, r *RegionReport) {
		for _, s := range rep.Indicators {
			m := r.Measure(s.Indicator)
			if m == nil {
				continue
			}
			row := func(sex, ages string, c Counts) {
				b = b[:0]
				b = append(b, level...)
				b = append(b, ',')
				b = append(b, r.Code.String()...)
				b = append(b, ',')
				b = appendCSVField(b, r.Name)
				b = append(b, ',')
				b = append(b, s.Indicator.String()...)
				b = append(b, ',')
				b = append(b, sex...)
				b = append(b, ',')
				b = append(b, ages...)
				for _, n := range []int64{c.Required, c.With, c.Without()} {
					b = append(b, ',')
					b = strconv.AppendInt(b, n, 10)
				}
				b = append(b, ',')
				if p, ok := c.Percent(); ok {
					b = p.appendNumber(b, adminduk.English)
				}
				b = append(b, ',')
				if m.Target != nil {
					b = m.Target.appendNumber(b, adminduk.English)
					b = append(b, ',')
					b = strconv.AppendInt(b, c.Need(*m.Target), 10)
					b = append(b, ',')
					b = strconv.AppendInt(b, c.Gap(*m.Target), 10)
					if c.Meets(*m.Target) {
						b = append(b, ",1"...)
					} else {
						b = append(b, ",0"...)
					}
				} else {
					b = append(b, ",,"...)
				}
				b = append(b, '\n')
				bw.Write(b)
			}
			all := s.Ages.String()
			row("all", all, m.Counts)
			row("male", all, m.Male)
			row("female", all, m.Female)
			for _, band := range m.Bands {
				row("all", band.Ages.String(), band.Counts)
			}
		}
	}
	for i := range rep.Regions {
		region(levelKey(rep.Level), &rep.Regions[i])
	}
	region("total", &rep.Total)
	return bw.Flush()
}

// appendCSVField quotes a field that needs it.
func appendCSVField(b []byte, s string) []byte {
	need := false
	for i := range len(s) {
		if c := s[i]; c == ',' || c == '"' || c == '\n' || c == '\r' {
			need = true
			break
		}
	}
	if !need {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := range len(s) {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}
