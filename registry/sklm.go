package registry

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/adminduk/credential"
	"github.com/adminduk-id/adminduk/adminduk/wilayah"
	"github.com/adminduk-id/adminduk/akta"
)

// Stillbirth decodes the body of a stillbirth report.
func (r *Report) Stillbirth() (*StillbirthReport, error) {
	if r.Kind != KindStillbirth {
		return nil, fmt.Errorf("registry: report %q is a %s report, not a stillbirth: %w", r.ID, r.Kind, ErrConflict)
	}
	var s StillbirthReport
	if err := json.Unmarshal(r.Body, &s); err != nil {
		return nil, fmt.Errorf("registry: report %q: %w", r.ID, err)
	}
	return &s, nil
}

// SKLMCode is the type code in the number of a surat keterangan lahir mati.
const SKLMCode = "SKLM"

// SKLMNumber returns the number of the surat keterangan lahir mati with
// serial (1-9999) of the office's daily SKLM sequence on day:
// `KKKK-SKLM-DDMMYYYY-NNNN`, the layout of the akta register numbers with
// its own type code, e.g. 6208-SKLM-03122026-0001. No regulation fixes this
// number; it is the registry's.
func SKLMNumber(office wilayah.Code, day adminduk.Date, serial int) (string, error) {
	if serial < 1 || serial > 9999 {
		return "", fmt.Errorf("registry: SKLM serial %d outside 1-9999: %w", serial, adminduk.ErrInvalidSerial)
	}
	if !office.IsValid() || office.Level() != wilayah.LevelRegency || day.IsZero() {
		return "", fmt.Errorf("registry: SKLM number needs a kab/kota and a day, got %q and %q: %w", office, day, adminduk.ErrInvalid)
	}
	return fmt.Sprintf("%s-%s-%02d%02d%04d-%04d", office.Plain(), SKLMCode, day.Day(), int(day.Month()), day.Year(), serial), nil
}

// StillbirthCertificate is the surat keterangan lahir mati (SKLM) the
// registry issues for a stillbirth: no NIK and no akta, the mother, the
// facts of form F-2.01 and the issuing Dinas. It is the model the document
// is rendered from; its JSON form is the stored model.
type StillbirthCertificate struct {
	Number         string            `json:"number"` // see SKLMNumber
	Date           adminduk.Date     `json:"date"`
	GestationWeeks int               `json:"gestation_weeks"`
	Sex            adminduk.Sex      `json:"sex,omitzero"` // 0: unknown
	Multiplicity   akta.Multiplicity `json:"multiplicity"`
	BirthOrder     int               `json:"birth_order"`
	PlaceType      PlaceType         `json:"place_type"`
	Place          string            `json:"place"`
	Attendant      Attendant         `json:"attendant"`
	Cause          string            `json:"cause,omitempty"`
	DeterminedBy   DeterminedBy      `json:"determined_by"`
	Mother         akta.Party        `json:"mother"`
	Address        adminduk.Address  `json:"address"`
	Reporter       akta.Party        `json:"reporter"`
	RegisteredAt   adminduk.Date     `json:"registered_at"`
	IssuedAt       adminduk.Date     `json:"issued_at"`
	Issuer         adminduk.Issuer   `json:"issuer"`
}

// Claims returns the claims of the SKLM's signed QR credential, issued at
// iat: the mother as the identity (the child has no NIK), the type "SKLM",
// the number, and the date and place of the stillbirth.
func (c *StillbirthCertificate) Claims(iat time.Time) credential.Claims {
	return credential.Claims{
		Issuer: c.Issuer.ID(), IssuedAt: iat,
		Identity: credential.Identity{NIK: c.Mother.NIK.String(), Name: akta.Printed(c.Mother.Name),
			District: c.Address.Village.Truncate(wilayah.LevelDistrict).String(), Country: credential.NationalityIDN},
		Document: credential.Document{Type: string(DocSKLM), Number: c.Number, EventDate: ymd(c.Date), EventPlace: akta.Printed(c.Place)},
	}
}

func ymd(d adminduk.Date) string {
	if d.IsZero() {
		return ""
	}
	return strings.ReplaceAll(d.String(), "-", "")
}

// registerStillbirth issues the surat keterangan lahir mati of a stillbirth
// registration (number from the office's daily SKLM sequence) and records
// the stillbirth to be counted; no NIK, no akta.
func (s *Service) registerStillbirth(ctx context.Context, tx RegisterTx, o *Office, r *Report, reg *Registration) ([]Document, error) {
	sb, err := r.Stillbirth()
	if err != nil {
		return nil, err
	}
	serial, err := tx.NextDocSerial(ctx, DocSKLM, reg.Registered)
	if err != nil {
		return nil, err
	}
	num, err := SKLMNumber(o.Regency(), reg.Registered, serial)
	if err != nil {
		return nil, err
	}
	village, _ := wilayah.ParseCode(sb.Family.Address.Village)
	c := &StillbirthCertificate{Number: num, GestationWeeks: sb.GestationWeeks, BirthOrder: sb.BirthOrder,
		PlaceType: sb.PlaceType, Place: sb.Place, Attendant: sb.Attendant, Cause: sb.Cause, DeterminedBy: sb.DeterminedBy,
		Mother: party(sb.Mother.NIK, sb.Mother.Name), Reporter: party(sb.Reporter.NIK, sb.Reporter.Name),
		Address:      adminduk.Address{Street: sb.Family.Address.Street, RT: sb.Family.Address.RT, RW: sb.Family.Address.RW, Village: village},
		RegisteredAt: reg.Registered, IssuedAt: reg.Registered, Issuer: o.Issuer}
	c.Date, _ = adminduk.ParseDate(sb.Date)
	c.Multiplicity, _ = akta.ParseMultiplicity(sb.Multiplicity)
	if sb.Sex != "" {
		c.Sex, _ = adminduk.ParseSex(sb.Sex)
	}
	payload, err := o.Signer.Sign(c.Claims(reg.At))
	if err != nil {
		return nil, fmt.Errorf("registry: sign SKLM %s: %w", num, err)
	}
	doc, err := newDocument(o, r.ID, DocSKLM, num, payload, c, reg.At)
	if err != nil {
		return nil, err
	}
	err = tx.RecordStillbirth(ctx, StillbirthRecord{Office: o.Regency(), ReportID: r.ID, Number: num, Date: c.Date,
		Kecamatan: village.District(), Sex: c.Sex, At: reg.At})
	if err != nil {
		return nil, err
	}
	return []Document{doc}, nil
}
