package webui

import (
	"net/http"

	"github.com/adminduk-id/adminduk/registry"
)

// messages are the texts of the pages, by language and key. Both languages
// have the same keys (a test checks).
var messages = map[string]map[string]string{
	"id": {
		"app": "Adminduk — Dinas Kependudukan dan Pencatatan Sipil", "skip": "Langsung ke isi",
		"dashboard": "Dasbor", "births": "Kelahiran", "deaths": "Kematian", "stillbirths": "Lahir mati",
		"partners": "Mitra & PKS", "verify": "Verifikasi dokumen", "logout": "Keluar", "login": "Masuk",
		"username": "Nama pengguna", "password": "Kata sandi", "login_title": "Masuk petugas",
		"login_failed": "Nama pengguna atau kata sandi salah.", "login_limited": "Terlalu banyak percobaan gagal. Coba lagi nanti.",
		"lang_switch": "English", "signed_in_as": "Masuk sebagai",
		"waiting": "Laporan menunggu per status", "kind": "Jenis", "status": "Status", "count": "Jumlah",
		"late": "Terlambat", "late_regs": "Pelaporan terlambat", "no_reports": "Belum ada laporan.",
		"expiring": "PKS berakhir dalam 60 hari", "lapsed": "PKS berakhir atau ditangguhkan",
		"none": "Tidak ada.", "partner": "Mitra", "category": "Kategori", "end": "Berakhir", "days_left": "Sisa hari",
		"coverage": "Cakupan akta dan KIA", "no_population": "Belum ada data penduduk yang diimpor: cakupan belum dapat dihitung. Tidak ada angka yang ditampilkan.",
		"queue": "Antrean", "filter": "Saring", "all": "Semua", "flag": "Tanda", "created": "Dilaporkan",
		"open": "Buka", "report": "Laporan", "fields": "Isi laporan", "field": "Kolom", "value": "Nilai",
		"flags": "Tanda", "history": "Riwayat tindakan", "seq": "No.", "action": "Tindakan", "actor": "Oleh",
		"at": "Waktu", "reason": "Alasan", "documents": "Dokumen", "no_documents": "Belum ada dokumen.",
		"type": "Jenis", "number": "Nomor", "version": "Versi", "next_steps": "Langkah berikutnya",
		"no_steps": "Tidak ada langkah yang dapat Anda ambil.", "receiver": "Penerima", "relation": "Hubungan",
		"registration": "Registrasi", "nik": "NIK", "akta": "Nomor akta", "done": "Tersimpan.",
		"document": "Dokumen", "payload": "Isi kode QR", "qr": "Kode QR", "pdf_later": "Tampilan PDF dokumen belum tersedia di server ini.",
		"verify_title": "Verifikasi dokumen kependudukan", "verify_help": "Tempel isi kode QR, atau unggah foto/gambar PNG kartu atau akta.",
		"qr_text": "Isi kode QR", "photo": "Foto atau gambar kartu", "check": "Periksa",
		"result": "Hasil pemeriksaan", "offline": "Pemeriksaan tanda tangan", "online": "Status di Dinas",
		"issuer": "Penerbit", "issued": "Diterbitkan", "expires": "Berlaku sampai", "name": "Nama",
		"no_qr": "Tidak ada kode QR yang terbaca pada gambar.", "nothing_to_check": "Tempel isi kode QR atau pilih gambar.",
		"online_unknown": "Dokumen ini tidak dikenal oleh Dinas.", "current_version": "Versi terbaru",
		"new_partner": "Mitra dan PKS baru", "district": "Kecamatan (kode)", "start": "Mulai", "term": "Jangka (bulan)",
		"services": "Layanan", "agreement_no": "Nomor PKS", "create": "Simpan", "state": "Keadaan",
		"event": "Perubahan", "apply": "Terapkan", "agreements": "Perjanjian kerja sama (PKS)",
		"forbidden": "Anda tidak berwenang untuk tindakan ini.", "not_found": "Tidak ditemukan.",
		"error": "Terjadi kesalahan.", "invalid": "Isian tidak sah:", "api_key": "Kunci API (hanya ditampilkan sekali, simpan sekarang)",
		"new_key": "Buat kunci API", "keys": "Kunci API",
	},
	"en": {
		"app": "Adminduk — Population and Civil Registration Office", "skip": "Skip to content",
		"dashboard": "Dashboard", "births": "Births", "deaths": "Deaths", "stillbirths": "Stillbirths",
		"partners": "Partners & PKS", "verify": "Verify a document", "logout": "Log out", "login": "Log in",
		"username": "Username", "password": "Password", "login_title": "Officer login",
		"login_failed": "Wrong username or password.", "login_limited": "Too many failed attempts. Try again later.",
		"lang_switch": "Bahasa Indonesia", "signed_in_as": "Signed in as",
		"waiting": "Reports waiting by state", "kind": "Kind", "status": "Status", "count": "Count",
		"late": "Late", "late_regs": "Late reports", "no_reports": "No reports yet.",
		"expiring": "PKS ending within 60 days", "lapsed": "PKS ended or suspended",
		"none": "None.", "partner": "Partner", "category": "Category", "end": "Ends", "days_left": "Days left",
		"coverage": "Akta and KIA coverage", "no_population": "No population imported yet: coverage cannot be computed. No figures are shown.",
		"queue": "Queue", "filter": "Filter", "all": "All", "flag": "Flag", "created": "Reported",
		"open": "Open", "report": "Report", "fields": "Report content", "field": "Field", "value": "Value",
		"flags": "Flags", "history": "Action history", "seq": "No.", "action": "Action", "actor": "By",
		"at": "Time", "reason": "Reason", "documents": "Documents", "no_documents": "No documents yet.",
		"type": "Type", "number": "Number", "version": "Version", "next_steps": "Next steps",
		"no_steps": "There is no step you can take.", "receiver": "Receiver", "relation": "Relation",
		"registration": "Registration", "nik": "NIK", "akta": "Akta number", "done": "Saved.",
		"document": "Document", "payload": "QR code content", "qr": "QR code", "pdf_later": "The PDF view of documents is not available on this server yet.",
		"verify_title": "Verify a civil-registration document", "verify_help": "Paste the text of the QR code, or upload a photo or PNG image of the card or akta.",
		"qr_text": "QR code text", "photo": "Photo or image of the card", "check": "Check",
		"result": "Result", "offline": "Signature check", "online": "Status at the Dinas",
		"issuer": "Issuer", "issued": "Issued", "expires": "Valid until", "name": "Name",
		"no_qr": "No QR code could be read in the image.", "nothing_to_check": "Paste the QR code text or choose an image.",
		"online_unknown": "The Dinas does not know this document.", "current_version": "Current version",
		"new_partner": "New partner and PKS", "district": "Kecamatan (code)", "start": "Start", "term": "Term (months)",
		"services": "Services", "agreement_no": "PKS number", "create": "Save", "state": "State",
		"event": "Change", "apply": "Apply", "agreements": "Partnership agreements (PKS)",
		"forbidden": "You are not allowed to do this.", "not_found": "Not found.",
		"error": "Something went wrong.", "invalid": "Invalid input:", "api_key": "API key (shown only once, save it now)",
		"new_key": "Create API key", "keys": "API keys",
	},
}

// statusText names report states and steps for people.
var statusText = map[string]map[string]string{
	"id": {
		"notified": "Dilaporkan", "returned": "Dikembalikan", "verified": "Diverifikasi", "registered": "Teregistrasi",
		"issued": "Diterbitkan", "handed_over": "Diserahkan", "revoked": "Dicabut", "archived": "Diarsipkan",
		"notify": "Lapor", "verify": "Verifikasi", "return": "Kembalikan", "resubmit": "Kirim ulang", "register": "Registrasi",
		"issue": "Terbitkan", "hand_over": "Serahkan", "correct": "Koreksi", "revoke": "Cabut", "archive": "Arsipkan",
		"birth": "Kelahiran", "death": "Kematian", "stillbirth": "Lahir mati",
		"potential_duplicate": "Mungkin ganda", "late": "Terlambat", "incomplete": "Belum lengkap",
		"active": "Berlaku", "replaced": "Diganti", "valid": "SAH",
	},
	"en": {
		"notified": "Notified", "returned": "Returned", "verified": "Verified", "registered": "Registered",
		"issued": "Issued", "handed_over": "Handed over", "revoked": "Revoked", "archived": "Archived",
		"notify": "Notify", "verify": "Verify", "return": "Return", "resubmit": "Resubmit", "register": "Register",
		"issue": "Issue", "hand_over": "Hand over", "correct": "Correct", "revoke": "Revoke", "archive": "Archive",
		"birth": "Birth", "death": "Death", "stillbirth": "Stillbirth",
		"potential_duplicate": "Potential duplicate", "late": "Late", "incomplete": "Incomplete",
		"active": "Active", "replaced": "Replaced", "valid": "VALID",
	},
}

// word returns the text of a state, step, kind or flag key in lang.
func word(lang, key string) string {
	if s, ok := statusText[lang][key]; ok {
		return s
	}
	return key
}

// langOf picks the language of a request: ?lang=, then the cookie, then def.
func langOf(r *http.Request, def string) string {
	if l := r.URL.Query().Get("lang"); l == "id" || l == "en" {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && (c.Value == "id" || c.Value == "en") {
		return c.Value
	}
	return def
}

// kindKey is the route segment of a report kind.
func kindKey(k registry.Kind) string {
	switch k {
	case registry.KindDeath:
		return "deaths"
	case registry.KindStillbirth:
		return "stillbirths"
	}
	return "births"
}
