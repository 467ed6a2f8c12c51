package registry

import "strings"

// IsProvisionalName reports whether name is a provisional name of a newborn
// as faskes write them before the parents name the child: "Bayi Ny. Siti
// Aminah", "By. Ny. Siti", "Bayi Nyonya Siti", "Bayi Laki-laki" — a first
// word "Bayi" or "By" (case and dots ignored).
func IsProvisionalName(name string) bool {
	words := strings.Fields(strings.ToUpper(strings.ReplaceAll(name, ".", ". ")))
	if len(words) == 0 {
		return false
	}
	first := strings.TrimSuffix(words[0], ".")
	return first == "BAYI" || first == "BY"
}

// checkNamed refuses to register a birth whose child has a provisional name
// (see the package doc, "Provisional names").
func checkNamed(id string, b *BirthReport) error {
	if b.Child.ProvisionalName || IsProvisionalName(b.Child.Name) {
		return &ProvisionalNameError{ReportID: id, Name: b.Child.Name}
	}
	return nil
}
