package queries

import (
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Parties asks who the parties to a dispute are and what their positions
// are: "Who are the parties to the Kuril dispute?", "What is Japan's
// position on the Northern Territories?".
const Parties Name = "parties"

// partyWords ask for the sides of a dispute.
var partyWords = []string{"party$", "parties$", "position", "stance$", "stances$", "claimant", "side$", "sides$", "stand$", "stands$", "view$", "views$", "who claims", "who owns"}

var _ = register(45, &Query{
	Name:       Parties,
	Title:      "The parties to a dispute (node: a dispute, or a region for the disputes over it) and their positions",
	Doc:        "Each dispute with every party's position (only A's, if given) and its sources, and the territory at stake.",
	Needs:      []Param{ParamNode},
	Example:    Params{Node: "kuril-dispute"},
	Ask:        "Who are the parties to the Kuril dispute and what are their positions?",
	Cypher:     neo4j.Statement("parties"),
	NoPeriod:   true,
	Parallel:   true,
	NodeLabels: []graph.Label{graph.LabelDispute, graph.LabelRegion},
	Phrasing: Phrasing{
		Words: partyWords,
		// Before about (42), causes (45) and stances (90): a dispute named
		// with "parties" or "position" asks for the sides.
		Rules: []Rule{{Priority: 33, When: func(c *Clues) bool {
			return (c.NodeLabel == graph.LabelDispute || c.NodeLabel == graph.LabelRegion) && (c.has(partyWords) || c.has([]string{"who$"}))
		}}},
		Bind: func(c *Clues, p *Params) {
			p.Node = c.Node
			if len(c.States) == 1 {
				p.A = c.States[0]
			}
		},
	},
	memory: parties,
	decode: decodeDispute,
	key:    nameKey,
	head:   disputeHead,
	heading: func(p Params, name func(string) string) string {
		if p.A != "" {
			return name(p.A) + "'s position on " + name(p.Node)
		}
		return "The parties to " + name(p.Node) + " and their positions"
	},
})

// parties finds the dispute Node (or the disputes over the region Node),
// each with its territory and its parties' positions (only A's, if given).
func parties(g *Memory, p Params) []Finding {
	var ds []string
	switch g.label(p.Node) {
	case graph.LabelDispute:
		ds = []string{p.Node}
	case graph.LabelRegion:
		for _, e := range g.in[p.Node] {
			if e.Type == graph.RelConcerns && g.label(e.From) == graph.LabelDispute {
				ds = append(ds, e.From)
			}
		}
	}
	var out []Finding
	for _, d := range ds {
		if f := g.dispute(d, p.A); len(f.Parties) > 0 {
			out = append(out, f)
		}
	}
	return out
}
