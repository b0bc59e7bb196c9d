package queries

import (
	"slices"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// About asks what an entity is and what its sources say about it: "What is
// the Eurasian Economic Union?", "What did the 1956 declaration say about
// the islands?".
const About Name = "about"

// aboutWords ask what something is or what is said of it.
var aboutWords = []string{"what is", "what are", "what was", "what were", "who is", "who was", "tell me about", "tell us about", "describe", "about$", "define", "definition", "overview", "background", "say about", "said about", "says about"}

// aboutStateWords ask about a state named alone ("tell me about Japan").
var aboutStateWords = []string{"tell me about", "tell us about", "describe", "who is", "overview", "background"}

// aboutLabels are the kinds About describes: every kind but sources, which
// the source question answers ("what does the article claim?").
func aboutLabels() []graph.Label {
	return slices.DeleteFunc(slices.Clone(graph.Labels), func(l graph.Label) bool { return l == graph.LabelSource })
}

var _ = register(88, &Query{
	Name:       About,
	Title:      "What node is and what its sources say",
	Doc:        "The node's description, date and kind (events) with its sources and locators, then every claim it is the subject or the object of.",
	Needs:      []Param{ParamNode},
	Example:    Params{Node: "e-1956-joint-declaration"},
	Ask:        "What did the 1956 declaration say about the islands?",
	Cypher:     neo4j.Statement("about"),
	NoPeriod:   true,
	NodeLabels: aboutLabels(),
	Phrasing: Phrasing{
		Words: aboutWords,
		// Before causes (45) and paths (50), which it gives way to when the
		// question speaks of effects, roles or causes.
		Rules: []Rule{
			{Priority: 42, When: func(c *Clues) bool {
				// Not "the significance of X for Russia–Japan ties" (a
				// relation named: paths) nor "Japan's stance" (stances).
				return c.Node != "" && c.has(aboutWords) && !c.effectWords() && !c.has(pathWords) && !c.has(causeWords) && len(c.States) < 2
			}},
			{Priority: 43, When: func(c *Clues) bool {
				return c.Node == "" && len(c.States) == 1 && c.has(aboutStateWords) && !c.has(stanceWords)
			}},
		},
		Bind: func(c *Clues, p *Params) {
			p.Node = c.Node
			if p.Node == "" {
				p.Node = c.States[0]
			}
		},
	},
	memory: about,
	decode: func(r neo4j.Record) Finding {
		if n := mapOf(r["node"]); n != nil {
			return aboutRecord(n, graph.Label(str(r, "label")))
		}
		f := pathFinding(steps(r, "steps"))
		f.rank = "1"
		return f
	},
	key:     func(f *Finding) string { return f.rank + "\x00" + chainIDs(f.Chain) },
	head:    effectHead,
	heading: func(p Params, name func(string) string) string { return "About " + name(p.Node) },
})

// aboutRecord is the node itself, first in the answer: its description,
// its date and kind if an event, its period if a stance, and its sources.
func aboutRecord(props map[string]any, label graph.Label) Finding {
	f := record(props, label)
	f.Date, f.Kind, f.Period = str(props, "date"), str(props, "kind"), str(props, "period")
	f.rank = "0"
	return f
}

// about finds Node's record and every claim it is the subject or object of.
func about(g *Memory, p Params) []Finding {
	n := g.nodes[p.Node]
	if n == nil || n.Label == graph.LabelSource {
		return nil
	}
	out := []Finding{aboutRecord(n.Props, n.Label)}
	for _, es := range [][]*graph.Edge{g.out[p.Node], g.in[p.Node]} {
		for _, e := range es {
			if isClaim(e) {
				f := pathFinding([]Step{g.step(e)})
				f.rank = "1"
				out = append(out, f)
			}
		}
	}
	return out
}
