package queries

import (
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Causes asks what drove, weakened or strengthened a factor or a stance:
// "What drove the Sinocentric line?".
const Causes Name = "causes"

// causeWords ask for what brought something about.
var causeWords = []string{"drove", "drive", "driv", "caus", "foster", "fuel", "prompt", "explain", "behind", "origin", "root", "led to", "lead to", "gave rise", "give rise", "brought about", "bring about", "spur", "trigger", "why", "come from", "came from", "stem from", "stemmed from", "arose", "arise"}

var _ = register(85, &Query{
	Name:       Causes,
	Title:      "What drove node",
	Doc:        "The claims that drove, weakened or strengthened a factor or a stance, and the chains (up to depth steps) that reach it, optionally within a period.",
	Needs:      []Param{ParamNode},
	Example:    Params{Node: "st-sinocentric-asia-policy"},
	Ask:        "What drove the Sinocentric line?",
	Cypher:     neo4j.Statement("causes"),
	NodeLabels: []graph.Label{graph.LabelFactor, graph.LabelStance},
	Synthesis:  true,
	Phrasing: Phrasing{
		Words: causeWords,
		// Before paths: "what led to the turn to China" asks for causes,
		// "how did the invasion affect ..." for effects.
		Rules: []Rule{{Priority: 45, When: func(c *Clues) bool {
			// "What strengthened the pivot to the East?": its causes of that sign.
			asksCause := (c.has(causeWords) || c.effectWords()) && !c.has([]string{"how$"})
			return (c.NodeLabel == graph.LabelFactor || c.NodeLabel == graph.LabelStance) && asksCause && len(c.States) < 2
		}}},
		Bind: func(c *Clues, p *Params) { p.Node = c.Node },
	},
	memory: func(g *Memory, p Params) []Finding {
		if l := g.label(p.Node); l != graph.LabelFactor && l != graph.LabelStance {
			return nil
		}
		return g.chainFindings(g.bestInto([]string{p.Node}, p, p.keep, nil))
	},
	decode:  decodePath,
	key:     pathKey,
	first:   pathFirst,
	Rank:    pathRank,
	head:    effectHead,
	heading: func(p Params, name func(string) string) string { return "What drove " + name(p.Node) },
})
