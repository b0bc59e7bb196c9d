package queries

import (
	"slices"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Paths asks how a node (an event, factor, stance, region, dispute or
// organization) reached a relation.
const Paths Name = "paths"

var pathWords = []string{"how", "role", "effect", "affect", "impact", "influenc", "reach", "shape", "consequenc", "lead", "led", "result", "contribut", "play"}

var _ = register(80, &Query{
	Name:       Paths,
	Title:      "How node reached a relation",
	Doc:        "The causal paths from an event, factor, stance, region, dispute or organization to a relation (between A and B, if given).",
	Needs:      []Param{ParamNode},
	Example:    Params{Node: "e-2022-invasion-of-ukraine"},
	Ask:        "How did the 2022 invasion affect Russia–Japan relations?",
	Cypher:     neo4j.Statement("paths"),
	NodeLabels: graph.CauseLabels(),
	Synthesis:  true,
	Phrasing: Phrasing{
		Words: pathWords,
		Rules: []Rule{
			{Priority: 50, When: func(c *Clues) bool { return c.Node != "" && c.has(pathWords) }},
			{Priority: 110, When: func(c *Clues) bool { return c.Node != "" }},
		},
		Bind: func(c *Clues, p *Params) {
			p.Node = c.Node
			bindPair(c, p)
		},
	},
	memory: paths,
	decode: decodePath,
	key:    pathKey,
	first:  pathFirst,
	Rank:   pathRank,
	head:   effectHead,
	heading: func(p Params, name func(string) string) string {
		if p.A != "" && p.B != "" {
			return "How " + name(p.Node) + " reached " + relationName(p, name)
		}
		return "How " + name(p.Node) + " reached the relations it affected"
	},
})

// paths finds the causal paths from Node to relations (the one between A
// and B, if given).
func paths(g *Memory, p Params) []Finding {
	if !slices.Contains(graph.CauseLabels(), g.label(p.Node)) {
		return nil
	}
	var keep [][]*graph.Edge
	for _, path := range g.pathsFrom(p.Node, p) {
		states := g.states(path[len(path)-1].To)
		if (p.A == "" || slices.Contains(states, p.A)) && (p.B == "" || slices.Contains(states, p.B)) {
			keep = append(keep, path)
		}
	}
	return g.pathFindings(p, keep)
}

// bindPair sets A and B when the question names two states, and A alone
// when it names one ("relations with Russia": every relation of Russia).
func bindPair(c *Clues, p *Params) {
	switch {
	case len(c.States) >= 2:
		p.A, p.B = c.States[0], c.States[1]
	case len(c.States) == 1:
		p.A = c.States[0]
	}
}
