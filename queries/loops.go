package queries

import (
	"cmp"
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
// their claims' ids, each loop read from its claim with the smallest id;
// about a relation, the nearest it first (loopReach.compare). Answer.More
// says when the graph holds more.
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
	Doc:        "Cycles of 2 to 4 claims (at most depth) that come back to where they start, each reinforcing (an even number of weakening claims) or balancing, with the period in which all its claims hold, the first 100 in the order of their claims' ids; only those through node, if given, and, if A is given, those with a node that reaches the relation between A and B (every relation of A without B) by a chain of up to depth claims (at most 2), each with the first such chain (fewest claims, most-cited first) as how it reaches the relation, the loops nearest the relation first (then by the id of their node that near).",
	Example:    Params{A: "RUS", B: "JPN"},
	Ask:        "Which feedback loops run through Russia–Japan relations?",
	Cypher:     neo4j.Statement("loops"),
	NodeLabels: graph.CauseLabels(),
	NoDepth:    true,
	MaxDepth:   MaxLoop,
	DepthCap:   "Dyad looks for feedback loops of at most %d claims (the loop search's cap)",
	Limit:      LoopLimit,
	Rank:       "about a relation, the loops nearest it first; then in the order of their claims' ids",
	Timeout:    LoopTimeout,
	TooLong:    "Narrow the question: the loops through one factor, stance or event, shorter loops (\"within 2 steps\"), or a period.",
	first: func(a, b *Finding) int {
		return cmp.Or(strings.Compare(a.rank, b.rank), slices.Compare(chainClaims(a.Chain), chainClaims(b.Chain)))
	},
	Empty: "No feedback loop: the claims in the data form no cycle here of up to 4 claims, or of the depth asked (docs/sources.md says which loops were looked for).",
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
		if anchor, ok := r["anchor"].(string); ok && len(f.Via) > 0 {
			f.rank = strconv.Itoa(len(f.Via)) + "\x00" + anchor
		}
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
// order of their claims' ids (about a relation, the nearest it first:
// loopReach.compare), each once and from its claim with the smallest id:
// through Node or the nodes with a chain to the relation between A and B
// if given (loopWalk.through), else anywhere (loopWalk.first). A loop
// found for a relation says how it reaches it (withLink) and is ranked by
// its nearest node (Finding.rank; decode reads loops.cypher's anchor).
func loops(g *Memory, p Params) []Finding {
	if p.Depth < 2 {
		return nil // a claim never acts on its own subject
	}
	s := g.loopSearch(p)
	var found []loop
	var reach *loopReach
	if p.Node != "" || p.A != "" {
		found, reach = s.through(g, p)
	} else {
		found = s.first(p)
	}
	out := make([]Finding, len(found))
	for i := range found {
		out[i] = loopFinding(g.loopSteps(&found[i]))
		if reach == nil {
			continue
		}
		if c, ok := reach.link(&found[i]); ok {
			withLink(&out[i], g.chainSteps(&c))
			out[i].rank = reach.rank(&found[i])
		}
	}
	return out
}
