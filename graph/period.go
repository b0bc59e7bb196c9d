package graph

import "strconv"

// Period is a span of time; either end may be open (the zero Date).
type Period struct {
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
}

// IsZero reports whether p is open at both ends (always).
func (p Period) IsZero() bool { return p.From.IsZero() && p.To.IsZero() }

// String formats p as "1992–2022", "2012–" or "–1991"; an open period is "".
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return p.From.String() + "–" + p.To.String()
}

// ContainsYear reports whether any part of year falls inside p.
func (p Period) ContainsYear(year int) bool { return Years{year, year}.Overlaps(p) }

// Overlaps reports whether p and q share any year. Open ends are unbounded.
func (p Period) Overlaps(q Period) bool {
	return Years{q.From.Year, q.To.Year}.Overlaps(p)
}

// Valid reports whether p's start is not after its end.
func (p Period) Valid() bool {
	return p.From.IsZero() || p.To.IsZero() || p.From.Compare(p.To) <= 0
}

// Years is a span of whole years that a question asks about: "in 1993" is
// {1993, 1993}, "since 2012" is {2012, 0}, "before 2000" is {0, 1999}. Zero
// ends are open.
type Years struct {
	From int `json:"from,omitempty"`
	To   int `json:"to,omitempty"`
}

// IsZero reports whether y is open at both ends: every year.
func (y Years) IsZero() bool { return y.From == 0 && y.To == 0 }

// Valid reports whether y's start is not after its end.
func (y Years) Valid() bool { return y.From == 0 || y.To == 0 || y.From <= y.To }

// Overlaps is Dyad's one period rule: whether something that holds over p
// (a claim, a stance, a state's existence; an event over its one date) falls
// in y. It compares whole years, so a date known to the day, month or year
// counts in the years it touches. Open ends are unbounded: an undated claim
// (a zero Period) holds in every year, so it answers an "in 1993" question,
// because the curators did not limit it; ask with OverlapsDated to leave
// such claims out. The Cypher filters apply the same rule to the from_year
// and to_year properties through the $from and $to parameters.
func (y Years) Overlaps(p Period) bool {
	return OverlapYears(p.From.Year, p.To.Year, y.From, y.To)
}

// OverlapsDated is Overlaps, except that a claim with no period at all does
// not count: for yearly series (a trajectory), where an undated claim has
// no year to count in.
func (y Years) OverlapsDated(p Period) bool {
	return !p.IsZero() && y.Overlaps(p)
}

// ContainsDate reports whether date d falls in y; a zero date does not.
func (y Years) ContainsDate(d Date) bool {
	return !d.IsZero() && OverlapYears(d.Year, d.Year, y.From, y.To)
}

// OverlapYears is the period rule on bare years, as the property graph
// stores them (from_year, to_year) and as Cypher sees them: an element from
// fromYear to toYear overlaps the span lo..hi when it does not end before
// lo or start after hi. Zero means open at that end, on either side.
func OverlapYears(fromYear, toYear, lo, hi int) bool {
	if hi != 0 && fromYear != 0 && fromYear > hi {
		return false
	}
	if lo != 0 && toYear != 0 && toYear < lo {
		return false
	}
	return true
}

// String formats y as "1992-2001", "1992-" or "-2001"; every year is "-".
func (y Years) String() string {
	s := ""
	if y.From != 0 {
		s = strconv.Itoa(y.From)
	}
	s += "-"
	if y.To != 0 {
		s += strconv.Itoa(y.To)
	}
	return s
}

// PropYears returns the years an element of the property graph (Elements)
// holds over: an event's year at both ends, else its from_year and to_year;
// zero for an open end.
func PropYears(props map[string]any) (from, to int) {
	if y, ok := props["year"].(int64); ok {
		return int(y), int(y)
	}
	f, _ := props["from_year"].(int64)
	t, _ := props["to_year"].(int64)
	return int(f), int(t)
}

// InYears reports whether an element with these properties overlaps y, by
// the rule of Years.Overlaps.
func InYears(props map[string]any, y Years) bool {
	from, to := PropYears(props)
	return OverlapYears(from, to, y.From, y.To)
}
