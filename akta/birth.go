package akta

import (
	"context"
	"time"

	"github.com/adminduk-id/adminduk/adminduk/credential"

	"github.com/adminduk-id/adminduk/adminduk"
)

// Registration deadlines of UU 24/2013: a birth is reported within 60 days
// (art. 27), a death within 30 (art. 44). A registration on the last day is
// on time.
const (
	BirthDeadlineDays = 60
	DeathDeadlineDays = 30
)

// Record is a civil-registration record an akta is printed from: *[Birth] or
// *[Death].
type Record interface {
	// Kind says which akta the record gives.
	Kind() Kind
	// RegisterNumber returns the record's register number.
	RegisterNumber() Number
	// Validate reports every problem as a *[adminduk.ValidationError];
	// Warnings lists what is accepted but worth a look.
	adminduk.Validator
	// IssueDate returns the date printed under the place of issue.
	IssueDate() adminduk.Date
	// Claims returns the claims of the record's signed QR credential.
	Claims(iat time.Time) credential.Claims
	isRecord()
}

// Birth is a birth registration, the content of an akta kelahiran.
type Birth struct {
	Number Number // zero until registered; see [Birth.Register]
	Child  Child
	Mother Party
	// Father is nil for [ParentsMotherOnly]: father unknown or no marriage
	// claimed, and the akta names the mother only. A marriage that is not
	// recorded still names the father ([ParentsUnrecorded]).
	Father *Party
	// Parents is the parent case; zero means what Father implies (see
	// [Birth.ParentCase]).
	Parents Parents
	// Proof is what the birth is proven by; zero means the surat
	// keterangan lahir.
	Proof    Proof
	Reporter Party
	// Witnesses: two when an SPTJM replaces a document (see
	// [Birth.NeedsWitnesses]), else none or two.
	Witnesses []Party
	// RegisteredAt is the day the birth was reported and recorded; it
	// decides on-time or late, and is the date in the register number.
	RegisteredAt adminduk.Date
	IssuedAt     adminduk.Date // date printed under the place of issue
	Issuer       adminduk.Issuer
	// KK is the family card the child is entered in, if known; it goes in
	// the signed QR.
	KK adminduk.KK
	// Version is the version of this akta: 0 or 1 for the akta as first
	// issued, 2 and up after corrections (CREDENTIAL.md, document
	// version). The signed QR carries it.
	Version int
	// Notes are the marginal notes (catatan pinggir) of the corrections
	// since the first version, oldest first, printed on the kutipan.
	Notes []MarginalNote

	warnings []adminduk.FieldError // of decoding: an old key
}

// Child is the person born.
type Child struct {
	NIK        adminduk.NIK
	Name       string
	Sex        adminduk.Sex
	BirthDate  adminduk.Date
	BirthTime  TimeOfDay // optional
	BirthPlace string    // place as printed: kab/kota or town ("SERANG")
	// BirthOrder is the child's place among the mother's children: 1 for the
	// first child; twins get consecutive numbers. The akta prints it in words
	// ("anak ke-DUA").
	BirthOrder   int
	Multiplicity Multiplicity
	WeightGrams  int // optional, 0 when not recorded
	LengthMM     int // optional, 0 when not recorded
	// Citizenship is printed as WARGA NEGARA; zero means WNI.
	Citizenship adminduk.Citizenship
}

// Person returns the child as an [adminduk.Person].
func (c Child) Person() adminduk.Person {
	return adminduk.Person{NIK: c.NIK, Name: c.Name, Sex: c.Sex, BirthPlace: c.BirthPlace, BirthDate: c.BirthDate}
}

// Kind returns [KindBirth].
func (b *Birth) Kind() Kind { return KindBirth }

// RegisterNumber returns b.Number.
func (b *Birth) RegisterNumber() Number { return b.Number }

func (b *Birth) isRecord() {}

// BirthLate reports whether a birth registered on registered is late: more
// than [BirthDeadlineDays] days after the birth.
func BirthLate(birth, registered adminduk.Date) bool {
	return registered.DaysSince(birth) > BirthDeadlineDays
}

// DeathLate reports whether a death registered on registered is late: more
// than [DeathDeadlineDays] days after the death.
func DeathLate(death, registered adminduk.Date) bool {
	return registered.DaysSince(death) > DeathDeadlineDays
}

// Late reports whether the birth was registered late (type LT rather than
// LU): more than 60 days after the birth.
func (b *Birth) Late() bool { return BirthLate(b.Child.BirthDate, b.RegisteredAt) }

// Deadline returns the last day for on-time registration.
func (b *Birth) Deadline() adminduk.Date { return b.Child.BirthDate.AddDays(BirthDeadlineDays) }

// Validate checks the registration as an akta prints it and returns nil or
// a *[adminduk.ValidationError] listing every problem with its JSON pointer. It checks
// presence and form of every field, two distinct witnesses when an SPTJM
// replaces a document (none needed otherwise), the parent case against the
// father,
// distinct NIKs for child and parents, dates in order (birth <= registered
// <= issued), ranges (birth order 1-30, weight 300-7000 g, length 200-700
// mm), and that the register number has a birth type that agrees with the
// lateness, the registration date and the issuing kab/kota. It does not
// read the clock: a birth date in the future is caught only against the
// registration date.
func (b *Birth) Validate() error { return b.validate(true) }

func (b *Birth) validate(needNumber bool) error {
	c := newChecker("akta: invalid " + "kelahiran")
	c.number(b.Number, KindBirth, b.Late(), true, b.RegisteredAt, b.Issuer, needNumber)
	ch := b.Child
	if !ch.NIK.IsValid() {
		c.required("/child/nik")
	}
	c.name("/child/name", ch.Name, 100, true)
	if !c.has("/child/name") && nameRulesApply(b.RegisteredAt) {
		c.childName("/child/name", ch.Name)
	}
	if ch.Sex == 0 {
		c.required("/child/sex")
	}
	c.dates("/child/birth_date", ch.BirthDate, b.RegisteredAt, b.IssuedAt)
	c.place("/child/birth_place", ch.BirthPlace)
	switch {
	case ch.BirthOrder == 0:
		c.required("/child/birth_order")
	case ch.BirthOrder < 0 || ch.BirthOrder > 30:
		c.add("/child/birth_order", adminduk.CodeRange, "anak ke- harus 1 sampai 30", "birth order must be 1 to 30")
	}
	switch {
	case ch.Multiplicity == 0:
		c.required("/child/multiplicity")
	case ch.Multiplicity > 9:
		c.add("/child/multiplicity", adminduk.CodeRange, "jenis kelahiran tidak dikenal", "unknown multiplicity")
	}
	if w := ch.WeightGrams; w != 0 && (w < 300 || w > 7000) {
		c.add("/child/weight_g", adminduk.CodeRange, "berat lahir harus 300 sampai 7000 gram", "birth weight must be 300 to 7000 g")
	}
	if l := ch.LengthMM; l != 0 && (l < 200 || l > 700) {
		c.add("/child/length_cm", adminduk.CodeRange, "panjang lahir harus 20 sampai 70 cm", "birth length must be 20 to 70 cm")
	}
	c.party("/mother", b.Mother, true)
	fields := []adminduk.Pointer{"/child/nik", "/mother/nik"}
	niks := []adminduk.NIK{ch.NIK, b.Mother.NIK}
	if b.Father != nil {
		c.party("/father", *b.Father, true)
		fields = append(fields, "/father/nik")
		niks = append(niks, b.Father.NIK)
	}
	c.distinct(fields, niks)
	c.party("/reporter", b.Reporter, true)
	c.parents(b)
	c.witnesses(b.Witnesses, b.NeedsWitnesses())
	c.issuer(b.Issuer)
	c.notes(b.Notes, b.Version, b.RegisteredAt, b.IssuedAt)
	return c.err()
}

// Warnings returns what an officer should look at but that does not make
// the record invalid: a child NIK whose encoded birth date or sex differs
// from the record (legitimate after a correction, Permendagri 108/2019),
// a mother's NIK coded male or a father's coded female, a mother younger
// than 10 or older than 65 at the birth by her NIK, and academic,
// educational or religious titles in the names printed (Permendagri
// 73/2022 keeps them off the akta; they are not stripped). A record read
// by [DecodeRecord] also lists what its input deserves a look for: the old
// key "kk" of the KK number.
func (b *Birth) Warnings() []adminduk.FieldError {
	c := newChecker("")
	for _, w := range b.warnings {
		c.Add(w)
	}
	ch := b.Child
	nikAgrees(c, "/child/nik", ch.NIK, ch.Sex, ch.BirthDate)
	if b.Mother.NIK.IsValid() && b.Mother.NIK.Sex() != adminduk.Female {
		c.add("/mother/nik", adminduk.CodeMismatch, "NIK ibu berkode laki-laki", "mother's NIK is coded male")
	}
	if b.Father != nil && b.Father.NIK.IsValid() && b.Father.NIK.Sex() != adminduk.Male {
		c.add("/father/nik", adminduk.CodeMismatch, "NIK ayah berkode perempuan", "father's NIK is coded female")
	}
	if b.Mother.NIK.IsValid() && !ch.BirthDate.IsZero() {
		if age := b.Mother.NIK.BirthDate().YearsAt(ch.BirthDate); age < 10 || age > 65 {
			c.add("/mother/nik", adminduk.CodeRange, "umur ibu menurut NIK "+itoa(age)+" tahun", "mother's age by her NIK is "+itoa(age))
		}
	}
	if !nameRulesApply(b.RegisteredAt) {
		c.childName("/child/name", ch.Name) // registered before the rules: a warning
	}
	fields, names := []adminduk.Pointer{"/child/name", "/mother/name"}, []string{ch.Name, b.Mother.Name}
	if b.Father != nil {
		fields, names = append(fields, "/father/name"), append(names, b.Father.Name)
	}
	titleWarnings(c, fields, names)
	return c.list()
}

// nikAgrees warns when a NIK's encoded sex or birth day and month differ
// from the record's.
func nikAgrees(c *checker, field adminduk.Pointer, n adminduk.NIK, sex adminduk.Sex, birth adminduk.Date) {
	if !n.IsValid() {
		return
	}
	if sex != 0 && n.Sex() != sex {
		c.add(field, adminduk.CodeMismatch, "jenis kelamin pada NIK berbeda", "sex encoded in the NIK differs")
	}
	if !birth.IsZero() {
		y, m, d := n.Birth()
		if m != birth.Month() || d != birth.Day() || y%100 != birth.Year()%100 {
			c.add(field, adminduk.CodeMismatch, "tanggal lahir pada NIK berbeda", "birth date encoded in the NIK differs")
		}
	}
}

// Register checks b (all but its number), chooses the type from the
// lateness (types nil means [DefaultTypes]), takes the next serial of the
// issuing kab/kota on the registration date from seq and returns a copy of
// b with its number. b itself is not changed.
func (b *Birth) Register(ctx context.Context, seq Sequencer, types *Types) (*Birth, error) {
	if err := b.validate(false); err != nil {
		return nil, err
	}
	if types == nil {
		types = defaultTypes
	}
	t, ok := types.For(KindBirth, b.Late())
	if !ok {
		return nil, &NumberError{Input: KindBirth.String(), Err: ErrUnknownType, Msg: "type table has no birth type"}
	}
	n, err := Allocate(ctx, seq, b.Issuer.Regency, t, b.RegisteredAt)
	if err != nil {
		return nil, err
	}
	nb := b.Clone()
	nb.Number = n
	return nb, nil
}

// Clone returns a deep copy of b.
func (b *Birth) Clone() *Birth {
	nb := *b
	if b.Father != nil {
		f := *b.Father
		nb.Father = &f
	}
	nb.Witnesses = append([]Party(nil), b.Witnesses...)
	nb.Notes = append([]MarginalNote(nil), b.Notes...)
	return &nb
}
