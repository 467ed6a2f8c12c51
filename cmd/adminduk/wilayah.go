package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/adminduk/wilayah/desa"
)

func init() {
	register("wilayah", "look up a region code or search region names", runWilayah)
}

// regionInfo is one line of `adminduk wilayah --json`.
type regionInfo struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Level     string   `json:"level"`
	Parent    string   `json:"parent,omitempty"`
	Editions  []string `json:"editions"`
	Current   bool     `json:"current"`
	Successor string   `json:"successor,omitempty"`
	Path      string   `json:"path,omitempty"` // names of the enclosing regions, innermost first
}

func infoOf(r wilayah.Region) regionInfo {
	out := regionInfo{Code: r.Code.String(), Name: r.Name, Level: r.Level().String(), Current: r.Current()}
	if p := r.Parent(); p.IsValid() {
		out.Parent = p.String()
	}
	for _, ed := range r.Editions.Editions() {
		out.Editions = append(out.Editions, ed.String())
	}
	if r.Successor.IsValid() {
		out.Successor = r.Successor.String()
	}
	var path []string
	for p := r.Parent(); p.IsValid(); p = p.Parent() {
		if pr, ok := wilayah.Lookup(p); ok {
			path = append(path, pr.Name)
		}
	}
	out.Path = strings.Join(path, ", ")
	return out
}

func runWilayah(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "wilayah")
	asJSON := fs.Bool("json", false, "print one JSON object per region")
	children := fs.Bool("children", false, "list the regions one level below CODE")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("want a CODE (32.01.01 or 320101) or a NAME")
	}
	q := strings.Join(pos, " ")
	var found []wilayah.Region
	if c, err := wilayah.ParseCode(q); err == nil {
		var r wilayah.Region
		ok := false
		if c.Level() == wilayah.LevelVillage {
			r, ok = desa.Lookup(c)
		} else {
			r, ok = wilayah.Lookup(c)
		}
		if !ok {
			fmt.Fprintf(e.stderr, "adminduk wilayah: code %s appears in no edition\n", c)
			return errInvalid
		}
		found = []wilayah.Region{r}
		if *children {
			if c.Level() == wilayah.LevelVillage {
				fmt.Fprintf(e.stderr, "adminduk wilayah: %s is a desa/kelurahan, which has no children\n", c)
				return errInvalid
			}
			found = wilayah.Children(c)
			if c.Level() == wilayah.LevelDistrict {
				found = desa.Children(c)
			}
		}
	} else {
		found = wilayah.Search(q)
		if len(found) == 0 {
			found = desa.Search(q)
		}
		if len(found) == 0 {
			fmt.Fprintf(e.stderr, "adminduk wilayah: no region named %q\n", q)
			return errInvalid
		}
	}
	enc := json.NewEncoder(e.stdout)
	for _, r := range found {
		info := infoOf(r)
		if *asJSON {
			if err := enc.Encode(info); err != nil {
				return err
			}
			continue
		}
		status := ""
		if !info.Current {
			status = "  [retired; editions " + strings.Join(info.Editions, ",")
			if info.Successor != "" {
				status += "; now " + info.Successor
			}
			status += "]"
		}
		where := ""
		if info.Path != "" {
			where = "  (" + info.Path + ")"
		}
		fmt.Fprintf(e.stdout, "%-13s  %-14s  %s%s%s\n", info.Code, info.Level, info.Name, where, status)
	}
	return nil
}
