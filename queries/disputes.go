package queries

import (
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Disputes asks which disputes A is party to.
const Disputes Name = "disputes"

var disputeWords = []string{"disput", "territor", "quarrel", "feud", "sovereign", "border", "island"}

// territoryWords make a question about claims or disagreements one about
// disputes ("territorial claims", "border disagreements").
var territoryWords = []string{"territor", "sovereign", "border", "island"}

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
		f := decodeDispute(r)
		f.Chain = steps(r, "effects")
		return f
	},
	key:     nameKey,
	head:    disputeHead,
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
		f := g.dispute(e.To, "")
		f.Chain = g.effects(e.To)
		out = append(out, f)
	}
	return out
}

// decodeDispute reads a dispute record: the dispute, its territory and
// every party with its position and sources.
func decodeDispute(r neo4j.Record) Finding {
	f := record(mapOf(r["dispute"]), graph.LabelDispute)
	f.Object = refp(mapOf(r["territory"]))
	for _, pt := range mapList(r["parties"]) {
		f.Parties = append(f.Parties, Party{State: ref(mapOf(pt["state"])), Position: str(pt, "position"), Evidence: evidence(pt, "")})
	}
	return f
}

// dispute is dispute d with its territory and its parties' positions
// (only state's, if given).
func (m *Memory) dispute(d, state string) Finding {
	f := m.record(d)
	for _, c := range m.out[d] {
		if c.Type == graph.RelConcerns && m.label(c.To) == graph.LabelRegion {
			f.Object = m.refp(c.To)
		}
	}
	for _, pt := range m.in[d] {
		if pt.Type == graph.RelPartyTo && (state == "" || pt.From == state) {
			f.Parties = append(f.Parties, Party{State: m.ref(pt.From), Position: str(pt.Props, "position"), Evidence: evidence(pt.Props, "")})
		}
	}
	return f
}

// disputeHead is " over Southern Kuril Islands".
func disputeHead(f *Finding) string {
	if f.Object == nil {
		return ""
	}
	return " over " + f.Object.Name
}

// nameKey orders records by name, then id.
func nameKey(f *Finding) string { return f.Subject.Name + "\x00" + f.Subject.ID }

// bindFirstState asks about the first state named.
func bindFirstState(c *Clues, p *Params) { p.A = c.States[0] }
