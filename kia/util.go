package kia

import (
	"errors"
	"strconv"

	"golang.org/x/text/unicode/norm"

	"github.com/adminduk-id/adminduk/adminduk"
)

// nfc returns s in Unicode normalisation form C: "Nu\u0301r" becomes
// "N\u00far", one letter the fonts have, as the QR code carries it.
func nfc(s string) string { return norm.NFC.String(s) }

func itoa(n int) string { return strconv.Itoa(n) }

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// formatDMY writes a date as the card prints it: 05-12-2023.
func formatDMY(d adminduk.Date) string {
	b := make([]byte, 0, 10)
	b = appendPad(b, d.Day(), 2)
	b = append(b, '-')
	b = appendPad(b, int(d.Month()), 2)
	b = append(b, '-')
	return string(appendPad(b, d.Year(), 4))
}

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
