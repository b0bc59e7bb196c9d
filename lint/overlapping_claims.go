package lint

import (
	"github.com/dyad-kg/dyad/graph"
)

var _ = register(&Rule{
	Name:     "overlapping-claims",
	Severity: Error,
	Doc:      "Two claims with the same subject, effect and object whose periods overlap: one influence counted twice.",
	check:    overlappingClaims,
})

// overlappingClaims reports each claim that repeats an earlier one (same
// subject, effect and object) in a year both hold, by graph's one period
// rule: an undated claim holds in every year.
func overlappingClaims(p *pass) {
	type key struct {
		subject string
		effect  graph.Effect
		object  string
	}
	seen := map[key][]*graph.Claim{}
	for _, c := range p.ds.Claims {
		k := key{c.Subject, c.Effect, c.Object}
		for _, first := range seen[k] {
			if first.Period.Overlaps(c.Period) {
				p.report(c.Loc.Pos, "claim %s repeats %s (%s): both say %s %s %s, over %s and %s; merge them into one claim that cites both sources, or make the periods disjoint",
					c.ID, first.ID, first.Loc.Pos, c.Subject, c.Effect, c.Object, periodText(first.Period), periodText(c.Period))
				break
			}
		}
		seen[k] = append(seen[k], c)
	}
}

// periodText formats a period for a message: "1992–2001", or "no period"
// for an undated one.
func periodText(p graph.Period) string {
	if p.IsZero() {
		return "no period"
	}
	return p.String()
}
