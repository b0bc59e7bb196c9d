package queries

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-kg/dyad/graph"
)

// Memory answers queries from an in-memory graph built from a dataset: the
// default backend when no Neo4j is configured. It gives the same answers as
// Neo4j for the same dataset. It is safe for concurrent use.
type Memory struct {
	entOnce  sync.Once
	entities []Entity

	claimOnce sync.Once
	byID      []*graph.Edge

	nodes map[string]*graph.Node
	out   map[string][]*graph.Edge
	in    map[string][]*graph.Edge

	// edges are the graph's edges, in its order; chains indexes their
	// claims (claimChains): the one index of claims that causal chains and
	// feedback loops walk.
	edges     []graph.Edge
	chainOnce sync.Once
	chains    *chainIndex

	// cited holds the sources described so far (sourceInfo by id), as
	// Neo4j's does: an answer's sources cost a look-up each, not a
	// rebuilt record.
	cited sync.Map
}

// NewMemory builds the in-memory graph of ds, which should be valid.
func NewMemory(ds *graph.Dataset) *Memory {
	return NewMemoryElements(ds.Elements())
}

// NewMemoryElements builds the in-memory graph of el.
func NewMemoryElements(el *graph.Elements) *Memory {
	m := &Memory{nodes: map[string]*graph.Node{}, out: map[string][]*graph.Edge{}, in: map[string][]*graph.Edge{}, edges: el.Edges}
	for i := range el.Nodes {
		n := &el.Nodes[i]
		m.nodes[n.ID] = n
	}
	for i := range el.Edges {
		e := &el.Edges[i]
		m.out[e.From] = append(m.out[e.From], e)
		m.in[e.To] = append(m.in[e.To], e)
	}
	return m
}

func (m *Memory) findings(_ context.Context, q *Query, p Params) ([]Finding, error) {
	return q.memory(m, p), nil
}

// claimTypes are the relationship types of influence claims.
var claimTypes = []graph.RelType{graph.RelWeakens, graph.RelStrengthens, graph.RelDrives}

func isClaim(e *graph.Edge) bool { return slices.Contains(claimTypes, e.Type) }

// isSigned reports whether e weakens or strengthens (a claim with a sign on
// its object, not one that drives it).
func isSigned(e *graph.Edge) bool {
	return e.Type == graph.RelWeakens || e.Type == graph.RelStrengthens
}

func (m *Memory) label(id string) graph.Label {
	if n := m.nodes[id]; n != nil {
		return n.Label
	}
	return ""
}

// ref is the node id as a Ref.
func (m *Memory) ref(id string) Ref {
	n := m.nodes[id]
	if n == nil {
		return Ref{}
	}
	return Ref{ID: n.ID, Label: n.Label, Name: str(n.Props, "name")}
}

func (m *Memory) refp(id string) *Ref {
	r := m.ref(id)
	return &r
}

// step is the claim edge e as a Step.
func (m *Memory) step(e *graph.Edge) Step {
	return Step{
		Claim:       e.ID,
		From:        m.ref(e.From),
		Effect:      effectOf(e.Type),
		To:          m.ref(e.To),
		Summary:     str(e.Props, "summary"),
		Period:      str(e.Props, "period"),
		Evidence:    evidence(e.Props, ""),
		ContestedBy: evidence(e.Props, "contested_"),
		span:        span(e.Props),
	}
}

func (m *Memory) steps(path []*graph.Edge) []Step {
	out := make([]Step, len(path))
	for i, e := range path {
		out[i] = m.step(e)
	}
	return out
}

// record is the node id as a finding about it.
func (m *Memory) record(id string) Finding {
	n := m.nodes[id]
	return record(n.Props, n.Label)
}

// effects are the claims that start at id.
func (m *Memory) effects(id string) []Step {
	var out []Step
	for _, e := range m.out[id] {
		if isClaim(e) {
			out = append(out, m.step(e))
		}
	}
	return out
}

// relationBetween returns the id of the relation between states a and b.
func (m *Memory) relationBetween(a, b string) string {
	if m.label(a) != graph.LabelState || m.label(b) != graph.LabelState || a == b {
		return ""
	}
	for _, e := range m.out[a] {
		if e.Type != graph.RelHasRelation {
			continue
		}
		for _, f := range m.in[e.To] {
			if f.Type == graph.RelHasRelation && f.From == b {
				return e.To
			}
		}
	}
	return ""
}

// relationsOf returns the relations of state a, with the other state.
func (m *Memory) relationsOf(a string) (rels, others []string) {
	for _, e := range m.out[a] {
		if e.Type != graph.RelHasRelation {
			continue
		}
		for _, f := range m.in[e.To] {
			if f.Type == graph.RelHasRelation && f.From != a {
				rels, others = append(rels, e.To), append(others, f.From)
			}
		}
	}
	return rels, others
}

// pathsFrom returns the claim paths of 1..Depth edges from start to any
// Relation, through distinct nodes, every claim in the period: a walk
// forward on the chain index.
func (m *Memory) pathsFrom(start string, p Params) [][]*graph.Edge {
	x := m.claimChains()
	n, ok := x.node[start]
	if !ok {
		return nil
	}
	years := p.Years()
	var out [][]*graph.Edge
	var path []*graph.Edge
	onPath := []int32{n}
	var walk func(node int32)
	walk = func(node int32) {
		for _, c := range x.out[x.outStart[node]:x.outStart[node+1]] {
			to := x.to[c]
			if slices.Contains(onPath, to) || !graph.OverlapYears(int(x.years[c][0]), int(x.years[c][1]), years.From, years.To) {
				continue
			}
			path = append(path, x.edges[c])
			if m.label(x.ids[to]) == graph.LabelRelation {
				out = append(out, slices.Clone(path))
			}
			if len(path) < p.Depth {
				onPath = append(onPath, to)
				walk(to)
				onPath = onPath[:len(onPath)-1]
			}
			path = path[:len(path)-1]
		}
	}
	walk(n)
	return out
}

// claims returns every claim edge.
func (m *Memory) claims() []*graph.Edge {
	var out []*graph.Edge
	for _, es := range m.out {
		for _, e := range es {
			if isClaim(e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// claimsByID returns every claim edge in order of id; it is sorted once
// and cached.
func (m *Memory) claimsByID() []*graph.Edge {
	m.claimOnce.Do(func() {
		m.byID = m.claims()
		slices.SortFunc(m.byID, func(a, b *graph.Edge) int { return strings.Compare(a.ID, b.ID) })
	})
	return m.byID
}

// states returns a node's "states" property (a relation's two states).
func (m *Memory) states(id string) []string {
	if n := m.nodes[id]; n != nil {
		s, _ := n.Props["states"].([]string)
		return s
	}
	return nil
}

// predecessors returns s and the states it succeeded, up to three steps back.
func (m *Memory) predecessors(s string) []string {
	out := []string{s}
	frontier := []string{s}
	for i := 0; i < 3; i++ {
		var next []string
		for _, x := range frontier {
			for _, e := range m.out[x] {
				if e.Type == graph.RelSucceeds && !slices.Contains(out, e.To) {
					out = append(out, e.To)
					next = append(next, e.To)
				}
			}
		}
		frontier = next
	}
	return out
}

func (m *Memory) sources(_ context.Context, ids []string) (map[string]sourceInfo, error) {
	out := make(map[string]sourceInfo, len(ids))
	for _, id := range ids {
		if s, ok := m.cited.Load(id); ok {
			out[id] = s.(sourceInfo)
			continue
		}
		if n := m.nodes[id]; n != nil && n.Label == graph.LabelSource {
			s := sourceInfo{Title: str(n.Props, "name"), URL: str(n.Props, "url"), Record: sourceRecord(n.Props)}
			m.cited.Store(id, s)
			out[id] = s
		}
	}
	return out, nil
}

// Entities lists every node with the names a question may use for it.
func (m *Memory) Entities(_ context.Context) ([]Entity, error) {
	m.entOnce.Do(func() {
		m.entities = make([]Entity, 0, len(m.nodes))
		for _, n := range m.nodes {
			e := entity(n.Props, n.Label)
			m.context(&e)
			m.entities = append(m.entities, e)
		}
		sortEntities(m.entities)
	})
	return m.entities, nil
}

// context fills in what answers group a cause by, from e's edges.
func (m *Memory) context(e *Entity) {
	var within, holder []string
	for _, x := range m.out[e.ID] {
		switch {
		case x.Type == graph.RelArisesIn:
			within = append(within, x.To)
		case x.Type == graph.RelToward:
			e.Toward = append(e.Toward, x.To)
		case x.Type == graph.RelConcerns && m.label(x.To) == graph.LabelRegion:
			e.Concerns = append(e.Concerns, x.To)
		case x.Type == graph.RelInvolves:
			e.Involves = append(e.Involves, x.To)
		}
	}
	for _, x := range m.in[e.ID] {
		if x.Type == graph.RelHolds {
			holder = append(holder, x.From)
		}
	}
	e.Within, e.Holder = first(sorted(within)), first(sorted(holder))
	e.Toward, e.Concerns, e.Involves = sorted(e.Toward), sorted(e.Concerns), sorted(e.Involves)
}

// first is the first of xs, or "".
func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return xs[0]
}

// sorted sorts xs in place and returns it; nil for none.
func sorted(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	slices.Sort(xs)
	return xs
}

func entity(props map[string]any, label graph.Label) Entity {
	e := Entity{
		Ref:        Ref{ID: str(props, "id"), Label: label, Name: str(props, "name")},
		Aliases:    strs(props, "aliases"),
		Capital:    str(props, "capital"),
		Adjectives: strs(props, "adjectives"),
		States:     strs(props, "states"),
	}
	if label == graph.LabelEvent {
		e.Kind, e.Actors = str(props, "kind"), strs(props, "actors")
		if y, ok := props["year"].(int64); ok {
			e.Year = int(y)
		}
	}
	return e
}

func sortEntities(es []Entity) {
	slices.SortFunc(es, func(a, b Entity) int { return strings.Compare(a.ID, b.ID) })
}

// topPaths keeps the paths a backend needs to find for p (all of them, or
// the first p.keep in pathFirst's rank), ranked from the edges before any
// step is built: a finding that the limit drops costs no evidence.
func topPaths(p Params, paths [][]*graph.Edge) [][]*graph.Edge {
	if p.keep == 0 || len(paths) <= p.keep {
		return paths
	}
	idx := firstPaths(paths, p.keep)
	out := make([][]*graph.Edge, len(idx))
	for i, j := range idx {
		out[i] = paths[j]
	}
	return out
}

// firstPaths returns the indexes of the first n paths in pathFirst's rank
// (fewer claims, then more sources cited by the first claim, then the
// claims' ids), in that order; every index, in no order, if n is 0 or
// covers them all. It keeps the best n seen so far: a path that does not
// beat the n-th costs one comparison, not a place in a full sort.
func firstPaths(paths [][]*graph.Edge, n int) []int {
	if n <= 0 || n >= len(paths) {
		idx := make([]int, len(paths))
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	cites := make([]int, len(paths))
	for i, path := range paths {
		cites[i] = citeCount(path[0])
	}
	rank := func(a, b int) int {
		return cmp.Or(cmp.Compare(len(paths[a]), len(paths[b])), cmp.Compare(cites[b], cites[a]),
			slices.CompareFunc(paths[a], paths[b], func(x, y *graph.Edge) int { return strings.Compare(x.ID, y.ID) }))
	}
	best := make([]int, 0, n+1)
	for i := range paths {
		if len(best) == n && rank(i, best[n-1]) >= 0 {
			continue
		}
		j, _ := slices.BinarySearchFunc(best, i, rank)
		best = slices.Insert(best, j, i)
		if len(best) > n {
			best = best[:n]
		}
	}
	return best
}

// citeCount is how many sources claim e cites (its evidence entries).
func citeCount(e *graph.Edge) int {
	switch s := e.Props["sources"].(type) {
	case []string:
		return len(s)
	case []any:
		return len(s)
	}
	return 0
}

// pathFindings are the findings of paths, as many as p needs.
func (m *Memory) pathFindings(p Params, paths [][]*graph.Edge) []Finding {
	paths = topPaths(p, paths)
	out := make([]Finding, len(paths))
	for i, path := range paths {
		out[i] = pathFinding(m.steps(path))
	}
	return out
}
