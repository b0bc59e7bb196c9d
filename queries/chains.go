package queries

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dyad-kg/dyad/graph"
)

// chainIndex is the claims of a Memory graph as numbers, built on the
// first question that follows chains: each claim edge (weakens, strengthens, drives) and each node at
// either end of one has a number, and what a causal walk reads of a claim
// (its ends, the sources it cites, its id's place in id order, its sign,
// its years) sits in slices of numbers. A walk back from a node then reads
// no map and no property, and the index holds few pointers for the
// garbage collector to trace.
type chainIndex struct {
	node  map[string]int32 // the number of each node at either end of a claim
	ids   []string         // the nodes by number
	edges []*graph.Edge    // the claims by number

	from, to []int32 // each claim's ends
	cites    []int32 // how many sources each claim cites (citeCount)
	idRank   []int32 // each claim's place in the order of claim ids
	byRank   []int32 // the claims in the order of their ids
	weakens  []bool
	years    [][2]int32 // each claim's years (graph.PropYears)

	// The claims into node i are in[inStart[i]:inStart[i+1]], in the order
	// of the graph's edges.
	inStart, in []int32
	// The claims out of node i are out[outStart[i]:outStart[i+1]], in the
	// order of the graph's edges.
	outStart, out []int32
	// The regions of node i (Memory.regionsOf) are
	// regions[regStart[i]:regStart[i+1]].
	regStart []int32
	regions  []string

	// steps are the claims as steps, each built when first asked for
	// (claimStep).
	steps []atomic.Pointer[Step]

	// marks are the loop search's node marks, pooled (nodeMarks).
	marks sync.Pool
}

// claimChains returns m's chain index, built on first use (a question
// that follows no chain, as most of `dyad ask`'s, does not build it).
func (m *Memory) claimChains() *chainIndex {
	m.chainOnce.Do(func() { m.chains = newChainIndex(m, m.edges) })
	return m.chains
}

// newChainIndex indexes the claims among edges, m's edges.
func newChainIndex(m *Memory, edges []graph.Edge) *chainIndex {
	x := &chainIndex{node: map[string]int32{}}
	var nodes []string
	number := func(id string) int32 {
		n, ok := x.node[id]
		if !ok {
			n = int32(len(nodes))
			x.node[id] = n
			nodes = append(nodes, id)
		}
		return n
	}
	for i := range edges {
		e := &edges[i]
		if !isClaim(e) {
			continue
		}
		x.edges = append(x.edges, e)
		x.from, x.to = append(x.from, number(e.From)), append(x.to, number(e.To))
		x.cites = append(x.cites, int32(citeCount(e)))
		x.weakens = append(x.weakens, e.Type == graph.RelWeakens)
		from, to := graph.PropYears(e.Props)
		x.years = append(x.years, [2]int32{int32(from), int32(to)})
	}
	x.rankIDs()
	x.steps = make([]atomic.Pointer[Step], len(x.edges))
	x.inStart, x.in = adjacency(len(nodes), x.to)
	x.outStart, x.out = adjacency(len(nodes), x.from)
	x.ids = nodes
	x.regStart = make([]int32, len(nodes)+1)
	for i, id := range nodes {
		x.regions = append(x.regions, m.regionsOf(id)...)
		x.regStart[i+1] = int32(len(x.regions))
	}
	return x
}

// rankIDs numbers the claims by the order of their ids (equal ids, equal
// numbers), so that comparing two numbers compares the ids.
func (x *chainIndex) rankIDs() {
	byID := make([]int32, len(x.edges))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return strings.Compare(x.edges[a].ID, x.edges[b].ID) })
	x.byRank = byID
	x.idRank = make([]int32, len(x.edges))
	for i, c := range byID {
		if i > 0 && x.edges[c].ID != x.edges[byID[i-1]].ID {
			x.idRank[c] = x.idRank[byID[i-1]] + 1
		} else if i > 0 {
			x.idRank[c] = x.idRank[byID[i-1]]
		}
	}
}

// adjacency returns, for nodes 0..n-1, the claims ending at each (their
// numbers in ends: the claims' objects or subjects), in the order of ends:
// node i's are list[start[i]:start[i+1]].
func adjacency(n int, ends []int32) (start, list []int32) {
	start = make([]int32, n+1)
	for _, e := range ends {
		start[e+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	list = make([]int32, len(ends))
	next := slices.Clone(start[:n])
	for c, e := range ends {
		list[next[e]] = int32(c)
		next[e]++
	}
	return start, list
}

// regionsAt returns the regions of claim end n (Memory.regionsOf).
func (x *chainIndex) regionsAt(n int32) []string {
	return x.regions[x.regStart[n]:x.regStart[n+1]]
}

// chain is a causal chain of claims by number, in causal order, with what
// pathFirst's rank compares: its length, the sources its first claim
// cites, and its claims' places in id order.
type chain struct {
	n     int
	cites int32
	claim [MaxDepth]int32
	rank  [MaxDepth]int32
}

// compare orders chains as firstPaths does: fewer claims, then more sources
// cited by the first claim, then the claims' ids.
func (c *chain) compare(d *chain) int {
	return cmp.Or(cmp.Compare(c.n, d.n), cmp.Compare(d.cites, c.cites), slices.Compare(c.rank[:c.n], d.rank[:d.n]))
}

// bestChains collects the first n chains offered in chain.compare's order
// (every one, in the order offered, if n is 0).
type bestChains struct {
	n    int
	list []chain
}

// full reports whether no longer chain than those held can get in.
func (b *bestChains) full() bool { return b.n > 0 && len(b.list) >= b.n }

// offer keeps c if it is among the first n so far: a chain that does not
// beat the n-th costs one comparison.
func (b *bestChains) offer(c *chain) {
	if b.n == 0 {
		b.list = append(b.list, *c)
		return
	}
	if len(b.list) == b.n && c.compare(&b.list[b.n-1]) >= 0 {
		return
	}
	j, _ := slices.BinarySearchFunc(b.list, c, func(x chain, c *chain) int { return x.compare(c) })
	b.list = slices.Insert(b.list, j, *c)
	if len(b.list) > b.n {
		b.list = b.list[:b.n]
	}
}

// chainWalk walks claims back from a node, as Memory.walk does backward,
// offering each chain of exactly want claims that accept takes.
type chainWalk struct {
	x      *chainIndex
	years  graph.Years
	open   bool
	want   int
	accept func(*chain) bool
	best   *bestChains

	path   [MaxDepth]int32     // the claims so far, in walking order
	onPath [MaxDepth + 1]int32 // the nodes so far
	found  chain               // the chain offered
}

// back walks from node, k claims into the chain (onPath[:k+1] set).
func (w *chainWalk) back(node int32, k int) {
	x := w.x
	for _, c := range x.in[x.inStart[node]:x.inStart[node+1]] {
		far := x.from[c]
		if slices.Contains(w.onPath[:k+1], far) ||
			(!w.open && !graph.OverlapYears(int(x.years[c][0]), int(x.years[c][1]), w.years.From, w.years.To)) {
			continue
		}
		w.path[k] = c
		if k+1 < w.want {
			w.onPath[k+1] = far
			w.back(far, k+1)
			continue
		}
		ch := &w.found // not a new chain each time: accept's argument escapes
		ch.n = w.want
		for i := range w.want {
			c := w.path[w.want-1-i]
			ch.claim[i], ch.rank[i] = c, x.idRank[c]
		}
		ch.cites = x.cites[ch.claim[0]]
		if w.accept == nil || w.accept(ch) {
			w.best.offer(ch)
		}
	}
}

// bestInto returns the first keep chains of 1 to p.Depth claims into any
// of targets, within p's years, that accept takes (nil: every one), in
// chain.compare's order (every one, shortest first, if keep is 0): what a
// walk back from each target (Memory.walk) and topPaths would keep. It
// walks the chains of 1 claim, then of 2, ..., and stops once keep are
// found: no longer chain ranks before them.
func (m *Memory) bestInto(targets []string, p Params, keep int, accept func(*chain) bool) []chain {
	x := m.claimChains()
	years := p.Years()
	best := &bestChains{n: keep}
	w := &chainWalk{x: x, years: years, open: years == graph.Years{}, accept: accept, best: best}
	for w.want = 1; w.want <= p.Depth && !best.full(); w.want++ {
		for _, t := range targets {
			n, ok := x.node[t]
			if !ok {
				continue
			}
			w.onPath[0] = n
			w.back(n, 0)
		}
	}
	return best.list
}

// chainFindings are the findings of chains (pathFindings).
func (m *Memory) chainFindings(cs []chain) []Finding {
	out := make([]Finding, len(cs))
	for i := range cs {
		out[i] = pathFinding(m.chainSteps(&cs[i]))
	}
	return out
}

// chainSteps are c's claims as steps (Memory.steps).
func (m *Memory) chainSteps(c *chain) []Step {
	out := make([]Step, c.n)
	for i, n := range c.claim[:c.n] {
		out[i] = m.claimStep(n)
	}
	return out
}

// claimStep is claim number n as a Step (Memory.step), built on first use
// and copied after: its evidence lists are the copy's own, as an answer's
// citations are filled in place (cite).
func (m *Memory) claimStep(n int32) Step {
	x := m.claimChains()
	s := x.steps[n].Load()
	if s == nil {
		built := m.step(x.edges[n])
		s = &built
		x.steps[n].Store(s) // two questions building it at once build the same
	}
	out := *s
	out.Evidence, out.ContestedBy = slices.Clone(s.Evidence), slices.Clone(s.ContestedBy)
	return out
}

// sign is the product of the signs of c's claims: -1 for an odd number
// of weakening claims.
func (x *chainIndex) sign(c *chain) int {
	s := 1
	for _, n := range c.claim[:c.n] {
		if x.weakens[n] {
			s = -s
		}
	}
	return s
}

// hasRegion reports whether a node of c has a region (Memory.regionsOf):
// region, if given, else any.
func (x *chainIndex) hasRegion(c *chain, region string) bool {
	if x.hasRegionAt(x.from[c.claim[0]], region) {
		return true
	}
	for _, n := range c.claim[:c.n] {
		if x.hasRegionAt(x.to[n], region) {
			return true
		}
	}
	return false
}

func (x *chainIndex) hasRegionAt(n int32, region string) bool {
	rs := x.regionsAt(n)
	return len(rs) > 0 && (region == "" || slices.Contains(rs, region))
}

// chainRegions are the regions on c, node by node from its first subject
// (Memory.regionsOf): region, if given, else all.
func (x *chainIndex) chainRegions(c *chain, region string) []string {
	var out []string
	add := func(n int32) {
		for _, r := range x.regionsAt(n) {
			if region == "" || r == region {
				out = append(out, r)
			}
		}
	}
	add(x.from[c.claim[0]])
	for _, n := range c.claim[:c.n] {
		add(x.to[n])
	}
	return out
}
