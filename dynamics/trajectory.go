package dynamics

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// Series is the trajectory of one relation: for each year of a span, the
// direct claims on it that were active, and the dated events that mark it.
type Series struct {
	// Relation is the Relation's id; Name its name.
	Relation string `json:"relation"`
	Name     string `json:"name"`
	// States are the relation's two parties.
	States [2]string `json:"states"`
	// From and To are the first and last year of Years: the span asked for,
	// cut to the years both states existed.
	From int `json:"from"`
	To   int `json:"to"`
	// Years has one entry per year from From to To.
	Years []Year `json:"years"`
	// Events are the markers: events in the span that involve both states
	// or are the subject of a claim on the relation, by date.
	Events []Marker `json:"events"`
	// Undated are the direct claims with no period, which no year counts.
	Undated []string `json:"undated,omitempty"`
}

// Year is one year of a Series.
type Year struct {
	Year int `json:"year"`
	// Strengthening and Weakening are the ids of the direct claims active in
	// the year, by effect.
	Strengthening []string `json:"strengthening"`
	Weakening     []string `json:"weakening"`
	// Strength and Weakness are the summed Weights of those claims; Balance
	// is Strength − Weakness.
	Strength float64 `json:"strength"`
	Weakness float64 `json:"weakness"`
	Balance  float64 `json:"balance"`
}

// Marker is a dated event drawn on a trajectory.
type Marker struct {
	ID   string          `json:"id"`
	Name string          `json:"name"`
	Date graph.Date      `json:"date"`
	Kind graph.EventKind `json:"kind"`
}

// Span is a range of years; a zero end is open.
type Span struct{ From, To int }

// Resolve finds the relation that arg names: a relation id (RUS-JPN, in any
// case), or two states joined by '-', '–', ',' or '/', each an id, a name or
// an alias, in either order (JPN-RUS, Japan–Russia).
func Resolve(ds *graph.Dataset, arg string) (*graph.Relation, error) {
	arg = strings.TrimSpace(arg)
	for _, r := range ds.Relations {
		if strings.EqualFold(r.ID, arg) {
			return r, nil
		}
	}
	parts := strings.FieldsFunc(arg, func(r rune) bool { return strings.ContainsRune("-–—,/", r) })
	if len(parts) == 2 {
		a, b := findState(ds, parts[0]), findState(ds, parts[1])
		if a != nil && b != nil {
			if r := ds.RelationBetween(a.ID, b.ID); r != nil {
				return r, nil
			}
			return nil, graph.Errorf(graph.ENOTFOUND, "no relation between %s and %s in the dataset", a.Name, b.Name)
		}
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "no relation %q: give a relation id such as RUS-JPN, or two states such as JPN-RUS", arg)
}

func findState(ds *graph.Dataset, name string) *graph.State {
	name = strings.TrimSpace(name)
	for _, s := range ds.States {
		if strings.EqualFold(s.ID, name) || strings.EqualFold(s.Name, name) ||
			slices.ContainsFunc(s.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return s
		}
	}
	return nil
}

// DataYears returns the first and last year that any dated claim or event of
// ds names, or zeros if none does.
func DataYears(ds *graph.Dataset) (first, last int) {
	see := func(y int) {
		if y == 0 {
			return
		}
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	for _, c := range ds.Claims {
		see(c.Period.From.Year)
		see(c.Period.To.Year)
	}
	for _, e := range ds.Events {
		see(e.Date.Year)
	}
	return first, last
}

// index holds the claims by object and the events by state, so that the
// facts of one relation are found without scanning the whole dataset.
type index struct {
	ds       *graph.Dataset
	byObject map[string][]*graph.Claim
	eventsOf map[string][]*graph.Event
}

func newIndex(ds *graph.Dataset) *index {
	x := &index{ds: ds, byObject: map[string][]*graph.Claim{}, eventsOf: map[string][]*graph.Event{}}
	for _, c := range ds.Claims {
		x.byObject[c.Object] = append(x.byObject[c.Object], c)
	}
	for _, e := range ds.Events {
		for _, s := range e.States {
			x.eventsOf[s] = append(x.eventsOf[s], e)
		}
	}
	return x
}

// directClaims returns the strengthens and weakens claims whose object is
// the relation rel.
func (x *index) directClaims(rel string) []*graph.Claim {
	var cs []*graph.Claim
	for _, c := range x.byObject[rel] {
		if c.Effect == graph.Strengthens || c.Effect == graph.Weakens {
			cs = append(cs, c)
		}
	}
	return cs
}

// markers returns the events that involve both of r's states or are the
// subject of a direct claim on r, by date then id.
func (x *index) markers(r *graph.Relation) []*graph.Event {
	seen := map[string]bool{}
	var es []*graph.Event
	for _, e := range x.eventsOf[r.States[0]] {
		if !seen[e.ID] && slices.Contains(e.States, r.States[1]) {
			seen[e.ID] = true
			es = append(es, e)
		}
	}
	for _, c := range x.directClaims(r.ID) {
		if e := x.ds.Event(c.Subject); e != nil && !seen[e.ID] {
			seen[e.ID] = true
			es = append(es, e)
		}
	}
	slices.SortFunc(es, func(a, b *graph.Event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	return es
}

// Lifetime returns the years in which both of r's states existed, with
// zero for an open end.
func Lifetime(ds *graph.Dataset, r *graph.Relation) Span {
	var s Span
	for _, id := range r.States {
		st := ds.State(id)
		if st == nil {
			continue
		}
		if y := st.Existed.From.Year; y != 0 && y > s.From {
			s.From = y
		}
		if y := st.Existed.To.Year; y != 0 && (s.To == 0 || y < s.To) {
			s.To = y
		}
	}
	return s
}

// DefaultSpan is the span a trajectory of rels covers when none is given:
// from the earliest year a direct claim or a marker of any of them names to
// the last year the dataset names (open-ended claims still hold then).
func DefaultSpan(ds *graph.Dataset, rels ...*graph.Relation) Span {
	_, last := DataYears(ds)
	x := newIndex(ds)
	s := Span{To: last}
	see := func(y int) {
		if y != 0 && (s.From == 0 || y < s.From) {
			s.From = y
		}
	}
	for _, r := range rels {
		for _, c := range x.directClaims(r.ID) {
			see(c.Period.From.Year)
			see(c.Period.To.Year)
		}
		for _, e := range x.markers(r) {
			see(e.Date.Year)
		}
	}
	if s.From == 0 {
		s.From = s.To
	}
	return s
}

// clamp cuts s to the years of life, filling s's open ends from life and
// then from def.
func clamp(s, life, def Span) Span {
	if s.From == 0 {
		s.From = def.From
	}
	if s.To == 0 {
		s.To = def.To
	}
	if life.From != 0 {
		s.From = max(s.From, life.From)
	}
	if life.To != 0 {
		s.To = min(s.To, life.To)
	}
	return s
}

// Trajectory computes the series of relation r over span; an open end of
// span is filled by DefaultSpan. The years are cut to those in which both
// states existed; a span that leaves none is an error.
func Trajectory(ds *graph.Dataset, r *graph.Relation, span Span) (*Series, error) {
	s := clamp(span, Lifetime(ds, r), DefaultSpan(ds, r))
	if s.From == 0 || s.From > s.To {
		return nil, graph.Errorf(graph.EINVALID, "%s: no year to plot in %s (the relation exists %s)", r.ID, spanText(span), spanText(Lifetime(ds, r)))
	}
	out := &Series{Relation: r.ID, Name: r.Name, States: r.States, From: s.From, To: s.To, Events: []Marker{}}
	x := newIndex(ds)
	claims := x.directClaims(r.ID)
	for y := s.From; y <= s.To; y++ {
		out.Years = append(out.Years, year(ds, claims, y))
	}
	for _, c := range claims {
		if c.Period.IsZero() {
			out.Undated = append(out.Undated, c.ID)
		}
	}
	for _, e := range x.markers(r) {
		if e.Date.Year >= s.From && e.Date.Year <= s.To {
			out.Events = append(out.Events, Marker{ID: e.ID, Name: e.Name, Date: e.Date, Kind: e.Kind})
		}
	}
	return out, nil
}

// Active reports whether claim c counts in year y: it is dated, and its
// period covers some part of the year.
func Active(c *graph.Claim, y int) bool {
	return !c.Period.IsZero() && c.Period.ContainsYear(y)
}

func year(ds *graph.Dataset, claims []*graph.Claim, y int) Year {
	out := Year{Year: y, Strengthening: []string{}, Weakening: []string{}}
	for _, c := range claims {
		if !Active(c, y) {
			continue
		}
		w := Weight(c, ds)
		if c.Effect == graph.Strengthens {
			out.Strengthening = append(out.Strengthening, c.ID)
			out.Strength += w
		} else {
			out.Weakening = append(out.Weakening, c.ID)
			out.Weakness += w
		}
	}
	slices.Sort(out.Strengthening)
	slices.Sort(out.Weakening)
	out.Balance = out.Strength - out.Weakness
	return out
}

func spanText(s Span) string {
	text := func(y int) string {
		if y == 0 {
			return ""
		}
		return fmt.Sprint(y)
	}
	if s.From == 0 && s.To == 0 {
		return "all years"
	}
	return text(s.From) + "–" + text(s.To)
}
