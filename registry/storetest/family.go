package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/akta"
	"github.com/adminduk-id/adminduk/kia"
	"github.com/adminduk-id/adminduk/registry"
)

// NIKs of the family of [FamilyCard].
const (
	FatherNIK = "6208011203900002" // Ahmad Fauzi, the head
	MotherNIK = "6208014505980001" // Siti Aminah, his wife
	SonNIK    = "6208010101180001" // Rizky Fauzi, their son
)

// FamilyCard returns the card of [FamilyKK] as SIAK holds it: Ahmad Fauzi
// (head), Siti Aminah (wife) and their son, in [Village], issued by the
// fixture office in 2020.
func FamilyCard() *akta.Family {
	m := func(name, nik string, sex adminduk.Sex, born string, rel akta.Relationship, marital akta.MaritalStatus, edu akta.Education, job string) akta.Member {
		return akta.Member{Name: name, NIK: adminduk.MustParseNIK(nik), Sex: sex, BirthPlace: "Sukamara",
			BirthDate: adminduk.MustParseDate(born), Religion: adminduk.Islam, Education: edu, Occupation: job,
			MaritalStatus: marital, Relationship: rel, Citizenship: adminduk.WNI}
	}
	son := m("Rizky Fauzi", SonNIK, adminduk.Male, "2018-01-01", akta.RelChild, akta.Unmarried, akta.NoSchooling, akta.OccupationNone)
	son.FatherName, son.MotherName = "Ahmad Fauzi", "Siti Aminah"
	return &akta.Family{
		Number:  adminduk.MustParseKK(FamilyKK),
		Address: adminduk.Address{Street: "Jl. Tjilik Riwut", RT: "002", RW: "005", Village: Village},
		Members: []akta.Member{
			m("Ahmad Fauzi", FatherNIK, adminduk.Male, "1990-03-12", akta.RelHead, akta.MarriedRecorded, akta.SeniorHigh, "WIRASWASTA"),
			m("Siti Aminah", MotherNIK, adminduk.Female, "1998-05-05", akta.RelWife, akta.MarriedRecorded, akta.SeniorHigh, "MENGURUS RUMAH TANGGA"),
			son,
		},
		IssuedAt: adminduk.MustDate(2020, time.June, 15),
		Issuer:   Office().Issuer,
	}
}

// KKOf returns a KK number of [Kecamatan] for a report reference, the same
// for the same reference and almost always different for different ones, so
// that many registrations ([Env.RegisterBirth], the concurrency case, the
// benchmark) each enter their own family instead of growing one card.
func KKOf(ref string) string {
	h := fnv.New64a()
	h.Write([]byte(ref))
	n := h.Sum64() % (9999 * 3650)
	kk, err := adminduk.NewKK(Kecamatan, adminduk.MustDate(2010, time.January, 1).AddDays(int(n/9999)), int(n%9999)+1)
	if err != nil {
		panic(err) // a known kecamatan, a date in range, a serial in 1-9999
	}
	return kk.String()
}

// registerFamily adds the family-register cases to the suite.
func registerFamily(t *testing.T, newStore func(t testing.TB) registry.Store) {
	t.Run("FamilyImport", func(t *testing.T) { testFamilyImport(t, NewEnv(t, newStore)) })
	t.Run("FamilyNextVersion", func(t *testing.T) { testFamilyNextVersion(t, NewEnv(t, newStore)) })
	t.Run("FamilyHeadFromKK", func(t *testing.T) { testFamilyHeadFromKK(t, NewEnv(t, newStore)) })
	t.Run("FamilyConcurrentBirths", func(t *testing.T) { testFamilyConcurrent(t, NewEnv(t, newStore)) })
	t.Run("FamilyUnknownKK", func(t *testing.T) { testFamilyUnknown(t, NewEnv(t, newStore)) })
	t.Run("FamilyNew", func(t *testing.T) { testFamilyNew(t, NewEnv(t, newStore)) })
	t.Run("FamilyFromReportCompleted", func(t *testing.T) { testFamilyCompleted(t, NewEnv(t, newStore)) })
	t.Run("DeathOnCardFromReport", func(t *testing.T) { testDeathOnReportCard(t, NewEnv(t, newStore)) })
	t.Run("DeathOfMember", func(t *testing.T) { testDeathOfMember(t, NewEnv(t, newStore)) })
	t.Run("DeathOfHead", func(t *testing.T) { testDeathOfHead(t, NewEnv(t, newStore)) })
	t.Run("NewbornDeath", func(t *testing.T) { testNewbornDeath(t, NewEnv(t, newStore)) })
	t.Run("Stillbirth", func(t *testing.T) { testStillbirth(t, NewEnv(t, newStore)) })
}

// verified checks that every document's QR verifies against the office's
// key set, names the document and returns the claims by document.
func verified(t *testing.T, docs []registry.Document, at time.Time) []credential.Claims {
	t.Helper()
	var out []credential.Claims
	for _, d := range docs {
		res := credential.Verify(d.Payload, Keys(), at)
		require.Equal(t, credential.StatusValid, res.Status, "%s %s: %v", d.Type, d.Number, res.Err)
		assert.Equal(t, string(d.Type), res.Claims.Document.Type)
		assert.Equal(t, d.Number, res.Claims.Document.Number)
		out = append(out, res.Claims)
	}
	return out
}

func docOf(t *testing.T, docs []registry.Document, typ registry.DocType) registry.Document {
	t.Helper()
	for _, d := range docs {
		if d.Type == typ {
			return d
		}
	}
	require.Failf(t, "document missing", "no %s among %d documents", typ, len(docs))
	return registry.Document{}
}

func hasDoc(docs []registry.Document, typ registry.DocType) bool {
	for _, d := range docs {
		if d.Type == typ {
			return true
		}
	}
	return false
}

func importCard(t *testing.T, e *Env) registry.FamilyVersion {
	t.Helper()
	v, err := e.Service.ImportFamily(ctx(), FamilyCard(), "officer.dewi")
	require.NoError(t, err)
	return v
}

func cardOf(t *testing.T, d registry.Document) *akta.Family {
	t.Helper()
	var f akta.Family
	require.NoError(t, json.Unmarshal(d.Model, &f), "the KK's model is an akta.Family")
	return &f
}

func niks(f *akta.Family) []string {
	var out []string
	for _, m := range f.Members {
		out = append(out, m.NIK.String())
	}
	return out
}

// testFamilyImport: an imported card is version 1 of a KK the registry now
// holds; importing it again, or an invalid card, is refused and writes nothing.
func testFamilyImport(t *testing.T, e *Env) {
	v := importCard(t, e)
	assert.Equal(t, 1, v.Version)
	assert.Equal(t, registry.FamilyImported, v.Source)
	got, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, 1, got.Version)
	assert.Equal(t, registry.DocActive, got.Status)
	assert.Equal(t, registry.FamilyImported, got.Source)
	assert.Equal(t, []string{FatherNIK, MotherNIK, SonNIK}, niks(got.Card))
	assert.Equal(t, "officer.dewi", got.Actor)
	of, err := e.Service.FamilyOf(ctx(), Regency, adminduk.MustParseNIK(SonNIK))
	require.NoError(t, err)
	assert.Equal(t, FamilyKK, of.Number.String())

	_, err = e.Service.ImportFamily(ctx(), FamilyCard(), "officer.dewi")
	assert.ErrorIs(t, err, registry.ErrConflict)
	bad := FamilyCard()
	bad.Members[1].Relationship = akta.RelHead
	bad.Number = adminduk.MustParseKK("6208011506200004")
	_, err = e.Service.ImportFamily(ctx(), bad, "officer.dewi")
	var ve *adminduk.ValidationError
	require.ErrorAs(t, err, &ve, "two heads")
	_, err = e.Service.Family(ctx(), Regency, bad.Number)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	_, err = e.Service.FamilyVersion(ctx(), Regency, v.Number, 2)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	audit, err := e.Store.Audit(ctx(), Regency, FamilyKK)
	require.NoError(t, err)
	require.Len(t, audit, 1)
	assert.Equal(t, "family.import", audit[0].Action)
}

// testFamilyNextVersion: a birth into a KK the registry holds issues the KK's
// version 2 with the baby (ANAK) and replaces version 1; a second birth
// issues version 3 and the version 2 document becomes replaced.
func testFamilyNextVersion(t *testing.T, e *Env) {
	importCard(t, e)
	kk := adminduk.MustParseKK(FamilyKK)
	_, reg := registered(t, e, Birth("kk-1", Today.AddDays(-2), "P"))
	require.Len(t, reg.Documents, 3)
	claims := verified(t, reg.Documents, reg.At)
	for _, c := range claims {
		assert.Equal(t, FamilyKK, c.Document.KKNumber)
	}
	d := docOf(t, reg.Documents, registry.DocKK)
	assert.Equal(t, FamilyKK, d.Number)
	assert.Equal(t, 2, d.Version)
	assert.Equal(t, FatherNIK, claims[2].Identity.NIK, "the KK's identity is its head")
	card := cardOf(t, d)
	assert.Equal(t, []string{FatherNIK, MotherNIK, SonNIK, reg.NIK.String()}, niks(card), "the baby after its elder brother")
	baby, ok := card.Member(reg.NIK)
	require.True(t, ok)
	assert.Equal(t, akta.RelChild, baby.Relationship)
	assert.Equal(t, adminduk.Islam, baby.Religion)
	assert.Equal(t, "Siti Aminah", baby.MotherName)

	v1, err := e.Service.FamilyVersion(ctx(), Regency, kk, 1)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, v1.Status)
	v2, err := e.Service.Family(ctx(), Regency, kk)
	require.NoError(t, err)
	assert.Equal(t, 2, v2.Version)
	assert.Equal(t, registry.DocActive, v2.Status)
	assert.Equal(t, registry.FamilyNext, v2.Source)
	assert.Equal(t, reg.ReportID, v2.ReportID)
	st, err := e.Service.DocumentStatus(ctx(), registry.DocKK, FamilyKK)
	require.NoError(t, err)
	assert.Equal(t, registry.DocActive, st.Status)
	assert.Equal(t, 2, st.CurrentVersion)

	// Their next child, born eleven months later.
	later := Today.AddDays(330)
	e.Clock.SetDay(later)
	b := Birth("kk-2", later.AddDays(-2), "L")
	b.Child.BirthOrder = 3
	_, reg2 := registered(t, e, b)
	d3 := docOf(t, reg2.Documents, registry.DocKK)
	assert.Equal(t, 3, d3.Version)
	assert.Len(t, cardOf(t, d3).Members, 5)
	st, err = e.Service.DocumentVersionStatus(ctx(), registry.DocKK, FamilyKK, 2)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, st.Status)
	assert.Equal(t, 3, st.CurrentVersion)
	assert.True(t, st.ChangedAt.Equal(reg2.At))
	v2, err = e.Service.FamilyVersion(ctx(), Regency, kk, 2)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, v2.Status)
}

// testFamilyHeadFromKK: the KIA prints the head of the KK, not a parent:
// here the baby's grandfather, and the baby is CUCU.
func testFamilyHeadFromKK(t *testing.T, e *Env) {
	card := FamilyCard()
	grandpa := card.Members[0]
	grandpa.Name, grandpa.NIK, grandpa.BirthDate = "Hasan Basri", adminduk.MustParseNIK("6208010505600001"), adminduk.MustDate(1960, 5, 5)
	card.Members[0].Relationship, card.Members[1].Relationship = akta.RelChildInLaw, akta.RelChild
	card.Members[2].Relationship = akta.RelGrandchild
	card.Members = append([]akta.Member{grandpa}, card.Members...)
	_, err := e.Service.ImportFamily(ctx(), card, "officer.dewi")
	require.NoError(t, err)
	_, reg := registered(t, e, Birth("head-1", Today.AddDays(-2), "L"))
	verified(t, reg.Documents, reg.At)
	c, err := kia.DecodeCard(docOf(t, reg.Documents, registry.DocKIA).Model, kia.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "Hasan Basri", c.HeadOfFamily)
	assert.Equal(t, FamilyKK, c.KK.String())
	baby, ok := cardOf(t, docOf(t, reg.Documents, registry.DocKK)).Member(reg.NIK)
	require.True(t, ok)
	assert.Equal(t, akta.RelGrandchild, baby.Relationship)
}

// testFamilyConcurrent: births into one KK registered at once (twins) each
// get their own version, none lost.
func testFamilyConcurrent(t *testing.T, e *Env) {
	importCard(t, e)
	const n = 4
	regs := make([]registry.Registration, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := Birth(fmt.Sprintf("twin-%d", i), Today.AddDays(-1), "P")
			b.Child.Multiplicity, b.Child.BirthOrder = "kembar-4", 2+i
			r, _, err := e.Service.NotifyBirth(ctx(), sub, b)
			if err == nil {
				_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer")
			}
			if err == nil {
				regs[i], err = e.Service.Register(ctx(), Regency, r.ID, "officer")
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	require.NoError(t, errors.Join(errs...))
	versions := map[int]bool{}
	for _, r := range regs {
		versions[docOf(t, r.Documents, registry.DocKK).Version] = true
	}
	assert.Equal(t, map[int]bool{2: true, 3: true, 4: true, 5: true}, versions)
	cur, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, 5, cur.Version)
	for _, r := range regs {
		_, ok := cur.Card.Member(r.NIK)
		assert.True(t, ok, "every child is on the last version")
	}
}

// testFamilyUnknownKK: a KK the registry does not hold gets version 1
// built from the report: the father as head, the mother as ISTRI, the baby.
// The card lacks what a report does not carry: it is kept in the register,
// the akta and KIA name its number, and no KK document is issued for it.
func testFamilyUnknown(t *testing.T, e *Env) {
	_, reg := registered(t, e, Birth("unk-1", Today.AddDays(-2), "P"))
	claims := verified(t, reg.Documents, reg.At)
	assert.False(t, hasDoc(reg.Documents, registry.DocKK), "a card built from a report cannot be printed")
	require.Len(t, reg.Documents, 2)
	for _, c := range claims {
		assert.Equal(t, FamilyKK, c.Document.KKNumber)
	}
	v, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, 1, v.Version)
	assert.Equal(t, registry.FamilyFromReport, v.Source, "marked as built from the report")
	assert.Equal(t, reg.ReportID, v.ReportID)
	assert.False(t, v.Printable())
	_, err = e.Service.DocumentStatus(ctx(), registry.DocKK, FamilyKK)
	assert.ErrorIs(t, err, registry.ErrNotFound, "no KK document")
	assert.Equal(t, []string{FatherNIK, MotherNIK, reg.NIK.String()}, niks(v.Card))
	rels := []akta.Relationship{}
	for _, m := range v.Card.Members {
		rels = append(rels, m.Relationship)
	}
	assert.Equal(t, []akta.Relationship{akta.RelHead, akta.RelWife, akta.RelChild}, rels)

	// A mother-only report: the mother heads the card.
	b := Birth("unk-2", Today.AddDays(-2), "L")
	b.Parents, b.Father, b.Marriage = registry.ParentsMotherOnly, nil, nil
	b.Family.KK = "6208011506200005"
	b.Mother.NIK = "6208015001990001"
	_, reg = registered(t, e, b)
	c, err := kia.DecodeCard(docOf(t, reg.Documents, registry.DocKIA).Model, kia.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "Siti Aminah", c.HeadOfFamily)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// testFamilyNew: reports naming no KK get new KK numbers from the sequence
// of (kecamatan, day), and a KIA.
func testFamilyNew(t *testing.T, e *Env) {
	var got []string
	for i := range 2 {
		b := Birth(fmt.Sprintf("new-%d", i), Today.AddDays(-1), "L")
		b.Family.KK = ""
		b.Mother.NIK = fmt.Sprintf("620801500199%04d", i+1)
		b.Father.NIK = fmt.Sprintf("620801010190%04d", i+1)
		_, reg := registered(t, e, b)
		claims := verified(t, reg.Documents, reg.At)
		assert.True(t, hasDoc(reg.Documents, registry.DocKIA), "KIA when no KK number")
		assert.False(t, hasDoc(reg.Documents, registry.DocKK), "a card built from a report cannot be printed")
		fam, err := e.Service.FamilyOf(ctx(), Regency, reg.NIK)
		require.NoError(t, err)
		assert.Equal(t, fam.Number.String(), claims[0].Document.KKNumber, "the akta names the new KK")
		got = append(got, fam.Number.String())
	}
	assert.Equal(t, []string{"6208010312260001", "6208010312260002"}, got)
	v, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(got[1]))
	require.NoError(t, err)
	assert.Equal(t, registry.FamilyFromReport, v.Source)
	assert.Equal(t, Kecamatan, v.Number.Region())
}

// testFamilyCompleted: a card built from a report is completed by importing
// the card from SIAK (its next version), which issues the KK document the
// registration could not (signed, under the birth report, announced to the
// partner); a card imported or issued here is not overwritten that way.
func testFamilyCompleted(t *testing.T, e *Env) {
	_, ep := addHook(t, HookService(t, e, registry.WebhookConfig{}), "pkm-1")
	r, reg := registered(t, e, Birth("c-1", Today.AddDays(-2), "P"))
	require.False(t, hasDoc(reg.Documents, registry.DocKK))
	card := FamilyCard()
	baby := card.Members[2]
	baby.Name, baby.NIK, baby.Sex, baby.BirthDate = "Putri Aminah", reg.NIK, adminduk.Female, Today.AddDays(-2)
	card.Members = append(card.Members, baby)
	card.IssuedAt = Today
	v, err := e.Service.ImportFamily(ctx(), card, "officer.dewi")
	require.NoError(t, err)
	assert.Equal(t, 2, v.Version)
	assert.Equal(t, registry.FamilyImported, v.Source)
	v1, err := e.Service.FamilyVersion(ctx(), Regency, v.Number, 1)
	require.NoError(t, err)
	assert.Equal(t, registry.FamilyFromReport, v1.Source)
	assert.Equal(t, registry.DocReplaced, v1.Status)

	docs, err := e.Store.Documents(ctx(), Regency, r.ID)
	require.NoError(t, err)
	require.Len(t, docs, 3, "the akta, the KIA and now the KK")
	kk := docOf(t, docs, registry.DocKK)
	assert.Equal(t, FamilyKK, kk.Number)
	assert.Equal(t, 2, kk.Version)
	assert.Equal(t, registry.DocActive, kk.Status)
	assert.True(t, kk.IssuedAt.Equal(v.At))
	claims := verified(t, []registry.Document{kk}, v.At)
	assert.Equal(t, FatherNIK, claims[0].Identity.NIK, "the KK's identity is its head")
	assert.JSONEq(t, mustJSON(t, v.Card), string(kk.Model), "the document's model is the completed version")
	st, err := e.Service.DocumentStatus(ctx(), registry.DocKK, FamilyKK)
	require.NoError(t, err)
	assert.Equal(t, registry.DocActive, st.Status)
	assert.Equal(t, 2, st.CurrentVersion)
	events := map[string]bool{}
	for _, d := range deliveries(t, e, ep.ID) {
		events[d.EventID] = true
	}
	assert.True(t, events[registry.DocumentEventID(Regency, r.ID, registry.DocKK, FamilyKK, 2)], "the partner hears of the KK")

	_, err = e.Service.ImportFamily(ctx(), card, "officer.dewi")
	assert.ErrorIs(t, err, registry.ErrConflict, "an imported card is not imported again")
	// Their next child, born eleven months later, goes onto the completed card.
	later := Today.AddDays(330)
	e.Clock.SetDay(later)
	b := Birth("c-2", later.AddDays(-1), "L")
	b.Child.BirthOrder = 3
	_, reg2 := registered(t, e, b)
	d := docOf(t, reg2.Documents, registry.DocKK)
	assert.Equal(t, 3, d.Version)
	assert.Equal(t, []string{FatherNIK, MotherNIK, SonNIK, reg.NIK.String(), reg2.NIK.String()}, niks(cardOf(t, d)))
	st, err = e.Service.DocumentVersionStatus(ctx(), registry.DocKK, FamilyKK, 2)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, st.Status, "the KK issued at completion is replaced by the next")
}

// testDeathOnReportCard: the head of a card built from a report dies; the
// card knows neither his birth place nor his birth date, and still gets its
// new number in the register (no KK document: the card cannot be printed
// until an officer completes it, which then issues it).
func testDeathOnReportCard(t *testing.T, e *Env) {
	_, breg := registered(t, e, Birth("r-1", Today.AddDays(-2), "P"))
	reg, err := registerDeath(t, e, deathOf("r-death", FatherNIK, "Ahmad Fauzi", "L"))
	require.NoError(t, err)
	verified(t, reg.Documents, reg.At)
	require.Len(t, reg.Documents, 1, "the akta kematian; the new card cannot be printed")
	want, err := adminduk.NewKK(Kecamatan, Today, 1)
	require.NoError(t, err)
	old, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, want, old.ReplacedBy)
	assert.Equal(t, registry.DocReplaced, old.Status)
	nv, err := e.Service.Family(ctx(), Regency, want)
	require.NoError(t, err)
	assert.Equal(t, []string{MotherNIK, breg.NIK.String()}, niks(nv.Card))
	assert.False(t, nv.Printable())

	// The officer completes the widow's card: its KK is issued.
	card := FamilyCard()
	mother, son := card.Members[1], card.Members[2]
	mother.Relationship, mother.MaritalStatus = akta.RelHead, akta.Widowed
	baby := son
	baby.Name, baby.NIK, baby.Sex, baby.BirthDate = "Putri Aminah", breg.NIK, adminduk.Female, Today.AddDays(-2)
	card.Number, card.Members, card.IssuedAt = want, []akta.Member{mother, baby}, Today
	v, err := e.Service.ImportFamily(ctx(), card, "officer.dewi")
	require.NoError(t, err)
	assert.Equal(t, nv.Version+1, v.Version)
	docs, err := e.Store.Documents(ctx(), Regency, nv.ReportID)
	require.NoError(t, err)
	kk := docOf(t, docs, registry.DocKK)
	assert.Equal(t, want.String(), kk.Number)
	assert.Equal(t, v.Version, kk.Version)
	claims := verified(t, []registry.Document{kk}, v.At)
	assert.Equal(t, MotherNIK, claims[0].Identity.NIK, "the widow heads the card")
}

// deathOf is a death report of a member of [FamilyCard], reported by the
// mother (or by the father when the mother died).
func deathOf(ref, nik, name, sex string) *registry.DeathReport {
	d := Death(ref, Today.AddDays(-1))
	d.Deceased = registry.Deceased{NIK: nik, Name: name, Sex: sex}
	d.Reporter = registry.Reporter{NIK: MotherNIK, Name: "Siti Aminah", Relation: "istri"}
	d.Family.KK = FamilyKK
	return d
}

func registerDeath(t *testing.T, e *Env, d *registry.DeathReport) (registry.Registration, error) {
	t.Helper()
	r, _, err := e.Service.NotifyDeath(ctx(), sub, d)
	require.NoError(t, err)
	_, err = e.Service.Verify(ctx(), Regency, r.ID, "officer.dewi")
	require.NoError(t, err)
	return e.Service.Register(ctx(), Regency, r.ID, "officer.dewi")
}

// testDeathOfMember: the death of a baby registered here: the akta
// kematian (KM), the KK's next version without the baby (same number), the
// baby's KIA revoked, the baby deceased (a later KIA request and a second
// death are refused).
func testDeathOfMember(t *testing.T, e *Env) {
	importCard(t, e)
	_, breg := registered(t, e, Birth("m-birth", Today.AddDays(-3), "P"))
	require.True(t, hasDoc(breg.Documents, registry.DocKIA))
	require.NoError(t, e.Service.CheckLiving(ctx(), Regency, breg.NIK))

	reg, err := registerDeath(t, e, deathOf("m-death", breg.NIK.String(), "Bayi Ny. Siti Aminah", "P"))
	require.NoError(t, err)
	assert.Equal(t, "KM", reg.Akta.Type())
	require.Len(t, reg.Documents, 2)
	claims := verified(t, reg.Documents, reg.At)
	am := docOf(t, reg.Documents, registry.DocAktaKematian)
	assert.Equal(t, reg.Akta.String(), am.Number)
	var ad akta.Death
	require.NoError(t, json.Unmarshal(am.Model, &ad), "the akta's model is an akta.Death")
	assert.Equal(t, breg.NIK, ad.Deceased.NIK)
	assert.Equal(t, FamilyKK, claims[0].Document.KKNumber)
	kk := docOf(t, reg.Documents, registry.DocKK)
	assert.Equal(t, FamilyKK, kk.Number)
	assert.Equal(t, 3, kk.Version)
	assert.Equal(t, []string{FatherNIK, MotherNIK, SonNIK}, niks(cardOf(t, kk)))
	st, err := e.Service.DocumentVersionStatus(ctx(), registry.DocKK, FamilyKK, 2)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, st.Status)

	st, err = e.Service.DocumentStatus(ctx(), registry.DocKIA, breg.NIK.String())
	require.NoError(t, err)
	assert.Equal(t, registry.DocRevoked, st.Status, "the deceased's KIA is inactive")
	assert.True(t, st.ChangedAt.Equal(reg.At))
	err = e.Service.CheckLiving(ctx(), Regency, breg.NIK)
	var de *registry.DeceasedError
	require.ErrorAs(t, err, &de)
	assert.ErrorIs(t, err, registry.ErrDeceased)
	assert.Equal(t, Today.AddDays(-1), de.DeathDate)
	_, err = e.Service.FamilyOf(ctx(), Regency, breg.NIK)
	assert.ErrorIs(t, err, registry.ErrNotFound)
	audit, err := e.Store.Audit(ctx(), Regency, breg.ReportID)
	require.NoError(t, err)
	assert.Equal(t, "document.revoked", audit[len(audit)-1].Action, "the revocation is journaled with the birth report")
	assert.Contains(t, audit[len(audit)-1].Detail, "meninggal")

	// The same person cannot die twice: the second report is flagged as a
	// duplicate; even marked not a duplicate it is refused, and nothing is
	// written.
	r2, _, err := e.Service.NotifyDeath(ctx(), sub, deathOf("m-death-2", breg.NIK.String(), "Bayi Ny. Siti Aminah", "P"))
	require.NoError(t, err)
	assert.True(t, r2.Flags.Has(registry.FlagPotentialDuplicate))
	_, err = e.Service.Verify(ctx(), Regency, r2.ID, "officer.dewi")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx(), Regency, r2.ID, "officer.dewi")
	assert.ErrorIs(t, err, registry.ErrUnresolvedDuplicate)
	_, err = e.Service.MarkNotDuplicate(ctx(), Regency, r2.ID, "officer.dewi", "reported again by the hospital")
	require.NoError(t, err)
	_, err = e.Service.Register(ctx(), Regency, r2.ID, "officer.dewi")
	assert.ErrorIs(t, err, registry.ErrDeceased)
	cur, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, 3, cur.Version)
}

// testDeathOfHead: the head dies: a new KK number (kecamatan, day, serial)
// headed by the widow, the old KK replaced.
func testDeathOfHead(t *testing.T, e *Env) {
	importCard(t, e)
	_, breg := registered(t, e, Birth("h-birth", Today.AddDays(-3), "P")) // issues KK version 2
	reg, err := registerDeath(t, e, deathOf("h-death", FatherNIK, "Ahmad Fauzi", "L"))
	require.NoError(t, err)
	claims := verified(t, reg.Documents, reg.At)
	want, err := adminduk.NewKK(Kecamatan, Today, 1)
	require.NoError(t, err)
	kk := docOf(t, reg.Documents, registry.DocKK)
	assert.Equal(t, want.String(), kk.Number)
	assert.Equal(t, 1, kk.Version)
	assert.Equal(t, MotherNIK, claims[1].Identity.NIK, "the widow heads the new card")
	card := cardOf(t, kk)
	assert.Equal(t, []string{MotherNIK, SonNIK, breg.NIK.String()}, niks(card))
	head, _ := card.Head()
	assert.Equal(t, akta.Widowed, head.MaritalStatus)
	assert.Equal(t, FamilyKK, claims[0].Document.KKNumber, "the akta kematian names the deceased's KK")

	old, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, old.Status)
	assert.Equal(t, want, old.ReplacedBy)
	st, err := e.Service.DocumentStatus(ctx(), registry.DocKK, FamilyKK)
	require.NoError(t, err)
	assert.Equal(t, registry.DocReplaced, st.Status, "the old KK's last document")
	nv, err := e.Service.Family(ctx(), Regency, want)
	require.NoError(t, err)
	assert.Equal(t, adminduk.MustParseKK(FamilyKK), nv.Previous)
	assert.Equal(t, registry.DocActive, nv.Status)
	of, err := e.Service.FamilyOf(ctx(), Regency, adminduk.MustParseNIK(SonNIK))
	require.NoError(t, err)
	assert.Equal(t, want, of.Number)

	// A later birth (the widow's posthumous child, born nine months after
	// the first) reported with the old number goes onto the new card.
	later := Today.AddDays(280)
	e.Clock.SetDay(later)
	b := Birth("h-birth-2", later.AddDays(-1), "L")
	b.Child.BirthOrder = 3
	_, reg2 := registered(t, e, b)
	kk2 := docOf(t, reg2.Documents, registry.DocKK)
	assert.Equal(t, want.String(), kk2.Number)
	assert.Equal(t, 2, kk2.Version)
}

// testNewbornDeath: a newborn who died before registration: the death
// report links the birth report (validated to exist in the office); the
// birth registered afterwards gets the akta kelahiran only, and its NIK is
// deceased.
func testNewbornDeath(t *testing.T, e *Env) {
	importCard(t, e)
	br, _, err := e.Service.NotifyBirth(ctx(), sub, Birth("nb-birth", Today.AddDays(-3), "L"))
	require.NoError(t, err)

	d := deathOf("nb-death", "", "Bayi Ny. Siti Aminah", "L")
	d.Deceased.BirthDate = Today.AddDays(-3).String()
	d.Deceased.BirthPlace = "Sukamara"
	for _, bad := range []string{"no-such-report", ""} {
		if bad == "" {
			sb := Stillbirth("nb-sb", Today.AddDays(-1))
			OtherStillbirthMother(sb) // another mother's: not a duplicate of the birth
			other, _, err := e.Service.NotifyStillbirth(ctx(), sub, sb)
			require.NoError(t, err)
			bad = other.ID // a report, but not a birth
		}
		x := *d
		x.Deceased.BirthReport = bad
		_, _, err = e.Service.NotifyDeath(ctx(), sub, &x)
		var ve *adminduk.ValidationError
		require.ErrorAs(t, err, &ve, bad)
		f := ve.Field("/deceased/birth_report")
		require.NotNil(t, f, bad)
		assert.NotEmpty(t, f.Message(adminduk.Indonesian))
		assert.NotEmpty(t, f.Message(adminduk.English))
	}

	d.Deceased.BirthReport = br.ID
	reg, err := registerDeath(t, e, d)
	require.NoError(t, err)
	require.Len(t, reg.Documents, 1, "no NIK and not on a card: the akta kematian only")
	verified(t, reg.Documents, reg.At)
	dr, err := e.Store.DeathOfBirthReport(ctx(), Regency, br.ID)
	require.NoError(t, err)
	assert.Equal(t, reg.ReportID, dr.ReportID)
	assert.False(t, dr.NIK.IsValid())

	_, err = e.Service.Verify(ctx(), Regency, br.ID, "officer.dewi")
	require.NoError(t, err)
	breg, err := e.Service.Register(ctx(), Regency, br.ID, "officer.dewi")
	require.NoError(t, err)
	require.Len(t, breg.Documents, 1, "a child who died: the akta kelahiran, no KIA, no card")
	assert.Equal(t, registry.DocAktaKelahiran, breg.Documents[0].Type)
	verified(t, breg.Documents, breg.At)
	err = e.Service.CheckLiving(ctx(), Regency, breg.NIK)
	assert.ErrorIs(t, err, registry.ErrDeceased)
	cur, err := e.Service.Family(ctx(), Regency, adminduk.MustParseKK(FamilyKK))
	require.NoError(t, err)
	assert.Equal(t, 1, cur.Version)
}

// testStillbirth: a stillbirth gets a surat keterangan lahir mati from its
// own daily sequence, no NIK and no akta, and is counted per period.
func testStillbirth(t *testing.T, e *Env) {
	var numbers []string
	for i := range 2 {
		sb := Stillbirth(fmt.Sprintf("sb-%d", i), Today.AddDays(-1-i))
		if i > 0 {
			OtherStillbirthMother(sb) // two mothers: not duplicates of each other
		}
		s, _, err := e.Service.NotifyStillbirth(ctx(), sub, sb)
		require.NoError(t, err)
		_, err = e.Service.Verify(ctx(), Regency, s.ID, "officer.dewi")
		require.NoError(t, err)
		reg, err := e.Service.Register(ctx(), Regency, s.ID, "officer.dewi")
		require.NoError(t, err)
		assert.False(t, reg.NIK.IsValid())
		assert.False(t, reg.Akta.IsValid())
		require.Len(t, reg.Documents, 1)
		d := reg.Documents[0]
		assert.Equal(t, registry.DocSKLM, d.Type)
		claims := verified(t, reg.Documents, reg.At)
		assert.Equal(t, sb.Mother.NIK, claims[0].Identity.NIK, "the mother: the child has no NIK")
		var c registry.StillbirthCertificate
		require.NoError(t, json.Unmarshal(d.Model, &c))
		assert.Equal(t, d.Number, c.Number)
		assert.Equal(t, Today.AddDays(-1-i), c.Date)
		assert.Equal(t, 32, c.GestationWeeks)
		numbers = append(numbers, d.Number)
	}
	assert.Equal(t, []string{"6208-SKLM-03122026-0001", "6208-SKLM-03122026-0002"}, numbers)
	// The akta sequence is not touched by them.
	b := Birth("sb-birth", Today.AddDays(-1), "L")
	OtherMother(b)
	_, reg := registered(t, e, b)
	assert.Equal(t, 1, reg.Akta.Serial())

	all, err := e.Service.Stillbirths(ctx(), Regency, Today.AddDays(-30), Today)
	require.NoError(t, err)
	assert.Len(t, all, 2)
	one, err := e.Service.Stillbirths(ctx(), Regency, Today.AddDays(-1), Today.AddDays(-1))
	require.NoError(t, err)
	require.Len(t, one, 1)
	assert.Equal(t, Kecamatan, one[0].Kecamatan)
	assert.Equal(t, adminduk.Male, one[0].Sex)
	none, err := e.Service.Stillbirths(ctx(), Regency, Today.AddDays(-60), Today.AddDays(-31))
	require.NoError(t, err)
	assert.Empty(t, none)
	_, err = e.Service.Stillbirths(ctx(), Regency, Today, Today.AddDays(-1))
	var ve *adminduk.ValidationError
	assert.ErrorAs(t, err, &ve)
}
