package queries

import (
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Contested asks which claims are contested.
const Contested Name = "contested"

var (
	contestedWords = []string{"contest", "controvers", "disagree", "conflicting", "rebut"}
	// claimDoubt are words that make "claims" contested ("disputed claims").
	claimDoubt = []string{"disput", "challeng", "oppos", "question", "doubt"}
)

var _ = register(100, &Query{
	Name:     Contested,
	Title:    "Which claims are contested",
	Doc:      "Claims a source disputes, and claims opposed by another claim of opposite sign on the same subject and object; about the relation between A and B, if given.",
	Example:  Params{A: "RUS", B: "JPN"},
	Ask:      "Which claims are contested?",
	Cypher:   neo4j.Statement("contested"),
	NoPeriod: true,
	Phrasing: Phrasing{
		Words: append(slices.Clone(contestedWords), claimDoubt...),
		Rules: []Rule{{Priority: 10, When: func(c *Clues) bool {
			// "What territorial claims does Russia contest?" asks for disputes.
			if c.has(territoryWords) && len(c.States) == 1 {
				return false
			}
			return c.has(contestedWords) || c.has([]string{"claim", "source"}) && c.has(claimDoubt)
		}}},
		Bind: bindPair,
	},
	memory:  contested,
	decode:  decodeClaim,
	key:     func(f *Finding) string { return chainIDs(f.Chain) },
	head:    effectHead,
	heading: contestedHeading,
})

func contestedHeading(p Params, name func(string) string) string {
	if p.A != "" && p.B != "" {
		return "Contested claims about " + relationName(p, name)
	}
	return "Contested claims"
}

// contested finds claims a source contests and claims opposed by a claim of
// opposite sign between the same two nodes (about the relation between A
// and B, if given).
func contested(g *Memory, p Params) []Finding {
	var out []Finding
	for _, e := range contestedCandidates(g, p) {
		if p.A != "" {
			states := g.states(e.To)
			if g.label(e.To) != graph.LabelRelation || !slices.Contains(states, p.A) || (p.B != "" && !slices.Contains(states, p.B)) {
				continue
			}
		}
		var opposed []string
		if e.Type != graph.RelDrives {
			for _, o := range g.out[e.From] {
				if o.To == e.To && isSigned(o) && o.Type != e.Type {
					opposed = append(opposed, o.ID)
				}
			}
		}
		if e.Props["contested"] == true || len(opposed) > 0 {
			f := pathFinding([]Step{g.step(e)})
			if len(opposed) > 0 {
				slices.Sort(opposed)
				f.Note = opposedNote(opposed)
			}
			out = append(out, f)
		}
	}
	return out
}

// contestedCandidates are the claims on A's relations, if A is given (read
// from A's relations, not by a scan of every claim), else every claim.
func contestedCandidates(g *Memory, p Params) []*graph.Edge {
	if p.A == "" {
		return g.claims()
	}
	var out []*graph.Edge
	for _, r := range g.out[p.A] {
		if r.Type != graph.RelHasRelation {
			continue
		}
		for _, e := range g.in[r.To] {
			if isClaim(e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// opposedNote is "opposed by claim c1, c2".
func opposedNote(ids []string) string { return "opposed by claim " + strings.Join(ids, ", ") }
