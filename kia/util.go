package kia

import (
	"errors"
	"strconv"
	"time"
)

func itoa(n int) string { return strconv.Itoa(n) }

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// formatDMY writes a date as the card prints it: 05-12-2023.
func formatDMY(t time.Time) string { return t.Format("02-01-2006") }
