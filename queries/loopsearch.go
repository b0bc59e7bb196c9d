package queries

import (
	"cmp"
	"math"
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// The loop search walks the chain index (chainIndex): claims and nodes by
// number, a claim's id compared by its place in id order (idRank).

// loop is a feedback loop: its claims by number, in causal order, the last
// one ending where the first starts.
type loop struct {
	n     int
	claim [MaxLoop]int32
}

// claims are the loop's claims.
func (l *loop) claims() []int32 { return l.claim[:l.n] }

// loopSteps are l's claims as steps (Memory.claimStep).
func (m *Memory) loopSteps(l *loop) []Step {
	out := make([]Step, l.n)
	for i, c := range l.claims() {
		out[i] = m.claimStep(c)
	}
	return out
}

// loopWalk is one loop search: its period and depth, and the loop being
// walked.
type loopWalk struct {
	x     *chainIndex
	years graph.Years
	open  bool
	depth int

	// start is the node the loop walked (walk) starts and ends at; after
	// the rank that every claim after its first must exceed (first).
	start  int32
	after  int32
	path   loop
	onPath [MaxLoop + 1]int32 // the nodes so far
	found  []loop
	// marks are around's: the paths out of an anchor by their last node,
	// and the anchors searched already.
	marks *nodeMarks
}

// nodeMarks hold, by node number, what around marks, without clearing
// between anchors: a node's entry counts only if its stamp is the current
// anchor's (gen). They are pooled (chainIndex.marks): a search at 1M
// elements would otherwise clear or allocate megabytes.
type nodeMarks struct {
	gen   int32
	stamp []int32 // the anchor (gen) whose paths head holds
	head  []int32 // the last path out ending at the node, in halves
	done  []bool  // searched already (reset by release)
	// halves are the paths out, each linked to the previous one ending
	// at the same node.
	halves []half
	next   []int32
	anchor []int32 // the anchors marked done, to reset
}

// mark adds a path out of the anchor ending at node t.
func (k *nodeMarks) mark(t int32, h half) {
	prev := int32(-1)
	if k.stamp[t] == k.gen {
		prev = k.head[t]
	}
	k.stamp[t], k.head[t] = k.gen, int32(len(k.halves))
	k.halves, k.next = append(k.halves, h), append(k.next, prev)
}

// takeMarks returns node marks for a search, cleared.
func (x *chainIndex) takeMarks() *nodeMarks {
	if k, ok := x.marks.Get().(*nodeMarks); ok {
		return k
	}
	n := len(x.ids)
	return &nodeMarks{stamp: make([]int32, n), head: make([]int32, n), done: make([]bool, n)}
}

// releaseMarks resets k's done marks and returns it to the pool.
func (x *chainIndex) releaseMarks(k *nodeMarks) {
	for _, a := range k.anchor {
		k.done[a] = false
	}
	k.anchor = k.anchor[:0]
	x.marks.Put(k)
}

// loopSearch returns a search of m's claims for p: loops of up to p.Depth
// claims, every claim in p's period.
func (m *Memory) loopSearch(p Params) *loopWalk {
	years := p.Years()
	return &loopWalk{x: m.claimChains(), years: years, open: years == graph.Years{}, depth: p.Depth}
}

// inYears reports whether claim c holds in the search's period.
func (w *loopWalk) inYears(c int32) bool {
	return w.open || graph.OverlapYears(int(w.x.years[c][0]), int(w.x.years[c][1]), w.years.From, w.years.To)
}

// walk goes on from node, k claims into the loop (onPath[:k+1] set), by
// claims after the first in id order: each claim back to start closes a
// loop, each other to a node not yet on it goes on while a longer loop
// fits in the depth.
func (w *loopWalk) walk(node int32, k int) {
	x := w.x
	for _, c := range x.out[x.outStart[node]:x.outStart[node+1]] {
		if x.idRank[c] <= w.after || !w.inYears(c) {
			continue
		}
		to := x.to[c]
		w.path.claim[k] = c
		switch {
		case to == w.start:
			if k > 0 {
				w.path.n = k + 1
				w.found = append(w.found, w.path)
			}
		case k+2 <= w.depth && !slices.Contains(w.onPath[:k+1], to):
			w.onPath[k+1] = to
			w.walk(to, k+1)
		}
	}
}

// first takes the claims in order of id and finds from each the loops back
// to its start through claims with larger ids (so each loop is found once,
// from its smallest claim), until it has as many as p asks for.
func (w *loopWalk) first(p Params) []loop {
	x := w.x
	var out []loop
	for _, c := range x.byRank {
		if p.enough(len(out)) {
			break
		}
		if x.from[c] == x.to[c] || !w.inYears(c) {
			continue
		}
		w.start, w.after = x.from[c], x.idRank[c]
		w.path.claim[0] = c
		w.onPath[0], w.onPath[1] = x.from[c], x.to[c]
		w.found = w.found[:0]
		w.walk(x.to[c], 1)
		slices.SortFunc(w.found, x.compareLoops)
		out = append(out, w.found...)
	}
	return upTo(p, out)
}

// through returns the first loops (as many as p asks for) through Node if
// given, and if A is given, through a node with a chain of claims to the
// relation between A and B, with those nodes (Memory.reach); each loop
// starts at its claim with the smallest id. Through Node, the loops are
// every one through it, the first kept in the order of their claims' ids,
// or for a relation in its rank (loopReach.compare). For a relation
// without Node, the loops come in that rank as found (nearest): the search
// stops once it has enough.
func (w *loopWalk) through(m *Memory, p Params) ([]loop, *loopReach) {
	x := w.x
	var reach *loopReach
	if p.A != "" {
		reach = m.reach(p)
	}
	n, ok := x.node[p.Node]
	if p.Node == "" {
		return w.nearest(reach, p.keep), reach
	}
	if !ok {
		return nil, reach
	}
	w.marks = x.takeMarks()
	defer x.releaseMarks(w.marks)
	var found []loop
	for _, l := range w.around(n) {
		l = x.canonical(l)
		if reach == nil || reach.passes(&l) {
			found = append(found, l)
		}
	}
	if reach != nil {
		slices.SortFunc(found, reach.compare)
	} else {
		slices.SortFunc(found, x.compareLoops)
	}
	return upTo(p, found), reach
}

// nearest returns the first keep loops (every one, if keep is 0) through
// the nodes that reach a relation asked about, in reach's rank: it searches
// from those nodes in that order (loopReach.anchors), each left out of the
// later searches once searched (every loop through it is found), and takes
// each node's loops in the order of their claims' ids. A node with no claim
// into it or none out of it is on no loop and is not searched.
func (w *loopWalk) nearest(reach *loopReach, keep int) []loop {
	x := w.x
	w.marks = x.takeMarks()
	defer x.releaseMarks(w.marks)
	var out []loop
	for _, s := range reach.anchors() {
		if keep > 0 && len(out) >= keep {
			break
		}
		if x.outStart[s] == x.outStart[s+1] || x.inStart[s] == x.inStart[s+1] {
			continue
		}
		found := w.around(s)
		w.marks.done[s] = true
		w.marks.anchor = append(w.marks.anchor, s)
		at := len(out)
		for _, l := range found {
			out = append(out, x.canonical(l))
		}
		slices.SortFunc(out[at:], x.compareLoops)
	}
	if keep > 0 && len(out) > keep {
		out = out[:keep]
	}
	return out
}

// half is a path of 1 or 2 claims out of or into a loop's anchor.
type half struct {
	n     int
	claim [2]int32
	mid   int32 // the node between the two claims, if n is 2
}

// around returns the loops of up to the search's depth through s, every
// claim in the period, through distinct nodes: paths of up to 2 claims out
// of s (held by where they end) joined to paths of up to 2 claims back into
// it (walked, not held) where they meet (2 + 2 covers a loop of up to 4
// claims, as loops.cypher does).
func (w *loopWalk) around(s int32) []loop {
	x, k := w.x, w.marks
	if k.gen == math.MaxInt32 { // a stamp must never match an old one
		clear(k.stamp)
		k.gen = 0
	}
	k.gen++
	k.halves, k.next = k.halves[:0], k.next[:0]
	for _, c := range x.out[x.outStart[s]:x.outStart[s+1]] {
		m := x.to[c]
		if m == s || k.done[m] || !w.inYears(c) {
			continue
		}
		k.mark(m, half{n: 1, claim: [2]int32{c}})
		if w.depth < 4 {
			continue // 2 out are only for loops of 4: 2 out, 2 back
		}
		for _, d := range x.out[x.outStart[m]:x.outStart[m+1]] {
			if t := x.to[d]; t != s && t != m && !k.done[t] && w.inYears(d) {
				k.mark(t, half{n: 2, claim: [2]int32{c, d}, mid: m})
			}
		}
	}
	w.found = w.found[:0]
	if len(k.halves) == 0 {
		return nil
	}
	for _, c := range x.in[x.inStart[s]:x.inStart[s+1]] {
		m := x.from[c]
		if m == s || k.done[m] || !w.inYears(c) {
			continue
		}
		w.join(m, half{n: 1, claim: [2]int32{c}})
		if w.depth < 3 {
			continue
		}
		for _, d := range x.in[x.inStart[m]:x.inStart[m+1]] {
			if f := x.from[d]; f != s && f != m && !k.done[f] && w.inYears(d) {
				w.join(f, half{n: 2, claim: [2]int32{d, c}, mid: m})
			}
		}
	}
	return w.found
}

// join adds the loops of each path out of the anchor that ends at m,
// followed by back, a path from m back into the anchor; a loop of 3 claims
// is joined once, 1 claim out and 2 back.
func (w *loopWalk) join(m int32, back half) {
	k := w.marks
	if k.stamp[m] != k.gen {
		return
	}
	for i := k.head[m]; i >= 0; i = k.next[i] {
		out := k.halves[i]
		if out.n+back.n > w.depth || out.n == 2 && back.n == 1 || out.n == 2 && back.n == 2 && out.mid == back.mid {
			continue
		}
		l := loop{n: out.n + back.n}
		copy(l.claim[:], out.claim[:out.n])
		copy(l.claim[out.n:], back.claim[:back.n])
		w.found = append(w.found, l)
	}
}

// canonical turns a loop to start at its claim with the smallest id.
func (x *chainIndex) canonical(l loop) loop {
	k := 0
	for i, c := range l.claims() {
		if x.idRank[c] < x.idRank[l.claim[k]] {
			k = i
		}
	}
	out := loop{n: l.n}
	for i := range l.n {
		out.claim[i] = l.claim[(k+i)%l.n]
	}
	return out
}

// compareLoops orders loops by their claims' ids, in order.
func (x *chainIndex) compareLoops(a, b loop) int {
	for i := range min(a.n, b.n) {
		if c := cmp.Compare(x.idRank[a.claim[i]], x.idRank[b.claim[i]]); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.n, b.n)
}
