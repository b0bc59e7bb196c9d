package queries

import (
	"context"
	"maps"
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

	nodes map[string]*graph.Node
	out   map[string][]*graph.Edge
	in    map[string][]*graph.Edge
}

// NewMemory builds the in-memory graph of ds, which should be valid.
func NewMemory(ds *graph.Dataset) *Memory {
	return NewMemoryElements(ds.Elements())
}

// NewMemoryElements builds the in-memory graph of el.
func NewMemoryElements(el *graph.Elements) *Memory {
	m := &Memory{nodes: map[string]*graph.Node{}, out: map[string][]*graph.Edge{}, in: map[string][]*graph.Edge{}}
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

var claimTypes = []graph.RelType{graph.RelWeakens, graph.RelStrengthens, graph.RelDrives}

func isClaim(e *graph.Edge) bool { return slices.Contains(claimTypes, e.Type) }

func (m *Memory) label(id string) graph.Label {
	if n := m.nodes[id]; n != nil {
		return n.Label
	}
	return ""
}

func (m *Memory) refMap(id string) map[string]any {
	n := m.nodes[id]
	if n == nil {
		return nil
	}
	return map[string]any{"id": n.ID, "name": n.Props["name"], "label": string(n.Label)}
}

// stepMap is the Cypher projection r {.*, type, start, end}.
func (m *Memory) stepMap(e *graph.Edge) map[string]any {
	s := maps.Clone(e.Props)
	s["type"] = string(e.Type)
	s["start"] = m.refMap(e.From)
	s["end"] = m.refMap(e.To)
	return s
}

func (m *Memory) props(id string) map[string]any {
	if n := m.nodes[id]; n != nil {
		return maps.Clone(n.Props)
	}
	return nil
}

// integer returns m[k] when it is an integer, as Cypher parameters and
// properties hold them.
func integer(m map[string]any, k string) (int64, bool) {
	v, ok := m[k].(int64)
	return v, ok
}

// inPeriod is the Cypher period filter on an edge or node's from_year and
// to_year against $from and $to.
func inPeriod(props, params map[string]any) bool {
	if to, ok := integer(params, "to"); ok {
		if fy, ok := integer(props, "from_year"); ok && fy > to {
			return false
		}
	}
	if from, ok := integer(params, "from"); ok {
		if ty, ok := integer(props, "to_year"); ok && ty < from {
			return false
		}
	}
	return true
}

// relationBetween returns the id of the relation between states a and b.
func (m *Memory) relationBetween(a, b string) string {
	if m.label(a) != graph.LabelState || m.label(b) != graph.LabelState {
		return ""
	}
	for _, e := range m.out[a] {
		if e.Type != graph.RelHasRelation {
			continue
		}
		for _, f := range m.in[e.To] {
			if f.Type == graph.RelHasRelation && f.From == b && b != a {
				return e.To
			}
		}
	}
	return ""
}

// pathsInto enumerates the claim paths of 1..depth edges ending at target,
// with distinct nodes, every edge in the period; each path in order.
func (m *Memory) pathsInto(target string, params map[string]any) [][]*graph.Edge {
	depth, _ := integer(params, "depth")
	var out [][]*graph.Edge
	var rev []*graph.Edge
	onPath := map[string]bool{target: true}
	var dfs func(node string)
	dfs = func(node string) {
		for _, e := range m.in[node] {
			if !isClaim(e) || onPath[e.From] || !inPeriod(e.Props, params) {
				continue
			}
			rev = append(rev, e)
			path := slices.Clone(rev)
			slices.Reverse(path)
			out = append(out, path)
			if int64(len(rev)) < depth {
				onPath[e.From] = true
				dfs(e.From)
				delete(onPath, e.From)
			}
			rev = rev[:len(rev)-1]
		}
	}
	dfs(target)
	return out
}

// pathsFrom enumerates claim paths of 1..depth edges from start to any
// Relation.
func (m *Memory) pathsFrom(start string, params map[string]any) [][]*graph.Edge {
	depth, _ := integer(params, "depth")
	var out [][]*graph.Edge
	var path []*graph.Edge
	onPath := map[string]bool{start: true}
	var dfs func(node string)
	dfs = func(node string) {
		for _, e := range m.out[node] {
			if !isClaim(e) || onPath[e.To] || !inPeriod(e.Props, params) {
				continue
			}
			path = append(path, e)
			if m.label(e.To) == graph.LabelRelation {
				out = append(out, slices.Clone(path))
			}
			if int64(len(path)) < depth {
				onPath[e.To] = true
				dfs(e.To)
				delete(onPath, e.To)
			}
			path = path[:len(path)-1]
		}
	}
	dfs(start)
	return out
}

func (m *Memory) stepMaps(path []*graph.Edge) []map[string]any {
	out := make([]map[string]any, len(path))
	for i, e := range path {
		out[i] = m.stepMap(e)
	}
	return out
}

func sign(path []*graph.Edge) int64 {
	s := int64(1)
	for _, e := range path {
		if e.Type == graph.RelWeakens {
			s = -s
		}
	}
	return s
}

func (m *Memory) rows(_ context.Context, q *Query, p map[string]any) ([]row, error) {
	a, b := str(p, "a"), str(p, "b")
	var rows []row
	switch q.Name {
	case Weakened, Strengthened:
		want, _ := integer(p, "sign")
		if rel := m.relationBetween(a, b); rel != "" {
			for _, path := range m.pathsInto(rel, p) {
				if sign(path) == want {
					rows = append(rows, row{Steps: m.stepMaps(path)})
				}
			}
		}
	case Regions:
		if rel := m.relationBetween(a, b); rel != "" {
			for _, path := range m.pathsInto(rel, p) {
				nodes := []string{path[0].From}
				for _, e := range path {
					nodes = append(nodes, e.To)
				}
				for _, n := range nodes {
					var regions []string
					if m.label(n) == graph.LabelRegion {
						regions = append(regions, n)
					}
					for _, e := range m.out[n] {
						if e.Type == graph.RelConcerns && m.label(e.To) == graph.LabelRegion {
							regions = append(regions, e.To)
						}
					}
					for _, r := range regions {
						if only := str(p, "node"); only == "" || r == only {
							rows = append(rows, row{Region: m.refMap(r), Steps: m.stepMaps(path)})
						}
					}
				}
			}
		}
	case Compare:
		others, hasOthers := p["others"].([]string)
		if m.label(a) == graph.LabelState {
			for _, e := range m.out[a] {
				if e.Type != graph.RelHasRelation {
					continue
				}
				rel := e.To
				for _, f := range m.in[rel] {
					if f.Type != graph.RelHasRelation || f.From == a || (hasOthers && !slices.Contains(others, f.From)) {
						continue
					}
					for _, path := range m.pathsInto(rel, p) {
						rows = append(rows, row{Relation: m.refMap(rel), Steps: m.stepMaps(path)})
					}
				}
			}
		}
	case Paths:
		node := str(p, "node")
		switch m.label(node) {
		case graph.LabelEvent, graph.LabelFactor, graph.LabelStance, graph.LabelRegion, graph.LabelDispute:
			for _, path := range m.pathsFrom(node, p) {
				states := stringsOf(m.nodes[path[len(path)-1].To].Props["states"])
				if (a == "" || slices.Contains(states, a)) && (b == "" || slices.Contains(states, b)) {
					rows = append(rows, row{Steps: m.stepMaps(path)})
				}
			}
		}
	case Timeline:
		rows = m.timeline(a, b, p)
	case Disputes:
		rows = m.disputes(a)
	case Stances:
		rows = m.stances(a, p)
	case SourceClaims:
		src := str(p, "source")
		if m.label(src) == graph.LabelSource {
			for _, e := range m.claims() {
				if slices.Contains(stringsOf(e.Props["sources"]), src) || slices.Contains(stringsOf(e.Props["contested_sources"]), src) {
					rows = append(rows, row{Steps: []map[string]any{m.stepMap(e)}})
				}
			}
		}
	case Contested:
		for _, e := range m.claims() {
			if a != "" {
				states := stringsOf(m.nodes[e.To].Props["states"])
				if m.label(e.To) != graph.LabelRelation || !slices.Contains(states, a) || (b != "" && !slices.Contains(states, b)) {
					continue
				}
			}
			var opposed []string
			if e.Type != graph.RelDrives {
				for _, o := range m.out[e.From] {
					if o.To == e.To && (o.Type == graph.RelWeakens || o.Type == graph.RelStrengthens) && o.Type != e.Type {
						opposed = append(opposed, o.ID)
					}
				}
			}
			if e.Props["contested"] == true || len(opposed) > 0 {
				rows = append(rows, row{Steps: []map[string]any{m.stepMap(e)}, Opposed: opposed})
			}
		}
	}
	return rows, nil
}

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

func stringsOf(v any) []string {
	s, _ := v.([]string)
	return s
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

func (m *Memory) timeline(a, b string, p map[string]any) []row {
	rel := m.relationBetween(a, b)
	if rel == "" {
		return nil
	}
	pa, pb := m.predecessors(a), m.predecessors(b)
	events := map[string]bool{}
	for _, x := range pa {
		for _, e := range m.in[x] {
			if e.Type != graph.RelInvolves {
				continue
			}
			for _, f := range m.out[e.From] {
				if f.Type == graph.RelInvolves && f.To != x && slices.Contains(pb, f.To) {
					events[e.From] = true
				}
			}
		}
	}
	for _, e := range m.in[rel] {
		if (e.Type == graph.RelWeakens || e.Type == graph.RelStrengthens) && m.label(e.From) == graph.LabelEvent {
			events[e.From] = true
		}
	}
	var rows []row
	for id := range events {
		props := m.nodes[id].Props
		year, _ := integer(props, "year")
		if from, ok := integer(p, "from"); ok && year < from {
			continue
		}
		if to, ok := integer(p, "to"); ok && year > to {
			continue
		}
		var effects []map[string]any
		for _, e := range m.out[id] {
			if e.To == rel && (e.Type == graph.RelWeakens || e.Type == graph.RelStrengthens) {
				effects = append(effects, m.stepMap(e))
			}
		}
		rows = append(rows, row{Node: m.props(id), Effects: effects})
	}
	return rows
}

func (m *Memory) effects(id string) []map[string]any {
	var out []map[string]any
	for _, e := range m.out[id] {
		if isClaim(e) {
			out = append(out, m.stepMap(e))
		}
	}
	return out
}

func (m *Memory) disputes(a string) []row {
	if m.label(a) != graph.LabelState {
		return nil
	}
	var rows []row
	for _, e := range m.out[a] {
		if e.Type != graph.RelPartyTo || m.label(e.To) != graph.LabelDispute {
			continue
		}
		d := e.To
		r := row{Node: m.props(d), Effects: m.effects(d)}
		for _, c := range m.out[d] {
			if c.Type == graph.RelConcerns && m.label(c.To) == graph.LabelRegion {
				r.Territory = m.refMap(c.To)
			}
		}
		for _, pt := range m.in[d] {
			if pt.Type == graph.RelPartyTo {
				r.Parties = append(r.Parties, map[string]any{
					"state": m.refMap(pt.From), "position": pt.Props["position"],
					"sources": pt.Props["sources"], "locators": pt.Props["locators"], "modes": pt.Props["modes"],
				})
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func (m *Memory) stances(a string, p map[string]any) []row {
	var rows []row
	for _, e := range m.out[a] {
		if e.Type != graph.RelHolds || !inPeriod(e.Props, p) {
			continue
		}
		r := row{Node: m.props(e.To), Effects: m.effects(e.To)}
		for _, t := range m.out[e.To] {
			if t.Type == graph.RelToward {
				r.Toward = append(r.Toward, m.refMap(t.To))
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func (m *Memory) sources(_ context.Context, ids []string) (map[string]sourceInfo, error) {
	out := map[string]sourceInfo{}
	for _, id := range ids {
		if n := m.nodes[id]; n != nil && n.Label == graph.LabelSource {
			out[id] = sourceInfo{Title: str(n.Props, "name"), URL: str(n.Props, "url")}
		}
	}
	return out, nil
}

// Entities lists every node with the names a question may use for it.
func (m *Memory) Entities(_ context.Context) ([]Entity, error) {
	m.entOnce.Do(func() {
		m.entities = make([]Entity, 0, len(m.nodes))
		for _, n := range m.nodes {
			m.entities = append(m.entities, entity(n.Props, n.Label))
		}
		sortEntities(m.entities)
	})
	return m.entities, nil
}

func entity(props map[string]any, label graph.Label) Entity {
	return Entity{
		Ref:        Ref{ID: str(props, "id"), Label: label, Name: str(props, "name")},
		Aliases:    strs(props, "aliases"),
		Capital:    str(props, "capital"),
		Adjectives: strs(props, "adjectives"),
		States:     strs(props, "states"),
	}
}

func sortEntities(es []Entity) {
	slices.SortFunc(es, func(a, b Entity) int { return strings.Compare(a.ID, b.ID) })
}
