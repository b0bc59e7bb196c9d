package queries

import (
	"fmt"
	"slices"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Timeline asks for the events of the relation between A and B.
const Timeline Name = "timeline"

var timelineWords = []string{"timeline", "histor", "chronolog", "happen", "event", "milestone", "moment", "evolv", "evolution", "trajector", "story", "sequence", "when", "develop", "unfold", "over time"}

var _ = register(30, &Query{
	Name:     Timeline,
	Title:    "The timeline of the relation between A and B",
	Doc:      "Events involving both states (or their predecessors), or claimed to affect the relation, in date order, with their effect.",
	Needs:    []Param{ParamA, ParamB},
	Example:  Params{A: "RUS", B: "JPN"},
	Ask:      "Timeline of Russia–Japan relations since 1991",
	Cypher:   neo4j.Statement("timeline"),
	Parallel: true,
	Phrasing: Phrasing{
		Words: timelineWords,
		Rules: []Rule{{Priority: 70, When: func(c *Clues) bool { return c.has(timelineWords) }}},
	},
	memory: timeline,
	decode: func(r neo4j.Record) Finding {
		return eventFinding(mapOf(r["event"]), steps(r, "effects"))
	},
	key:     func(f *Finding) string { return sortableDate(f.Date) + "\x00" + f.Subject.ID },
	heading: func(p Params, name func(string) string) string { return "The timeline of " + relationName(p, name) },
})

// eventFinding is an event with its claimed effects on the relation.
func eventFinding(props map[string]any, effects []Step) Finding {
	f := record(props, graph.LabelEvent)
	f.Date, f.Kind = str(props, "date"), str(props, "kind")
	f.Chain = effects
	f.Effect = firstEffect(effects)
	if len(effects) > 0 {
		o := effects[0].To
		f.Object = &o
	}
	return f
}

// timeline finds the events involving both states (or their predecessors)
// and the events claimed to weaken or strengthen their relation, in the
// period.
func timeline(g *Memory, p Params) []Finding {
	rel := g.relationBetween(p.A, p.B)
	if rel == "" {
		return nil
	}
	events := map[string]bool{}
	pb := g.predecessors(p.B)
	for _, x := range g.predecessors(p.A) {
		for _, e := range g.in[x] {
			if e.Type == graph.RelInvolves && g.involves(e.From, pb, x) {
				events[e.From] = true
			}
		}
	}
	for _, e := range g.in[rel] {
		if isSigned(e) && g.label(e.From) == graph.LabelEvent {
			events[e.From] = true
		}
	}
	var out []Finding
	for id := range events {
		n := g.nodes[id]
		if !graph.InYears(n.Props, p.Years()) {
			continue
		}
		var effects []Step
		for _, e := range g.out[id] {
			if e.To == rel && isSigned(e) {
				effects = append(effects, g.step(e))
			}
		}
		out = append(out, eventFinding(n.Props, effects))
	}
	return out
}

// involves reports whether event ev involves one of states other than not.
func (m *Memory) involves(ev string, states []string, not string) bool {
	for _, f := range m.out[ev] {
		if f.Type == graph.RelInvolves && f.To != not && slices.Contains(states, f.To) {
			return true
		}
	}
	return false
}

// sortableDate is a date as YYYY-MM-DD with zeros for what is not known.
func sortableDate(s string) string {
	d, err := graph.ParseDate(s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, max(d.Month, 0), max(d.Day, 0))
}
