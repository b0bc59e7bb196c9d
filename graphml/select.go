package graphml

import (
	"fmt"

	"github.com/dyad-kg/dyad/graph"
)

// Period is a span of years, both ends included; zero means open. An
// element is dated if it has a "year" property (events) or "from_year" or
// "to_year" properties (claims, stances, HOLDS edges); undated elements and
// open ends overlap every period.
type Period struct {
	From, To int
}

// IsZero reports whether p is open at both ends (keeps everything).
func (p Period) IsZero() bool { return p.From == 0 && p.To == 0 }

// String is the period as "1992-2001", "1992-" or "-2001".
func (p Period) String() string {
	s := ""
	if p.From != 0 {
		s = fmt.Sprint(p.From)
	}
	s += "-"
	if p.To != 0 {
		s += fmt.Sprint(p.To)
	}
	return s
}

// Overlaps reports whether an element with these properties overlaps p.
func (p Period) Overlaps(props map[string]any) bool {
	if p.IsZero() {
		return true
	}
	lo, hasLo := year(props, "from_year")
	hi, hasHi := year(props, "to_year")
	if y, ok := year(props, "year"); ok {
		lo, hi, hasLo, hasHi = y, y, true, true
	}
	if p.From != 0 && hasHi && hi < int64(p.From) {
		return false
	}
	if p.To != 0 && hasLo && lo > int64(p.To) {
		return false
	}
	return true
}

func year(props map[string]any, key string) (int64, bool) {
	y, ok := asInt(props[key])
	return y, ok
}

// Selection says which part of the graph to export. The zero Selection is
// the whole graph.
type Selection struct {
	// Nodes, if not nil, keeps only these node ids (and the edges between
	// them). It is the hook for any query that picks nodes: a relation's
	// neighbourhood (Neighbourhood), or the result of a catalog query.
	Nodes map[string]bool
	// Period keeps only the dated nodes and edges that overlap it, and the
	// edges whose ends are both kept.
	Period Period
}

// KeepNode reports whether s keeps a node with this id and properties.
func (s Selection) KeepNode(id string, props map[string]any) bool {
	return (s.Nodes == nil || s.Nodes[id]) && s.Period.Overlaps(props)
}

// Select returns the part of el that s keeps: the nodes it keeps, and the
// edges that overlap its period between two kept nodes, in el's order. The
// elements share their property maps with el.
func Select(el *graph.Elements, s Selection) *graph.Elements {
	if s.Nodes == nil && s.Period.IsZero() {
		return el
	}
	out := &graph.Elements{}
	kept := make(map[string]bool, len(el.Nodes))
	for _, n := range el.Nodes {
		if s.KeepNode(n.ID, n.Props) {
			out.Nodes = append(out.Nodes, n)
			kept[n.ID] = true
		}
	}
	for _, e := range el.Edges {
		if kept[e.From] && kept[e.To] && s.Period.Overlaps(e.Props) {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// Subgraph returns the subgraph of el induced by the node ids: those nodes
// and the edges between them. It is Select with Selection{Nodes: ids}.
func Subgraph(el *graph.Elements, ids map[string]bool) *graph.Elements {
	if ids == nil {
		ids = map[string]bool{}
	}
	return Select(el, Selection{Nodes: ids})
}

// Neighbourhood returns the ids of the nodes at most depth edges from the
// node start, following edges either way, within the period p (dated nodes
// and edges outside it are not crossed). It fails if el has no node start
// with label want (any label if want is empty).
func Neighbourhood(el *graph.Elements, start string, want graph.Label, depth int, p Period) (map[string]bool, error) {
	props := map[string]map[string]any{}
	for _, n := range el.Nodes {
		if n.ID == start && (want == "" || n.Label == want) {
			props[n.ID] = n.Props
		}
	}
	if props[start] == nil {
		return nil, notFound(start, want)
	}
	adj := map[string][]string{}
	for _, e := range el.Edges {
		if p.Overlaps(e.Props) {
			adj[e.From] = append(adj[e.From], e.To)
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	nodeOK := map[string]bool{}
	for _, n := range el.Nodes {
		nodeOK[n.ID] = p.Overlaps(n.Props)
	}
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, nb := range adj[id] {
				if !seen[nb] && nodeOK[nb] {
					seen[nb] = true
					next = append(next, nb)
				}
			}
		}
		frontier = next
	}
	return seen, nil
}

func notFound(id string, want graph.Label) error {
	if want == "" {
		return fmt.Errorf("no node %q in the graph", id)
	}
	return fmt.Errorf("no %s %q in the graph", want, id)
}
