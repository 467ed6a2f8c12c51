package partnership

import (
	"strconv"

	"github.com/adminduk-id/adminduk/adminduk"
)

// The labels of the enumerations in Indonesian and English, as reports and
// forms print them; the keys (String) are in the files of each type.
var (
	stateText = [...][2]string{
		Draft: {"Draf", "Draft"}, Signed: {"Ditandatangani", "Signed"}, Active: {"Berlaku", "Active"},
		Suspended: {"Ditangguhkan", "Suspended"}, Expired: {"Berakhir", "Expired"}, Terminated: {"Diakhiri", "Terminated"},
	}
	eventText = [...][2]string{
		EventSign: {"Penandatanganan", "Signing"}, EventActivate: {"Mulai berlaku", "Activation"},
		EventSuspend: {"Penangguhan", "Suspension"}, EventResume: {"Dilanjutkan", "Resumption"},
		EventExpire: {"Berakhir", "Expiry"}, EventTerminate: {"Pengakhiran", "Termination"}, EventRenew: {"Perpanjangan", "Renewal"},
	}
	groupText = [...][2]string{
		GroupHealth: {"Kesehatan", "Health"}, GroupEducation: {"Pendidikan", "Education"},
		GroupBenefit: {"Pemanfaatan KIA", "KIA benefit"}, GroupOther: {"Lainnya", "Other"},
	}
	categoryEnglish = [...]string{
		RumahSakit: "Hospital", Klinik: "Clinic", Bidan: "Independent midwife", Puskesmas: "Community health centre",
		PAUDTK: "Pre-school or kindergarten", SD: "Primary school", SMP: "Junior secondary school",
		SMASMK: "Senior secondary or vocational school", TempatWisata: "Tourism site", Merchant: "Merchant", OtherCategory: "Other",
	}
	serviceText = [...][2]string{
		AktaKelahiran: {"Akta kelahiran", "Birth certificate"}, KK: {"Kartu keluarga", "Family card"},
		KIA: {"Kartu identitas anak", "Child identity card"}, AktaKematian: {"Akta kematian", "Death certificate"},
		PerekamanSekolah: {"Perekaman data di sekolah", "Data recording at school"}, KIABenefit: {"Pemanfaatan KIA", "KIA holder benefit"},
	}
	targetKindText = [...][2]string{PerYear: {"Per tahun", "Per year"}, EveryDistrict: {"Setiap kecamatan", "Every kecamatan"}}
)

// text returns the label of value v in l from a table of Indonesian and
// English labels, "" when v names nothing.
func text(table [][2]string, v int, l adminduk.Lang) string {
	if v <= 0 || v >= len(table) || !l.IsValid() {
		return ""
	}
	return table[v][l]
}

// unknown is the String of a value v of type typ that names nothing:
// "State(9)".
func unknown(typ string, v int) string { return typ + "(" + strconv.Itoa(v) + ")" }

// Text returns the label of the state in l: "Berlaku" or "Active"; "" when s
// is not valid.
func (s State) Text(l adminduk.Lang) string { return text(stateText[:], int(s), l) }

// Text returns the label of the event in l: "Perpanjangan" or "Renewal"; ""
// when e is not valid.
func (e Event) Text(l adminduk.Lang) string { return text(eventText[:], int(e), l) }

// Text returns the label of the group in l: "Kesehatan" or "Health"; "" when
// g is not valid.
func (g Group) Text(l adminduk.Lang) string { return text(groupText[:], int(g), l) }

// Text returns the name of the category in l: "Bidan praktik mandiri" or
// "Independent midwife"; "" when c is not valid.
func (c Category) Text(l adminduk.Lang) string {
	if !c.IsValid() || !l.IsValid() {
		return ""
	}
	if l == adminduk.English {
		return categoryEnglish[c]
	}
	return categoryInfo[c].title
}

// Text returns the name of the service in l: "Akta kelahiran" or "Birth
// certificate"; "" when s is not valid.
func (s Service) Text(l adminduk.Lang) string { return text(serviceText[:], int(s), l) }

// Text returns the label of the target kind in l: "Per tahun" or "Per
// year"; "" when k is not valid.
func (k CountTargetKind) Text(l adminduk.Lang) string { return text(targetKindText[:], int(k), l) }
