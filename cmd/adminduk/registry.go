package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/partnership"
	"github.com/adminduk-id/adminduk/registry"
	"github.com/adminduk-id/adminduk/registry/sqlite"
)

func init() {
	register("registry", "drive the Dinas back office over a local SQLite store (init, notify, verify, register, ...)", runRegistry)
}

// registryNow is the registry commands' clock; tests set it.
var registryNow = time.Now

// officeFile is the office.json of a data directory: the office it serves
// and where its signing key is.
type officeFile struct {
	Office   string `json:"office"` // kab/kota, "62.08"
	Name     string `json:"name,omitempty"`
	HeadName string `json:"head_name,omitempty"`
	HeadNIP  string `json:"head_nip,omitempty"`
	Key      string `json:"key"` // path of the PKCS#8 PEM private key
}

const (
	officeJSON = "office.json"
	registryDB = "registry.db"
)

func runRegistry(ctx context.Context, e *env, args []string) error {
	verb, rest, err := subcommand(args, "init", "agreement", "notify", "births", "verify", "register", "documents")
	if err != nil {
		return err
	}
	switch verb {
	case "init":
		return runRegistryInit(ctx, e, rest)
	case "births":
		if len(rest) == 0 || rest[0] != "list" {
			return usagef("want: registry births list [--status S]")
		}
		return runRegistryBirths(ctx, e, rest[1:])
	}
	return runRegistryVerb(ctx, e, verb, rest)
}

func runRegistryInit(ctx context.Context, e *env, args []string) error {
	fl := newFlags(e, "registry init")
	data := fl.String("data", "", "data `directory` to create: the SQLite store and office.json (required)")
	office := fl.String("office", "", "kab/kota code of the Dinas, e.g. 62.08 (required)")
	keyPath := fl.String("key", "", "Ed25519 private key `file` (PKCS#8 PEM); generated with mode 0600 when absent (required)")
	name := fl.String("name", "", "name of the Dinas (default: from the region table)")
	head := fl.String("head", "", "name of the Kepala Dinas, as printed")
	nip := fl.String("head-nip", "", "NIP of the Kepala Dinas")
	pos, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q", pos[0])
	case *data == "" || *office == "" || *keyPath == "":
		return usagef("--data, --office and --key are required")
	}
	code, err := wilayah.ParseCode(*office)
	if err != nil || code.Level() != wilayah.LevelRegency {
		return usagef("--office %q: want a kab/kota code such as 62.08", *office)
	}
	if *nip != "" {
		if _, err := adminduk.ParseNIP(*nip); err != nil {
			return usagef("--head-nip: %v", err)
		}
	}
	if *name == "" {
		if r, ok := wilayah.Lookup(code); ok {
			*name = "Dinas Kependudukan dan Pencatatan Sipil " + r.Name
		}
	}
	if err := os.MkdirAll(*data, 0o700); err != nil {
		return err
	}
	cfgPath := filepath.Join(*data, officeJSON)
	if _, err := os.Stat(cfgPath); err == nil {
		return fmt.Errorf("%s exists: the data directory is already initialised", cfgPath)
	}
	key, generated, err := loadOrMakeKey(*keyPath)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(*keyPath)
	if err != nil {
		return err
	}
	cfg := officeFile{Office: code.String(), Name: *name, HeadName: *head, HeadNIP: *nip, Key: abs}
	if _, err := newOffice(&cfg, key); err != nil {
		return err
	}
	st, err := sqlite.Open(ctx, filepath.Join(*data, registryDB), sqlite.Options{})
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.OpenFile(cfgPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if generated {
		fmt.Fprintf(e.stdout, "key: generated %s (mode 0600)\n", *keyPath)
	}
	fmt.Fprintf(e.stdout, "registry: initialised %s for %s (%s)\n", *data, code, *name)
	return nil
}

// loadOrMakeKey reads the private key at path, or creates it (mode 0600)
// when there is none.
func loadOrMakeKey(path string) (key []byte, generated bool, err error) {
	b, err := os.ReadFile(path)
	if err == nil {
		if _, err := credential.ParsePrivateKeyPEM(b); err != nil {
			return nil, false, fmt.Errorf("%s: %w", path, err)
		}
		return b, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, err
	}
	k, err := credential.GenerateKey(nil)
	if err != nil {
		return nil, false, err
	}
	pem, err := credential.MarshalPrivateKeyPEM(k)
	if err != nil {
		return nil, false, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, err
	}
	if _, err := f.Write(pem); err != nil {
		_ = f.Close()
		return nil, false, err
	}
	return pem, true, f.Close()
}

func newOffice(cfg *officeFile, pem []byte) (registry.Office, error) {
	code, err := wilayah.ParseCode(cfg.Office)
	if err != nil {
		return registry.Office{}, fmt.Errorf("office.json: office: %w", err)
	}
	key, err := credential.ParsePrivateKeyPEM(pem)
	if err != nil {
		return registry.Office{}, fmt.Errorf("%s: %w", cfg.Key, err)
	}
	o := registry.Office{Issuer: adminduk.Issuer{Regency: code, HeadName: cfg.HeadName}, Name: cfg.Name}
	if cfg.HeadNIP != "" {
		if o.Issuer.HeadNIP, err = adminduk.ParseNIP(cfg.HeadNIP); err != nil {
			return registry.Office{}, fmt.Errorf("office.json: head_nip: %w", err)
		}
	}
	if o.Signer, err = credential.NewSigner(o.Issuer.ID(), key); err != nil {
		return registry.Office{}, err
	}
	return o, o.Validate()
}

// openRegistry opens the data directory made by registry init.
func openRegistry(ctx context.Context, dir string) (*registry.Service, *sqlite.Store, wilayah.Code, error) {
	b, err := os.ReadFile(filepath.Join(dir, officeJSON))
	if err != nil {
		return nil, nil, wilayah.Code{}, fmt.Errorf("%w (run 'adminduk registry init' first)", err)
	}
	var cfg officeFile
	if err := json.Unmarshal(b, &cfg); err != nil {
		return nil, nil, wilayah.Code{}, fmt.Errorf("%s: %w", officeJSON, err)
	}
	pem, err := os.ReadFile(cfg.Key)
	if err != nil {
		return nil, nil, wilayah.Code{}, err
	}
	o, err := newOffice(&cfg, pem)
	if err != nil {
		return nil, nil, wilayah.Code{}, err
	}
	st, err := sqlite.Open(ctx, filepath.Join(dir, registryDB), sqlite.Options{})
	if err != nil {
		return nil, nil, wilayah.Code{}, err
	}
	svc, err := registry.New(registry.Config{Store: st, Offices: []registry.Office{o}, Now: registryNow})
	if err != nil {
		_ = st.Close()
		return nil, nil, wilayah.Code{}, err
	}
	return svc, st, o.Regency(), nil
}

func runRegistryBirths(ctx context.Context, e *env, args []string) error {
	fl := newFlags(e, "registry births list")
	data := fl.String("data", "adminduk-data", "data `directory` made by registry init")
	status := fl.String("status", "", "only reports in this status (notified, returned, verified, registered, issued, handed_over, revoked, archived)")
	limit := fl.Int("limit", 100, "at most this many reports, newest first")
	asJSON := fl.Bool("json", false, "one JSON object per line")
	pos, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	f := registry.Filter{Kind: registry.KindBirth, Limit: *limit}
	if *status != "" {
		if err := f.Status.UnmarshalText([]byte(*status)); err != nil {
			return usagef("--status %q: %v", *status, err)
		}
	}
	svc, st, office, err := openRegistry(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	f.Office = office
	rs, err := svc.Reports(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		for i := range rs {
			r := rs[i]
			r.Body = nil
			if err := enc.Encode(struct {
				ID, Status, Flags, Partner, ExternalRef string
				Created                                 time.Time
			}{r.ID, r.Status.String(), r.Flags.String(), r.PartnerID, r.ExternalRef, r.Created}); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tFLAGS\tPARTNER\tEXTERNAL REF\tCREATED")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Status, dash(r.Flags.String()), r.PartnerID, dash(terminalSafe(r.ExternalRef)),
			r.Created.In(adminduk.WIB).Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// runRegistryVerb runs the commands that take one argument: a report ID, a
// NIK or a file.
func runRegistryVerb(ctx context.Context, e *env, verb string, args []string) error {
	fl := newFlags(e, "registry "+verb)
	data := fl.String("data", "adminduk-data", "data `directory` made by registry init")
	actor := fl.String("actor", "", "who acts: the officer (verify, register) or the partner's user (notify)")
	partner := fl.String("partner", "", "notify: the partner ID the report comes from")
	key := fl.String("idempotency-key", "", "notify: idempotency key of the submission")
	pos, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want exactly one argument")
	}
	arg := pos[0]
	switch verb {
	case "verify", "register", "agreement":
		if strings.TrimSpace(*actor) == "" {
			return usagef("--actor is required")
		}
	case "notify":
		if *partner == "" {
			return usagef("--partner is required")
		}
	}
	svc, st, office, err := openRegistry(ctx, *data)
	if err != nil {
		return err
	}
	defer st.Close()
	switch verb {
	case "agreement":
		b, err := readFileMax(arg, 1<<20) // an agreement is a few KB
		if err != nil {
			return err
		}
		var a partnership.Agreement
		if err := json.Unmarshal(b, &a); err != nil {
			return fmt.Errorf("%s: %w", arg, err)
		}
		if err := a.Validate(); err != nil {
			return reportInvalid(e, arg, err)
		}
		if err := st.PutAgreement(ctx, &a, *actor); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "agreement %s of partner %s: %s\n", a.ID, a.Partner.ID, a.State)
	case "notify":
		f, err := os.Open(arg)
		if err != nil {
			return err
		}
		b, err := registry.DecodeBirthReport(f)
		_ = f.Close()
		if err != nil {
			return reportInvalid(e, arg, err)
		}
		r, created, err := svc.NotifyBirth(ctx, registry.Submission{PartnerID: *partner, Actor: *actor, IdempotencyKey: *key}, b)
		if err != nil {
			return reportInvalid(e, arg, err)
		}
		what := "created"
		if !created {
			what = "replayed"
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", r.ID, r.Status, dash(r.Flags.String()), what)
	case "verify":
		r, err := svc.Verify(ctx, office, arg, *actor)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", r.ID, r.Status)
	case "register":
		reg, err := svc.Register(ctx, office, arg, *actor)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "report\t%s\nnik\t%s\nakta\t%s\n", reg.ReportID, reg.NIK.String(), reg.Akta) // the officer's own screen: the full NIK
		for _, d := range reg.Documents {
			fmt.Fprintf(e.stdout, "document\t%s %s version %d %s\n", d.Type, d.Number, d.Version, d.Status)
		}
	case "documents":
		nik, err := adminduk.ParseNIK(arg)
		if err != nil {
			return usagef("%v", err)
		}
		reg, err := st.RegistrationByNIK(ctx, office, nik)
		if err != nil {
			return err
		}
		docs, err := svc.Documents(ctx, office, reg.ReportID)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TYPE\tNUMBER\tVERSION\tSTATUS\tISSUED\tREPORT")
		for _, d := range docs {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", d.Type, d.Number, d.Version, d.Status,
				d.IssuedAt.In(adminduk.WIB).Format("2006-01-02 15:04"), d.ReportID)
		}
		return tw.Flush()
	}
	return nil
}
