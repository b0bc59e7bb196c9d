package graphml

import (
	"context"
	"fmt"
	"io"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// ExportNeo4j streams Dyad's graph in db (the nodes and edges package
// loader wrote, marked dyad = true) to w as GraphML of flavor fl ("" is
// Standard): the part s selects,
// nodes label by label then edges type by type, each ordered by id, the
// order of graph.Dataset.Elements. Memory stays flat as the graph grows:
// db.Export reads the graph in pages (several labels, types or pieces of
// one at once, a few pages ahead), they are written in that order as they
// arrive, and only the ids in s are held.
//
// The keys are DyadKeys plus, as strings, any other property that Dyad's
// nodes or edges carry in db (found from db.propertyKeys(), and only then
// by a scan). An export of the graph loaded from a dataset is byte for byte
// the export of the dataset itself.
func ExportNeo4j(ctx context.Context, db *neo4j.DB, w io.Writer, s Selection, fl Flavor) (nodes, edges int, err error) {
	keys, err := Neo4jKeys(ctx, db)
	if err != nil {
		return 0, 0, err
	}
	gw := NewFlavorWriter(w, fl, keys...)
	if err := db.Export(ctx, filter(s), gw.WriteNode, gw.WriteEdge); err != nil {
		return 0, 0, err
	}
	nodes, edges = gw.Count()
	return nodes, edges, gw.Close()
}

// filter is the neo4j.Filter of s.
func filter(s Selection) neo4j.Filter {
	f := neo4j.Filter{Years: s.Period}
	if s.Nodes != nil {
		f.IDs = []string{}
		for id, ok := range s.Nodes {
			if ok {
				f.IDs = append(f.IDs, id)
			}
		}
	}
	return f
}

// Neo4jKeys returns the keys an export of db declares: DyadKeys, and a
// string key for each other property that Dyad's nodes or edges carry.
// The property names come from db.propertyKeys(); only names that Dyad
// does not know (neither for nodes nor for edges) are looked for, by one
// scan of the nodes and one of the edges, so a database holding only
// Dyad's graph needs no scan.
func Neo4jKeys(ctx context.Context, db *neo4j.DB) ([]Key, error) {
	keys := DyadKeys()
	all, err := db.PropertyKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading property keys: %w", err)
	}
	var foreign []string
	for _, k := range all {
		if k != Marker && !knownKey(ForNode, k) && !knownKey(ForEdge, k) {
			foreign = append(foreign, k)
		}
	}
	if len(foreign) == 0 {
		return keys, nil
	}
	for _, d := range []Domain{ForNode, ForEdge} {
		used, err := db.KeysInUse(ctx, d == ForEdge, foreign)
		if err != nil {
			return nil, fmt.Errorf("looking for %s properties: %w", d, err)
		}
		for _, k := range used {
			if !Omitted(d, k) {
				keys = append(keys, Key{For: d, Name: k, Type: String})
			}
		}
	}
	return keys, nil
}

// NeighbourhoodNeo4j is Neighbourhood for Dyad's graph in db: the ids of
// the nodes at most depth edges from start (a node labelled want, any Dyad
// label if want is empty), crossing only nodes and edges that overlap p.
// It holds only the ids it finds.
func NeighbourhoodNeo4j(ctx context.Context, db *neo4j.DB, start string, want graph.Label, depth int, p Period) (map[string]bool, error) {
	var labels []graph.Label
	if want != "" {
		labels = []graph.Label{want}
	}
	found, err := db.Has(ctx, start, labels...)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, notFound(start, want)
	}
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		ids, err := db.Neighbours(ctx, frontier, p)
		if err != nil {
			return nil, fmt.Errorf("finding the neighbourhood of %s: %w", start, err)
		}
		var next []string
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				next = append(next, id)
			}
		}
		frontier = next
	}
	return seen, nil
}

// ResolveRelationNeo4j is graph.ResolveRelation against the relations in
// db: it reads Dyad's State and Relation nodes (ids, names, aliases and a
// relation's two states) and finds the relation arg names, in either order,
// with a "did you mean" when it finds none.
func ResolveRelationNeo4j(ctx context.Context, db *neo4j.DB, arg string) (*graph.Relation, error) {
	ds := &graph.Dataset{}
	err := db.EachNode(ctx, graph.LabelState, neo4j.Filter{}, func(n graph.Node) error {
		ds.States = append(ds.States, &graph.State{Entity: nodeEntity(n)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the states: %w", err)
	}
	err = db.EachNode(ctx, graph.LabelRelation, neo4j.Filter{}, func(n graph.Node) error {
		r := &graph.Relation{Entity: nodeEntity(n)}
		if states := propStrings(n.Props["states"]); len(states) == 2 {
			r.States = [2]string{states[0], states[1]}
		}
		ds.Relations = append(ds.Relations, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the relations: %w", err)
	}
	return graph.ResolveRelation(ds, arg)
}

// nodeEntity returns the id, name and aliases of a node read from Neo4j.
func nodeEntity(n graph.Node) graph.Entity {
	name, _ := n.Props["name"].(string)
	return graph.Entity{ID: n.ID, Name: name, Aliases: propStrings(n.Props["aliases"])}
}

// propStrings returns a list property as strings, as the driver gives lists
// ([]any) or as Elements holds them ([]string); nil for anything else.
func propStrings(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
