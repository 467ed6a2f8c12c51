package registry

import (
	"github.com/adminduk-id/adminduk/adminduk"
	"github.com/adminduk-id/adminduk/akta"
)

// The checks of a report against the day it is submitted or resubmitted:
// an event dated in the future is a field error, and the flags the report
// gets. Notify and resubmit use the same ones.

// eventFlags flags a birth late after 60 days, and incomplete when the
// child has a provisional name, registration still needs something
// ([BirthReport.ValidateNotify]) or the religion the KIA prints is missing.
func (r *BirthReport) eventFlags(c *adminduk.Checker, today adminduk.Date) Flags {
	birth, err := adminduk.ParseDate(r.Child.BirthDate)
	if err != nil {
		return 0
	}
	var flags Flags
	if birth.After(today) {
		c.AddCode(adminduk.NewPointer("child", "birth_date"), adminduk.CodeOrder,
			"tanggal lahir di masa depan", "the birth date is in the future")
	} else if akta.BirthLate(birth, today) {
		flags |= FlagLate
	}
	if missing, _ := r.ValidateNotify(); r.Child.ProvisionalName || r.Child.Religion == "" || len(missing) > 0 {
		flags |= FlagIncomplete
	}
	return flags
}

// eventFlags flags a death late after its deadline, and incomplete when the
// deceased has neither a NIK nor a linked birth report.
func (r *DeathReport) eventFlags(c *adminduk.Checker, today adminduk.Date) Flags {
	died, err := adminduk.ParseDate(r.DeathDate)
	if err != nil {
		return 0
	}
	var flags Flags
	if died.After(today) {
		c.AddCode(adminduk.NewPointer("death_date"), adminduk.CodeOrder,
			"tanggal kematian di masa depan", "the death date is in the future")
	} else if akta.DeathLate(died, today) {
		flags |= FlagLate
	}
	if r.Deceased.NIK == "" && r.Deceased.BirthReport == "" {
		flags |= FlagIncomplete
	}
	return flags
}

// eventFlags refuses a stillbirth dated in the future; it has no flags.
func (r *StillbirthReport) eventFlags(c *adminduk.Checker, today adminduk.Date) Flags {
	if d, err := adminduk.ParseDate(r.Date); err == nil && d.After(today) {
		c.AddCode(adminduk.NewPointer("date"), adminduk.CodeOrder, "tanggal di masa depan", "the date is in the future")
	}
	return 0
}
