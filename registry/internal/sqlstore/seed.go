package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/adminduk-id/adminduk/registry"
)

// seedRows is how many rows one multi-row INSERT of Seed writes: at most
// 8 columns x 500 = 4,000 parameters, under SQLite's 32,766 and
// PostgreSQL's 65,535.
const seedRows = 500

// Seed bulk-loads registered reports, for benchmarks of a store already
// holding many records: each report (with its actions, in their final
// status) and its registration (with its documents) in one transaction,
// by multi-row INSERTs, and the NIK and akta counters moved up to the
// serials loaded. It writes one audit line per report ("report.seed"). It
// checks nothing the Service would: the caller loads consistent records,
// registrations in the order of their reports.
func (s *Store) Seed(ctx context.Context, reports []registry.Report, regs []registry.Registration) error {
	return s.inTx(ctx, func(tx querier) error {
		ins := func(table, cols string, n int, row func(i int) []any) error {
			ncol := strings.Count(cols, ",") + 1
			one := "(" + strings.TrimSuffix(strings.Repeat("?, ", ncol), ", ") + ")"
			for lo := 0; lo < n; lo += seedRows {
				hi := min(n, lo+seedRows)
				var b strings.Builder
				b.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
				args := make([]any, 0, (hi-lo)*ncol)
				for i := lo; i < hi; i++ {
					if i > lo {
						b.WriteString(", ")
					}
					b.WriteString(one)
					args = append(args, row(i)...)
				}
				if _, err := tx.ExecContext(ctx, s.q(b.String()), args...); err != nil {
					return fmt.Errorf("registry store: seed %s: %w", table, err)
				}
			}
			return nil
		}
		err := ins("reports", "office, id, kind, partner_id, agreement_id, external_ref, body, body_hash, flags, status, created_at", len(reports), func(i int) []any {
			r := &reports[i]
			return []any{r.Office.Plain(), r.ID, int(r.Kind), r.PartnerID, r.AgreementID, r.ExternalRef, string(r.Body), r.BodyHash, int(r.Flags), int(r.Status), s.t(r.Created)}
		})
		if err != nil {
			return err
		}
		type act struct {
			r *registry.Report
			a *registry.Action
		}
		var acts []act
		for i := range reports {
			for j := range reports[i].Actions {
				acts = append(acts, act{&reports[i], &reports[i].Actions[j]})
			}
		}
		err = ins("actions", "office, report_id, seq, type, actor, at, reason", len(acts), func(i int) []any {
			a := acts[i]
			return []any{a.r.Office.Plain(), a.r.ID, a.a.Seq, int(a.a.Type), a.a.Actor, s.t(a.a.At), a.a.Reason}
		})
		if err != nil {
			return err
		}
		err = ins("audit", "office, at, actor, action, record, detail", len(reports), func(i int) []any {
			r := &reports[i]
			return []any{r.Office.Plain(), s.t(r.Created), "seed", "report.seed", r.ID, r.Kind.String()}
		})
		if err != nil {
			return err
		}
		err = ins("registrations", "office, report_id, nik, akta_number, registered_on, at", len(regs), func(i int) []any {
			g := &regs[i]
			return []any{g.Office.Plain(), g.ReportID, g.NIK.String(), g.Akta.String(), g.Registered.String(), s.t(g.At)}
		})
		if err != nil {
			return err
		}
		var docs []*registry.Document
		nikLast, aktaLast := map[[3]string]int{}, map[[2]string]int{}
		for i := range regs {
			g := &regs[i]
			for j := range g.Documents {
				docs = append(docs, &g.Documents[j])
			}
			if g.NIK.IsValid() {
				n := g.NIK.String()
				k := [3]string{g.Office.Plain(), n[:6], n[6:12]}
				nikLast[k] = max(nikLast[k], g.NIK.Serial())
			}
			if g.Akta.IsValid() {
				k := [2]string{g.Office.Plain(), g.Akta.Date().String()}
				aktaLast[k] = max(aktaLast[k], g.Akta.Serial())
			}
		}
		err = ins("documents", "office, type, number, version, report_id, status, payload, issued_at", len(docs), func(i int) []any {
			d := docs[i]
			return []any{d.Office.Plain(), string(d.Type), d.Number, d.Version, d.ReportID, string(d.Status), d.Payload, s.t(d.IssuedAt)}
		})
		if err != nil {
			return err
		}
		for k, last := range nikLast {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO nik_serials (office, kecamatan, digits, last) VALUES (?, ?, ?, ?)
				ON CONFLICT (office, kecamatan, digits) DO UPDATE SET last = excluded.last WHERE nik_serials.last < excluded.last`),
				k[0], k[1], k[2], last); err != nil {
				return fmt.Errorf("registry store: seed NIK serials: %w", err)
			}
		}
		for k, last := range aktaLast {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO akta_serials (office, day, last) VALUES (?, ?, ?)
				ON CONFLICT (office, day) DO UPDATE SET last = excluded.last WHERE akta_serials.last < excluded.last`),
				k[0], k[1], last); err != nil {
				return fmt.Errorf("registry store: seed akta serials: %w", err)
			}
		}
		return nil
	})
}
