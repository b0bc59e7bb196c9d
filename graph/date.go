package graph

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Precision says how much of a Date is known.
type Precision int

// The precisions of a Date, from none (the zero Date) to a day.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// String returns "year", "month", "day" or "" for PrecisionNone.
func (p Precision) String() string {
	return [...]string{"", "year", "month", "day"}[p]
}

// Date is a calendar date known to a year, a month or a day: sources often
// date an event no more precisely than "February 2022" or "2001". The zero
// Date is unknown (an open end of a Period).
type Date struct {
	Year  int
	Month int // 0 when only the year is known
	Day   int // 0 when only the year or the month is known
}

// ParseDate parses "2006", "2006-01" or "2006-01-02", in ASCII digits as
// written (no sign, "0100" is the year 100), and checks that the date exists
// in the calendar.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var nums [3]int
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return Date{}, fmt.Errorf("invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || strings.Trim(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		if i > 0 && n == 0 {
			// "2001-00": a written month or day of 00 is no month or day.
			return Date{}, fmt.Errorf("impossible date %q: month and day count from 01", s)
		}
		nums[i] = n
	}
	d := Date{Year: nums[0], Month: nums[1], Day: nums[2]}
	if err := d.check(); err != nil {
		return Date{}, fmt.Errorf("impossible date %q: %v", s, err)
	}
	return d, nil
}

func (d Date) check() error {
	if d.Year < 1 {
		return fmt.Errorf("year %d out of range", d.Year)
	}
	if d.Month == 0 {
		if d.Day != 0 {
			return fmt.Errorf("day without a month")
		}
		return nil
	}
	if d.Month > 12 {
		return fmt.Errorf("month %d out of range", d.Month)
	}
	if d.Day == 0 {
		return nil
	}
	last := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d.Day > last {
		return fmt.Errorf("%s has %d days", time.Month(d.Month), last)
	}
	return nil
}

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return PrecisionNone
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// String formats d as it is written in a dataset: "2022", "2022-02" or
// "2022-02-24"; the zero Date is "".
func (d Date) String() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Compare orders dates by their first possible day: -1 if d is earlier than
// e, +1 if later, 0 if they start on the same day ("2022" and "2022-01"
// compare equal).
func (d Date) Compare(e Date) int {
	a := [3]int{d.Year, max(d.Month, 1), max(d.Day, 1)}
	b := [3]int{e.Year, max(e.Month, 1), max(e.Day, 1)}
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// UnmarshalJSON accepts a year as a number (2001) or any date as a string.
func (d *Date) UnmarshalJSON(b []byte) error {
	if s, ok := plainJSONString(b); ok { // the usual case, without decoding twice
		v, err := ParseDate(s)
		if err != nil {
			return err
		}
		*d = v
		return nil
	}
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		*d = Date{Year: n}
		if err := d.check(); err != nil {
			return fmt.Errorf("impossible date %d: %v", n, err)
		}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("invalid date %s: want YYYY, YYYY-MM or YYYY-MM-DD", b)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// plainJSONString returns the string the JSON string b holds when it needs
// no decoding: quoted, valid UTF-8, no escape and no control character.
func plainJSONString(b []byte) (string, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return "", false
	}
	in := b[1 : len(b)-1]
	for _, c := range in {
		if c == '"' || c == '\\' || c < 0x20 {
			return "", false
		}
	}
	if !utf8.Valid(in) {
		return "", false
	}
	return string(in), true
}

// MarshalJSON writes d as a string.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }
