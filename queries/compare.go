package queries

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/neo4j"
)

// Compare asks what pushed each of A's relations up or down.
const Compare Name = "compare"

var compareWords = []string{"compar", "contrast", "versus", "vs", "differ"}

var _ = register(70, &Query{
	Name:      Compare,
	Title:     "A's relations compared: what pushed each up or down",
	Doc:       "For each of the state's relations (or those with others), the causes that weakened or strengthened it.",
	Needs:     []Param{ParamA},
	Example:   Params{A: "RUS", Others: []string{"JPN", "CHN"}},
	Ask:       "Compare Russia's relations with Japan and China",
	Cypher:    neo4j.Statement("compare"),
	Synthesis: true,
	Phrasing: Phrasing{
		Words: compareWords,
		Rules: []Rule{
			{Priority: 30, When: func(c *Clues) bool { return c.has(compareWords) }},
			// "What factors shaped Russia–Japan relations?": both signs.
			{Priority: 130, When: func(c *Clues) bool { return c.has(neutralWords) && len(c.States) >= 1 }},
		},
		Bind: func(c *Clues, p *Params) {
			p.A = compareSubject(c.States, c.Counts, c.Possessive)
			for _, s := range c.States {
				if s != p.A {
					p.Others = append(p.Others, s)
				}
			}
		},
	},
	params: func(p Params, m map[string]any) {
		m["others"] = nil
		if len(p.Others) > 0 {
			m["others"] = slices.Clone(p.Others)
		}
	},
	memory: compare,
	decode: func(r neo4j.Record) Finding { return pathFinding(steps(r, "steps")) },
	key: func(f *Finding) string {
		return objectKey(f) + "\x00" + string(f.Effect) + fmt.Sprintf("\x00%d\x00", len(f.Chain)) + f.Subject.Name + "\x00" + chainIDs(f.Chain)
	},
	head:  effectHead,
	first: pathFirst,
	Rank:  pathRank,
	heading: func(p Params, name func(string) string) string {
		t := name(p.A) + "'s relations compared"
		if len(p.Others) > 0 {
			others := make([]string, len(p.Others))
			for i, o := range p.Others {
				others[i] = name(o)
			}
			t += " (with " + strings.Join(others, ", ") + ")"
		}
		return t
	},
})

// compare finds the causes into each of A's relations (with Others only,
// if given).
func compare(g *Memory, p Params) []Finding {
	var targets []string
	rels, others := g.relationsOf(p.A)
	for i, rel := range rels {
		if len(p.Others) > 0 && !slices.Contains(p.Others, others[i]) {
			continue
		}
		targets = append(targets, rel)
	}
	return g.chainFindings(g.bestInto(targets, p, p.keep, nil))
}

// compareSubject picks the state whose relations are compared: the one
// named most often, else the one written as a possessive, else the first.
func compareSubject(states []string, counts map[string]int, possessive []string) string {
	best := states[0]
	for _, s := range states {
		if counts[s] > counts[best] {
			best = s
		}
	}
	if counts[best] == 1 && len(possessive) > 1 && len(states) == len(possessive)+1 {
		// "Japan's and China's relations with Russia": Russia's compared.
		for _, s := range states {
			if !slices.Contains(possessive, s) {
				return s
			}
		}
	}
	if counts[best] == 1 && len(possessive) > 0 {
		return possessive[0]
	}
	return best
}
