// Command crash is the driver of scripts/crash/run.sh, the crash-safety
// check of the SQLite registry store (issue 11).
//
//	crash work  --db FILE --run N        submit and register births until killed,
//	                                     printing each acknowledged action
//	crash check --db FILE ACKS...        reopen the store and prove every
//	                                     acknowledged action exists exactly once
//	                                     and the sequences are whole
//
// An action is acknowledged when the store returned from its transaction;
// the line "ack notify REF ID", "ack verify ID" or "ack register ID NIK AKTA"
// is written to standard output (unbuffered) only after that. check fails
// (exit 1) on an acknowledged action missing or stored twice, a report stored
// twice, a NIK or akta number allocated twice, or a gap in the committed NIK
// serials of a kecamatan and date or in the akta serials of a day.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
)

var (
	regency = wilayah.MustParseCode("62.08")
	village = wilayah.MustParseCode("62.08.01.2001")
	today   = adminduk.MustDate(2026, time.December, 3)
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: crash work|check ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "work":
		err = work(os.Args[2:])
	case "check":
		err = check(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash:", err)
		os.Exit(1)
	}
}

// clock is a clock on the fixed day, moving a millisecond a call, starting
// an hour later each run so that times keep increasing across runs.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// open opens the store and a service of the Dinas of Sukamara, whose key
// lives beside the database (created 0600 on the first run).
func open(ctx context.Context, db string, run int) (*registry.Service, *sqlite.Store, error) {
	keyPath := db + ".key.pem"
	pem, err := os.ReadFile(keyPath)
	if errors.Is(err, fs.ErrNotExist) {
		k, err := credential.GenerateKey(nil)
		if err != nil {
			return nil, nil, err
		}
		if pem, err = credential.MarshalPrivateKeyPEM(k); err != nil {
			return nil, nil, err
		}
		if err := os.WriteFile(keyPath, pem, 0o600); err != nil {
			return nil, nil, err
		}
	} else if err != nil {
		return nil, nil, err
	}
	key, err := credential.ParsePrivateKeyPEM(pem)
	if err != nil {
		return nil, nil, err
	}
	signer, err := credential.NewSigner("ID-"+regency.Plain(), key)
	if err != nil {
		return nil, nil, err
	}
	st, err := sqlite.Open(ctx, db, sqlite.Options{})
	if err != nil {
		return nil, nil, err
	}
	clk := &clock{t: today.In(adminduk.WIB).Add(time.Duration(8+run) * time.Hour)}
	svc, err := registry.New(registry.Config{Store: st, Now: clk.now, Offices: []registry.Office{{
		Issuer: adminduk.Issuer{Regency: regency, HeadName: "H. Ahmad Suhaemi, M.Si.",
			HeadNIP: adminduk.MustParseNIP("197005121995031002")},
		Name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamara", Signer: signer,
	}}})
	if err != nil {
		_ = st.Close()
		return nil, nil, err
	}
	return svc, st, nil
}

// birth is the i-th birth report: a named child (a provisional name is not
// registered) of a mother and family of its own (births of one mother
// within nine months would be held as potential duplicates), so every
// registration issues the akta and the KIA.
func birth(ref string, i int) *registry.BirthReport {
	sex, name := "L", "Muhammad Rizki Pratama"
	if i%2 == 1 {
		sex, name = "P", "Nur Aisyah Putri"
	}
	var run int
	_, _ = fmt.Sscanf(ref, "run%d-", &run) // every run its own mothers
	k := run*100_000 + i
	serial, day := k%9999+1, k/9999%28+1
	kk, err := adminduk.NewKK(village.District(), adminduk.MustDate(2015, time.January, 1).AddDays(k/9999), serial)
	if err != nil {
		panic(err) // k below 9999 * 3650: a known kecamatan, a date in range
	}
	return &registry.BirthReport{
		ExternalRef: ref,
		Child: registry.Newborn{Name: name, Sex: sex, Religion: "Islam",
			BirthDate: today.AddDays(-1 - i%40).String(), BirthTime: "07:45", PlaceType: registry.PlacePuskesmas,
			Place: "Puskesmas Sukamara", Multiplicity: "tunggal", BirthOrder: 1, Attendant: registry.AttendantMidwife,
			WeightG: 3100, LengthCM: 49.5},
		Mother: registry.Parent{NIK: fmt.Sprintf("%s%02d0598%04d", village.District().Plain(), day+40, serial), Name: "Siti Aminah",
			BirthDate: fmt.Sprintf("1998-05-%02d", day)},
		Father:   &registry.Parent{NIK: "6208011203900002", Name: "Ahmad Fauzi"},
		Parents:  registry.ParentsMarried,
		Marriage: &registry.MarriageProof{Kind: registry.BukuNikah, Number: "0123/045/VI/2020"},
		Family: registry.FamilyRef{KK: kk.String(), Address: registry.Address{Street: "Jl. Tjilik Riwut", RT: "002",
			RW: "005", Village: village.String()}},
		Reporter:    registry.Reporter{NIK: "6208011203900002", Name: "Ahmad Fauzi", Relation: "ayah"},
		Proof:       registry.ProofCertificate,
		Certificate: &registry.Certificate{Number: "SKL/001/XII/2026", Faskes: "Puskesmas Sukamara", Attendant: "Bd. Rina"},
	}
}

func work(args []string) error {
	fl := flag.NewFlagSet("work", flag.ContinueOnError)
	db := fl.String("db", "", "SQLite file")
	run := fl.Int("run", 1, "number of this run")
	if err := fl.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	svc, st, err := open(ctx, *db, *run)
	if err != nil {
		return err
	}
	defer st.Close()
	ag := partnership.Agreement{ID: "pks-1", Number: "470/pks-1/PKS-DUKCAPIL/2026",
		Partner: partnership.Partner{ID: "pkm-1", Name: "Puskesmas Sukamara", Category: partnership.Puskesmas,
			District: wilayah.MustParseCode("62.08.01")},
		Scope:  partnership.Scope{Services: partnership.ServicesOf(partnership.AktaKelahiran, partnership.KIA, partnership.KK)},
		Signed: today.AddYears(-1), Start: today.AddYears(-1), End: today.AddYears(1), State: partnership.Active}
	if err := st.PutAgreement(ctx, &ag, "crash"); err != nil {
		return err
	}
	out := os.Stdout // unbuffered: a line is written once the action returned
	sub := registry.Submission{PartnerID: "pkm-1", Actor: "bidan.rina"}
	for i := 0; ; i++ {
		ref := fmt.Sprintf("run%d-%06d", *run, i)
		sub.IdempotencyKey = ref
		r, _, err := svc.NotifyBirth(ctx, sub, birth(ref, i))
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "ack notify %s %s\n", ref, r.ID)
		if i%5 == 4 {
			continue // some stay notified
		}
		if _, err := svc.Verify(ctx, regency, r.ID, "officer.dewi"); err != nil {
			return err
		}
		fmt.Fprintf(out, "ack verify %s\n", r.ID)
		if i%5 == 3 {
			continue // some stay verified
		}
		reg, err := svc.Register(ctx, regency, r.ID, "officer.dewi")
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "ack register %s %s %s\n", r.ID, reg.NIK.String(), reg.Akta)
	}
}

type acks struct {
	notify   map[string]string // ref -> report ID
	verify   map[string]bool
	register map[string][2]string // report ID -> NIK, akta
	lines    int
}

func readAcks(paths []string) (*acks, error) {
	a := &acks{notify: map[string]string{}, verify: map[string]bool{}, register: map[string][2]string{}}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.Fields(sc.Text())
			switch {
			case len(w) == 4 && w[1] == "notify":
				a.notify[w[2]] = w[3]
			case len(w) == 3 && w[1] == "verify":
				a.verify[w[2]] = true
			case len(w) == 5 && w[1] == "register":
				a.register[w[2]] = [2]string{w[3], w[4]}
			default:
				continue // a line cut by the kill is not an acknowledgement
			}
			a.lines++
		}
		_ = f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return a, nil
}

func check(args []string) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	db := fl.String("db", "", "SQLite file")
	if err := fl.Parse(args); err != nil {
		return err
	}
	a, err := readAcks(fl.Args())
	if err != nil {
		return err
	}
	ctx := context.Background()
	svc, st, err := open(ctx, *db, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	// Every report, once per reference.
	byRef := map[string][]string{}
	rows, err := st.R.QueryContext(ctx, `SELECT id, external_ref FROM reports WHERE office = ?`, regency.Plain())
	if err != nil {
		return err
	}
	reports := 0
	for rows.Next() {
		var id, ref string
		if err := rows.Scan(&id, &ref); err != nil {
			return err
		}
		byRef[ref] = append(byRef[ref], id)
		reports++
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for ref, ids := range byRef {
		if len(ids) != 1 {
			bad("reference %s stored %d times", ref, len(ids))
		}
	}
	for ref, id := range a.notify {
		if ids := byRef[ref]; len(ids) != 1 || ids[0] != id {
			bad("acknowledged notify %s (%s): stored as %v", ref, id, ids)
		}
	}
	for id := range a.verify {
		r, err := svc.Report(ctx, regency, id)
		if err != nil {
			bad("acknowledged verify %s: %v", id, err)
			continue
		}
		n := 0
		for _, act := range r.Actions {
			if act.Type == registry.ActVerify {
				n++
			}
		}
		if n != 1 {
			bad("acknowledged verify %s: %d verify actions", id, n)
		}
	}
	for id, want := range a.register {
		reg, err := svc.Registration(ctx, regency, id)
		if err != nil {
			bad("acknowledged register %s: %v", id, err)
			continue
		}
		if reg.NIK.String() != want[0] || reg.Akta.String() != want[1] {
			bad("acknowledged register %s: stored %s %s, acknowledged %s %s", id, reg.NIK.String(), reg.Akta, want[0], want[1])
		}
		docs, err := svc.Documents(ctx, regency, id)
		if err != nil || len(docs) != 2 {
			bad("acknowledged register %s: %d documents (%v)", id, len(docs), err)
		}
	}
	// Replaying an acknowledged submission returns the stored report.
	replayed := 0
	for ref, id := range a.notify {
		if replayed == 50 {
			break
		}
		i, _ := strconv.Atoi(ref[strings.LastIndexByte(ref, '-')+1:])
		r, created, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: "pkm-1", Actor: "bidan.rina", IdempotencyKey: ref}, birth(ref, i))
		if err != nil || created || r.ID != id {
			bad("replay of %s: created=%v id=%s err=%v", ref, created, r.ID, err)
		}
		replayed++
	}

	// Sequences: no NIK or akta number twice, no gap among the committed
	// serials, and each counter at the last serial it handed out.
	nikSerials, aktaSerials := map[string][]int{}, map[string][]int{}
	seenNIK, seenAkta := map[string]bool{}, map[string]bool{}
	rows, err = st.R.QueryContext(ctx, `SELECT nik, akta_number FROM registrations WHERE office = ?`, regency.Plain())
	if err != nil {
		return err
	}
	regs := 0
	for rows.Next() {
		var nik, num string
		if err := rows.Scan(&nik, &num); err != nil {
			return err
		}
		regs++
		if seenNIK[nik] || seenAkta[num] {
			bad("allocated twice: %s %s", nik, num)
		}
		seenNIK[nik], seenAkta[num] = true, true
		s, _ := strconv.Atoi(nik[12:])
		nikSerials[nik[:12]] = append(nikSerials[nik[:12]], s)
		// Akta serials run per office and day, whatever the type (LU, LT).
		p := strings.Split(num, "-")
		if len(p) != 4 {
			bad("akta number %q", num)
			continue
		}
		s, _ = strconv.Atoi(p[3])
		aktaSerials[p[0]+"-"+p[2]] = append(aktaSerials[p[0]+"-"+p[2]], s)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, m := range []map[string][]int{nikSerials, aktaSerials} {
		for k, ss := range m {
			sort.Ints(ss)
			for i, s := range ss {
				if s != i+1 {
					bad("serials of %s: %v (gap or duplicate at %d)", k, ss, i+1)
					break
				}
			}
		}
	}
	var counters, counted int
	if err := st.R.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(last), 0) FROM nik_serials WHERE office = ?`, regency.Plain()).Scan(&counters, &counted); err != nil {
		return err
	}
	if counted != regs || counters != len(nikSerials) {
		bad("NIK counters hand out %d serials over %d keys, registrations hold %d over %d", counted, counters, regs, len(nikSerials))
	}
	// A kill loses at most the acknowledgement of the one action in flight:
	// per run (one acknowledgement file each), at most one report and one
	// registration may be stored without having been acknowledged.
	unacked := reports - len(a.notify)
	if runs := len(fl.Args()); unacked < 0 || unacked > runs {
		bad("%d reports stored without acknowledgement over %d runs", unacked, runs)
	}
	if runs := len(fl.Args()); regs < len(a.register) || regs-len(a.register) > runs {
		bad("%d registrations stored, %d acknowledged, over %d runs", regs, len(a.register), runs)
	}
	fmt.Printf("check: %d acknowledged actions (%d notify, %d verify, %d register); stored %d reports (%d committed but not acknowledged before the kill), %d registrations over %d NIK keys, %d replays returned the stored report\n",
		a.lines, len(a.notify), len(a.verify), len(a.register), reports, unacked, regs, len(nikSerials), replayed)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Println("FAIL:", p)
		}
		return fmt.Errorf("%d problems", len(problems))
	}
	fmt.Println("check: OK: every acknowledged action exists exactly once; NIK and akta serials unique and without gaps")
	return nil
}
