package queries

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Loops asks which feedback loops run through the causal map: cycles of
// claims that come back to where they start, reinforcing or balancing.
const Loops Name = "loops"

// MaxLoop is the most claims a feedback loop may have: the loop search's
// depth cap. Depth asks for shorter loops; asking for longer ones is an
// error that says the cap.
const MaxLoop = 4

// LoopLimit is the most loops an answer lists: the first in the order of
// their claims' ids, each loop read from its claim with the smallest id.
// Answer.More says when the graph holds more.
const LoopLimit = 100

// LoopTimeout is how long a loop search may run on Neo4j before the server
// stops it (the read transaction's timeout).
const LoopTimeout = 60 * time.Second

// The kinds of feedback loop.
const (
	// Reinforcing loops have an even number of weakening claims: each turn
	// pushes the same way.
	Reinforcing = "reinforcing loop"
	// Balancing loops have an odd number: each turn pushes back.
	Balancing = "balancing loop"
)

var loopWords = []string{"loop", "feedback", "cycle", "circular", "vicious", "virtuous", "spiral", "feed each other", "feeds", "reinforc", "self-reinforc", "mutual", "run$", "runs$", "through", "pass", "involv", "close$", "closes$", "bear", "circle"}

var _ = register(95, &Query{
	Name:       Loops,
	Title:      "Which feedback loops run through the causal map",
	Doc:        "Cycles of 2 to 4 claims (at most depth) that come back to where they start, each reinforcing (an even number of weakening claims) or balancing, with the period in which all its claims hold, the first 100 in the order of their claims' ids; only those through node, if given, and, if A is given, those with a node that reaches the relation between A and B (every relation of A without B) by a chain of up to depth claims (at most 3), each with the first such chain (fewest claims, most-cited first) as how it reaches the relation.",
	Example:    Params{A: "RUS", B: "JPN"},
	Ask:        "Which feedback loops run through Russia–Japan relations?",
	Cypher:     neo4j.Statement("loops"),
	NodeLabels: graph.CauseLabels(),
	NoDepth:    true,
	MaxDepth:   MaxLoop,
	DepthCap:   "Dyad looks for feedback loops of at most %d claims (the loop search's cap)",
	Limit:      LoopLimit,
	Rank:       "in the order of their claims' ids",
	Timeout:    LoopTimeout,
	TooLong:    "Narrow the question: the loops through one factor, stance or event, shorter loops (\"within 2 steps\"), or a period.",
	first:      func(a, b *Finding) int { return slices.Compare(chainClaims(a.Chain), chainClaims(b.Chain)) },
	Empty:      "No feedback loop: the claims in the data form no cycle here of up to 4 claims, or of the depth asked (docs/sources.md says which loops were looked for).",
	Phrasing: Phrasing{
		Words: loopWords,
		Rules: []Rule{{Priority: 8, When: func(c *Clues) bool { return c.has(loopWords[:8]) }}},
		Bind: func(c *Clues, p *Params) {
			p.Node = c.Node
			bindPair(c, p)
		},
	},
	memory: loops,
	decode: func(r neo4j.Record) Finding {
		f := loopFinding(steps(r, "steps"))
		withLink(&f, steps(r, "via"))
		return f
	},
	key: func(f *Finding) string { return f.Kind + "\x00" + chainIDs(f.Chain) },
	head: func(f *Finding) string {
		if len(f.Chain) == 0 {
			return ""
		}
		return ": " + strconv.Itoa(len(f.Chain)) + " claims"
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

// chainClaims are the ids of a chain's claims, in order.
func chainClaims(chain []Step) []string {
	ids := make([]string, len(chain))
	for i, s := range chain {
		ids[i] = s.Claim
	}
	return ids
}

// loops finds the first cycles (as many as p asks for, LoopLimit+1 by
// default) of up to p.Depth claims in the
// order of their claims' ids, each once and from its claim with the
// smallest id: through Node or the nodes with a chain to the relation
// between A and B if given (loopsThrough), else anywhere (firstLoops).
// A loop found for a relation says how it reaches it (withLink).
func loops(g *Memory, p Params) []Finding {
	if p.Depth < 2 {
		return nil // a claim never acts on its own subject
	}
	var paths [][]*graph.Edge
	var reach *loopReach
	if p.Node != "" || p.A != "" {
		paths, reach = g.loopsThrough(p)
	} else {
		paths = g.firstLoops(p)
	}
	out := make([]Finding, len(paths))
	for i, path := range paths {
		out[i] = loopFinding(g.steps(path))
		if reach == nil {
			continue
		}
		if c, ok := reach.link(path); ok {
			withLink(&out[i], g.chainSteps(&c))
		}
	}
	return out
}

// firstLoops takes the claims in order of id and finds from each the loops
// back to its start through claims with larger ids (so each loop is found
// once, from its smallest claim), until it has as many as p asks for.
func (m *Memory) firstLoops(p Params) [][]*graph.Edge {
	var out [][]*graph.Edge
	for _, first := range m.claimsByID() {
		if p.enough(len(out)) {
			break
		}
		if !graph.InYears(first.Props, p.Years()) {
			continue
		}
		found := m.loopsBack(first, p)
		slices.SortFunc(found, compareLoops)
		out = append(out, found...)
	}
	return upTo(p, out)
}

// loopsBack returns the loops that start with the claim first and go on
// through 1..Depth-1 claims back to its start, through distinct nodes, each
// claim with a larger id than first's and in the period. The last claim of
// each is looked up among the claims between two nodes, not searched for.
func (m *Memory) loopsBack(first *graph.Edge, p Params) [][]*graph.Edge {
	var out [][]*graph.Edge
	path := []*graph.Edge{first}
	onPath := map[string]bool{first.From: true, first.To: true}
	var dfs func(node string)
	dfs = func(node string) {
		for _, e := range m.claimsBetween(node, first.From) {
			if e.ID > first.ID && graph.InYears(e.Props, p.Years()) {
				out = append(out, append(slices.Clone(path), e))
			}
		}
		if len(path)+2 > p.Depth {
			return
		}
		for _, e := range m.claimOut[node] {
			if e.ID <= first.ID || onPath[e.To] || !graph.InYears(e.Props, p.Years()) {
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

// bearsOn reports whether rel is a relation of A (and of B, if given).
func (m *Memory) bearsOn(rel string, p Params) bool {
	states := m.states(rel)
	return slices.Contains(states, p.A) && (p.B == "" || slices.Contains(states, p.B))
}

// loopsThrough returns the first loops (as many as p asks for) (in the order of their
// claims' ids) through Node if given, and if A is given, through a node
// with a chain of claims to the relation between A and B (the search starts
// from Node, else from each of those nodes), with those nodes (m.reach);
// each loop starts at its claim with the smallest id.
func (m *Memory) loopsThrough(p Params) ([][]*graph.Edge, *loopReach) {
	var reach *loopReach
	anchors := []string{p.Node}
	if p.A != "" {
		reach = m.reach(p)
		if p.Node == "" {
			anchors = reach.anchors()
		}
	}
	seen := map[string]bool{}
	var out [][]*graph.Edge
	for _, s := range anchors {
		for _, path := range m.loopsAt(s, p) {
			path = canonicalLoop(path)
			key := loopKey(path)
			if seen[key] || (reach != nil && !reach.passes(path)) {
				continue
			}
			seen[key] = true
			out = append(out, path)
		}
	}
	slices.SortFunc(out, compareLoops)
	return upTo(p, out), reach
}

// loopsAt returns the loops of up to Depth claims from s back to s through
// distinct nodes, every claim in the period.
func (m *Memory) loopsAt(s string, p Params) [][]*graph.Edge {
	if len(m.claimIn[s]) == 0 {
		return nil // nothing leads back to s (an event, say)
	}
	var out [][]*graph.Edge
	m.walk(s, Params{From: p.From, To: p.To, Depth: p.Depth - 1}, true, func(path []*graph.Edge) {
		for _, e := range m.claimsBetween(path[len(path)-1].To, s) {
			if graph.InYears(e.Props, p.Years()) {
				out = append(out, append(slices.Clone(path), e))
			}
		}
	})
	return out
}

// canonicalLoop turns a loop to start at its claim with the smallest id.
func canonicalLoop(path []*graph.Edge) []*graph.Edge {
	k := 0
	for i, e := range path {
		if e.ID < path[k].ID {
			k = i
		}
	}
	return append(path[k:len(path):len(path)], path[:k]...)
}

func loopKey(path []*graph.Edge) string {
	ids := make([]string, len(path))
	for i, e := range path {
		ids[i] = e.ID
	}
	return strings.Join(ids, "\x00")
}

// compareLoops orders loops by their claims' ids, in order.
func compareLoops(a, b []*graph.Edge) int {
	return slices.CompareFunc(a, b, func(x, y *graph.Edge) int { return strings.Compare(x.ID, y.ID) })
}
