package graph_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

var dateShape = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// FuzzParseDate checks that the date reader takes dates exactly as written:
// whatever it accepts has the shape YYYY, YYYY-MM or YYYY-MM-DD in digits
// and prints back to the same text. Run it with:
//
//	go test ./graph -run '^$' -fuzz FuzzParseDate -fuzztime 1m -fuzzminimizetime 10s
//
// (-fuzzminimizetime bounds the shrinking of a failing input, 60s by
// default; scripts/fuzz runs every target a few seconds in CI.)
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2022", "2022-02", "2022-02-24", "2022-02-30", "2000-02-29", "1900-02-29", "0001", "0000",
		"0100", "+001", "2022-+1", "2022--1", "2_001", "0x7D1", "-0044", "20222", "2022-2", "2022-02-24-1", "", "-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := graph.ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) failed (%v) but returned %+v", s, err, d)
			}
			return
		}
		if !dateShape.MatchString(s) {
			t.Fatalf("ParseDate(%q) accepted text that is not YYYY, YYYY-MM or YYYY-MM-DD: %+v", s, d)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %+v, which prints as %q", s, d, d.String())
		}
	})
}

// FuzzDateUnmarshalJSON checks that Date.UnmarshalJSON, which reads a plain
// string without decoding it as JSON, gives the same date and the same
// error as decoding it as JSON first (an integer year, or a string parsed by
// ParseDate) on any input. Run it as FuzzParseDate.
func FuzzDateUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`"2022"`, `"2022-02-30"`, `2022`, `0`, `"20\u00322"`, `"a\"b"`, `"x`, `""`, `"é"`, "\"\xff\"", "\"a\tb\"", `null`, `"2022-02"`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var got graph.Date
		gotErr := got.UnmarshalJSON(b)
		want, wantErr := decodeDate(b)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || (wantErr == nil && got != want) {
			t.Fatalf("UnmarshalJSON(%q) = %+v, %v; want %+v, %v", b, got, gotErr, want, wantErr)
		}
	})
}

// decodeDate is what Date.UnmarshalJSON does, decoding b as JSON first.
func decodeDate(b []byte) (graph.Date, error) {
	var n int
	if err := json.Unmarshal(b, &n); err == nil {
		d := graph.Date{Year: n}
		var again graph.Date
		return d, again.UnmarshalJSON([]byte(strconv.Itoa(n)))
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return graph.Date{}, fmt.Errorf("invalid date %s: want YYYY, YYYY-MM or YYYY-MM-DD", b)
	}
	return graph.ParseDate(s)
}
