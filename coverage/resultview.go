package coverage

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk"
)

// WriteSummaryJSON writes the result as one line of JSON with the keys
// percent, target, gap, meets_target (null without a target), consistent
// and warnings: the summary the CLI prints, without the counts that
// [Result.MarshalJSON] adds.
func (r Result) WriteSummaryJSON(w io.Writer) error {
	out := struct {
		Percent     Percent   `json:"percent"`
		Target      *Percent  `json:"target"`
		Gap         *int64    `json:"gap"`
		MeetsTarget *bool     `json:"meets_target"`
		Consistent  bool      `json:"consistent"`
		Warnings    []Warning `json:"warnings"`
	}{Percent: r.Percent, Target: r.Target, Consistent: r.Consistent(), Warnings: r.Warnings}
	if out.Warnings == nil {
		out.Warnings = []Warning{}
	}
	if r.Target != nil {
		out.Gap, out.MeetsTarget = &r.Gap, &r.Meets
	}
	return json.NewEncoder(w).Encode(out)
}

// WriteText writes the result as aligned lines in lang: the label, the
// counts, the percent, with a target what it needs and whether it is met,
// whether the figures are consistent, and each warning.
func (r Result) WriteText(w io.Writer, lang adminduk.Lang) error {
	bw := bufio.NewWriter(w)
	line := func(en, id, v string) {
		k := pick(lang, en, id)
		bw.WriteString(k + strings.Repeat(" ", max(1, 14-len(k))) + v + "\n")
	}
	n := func(v int64) string { return group(v, lang) }
	if r.Label != "" {
		bw.WriteString(r.Label + "\n")
	}
	line("required", "wajib", n(r.Required))
	line("with", "memiliki", n(r.With))
	line("without", "belum", n(r.Without()))
	line("percent", "cakupan", r.Percent.In(lang))
	if r.Target != nil {
		line("target", "target", r.Target.In(lang))
		line("need", "dibutuhkan", n(r.Need))
		line("gap", "kekurangan", n(r.Gap))
		line("meets target", "tercapai", pick(lang, map[bool]string{true: "yes", false: "no"}[r.Meets], map[bool]string{true: "ya", false: "belum"}[r.Meets]))
	}
	line("consistent", "konsisten", pick(lang, map[bool]string{true: "yes", false: "no"}[r.Consistent()], map[bool]string{true: "ya", false: "tidak"}[r.Consistent()]))
	for _, x := range r.Warnings {
		bw.WriteString(pick(lang, "warning", "peringatan") + ": " + x.In(lang) + "\n")
	}
	return bw.Flush()
}
