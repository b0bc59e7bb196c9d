package queries

import (
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Disputes asks which disputes A is party to.
const Disputes Name = "disputes"

var disputeWords = []string{"disput", "territor", "quarrel", "feud", "sovereign", "border", "island"}

var _ = register(40, &Query{
	Name:     Disputes,
	Title:    "The disputes A is party to",
	Doc:      "Each dispute with every party's position and the dispute's claimed effects.",
	Needs:    []Param{ParamA},
	Example:  Params{A: "RUS"},
	Ask:      "Which disputes is Japan party to?",
	Cypher:   neo4j.Statement("disputes"),
	NoPeriod: true,
	Parallel: true,
	Phrasing: Phrasing{
		Words: disputeWords,
		Rules: []Rule{{Priority: 80, When: func(c *Clues) bool { return c.has(disputeWords) }}},
		Bind:  bindFirstState,
	},
	memory: disputes,
	decode: func(r neo4j.Record) Finding {
		f := record(mapOf(r["dispute"]), graph.LabelDispute)
		f.Object = refp(mapOf(r["territory"]))
		f.Chain = steps(r, "effects")
		for _, pt := range mapList(r["parties"]) {
			f.Parties = append(f.Parties, Party{State: ref(mapOf(pt["state"])), Position: str(pt, "position"), Evidence: evidence(pt, "")})
		}
		return f
	},
	key: nameKey,
	head: func(f *Finding) string {
		if f.Object == nil {
			return ""
		}
		return " over " + f.Object.Name
	},
	heading: func(p Params, name func(string) string) string { return "The disputes " + name(p.A) + " is party to" },
})

// disputes finds the disputes state A is party to, with every party's
// position, the territory and the dispute's claimed effects.
func disputes(g *Memory, p Params) []Finding {
	var out []Finding
	for _, e := range g.out[p.A] {
		if e.Type != graph.RelPartyTo || g.label(e.To) != graph.LabelDispute {
			continue
		}
		d := e.To
		f := g.record(d)
		f.Chain = g.effects(d)
		for _, c := range g.out[d] {
			if c.Type == graph.RelConcerns && g.label(c.To) == graph.LabelRegion {
				f.Object = g.refp(c.To)
			}
		}
		for _, pt := range g.in[d] {
			if pt.Type == graph.RelPartyTo {
				f.Parties = append(f.Parties, Party{State: g.ref(pt.From), Position: str(pt.Props, "position"), Evidence: evidence(pt.Props, "")})
			}
		}
		out = append(out, f)
	}
	return out
}

// nameKey orders records by name, then id.
func nameKey(f *Finding) string { return f.Subject.Name + "\x00" + f.Subject.ID }

// bindFirstState asks about the first state named.
func bindFirstState(c *Clues, p *Params) { p.A = c.States[0] }
