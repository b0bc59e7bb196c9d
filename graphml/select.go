package graphml

import (
	"github.com/dyad-kg/dyad/graph"
)

// Period is a span of years, both ends included; zero means open. It is
// graph.Years, and an element overlaps it by graph's one period rule
// (graph.InYears): events by their year, claims, stances and HOLDS edges by
// from_year and to_year; undated elements and open ends overlap every period.
type Period = graph.Years

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
	return (s.Nodes == nil || s.Nodes[id]) && graph.InYears(props, s.Period)
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
		if kept[e.From] && kept[e.To] && graph.InYears(e.Props, s.Period) {
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
// and edges outside it are not crossed). A Source is reached but not gone
// on from (graph.Leaf). It fails if el has no node start with label want
// (any label if want is empty).
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
		if graph.InYears(e.Props, p) {
			adj[e.From] = append(adj[e.From], e.To)
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	nodeOK, leaf := map[string]bool{}, map[string]bool{}
	for _, n := range el.Nodes {
		nodeOK[n.ID] = graph.InYears(n.Props, p)
		leaf[n.ID] = graph.Leaf(n.Label)
	}
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			if leaf[id] {
				continue
			}
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
		return graph.Errorf(graph.ENOTFOUND, "no node %q in the graph", id)
	}
	return graph.Errorf(graph.ENOTFOUND, "no %s %q in the graph", want, id)
}
