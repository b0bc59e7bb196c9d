package graph_test

import (
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

func date(y, m, d int) graph.Date { return graph.Date{Year: y, Month: m, Day: d} }

// TestYearsOverlaps pins Dyad's one period rule on its edge cases.
func TestYearsOverlaps(t *testing.T) {
	p := func(from, to graph.Date) graph.Period { return graph.Period{From: from, To: to} }
	tests := []struct {
		name  string
		span  graph.Years
		per   graph.Period
		want  bool
		dated bool // OverlapsDated
	}{
		{"undated claim, any year", graph.Years{From: 1993, To: 1993}, graph.Period{}, true, false},
		{"undated claim, no span", graph.Years{}, graph.Period{}, true, false},
		{"closed period inside", graph.Years{From: 1993, To: 1993}, p(date(1992, 0, 0), date(2001, 0, 0)), true, true},
		{"closed period before", graph.Years{From: 2002, To: 2005}, p(date(1992, 0, 0), date(2001, 0, 0)), false, false},
		{"closed period after", graph.Years{From: 1980, To: 1991}, p(date(1992, 0, 0), date(2001, 0, 0)), false, false},
		{"touches the first year", graph.Years{From: 2001, To: 2010}, p(date(1992, 0, 0), date(2001, 12, 31)), true, true},
		{"touches the last year", graph.Years{From: 1980, To: 1992}, p(date(1992, 12, 1), date(2001, 0, 0)), true, true},
		{"open start", graph.Years{From: 1950, To: 1950}, p(graph.Date{}, date(2001, 0, 0)), true, true},
		{"open end", graph.Years{From: 2030, To: 2030}, p(date(2012, 0, 0), graph.Date{}), true, true},
		{"open end, span before", graph.Years{To: 2011}, p(date(2012, 0, 0), graph.Date{}), false, false},
		{"span open at start", graph.Years{To: 1992}, p(date(1992, 5, 0), date(2001, 0, 0)), true, true},
		{"span open at end", graph.Years{From: 2002}, p(date(1992, 0, 0), date(2001, 0, 0)), false, false},
		{"event: one date, year only", graph.Years{From: 1993, To: 1993}, p(date(1993, 0, 0), date(1993, 0, 0)), true, true},
		{"event: one date, known to the day", graph.Years{From: 1993, To: 1993}, p(date(1993, 10, 13), date(1993, 10, 13)), true, true},
		{"event: the year after", graph.Years{From: 1994, To: 1994}, p(date(1993, 10, 13), date(1993, 10, 13)), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.span.Overlaps(tt.per); got != tt.want {
				t.Errorf("%v.Overlaps(%q) = %v, want %v", tt.span, tt.per, got, tt.want)
			}
			if got := tt.span.OverlapsDated(tt.per); got != tt.dated {
				t.Errorf("%v.OverlapsDated(%q) = %v, want %v", tt.span, tt.per, got, tt.dated)
			}
			// The rule on the property graph's years agrees.
			props := map[string]any{}
			if !tt.per.From.IsZero() {
				props["from_year"] = int64(tt.per.From.Year)
			}
			if !tt.per.To.IsZero() {
				props["to_year"] = int64(tt.per.To.Year)
			}
			if got := graph.InYears(props, tt.span); got != tt.want {
				t.Errorf("InYears(%v, %v) = %v, want %v", props, tt.span, got, tt.want)
			}
		})
	}
}

// TestInYearsEvent checks that an event counts in the year of its date, as a
// claim over that one year would.
func TestInYearsEvent(t *testing.T) {
	ev := map[string]any{"year": int64(2014), "from_year": int64(1990)}
	for _, tt := range []struct {
		span graph.Years
		want bool
	}{
		{graph.Years{From: 2014, To: 2014}, true},
		{graph.Years{From: 2015}, false},
		{graph.Years{To: 2013}, false},
		{graph.Years{From: 1990, To: 1990}, false}, // the year wins over from_year
		{graph.Years{}, true},
	} {
		if got := graph.InYears(ev, tt.span); got != tt.want {
			t.Errorf("InYears(event 2014, %v) = %v, want %v", tt.span, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    graph.Date
		wantErr bool
	}{
		{"2001", date(2001, 0, 0), false},
		{"2022-02", date(2022, 2, 0), false},
		{"2022-02-24", date(2022, 2, 24), false},
		{"2024-02-29", date(2024, 2, 29), false},
		{"2023-02-29", graph.Date{}, true},
		{"2001-13", graph.Date{}, true},
		{"2001-04-31", graph.Date{}, true},
		{"0000", graph.Date{}, true},
		{"", graph.Date{}, true},
		{"2001-1-1", graph.Date{}, true},
	}
	for _, tt := range tests {
		got, err := graph.ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestDateCompareAndString(t *testing.T) {
	if c := date(2001, 0, 0).Compare(date(2001, 5, 0)); c >= 0 {
		t.Errorf("2001 compared with 2001-05 = %d, want < 0 (less precise sorts first)", c)
	}
	if s := (graph.Period{From: date(1992, 0, 0), To: date(2001, 0, 0)}).String(); s != "1992–2001" {
		t.Errorf("period string = %q", s)
	}
	if s := (graph.Years{From: 1992}).String(); s != "1992-" {
		t.Errorf("years string = %q", s)
	}
}
