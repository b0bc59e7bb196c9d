package queries

import (
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// SourceClaims asks what a source claims.
const SourceClaims Name = "source"

var sourceWords = []string{"claim", "say", "said", "argue", "assert", "cite", "contain", "report", "state", "conclu", "find", "found"}

var _ = register(90, &Query{
	Name:     SourceClaims,
	Title:    "What a source claims",
	Doc:      "Every claim that cites the source, as evidence or as contesting it.",
	Needs:    []Param{ParamSource},
	Example:  Params{Source: "article"},
	Ask:      "What does the article claim?",
	Cypher:   neo4j.Statement("source"),
	NoPeriod: true,
	Phrasing: Phrasing{
		Words: sourceWords,
		Rules: []Rule{
			{Priority: 20, When: func(c *Clues) bool { return c.Source != "" && c.has(sourceWords) }},
			{Priority: 120, When: func(c *Clues) bool { return c.Source != "" }},
		},
		Bind: func(c *Clues, p *Params) { *p = Params{Source: c.Source} },
	},
	params: func(p Params, m map[string]any) { m["source"] = orNil(p.Source) },
	memory: sourceClaims,
	decode: decodeClaim,
	key:    func(f *Finding) string { return chainIDs(f.Chain) },
	Rank:   "in the order of the claims' ids",
	head:   effectHead,
	heading: func(p Params, name func(string) string) string {
		return "What \u201c" + name(p.Source) + "\u201d claims"
	},
})

// sourceClaims finds every claim citing Source, as evidence or contesting.
func sourceClaims(g *Memory, p Params) []Finding {
	// The first claims by id (the answer's order): a claim the limit drops
	// costs no step.
	claims := g.citing(p.Source)
	slices.SortFunc(claims, func(a, b *graph.Edge) int { return strings.Compare(a.ID, b.ID) })
	claims = upTo(p, claims)
	out := make([]Finding, len(claims))
	for i, e := range claims {
		out[i] = pathFinding([]Step{g.step(e)})
	}
	return out
}

// citing returns the claims citing source, as evidence or contesting,
// each once: one hop over its SUPPORTS and CONTESTS edges to the Claim
// nodes, as source.cypher goes, and from each to its claim edge (the same
// id) in the claims sorted by id.
func (m *Memory) citing(source string) []*graph.Edge {
	byID := m.claimsByID()
	seen := map[string]bool{}
	var out []*graph.Edge
	for _, c := range m.out[source] {
		if (c.Type != graph.RelSupports && c.Type != graph.RelContests) || m.label(c.To) != graph.LabelClaim || seen[c.To] {
			continue
		}
		seen[c.To] = true
		if i, ok := slices.BinarySearchFunc(byID, c.To, func(e *graph.Edge, id string) int { return strings.Compare(e.ID, id) }); ok {
			out = append(out, byID[i])
		}
	}
	return out
}

// decodeClaim reads a record of one claim, and the claims opposing it.
func decodeClaim(r neo4j.Record) Finding {
	f := pathFinding(steps(r, "steps"))
	if o := strs(r, "opposed"); len(o) > 0 {
		slices.Sort(o)
		f.Note = opposedNote(o)
	}
	return f
}
