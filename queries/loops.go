package queries

import (
	"slices"
	"strconv"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Loops asks which feedback loops run through the causal map: cycles of
// claims that come back to where they start, reinforcing or balancing.
const Loops Name = "loops"

// MaxLoop is the most claims a feedback loop may have.
const MaxLoop = 4

// The kinds of feedback loop.
const (
	// Reinforcing loops have an even number of weakening claims: each turn
	// pushes the same way.
	Reinforcing = "reinforcing loop"
	// Balancing loops have an odd number: each turn pushes back.
	Balancing = "balancing loop"
)

var loopWords = []string{"loop", "feedback", "cycle", "circular", "vicious", "virtuous", "spiral", "feed each other", "feeds", "reinforc", "self-reinforc", "mutual"}

var _ = register(95, &Query{
	Name:       Loops,
	Title:      "Which feedback loops run through the causal map",
	Doc:        "Cycles of up to 4 claims that come back to where they start, each reinforcing (an even number of weakening claims) or balancing, with the period in which all its claims hold; only those through node, or through a node with a claim on the relation between A and B, if given.",
	Example:    Params{A: "RUS", B: "JPN"},
	Ask:        "Which feedback loops run through Russia–Japan relations?",
	Cypher:     neo4j.Statement("loops"),
	NodeLabels: graph.CauseLabels(),
	NoDepth:    true,
	Empty:      "No feedback loop: the claims in the data form no cycle of up to 4 claims here (docs/sources.md says which loops were looked for).",
	Phrasing: Phrasing{
		Words: loopWords,
		Rules: []Rule{{Priority: 8, When: func(c *Clues) bool { return c.has(loopWords[:8]) }}},
		Bind: func(c *Clues, p *Params) {
			p.Node = c.Node
			bindPair(c, p)
		},
	},
	memory: loops,
	decode: func(r neo4j.Record) Finding { return loopFinding(steps(r, "steps")) },
	key:    func(f *Finding) string { return f.Kind + "\x00" + chainIDs(f.Chain) },
	head: func(f *Finding) string {
		if len(f.Chain) == 0 {
			return ""
		}
		return " (" + f.Kind + " of " + strconv.Itoa(len(f.Chain)) + " claims)"
	},
	heading: func(p Params, name func(string) string) string {
		switch {
		case p.Node != "":
			return "Feedback loops through " + name(p.Node)
		case p.A != "" && p.B != "":
			return "Feedback loops that bear on " + relationName(p, name)
		}
		return "Feedback loops in the causal map"
	},
})

// loopFinding is a loop: its claims from the one with the smallest id, its
// kind, and the period in which all of them hold.
func loopFinding(chain []Step) Finding {
	f := pathFinding(chain)
	f.Object = nil
	f.Effect = ""
	f.Kind = Reinforcing
	neg := 0
	for _, s := range chain {
		if s.Effect == graph.Weakens {
			neg++
		}
	}
	if neg%2 == 1 {
		f.Kind = Balancing
	}
	f.Summary = chainText(chain, nil) // "A —drives→ B —weakens→ A"
	return f
}

// loops finds every cycle of up to MaxLoop claims once, from its claim
// with the smallest id.
func loops(g *Memory, p Params) []Finding {
	var out []Finding
	for _, first := range g.claims() {
		if !graph.InYears(first.Props, p.Years()) {
			continue
		}
		for _, rest := range g.loopsBack(first, p) {
			path := append([]*graph.Edge{first}, rest...)
			if g.loopWanted(path, p) {
				out = append(out, loopFinding(g.steps(path)))
			}
		}
	}
	return out
}

// loopsBack returns the claim paths of 1..MaxLoop-1 claims from first's end
// back to its start, through distinct nodes, each with a larger id than
// first's, in the period.
func (m *Memory) loopsBack(first *graph.Edge, p Params) [][]*graph.Edge {
	var out [][]*graph.Edge
	var path []*graph.Edge
	onPath := map[string]bool{first.To: true}
	var dfs func(node string)
	dfs = func(node string) {
		for _, e := range m.out[node] {
			if !isClaim(e) || e.ID <= first.ID || !graph.InYears(e.Props, p.Years()) {
				continue
			}
			if e.To == first.From {
				out = append(out, append(slices.Clone(path), e))
				continue
			}
			if onPath[e.To] || len(path)+2 >= MaxLoop {
				continue
			}
			path = append(path, e)
			onPath[e.To] = true
			dfs(e.To)
			delete(onPath, e.To)
			path = path[:len(path)-1]
		}
	}
	dfs(first.To)
	return out
}

// loopWanted reports whether the loop passes through Node (if given) and
// through a node with a weakening or strengthening claim on a relation of A
// (and B), if given.
func (m *Memory) loopWanted(path []*graph.Edge, p Params) bool {
	nodes := make([]string, len(path))
	for i, e := range path {
		nodes[i] = e.From
	}
	if p.Node != "" && !slices.Contains(nodes, p.Node) {
		return false
	}
	if p.A == "" {
		return true
	}
	for _, n := range nodes {
		for _, e := range m.out[n] {
			states := m.states(e.To)
			if isSigned(e) && m.label(e.To) == graph.LabelRelation && slices.Contains(states, p.A) && (p.B == "" || slices.Contains(states, p.B)) {
				return true
			}
		}
	}
	return false
}
