package queries

import (
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Stances asks which stances A held.
const Stances Name = "stances"

var stanceWords = []string{"stance", "position", "polic", "posture", "line", "strateg", "approach", "orientation", "doctrine", "held", "hold"}

var _ = register(50, &Query{
	Name:     Stances,
	Title:    "The stances A held",
	Doc:      "Policy stances the state held, optionally as of a year or within a period, with whom they aimed at and what they drove.",
	Needs:    []Param{ParamA},
	Example:  Params{A: "RUS"},
	Ask:      "What stances did Russia hold in 2005?",
	Cypher:   neo4j.Statement("stances"),
	Parallel: true,
	Phrasing: Phrasing{
		Words: stanceWords,
		Rules: []Rule{{Priority: 90, When: func(c *Clues) bool { return c.has(stanceWords) }}},
		Bind:  bindFirstState,
	},
	memory: stances,
	decode: func(r neo4j.Record) Finding {
		n := mapOf(r["stance"])
		f := record(n, graph.LabelStance)
		f.Period = str(n, "period")
		f.Chain = steps(r, "effects")
		for _, t := range mapList(r["toward"]) {
			f.Toward = append(f.Toward, ref(t))
		}
		return f
	},
	key:     nameKey,
	heading: func(p Params, name func(string) string) string { return "The stances " + name(p.A) + " held" },
})

// stances finds the stances state A held in the period, with their targets
// and claimed effects.
func stances(g *Memory, p Params) []Finding {
	var out []Finding
	for _, e := range g.out[p.A] {
		if e.Type != graph.RelHolds || !graph.InYears(e.Props, p.Years()) {
			continue
		}
		f := g.record(e.To)
		f.Period = str(g.nodes[e.To].Props, "period")
		f.Chain = g.effects(e.To)
		for _, t := range g.out[e.To] {
			if t.Type == graph.RelToward {
				f.Toward = append(f.Toward, g.ref(t.To))
			}
		}
		out = append(out, f)
	}
	return out
}
