package webui

// moreMessages are the texts of the document, duplicate, coverage and
// webhook panels; init adds them to messages (both languages, same keys).
var moreMessages = map[string]map[string]string{
	"id": {
		"print": "Cetakan dokumen", "open_pdf": "Buka PDF", "open_png": "Gambar PNG",
		"no_pdf_viewer": "Peramban ini tidak menampilkan PDF di halaman.",
		"correction":    "Koreksi akta (catatan pinggir)", "correction_help": "Isi hanya nama yang berubah; dasar hukumnya dicetak sebagai catatan pinggir pada versi berikutnya.",
		"child_name": "Nama anak yang benar", "father_name": "Nama ayah yang benar", "mother_name": "Nama ibu yang benar",
		"authority": "Dasar (penetapan pengadilan / keputusan Kepala Dinas)",
		"duplicate": "Kemungkinan laporan ganda", "this_report": "Laporan ini", "candidate": "Laporan pembanding",
		"rule": "Aturan", "is_duplicate": "Ganda: arsipkan laporan ini", "not_duplicate": "Bukan ganda",
		"decisions": "Keputusan", "body_versions": "Versi isi laporan", "decided_dup": "ganda", "decided_not": "bukan ganda",
		"target": "Target", "with_doc": "Memiliki", "required": "Wajib", "gap": "Kekurangan", "percent": "Persen",
		"akta_cov": "Akta kelahiran (0–17 tahun)", "kia_cov": "KIA (0–4 tahun)", "chart_alt": "Grafik cakupan akta dan KIA per kecamatan",
		"population_of": "Penduduk per", "webhooks": "Webhook", "endpoint": "Alamat", "deliveries": "Pengiriman",
		"attempts": "Percobaan", "active_state": "Aktif", "disabled": "Nonaktif", "last_used": "Terakhir dipakai",
		"revoked_at": "Dicabut", "label": "Label", "made": "Dibuat", "changed": "yang berubah", "before": "Sebelum", "after": "Sesudah", "event_type": "Peristiwa",
	},
	"en": {
		"print": "Printed document", "open_pdf": "Open PDF", "open_png": "PNG image",
		"no_pdf_viewer": "This browser does not show PDFs inside the page.",
		"correction":    "Correct the akta (marginal note)", "correction_help": "Fill in only the names that change; the authority is printed as the marginal note of the next version.",
		"child_name": "Correct child name", "father_name": "Correct father name", "mother_name": "Correct mother name",
		"authority": "Authority (court order / Head of Dinas decision)",
		"duplicate": "Potential duplicate report", "this_report": "This report", "candidate": "Candidate report",
		"rule": "Rule", "is_duplicate": "Duplicate: archive this report", "not_duplicate": "Not a duplicate",
		"decisions": "Decisions", "body_versions": "Report body versions", "decided_dup": "duplicate", "decided_not": "not a duplicate",
		"target": "Target", "with_doc": "Holding", "required": "Required", "gap": "Gap", "percent": "Percent",
		"akta_cov": "Birth certificate (ages 0–17)", "kia_cov": "KIA (ages 0–4)", "chart_alt": "Chart of akta and KIA coverage by kecamatan",
		"population_of": "Population as of", "webhooks": "Webhooks", "endpoint": "URL", "deliveries": "Deliveries",
		"attempts": "Attempts", "active_state": "Active", "disabled": "Disabled", "last_used": "Last used",
		"revoked_at": "Revoked", "label": "Label", "made": "Created", "changed": "what changed", "before": "Before", "after": "After", "event_type": "Event",
	},
}

func init() {
	for lang, m := range moreMessages {
		for k, v := range m {
			messages[lang][k] = v
		}
	}
}
