package webui

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"sync"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/coverage/chart"
	"github.com/adminduk-id/adminduk/registry"
)

// coverageRow is one kecamatan (or the total) of an indicator in the
// dashboard's table.
type coverageRow struct {
	Code, Name, Percent, Target, Gap string
	Required, With                   int64
	Below, Total                     bool
}

// coverageTable is one indicator of the dashboard.
type coverageTable struct {
	Title string
	Rows  []coverageRow
}

type coverageData struct {
	PopulationAsOf string
	Tables         []coverageTable
}

// coverageOf returns the office's coverage today and its targets; ok is
// false when no population was imported.
func (u *UI) coverageOf(r *http.Request) (registry.Coverage, bool, error) {
	c, err := u.cfg.Service.Coverage(r.Context(), officerOf(r).Office, u.today())
	if errors.Is(err, registry.ErrNotFound) {
		return c, false, nil
	}
	return c, err == nil, err
}

func regionName(c wilayah.Code) string {
	if reg, ok := wilayah.Lookup(c); ok {
		return reg.Name
	}
	return ""
}

// coverageTables lays out the coverage figures of c for the accessible
// table under the chart.
func (u *UI) coverageTables(c registry.Coverage, lang string) coverageData {
	l := adminduk.Indonesian
	if lang == "en" {
		l = adminduk.English
	}
	ts := coverage.DefaultTargets()
	d := coverageData{PopulationAsOf: c.PopulationAsOf.String()}
	for _, f := range []struct {
		key string
		fig registry.CoverageFigure
	}{{"akta_cov", c.Akta}, {"kia_cov", c.KIA}} {
		t, hasT := ts.For(f.fig.Indicator, c.AsOf.Year())
		row := func(code wilayah.Code, name string, n coverage.Counts, total bool) coverageRow {
			cr := coverageRow{Code: code.String(), Name: name, Required: n.Required, With: n.With, Total: total}
			if p, ok := n.Percent(); ok {
				cr.Percent = p.In(l)
			}
			if hasT {
				cr.Target = t.Percent.In(l)
				cr.Gap = coverage.FormatCount(n.Gap(t.Percent), l)
				cr.Below = !n.Meets(t.Percent)
			}
			return cr
		}
		tb := coverageTable{Title: messages[lang][f.key]}
		for _, k := range f.fig.Kecamatan {
			tb.Rows = append(tb.Rows, row(k.Kecamatan, regionName(k.Kecamatan), k.Counts, false))
		}
		tb.Rows = append(tb.Rows, row(c.Region, regionName(c.Region), f.fig.Counts, true))
		d.Tables = append(d.Tables, tb)
	}
	return d
}

// chartReport turns the registry's coverage into the report package
// coverage/chart draws: one region per kecamatan, the national targets.
func chartReport(c registry.Coverage) *coverage.Report {
	ts := coverage.DefaultTargets()
	rep := &coverage.Report{AsOf: c.AsOf, Level: wilayah.LevelDistrict}
	byKec := map[wilayah.Code]*coverage.RegionReport{}
	var order []wilayah.Code
	rep.Total = coverage.RegionReport{Code: c.Region, Name: regionName(c.Region)}
	for _, f := range []registry.CoverageFigure{c.Akta, c.KIA} {
		spec := coverage.IndicatorSpec{Indicator: f.Indicator, Ages: f.Ages}
		var target *coverage.Percent
		if t, ok := ts.For(f.Indicator, c.AsOf.Year()); ok {
			spec.Target, target = &t, &t.Percent
		}
		rep.Indicators = append(rep.Indicators, spec)
		measure := func(n coverage.Counts) *coverage.Measure {
			return &coverage.Measure{Indicator: f.Indicator, Counts: n, Target: target}
		}
		for _, k := range f.Kecamatan {
			reg, ok := byKec[k.Kecamatan]
			if !ok {
				reg = &coverage.RegionReport{Code: k.Kecamatan, Name: regionName(k.Kecamatan)}
				byKec[k.Kecamatan] = reg
				order = append(order, k.Kecamatan)
			}
			if f.Indicator == coverage.Akta {
				reg.Akta = measure(k.Counts)
			} else {
				reg.KIA = measure(k.Counts)
			}
		}
		if f.Indicator == coverage.Akta {
			rep.Total.Akta = measure(f.Counts)
		} else {
			rep.Total.KIA = measure(f.Counts)
		}
		rep.Stats.Counted = max(rep.Stats.Counted, f.Counts.Required)
	}
	for _, k := range order {
		rep.Regions = append(rep.Regions, *byKec[k])
	}
	return rep
}

// coverageChart serves the dashboard's chart (coverage/chart) as a PNG.
func (u *UI) coverageChart(w http.ResponseWriter, r *http.Request) {
	c, ok, err := u.coverageOf(r)
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	if !ok {
		u.fail(w, r, http.StatusNotFound, "no_population")
		return
	}
	l := adminduk.Indonesian
	if langOf(r, u.cfg.Lang) == "en" {
		l = adminduk.English
	}
	key, err := json.Marshal(struct {
		C    registry.Coverage
		Lang adminduk.Lang
	}{c, l})
	if err != nil {
		u.failErr(w, r, err)
		return
	}
	png, ok := u.charts.get(string(key))
	if !ok {
		var buf bytes.Buffer
		if err := chart.WritePNG(&buf, chartReport(c), chart.Options{Lang: l, Scale: 1}); err != nil {
			u.failErr(w, r, err)
			return
		}
		png = buf.Bytes()
		u.charts.put(string(key), png)
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, no-store")
	_, _ = w.Write(png)
}

// chartCache keeps the last charts drawn, by the figures and language they
// show: drawing one takes a few hundred milliseconds, while the figures
// change only when a document is issued or a population imported.
type chartCache struct {
	mu   sync.Mutex
	keys []string
	pngs map[string][]byte
}

// maxCharts is how many charts the cache keeps (per office and language).
const maxCharts = 16

func (c *chartCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pngs[key]
	return p, ok
}

func (c *chartCache) put(key string, png []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pngs == nil {
		c.pngs = map[string][]byte{}
	}
	if _, ok := c.pngs[key]; ok {
		return
	}
	if len(c.keys) == maxCharts {
		delete(c.pngs, c.keys[0])
		c.keys = c.keys[1:]
	}
	c.keys = append(c.keys, key)
	c.pngs[key] = png
}
