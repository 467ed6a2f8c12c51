package kia

import (
	"errors"
	"strconv"
	"time"

	"golang.org/x/text/unicode/norm"
)

// nfc returns s in Unicode normalisation form C: "Nu\u0301r" becomes
// "N\u00far", one letter the fonts have, as the QR code carries it.
func nfc(s string) string { return norm.NFC.String(s) }

func itoa(n int) string { return strconv.Itoa(n) }

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// formatDMY writes a date as the card prints it: 05-12-2023.
func formatDMY(t time.Time) string { return t.Format("02-01-2006") }
