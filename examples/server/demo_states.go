package main

import (
	"bytes"
	"context"
	"fmt"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/coverage"
	"github.com/adminduk-id/adminduk/registry"
)

// seedMoreStates takes the demo to the states seedReports does not: an akta
// corrected (version 2 with its marginal note), an akta revoked, a returned
// report resubmitted with a corrected body, the same baby reported by the
// hospital and by a midwife (flagged as a potential duplicate), a death
// registered (akta kematian) and a stillbirth registered (SKLM).
func seedMoreStates(ctx context.Context, svc *registry.Service, today adminduk.Date, ids []string, death, stillbirth string) error {
	const officer, supervisor = "petugas", "admin"
	off := Regency

	// Family 7 was handed over: a court order corrects the child's name.
	reg, err := svc.Registration(ctx, off, ids[7])
	if err != nil {
		return fmt.Errorf("correction: %w", err)
	}
	if _, err := svc.Correct(ctx, off, registry.DocAktaKelahiran, reg.Akta.String(), registry.Correction{
		ChildName: "Salsabila Azzahra Putri",
		Authority: fmt.Sprintf("Penetapan Pengadilan Negeri Sukamara Nomor 12/Pdt.P/%d/PN Skr", today.Year()),
	}, supervisor); err != nil {
		return fmt.Errorf("correction: %w", err)
	}

	// Family 8: registered, then its akta revoked (registered on a forged
	// birth certificate).
	if _, err := svc.Verify(ctx, off, ids[8], officer); err != nil {
		return fmt.Errorf("revocation: %w", err)
	}
	reg, err = svc.Register(ctx, off, ids[8], officer)
	if err != nil {
		return fmt.Errorf("revocation: %w", err)
	}
	if _, err := svc.Revoke(ctx, off, registry.DocAktaKelahiran, reg.Akta.String(),
		"surat keterangan lahir terbukti tidak sah (berita acara pemeriksaan)", supervisor); err != nil {
		return fmt.Errorf("revocation: %w", err)
	}

	// Family 9: returned for a misspelt name, resubmitted with the body
	// corrected; it waits for verification with two body versions.
	if _, err := svc.Return(ctx, off, ids[9], officer, "nama ibu tidak sesuai KK"); err != nil {
		return fmt.Errorf("resubmission: %w", err)
	}
	body := families[9].birth(9, today)
	if _, err := svc.ResubmitBirth(ctx, off, ids[9], body, "simrs"); err != nil {
		return fmt.Errorf("resubmission: %w", err)
	}

	// The same baby as family 0, reported by the midwife who came to help:
	// same mother, same day, flagged as a potential duplicate.
	dup := families[0].birth(0, today)
	dup.ExternalRef = fmt.Sprintf("bidan-rina-%d-017", today.Year())
	dup.Certificate = &registry.Certificate{Number: fmt.Sprintf("SKL/BDN/017/%d", today.Year()), Faskes: "Bidan Rina Wulandari", Attendant: "Bd. Rina"}
	if _, _, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "bidan-rina", Actor: "bidan"}, dup); err != nil {
		return fmt.Errorf("duplicate: %w", err)
	}

	// The death and the stillbirth are registered.
	for _, id := range []string{death, stillbirth} {
		if _, err := svc.Verify(ctx, off, id, officer); err != nil {
			return fmt.Errorf("report %s: %w", id, err)
		}
		if _, err := svc.Register(ctx, off, id, officer); err != nil {
			return fmt.Errorf("report %s: %w", id, err)
		}
	}
	return nil
}

// demoPopulation is how many children the demo's synthetic population has.
// The coverage numerators are the registry's own documents (a dozen in the
// demo), so the population is as small as a village's for the dashboard to
// show figures that move when the walk-through registers a birth.
const demoPopulation = 60

// seedPopulation imports a synthetic population of children (the coverage
// synth generator, as `coverage synth` writes it) as the denominator of the
// dashboard's coverage.
func seedPopulation(ctx context.Context, svc *registry.Service, today adminduk.Date) error {
	var buf bytes.Buffer
	if _, err := coverage.Synthesize(&buf, coverage.SynthOptions{Regency: Regency, Seed: 2026, AsOf: today, Rows: demoPopulation, Clean: true}); err != nil {
		return fmt.Errorf("population: %w", err)
	}
	pop, _, err := registry.PopulationFromRecords(&buf, today, "coverage synth seed 2026 (demo)")
	if err != nil {
		return fmt.Errorf("population: %w", err)
	}
	if _, err := svc.ImportPopulation(ctx, Regency, pop, "demo"); err != nil {
		return fmt.Errorf("population: %w", err)
	}
	return nil
}
