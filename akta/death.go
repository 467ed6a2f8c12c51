package akta

import (
	"context"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Death is a death registration, the content of an akta kematian.
type Death struct {
	Number     Number // zero until registered; see [Death.Register]
	Deceased   Deceased
	DeathDate  adminduk.Date
	DeathTime  TimeOfDay // optional
	DeathPlace string    // place as printed ("SERANG")
	Cause      Cause     // optional; recorded, never printed on the kutipan
	// Proof is what the death is proven by; zero means the surat
	// keterangan kematian. [ProofSPTJM] needs two witnesses.
	Proof        Proof
	Reporter     Party
	Witnesses    []Party       // two with an SPTJM, else none or two
	RegisteredAt adminduk.Date // decides on-time or late; the date in the number
	IssuedAt     adminduk.Date
	Issuer       adminduk.Issuer
	// KK is the family card of the deceased, if known; it goes in the
	// signed QR. See [Family.RemoveDeceased] for the new card.
	KK adminduk.KK

	warnings []adminduk.FieldError // of decoding: an old key
}

// Deceased is the person who died.
type Deceased struct {
	NIK        adminduk.NIK
	Name       string
	Sex        adminduk.Sex
	BirthPlace string
	BirthDate  adminduk.Date
	FatherName string // optional: printed as "anak dari"
	MotherName string // optional
	// Citizenship is printed as WARGA NEGARA; zero means WNI.
	Citizenship adminduk.Citizenship
}

// Person returns the deceased as an [adminduk.Person].
func (d Deceased) Person() adminduk.Person {
	return adminduk.Person{NIK: d.NIK, Name: d.Name, Sex: d.Sex, BirthPlace: d.BirthPlace, BirthDate: d.BirthDate}
}

// Kind returns [KindDeath].
func (d *Death) Kind() Kind { return KindDeath }

// RegisterNumber returns d.Number.
func (d *Death) RegisterNumber() Number { return d.Number }

func (d *Death) isRecord() {}

// Late reports whether the death was registered more than 30 days after
// it happened.
func (d *Death) Late() bool { return DeathLate(d.DeathDate, d.RegisteredAt) }

// Deadline returns the last day for on-time registration.
func (d *Death) Deadline() adminduk.Date { return d.DeathDate.AddDays(DeathDeadlineDays) }

// Validate checks the registration and returns nil or a *[adminduk.ValidationError]:
// presence and form of every field (the deceased's NIK and the cause
// category are optional), birth <= death <= registered <= issued, two
// distinct witnesses when an SPTJM kematian replaces the surat keterangan
// kematian, and a register number of a
// death type that agrees with the registration date and issuing kab/kota
// (and with the lateness when the table has a late death type).
func (d *Death) Validate() error { return d.validate(true) }

func (d *Death) validate(needNumber bool) error {
	c := newChecker("akta: invalid " + "kematian")
	// Death types need not distinguish late registration (the default
	// table has only KM): a late-type number on an on-time registration is
	// the only disagreement.
	c.number(d.Number, KindDeath, d.Late(), false, d.RegisteredAt, d.Issuer, needNumber)
	p := d.Deceased
	c.name("/deceased/name", p.Name, 100, true)
	if p.Sex == 0 {
		c.required("/deceased/sex")
	}
	c.place("/deceased/birth_place", p.BirthPlace)
	if p.BirthDate.IsZero() {
		c.required("/deceased/birth_date")
	} else if !d.DeathDate.IsZero() && p.BirthDate.After(d.DeathDate) {
		c.add("/deceased/birth_date", adminduk.CodeOrder, "sesudah tanggal kematian", "is after the date of death")
	}
	c.name("/deceased/father_name", p.FatherName, 100, false)
	c.name("/deceased/mother_name", p.MotherName, 100, false)
	c.dates("/death_date", d.DeathDate, d.RegisteredAt, d.IssuedAt)
	c.place("/death_place", d.DeathPlace)
	if d.Cause > CauseOther {
		c.add("/cause", adminduk.CodeInvalid, "sebab kematian tidak dikenal", "unknown cause category")
	}
	c.party("/reporter", d.Reporter, true)
	if d.Proof > ProofSPTJM {
		c.add("/proof", adminduk.CodeInvalid, "nilai tidak dikenal", "unknown proof")
	}
	c.witnesses(d.Witnesses, d.NeedsWitnesses())
	c.distinct([]adminduk.Pointer{"/deceased/nik", "/reporter/nik"}, []adminduk.NIK{p.NIK, d.Reporter.NIK})
	for i, w := range d.Witnesses {
		if w.NIK.IsValid() && w.NIK == p.NIK {
			c.add(adminduk.NewPointer("witnesses").Index(i).Key("nik"), adminduk.CodeDuplicate, "saksi adalah orang yang meninggal", "witness is the deceased")
		}
	}
	c.issuer(d.Issuer)
	return c.err()
}

// Warnings returns what an officer should check without making the record
// invalid: a NIK whose encoded sex or birth date differs from the record,
// and titles in the names printed ("HAJI ABDUL RAHMAN"); for a record read
// by [DecodeRecord], the old key "kk" of the KK number.
func (d *Death) Warnings() []adminduk.FieldError {
	c := newChecker("")
	for _, w := range d.warnings {
		c.Add(w)
	}
	nikAgrees(c, "/deceased/nik", d.Deceased.NIK, d.Deceased.Sex, d.Deceased.BirthDate)
	p := d.Deceased
	titleWarnings(c, []adminduk.Pointer{"/deceased/name", "/deceased/father_name", "/deceased/mother_name"}, []string{p.Name, p.FatherName, p.MotherName})
	return c.list()
}

// Register checks d (all but its number), chooses the death type (the late
// one when the table has one and the registration is late), takes the next
// serial from seq and returns a copy of d with its number.
func (d *Death) Register(ctx context.Context, seq Sequencer, types *Types) (*Death, error) {
	if types == nil {
		types = defaultTypes
	}
	if err := d.validate(false); err != nil {
		return nil, err
	}
	t, ok := types.For(KindDeath, d.Late())
	if !ok {
		return nil, &NumberError{Input: KindDeath.String(), Err: ErrUnknownType, Msg: "type table has no death type"}
	}
	n, err := Allocate(ctx, seq, d.Issuer.Regency, t, d.RegisteredAt)
	if err != nil {
		return nil, err
	}
	nd := d.Clone()
	nd.Number = n
	return nd, nil
}

// Clone returns a deep copy of d.
func (d *Death) Clone() *Death {
	nd := *d
	nd.Witnesses = append([]Party(nil), d.Witnesses...)
	return &nd
}
