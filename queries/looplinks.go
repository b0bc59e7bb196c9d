package queries

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// A feedback loop bears on a relation when a node of the loop reaches the
// relation by a chain of claims within the question's depth and at most
// MaxLink claims, every claim in the question's period: the chains the
// causal questions follow, up to MaxLink claims. The
// answer says how: the first such chain from a node of the loop (Finding.Via)
// in pathFirst's rank (fewest claims, then the most sources cited by its
// first claim, then the claims' ids).

// MaxLink is the most claims of a chain by which a loop bears on a
// relation: the nodes that near a relation are few, and the loops are
// searched from them only (loops.cypher alike).
const MaxLink = 2

// linkDepth is the most claims a loop's link to a relation may have.
func linkDepth(p Params) int { return min(p.Depth, MaxLink) }

// loopReach holds, for a loop question about a relation, how far each node
// is from the relations asked about: the fewest claims of a chain from it to
// one of them, within the period and linkDepth. Targets are at 0; a node
// that reaches none is not in dist.
type loopReach struct {
	x     *chainIndex
	years graph.Years
	dist  map[int32]int
}

// reach finds the nodes with a chain of 1..linkDepth(p) claims into a
// relation of A (and of B, if given), by a walk back from the relations one
// claim at a time: a node is first met at its distance, and a shortest
// chain passes no node twice.
func (m *Memory) reach(p Params) *loopReach {
	x := m.claimChains()
	r := &loopReach{x: x, years: p.Years(), dist: map[int32]int{}}
	var frontier []int32
	rels, _ := m.relationsOf(p.A)
	for _, rel := range rels {
		n, ok := x.node[rel]
		if _, seen := r.dist[n]; ok && !seen && m.bearsOn(rel, p) {
			r.dist[n] = 0
			frontier = append(frontier, n)
		}
	}
	for d := 1; d <= linkDepth(p) && len(frontier) > 0; d++ {
		var next []int32
		for _, n := range frontier {
			for _, c := range x.in[x.inStart[n]:x.inStart[n+1]] {
				far := x.from[c]
				if _, seen := r.dist[far]; !seen && r.inYears(c) {
					r.dist[far] = d
					next = append(next, far)
				}
			}
		}
		frontier = next
	}
	return r
}

// bearsOn reports whether rel is a relation of A (and of B, if given).
func (m *Memory) bearsOn(rel string, p Params) bool {
	states := m.states(rel)
	return slices.Contains(states, p.A) && (p.B == "" || slices.Contains(states, p.B))
}

// inYears reports whether claim c holds in the question's years.
func (r *loopReach) inYears(c int32) bool {
	y := r.x.years[c]
	return graph.OverlapYears(int(y[0]), int(y[1]), r.years.From, r.years.To)
}

// reaches reports whether node n has a chain to a relation asked about.
func (r *loopReach) reaches(n int32) bool { return r.dist[n] > 0 }

// anchors are the nodes that reach a relation asked about, nearest first,
// then in the order of their ids: the order in which the loops through
// them rank (compare).
func (r *loopReach) anchors() []int32 {
	var out []int32
	for n, d := range r.dist {
		if d > 0 {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, r.compareNodes)
	return out
}

// compareNodes orders nodes that reach a relation: nearest first, then by
// id.
func (r *loopReach) compareNodes(a, b int32) int {
	return cmp.Or(cmp.Compare(r.dist[a], r.dist[b]), strings.Compare(r.x.ids[a], r.x.ids[b]))
}

// anchor is the first node of l (compareNodes) that reaches a relation
// asked about, and false if none does.
func (r *loopReach) anchor(l *loop) (int32, bool) {
	best, ok := int32(0), false
	for _, c := range l.claims() {
		n := r.x.from[c]
		if r.reaches(n) && (!ok || r.compareNodes(n, best) < 0) {
			best, ok = n, true
		}
	}
	return best, ok
}

// rank is l's place in the rank of loops about a relation, before its
// claims' ids: the distance of its anchor from the relation, then the
// anchor's id ("" if no node of it reaches the relation).
func (r *loopReach) rank(l *loop) string {
	n, ok := r.anchor(l)
	if !ok {
		return ""
	}
	return strconv.Itoa(r.dist[n]) + "\x00" + r.x.ids[n]
}

// compare orders loops about a relation: those nearest it first (the
// fewest claims from one of its nodes to it), then by the id of their
// first node that near, then by their claims' ids.
func (r *loopReach) compare(a, b loop) int {
	return cmp.Or(strings.Compare(r.rank(&a), r.rank(&b)), r.x.compareLoops(a, b))
}

// passes reports whether a node of the loop reaches a relation asked about.
func (r *loopReach) passes(l *loop) bool {
	return slices.ContainsFunc(l.claims(), func(c int32) bool { return r.reaches(r.x.from[c]) })
}

// link returns the first chain (chain.compare's order) from a node of the
// loop to a relation asked about, and false if no node of it reaches one.
// The shortest chains are those from the loop's nearest nodes that step,
// claim by claim, to a node one claim nearer: only those are walked.
func (r *loopReach) link(l *loop) (chain, bool) {
	near := 0
	var starts []int32
	for _, c := range l.claims() {
		n := r.x.from[c]
		d := r.dist[n]
		switch {
		case d == 0:
		case near == 0 || d < near:
			near, starts = d, []int32{n}
		case d == near:
			starts = append(starts, n)
		}
	}
	if near == 0 {
		return chain{}, false
	}
	w := linkWalk{r: r, n: near}
	for _, n := range starts {
		w.forward(n, 0)
	}
	return w.best, true
}

// linkWalk walks forward from a node n claims from a relation, along
// claims to nodes one claim nearer, keeping the first chain found.
type linkWalk struct {
	r     *loopReach
	n     int
	path  chain
	best  chain
	found bool
}

// forward walks on from node, k claims into the chain, to the nodes one
// claim nearer the relations, and offers each chain that reaches one.
func (w *linkWalk) forward(node int32, k int) {
	x := w.r.x
	for _, c := range x.out[x.outStart[node]:x.outStart[node+1]] {
		d, ok := w.r.dist[x.to[c]]
		if !ok || d != w.n-k-1 || !w.r.inYears(c) {
			continue
		}
		w.path.claim[k], w.path.rank[k] = c, x.idRank[c]
		if k+1 < w.n {
			w.forward(x.to[c], k+1)
			continue
		}
		w.path.n, w.path.cites = w.n, x.cites[w.path.claim[0]]
		if !w.found || w.path.compare(&w.best) < 0 {
			w.best, w.found = w.path, true
		}
	}
}

// withLink adds to a loop's finding the chain by which it reaches a
// relation: the relation is its object, the chain's net effect its effect.
func withLink(f *Finding, via []Step) {
	if len(via) == 0 {
		return
	}
	f.Via = via
	obj := via[len(via)-1].To
	f.Object = &obj
	f.Effect = netEffect(via)
}
