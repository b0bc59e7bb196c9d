package graph

import (
	"fmt"
	"slices"
)

// EventKind classifies an Event.
type EventKind string

// The event kinds.
const (
	EventTreaty    EventKind = "treaty"
	EventAgreement EventKind = "agreement"
	EventStatement EventKind = "statement"
	EventSummit    EventKind = "summit"
	EventVisit     EventKind = "visit"
	EventSanctions EventKind = "sanctions"
	EventWar       EventKind = "war"
	EventPolicy    EventKind = "policy"
	EventPolitical EventKind = "political"
	EventOther     EventKind = "other"
)

// EventKinds lists the valid event kinds.
var EventKinds = []EventKind{EventTreaty, EventAgreement, EventStatement, EventSummit, EventVisit, EventSanctions, EventWar, EventPolicy, EventPolitical, EventOther}

// Event is something that happened on a Date, known to a day, a month or a
// year, with the States involved. Actors, when given, are the States among
// them that acted (Japan imposed the sanctions; Russia was their target), so
// "Japan's sanctions" does not also mean sanctions on Japan. An event with no
// Actors counts as every involved state's.
type Event struct {
	Entity
	Date     Date       `json:"date"`
	Kind     EventKind  `json:"kind"`
	States   []string   `json:"states"`
	Actors   []string   `json:"actors,omitempty"`
	Regions  []string   `json:"regions,omitempty"`
	Disputes []string   `json:"disputes,omitempty"`
	Sources  []Citation `json:"sources"`
}

var _ = register(&Kind{
	Label: LabelEvent, List: "events", Rank: 3, Prefer: 2, Caption: "short", NodeDiameter: 90, NodeFontSize: 9, Color: "#D08CF0",
	Doc:   "A dated event: a treaty, summit, visit, statement, sanctions, a war.",
	Cause: true,
	new:   func() Record { return &Event{} },
	store: typed(func(d *Dataset) *[]*Event { return &d.Events }),
	check: func(v *validator, r Record) { v.event(r.(*Event)) },
	build: func(b *builder, r Record) { b.event(r.(*Event)) },
})

func (v *validator) event(e *Event) {
	if e.Date.IsZero() {
		v.add(e.Loc.At("date"), "date: an event needs a date")
	}
	v.date(e.Loc, "date", e.Date)
	v.enum(e.Loc, "kind", string(e.Kind), strs(EventKinds))
	if len(e.States) == 0 {
		v.add(e.Loc.At("states"), "states: an event needs at least one state")
	}
	for i, s := range e.States {
		f := fmt.Sprintf("states/%d", i)
		if v.ref(e.Loc, f, s, LabelState) && !e.Date.IsZero() {
			st := v.d.State(s)
			if !st.Existed.ContainsYear(e.Date.Year) {
				v.add(e.Loc.At(f), "states: %s did not exist in %d (existed %s)", s, e.Date.Year, st.Existed)
			}
		}
	}
	for i, a := range e.Actors {
		if !slices.Contains(e.States, a) {
			v.add(e.Loc.At(fmt.Sprintf("actors/%d", i)), "actors: %s is not among the event's states %v", a, e.States)
		}
	}
	for i, r := range e.Regions {
		v.ref(e.Loc, fmt.Sprintf("regions/%d", i), r, LabelRegion)
	}
	for i, r := range e.Disputes {
		v.ref(e.Loc, fmt.Sprintf("disputes/%d", i), r, LabelDispute)
	}
	v.citations(e.Loc, "sources", e.Sources, true)
}

func (b *builder) event(e *Event) {
	p := entityProps(&e.Entity)
	setStr(p, "date", e.Date.String())
	setStr(p, "date_precision", e.Date.Precision().String())
	p["year"] = int64(e.Date.Year)
	setStr(p, "kind", string(e.Kind))
	setList(p, "actors", e.Actors)
	setCitations(p, "", e.Sources)
	b.node(LabelEvent, e.ID, p)
	for _, s := range e.States {
		b.edge(RelInvolves, e.ID, s, nil)
	}
	for _, r := range e.Regions {
		b.edge(RelConcerns, e.ID, r, nil)
	}
	for _, r := range e.Disputes {
		b.edge(RelConcerns, e.ID, r, nil)
	}
}

// CitedIn says where Event cites sources: its sources.
func (x *Event) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
