package graphml

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// ExportNeo4j streams Dyad's graph in db (the nodes and edges package
// loader wrote, marked dyad = true) to w as GraphML of flavor f ("" is
// Standard): the part s selects,
// nodes label by label then edges type by type, each ordered by id, the
// order of graph.Dataset.Elements. Memory stays flat as the graph grows:
// records are written as they arrive and only the ids in s are held.
//
// The keys are DyadKeys plus, as strings, any other property that Dyad's
// nodes or edges carry in db (found from db.propertyKeys(), and only then
// by a scan). An export of the graph loaded from a dataset is byte for byte
// the export of the dataset itself.
func ExportNeo4j(ctx context.Context, db *neo4j.DB, w io.Writer, s Selection, f Flavor) (nodes, edges int, err error) {
	keys, err := Neo4jKeys(ctx, db)
	if err != nil {
		return 0, 0, err
	}
	gw := NewFlavorWriter(w, f, keys...)
	params := map[string]any{}
	nodeWhere := selectionWhere(s, "n", params)
	for _, l := range graph.Labels {
		q := fmt.Sprintf("MATCH (n:%s) WHERE n.%s = true%s RETURN n.id AS id, properties(n) AS props ORDER BY n.id", l, Marker, nodeWhere)
		err := db.Stream(ctx, q, params, func(r []any) error {
			id, _ := r[0].(string)
			props, _ := r[1].(map[string]any)
			return gw.WriteNode(graph.Node{Label: l, ID: id, Props: props})
		})
		if err != nil {
			return 0, 0, fmt.Errorf("exporting %s nodes: %w", l, err)
		}
	}
	where := fmt.Sprintf(" AND a.%[1]s = true AND b.%[1]s = true", Marker) +
		selectionWhere(s, "a", params) + selectionWhere(s, "b", params) + periodWhere(s.Period, "r")
	for _, t := range graph.RelTypes {
		q := fmt.Sprintf("MATCH (a)-[r:%s]->(b) WHERE r.%s = true%s RETURN r.id AS id, a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.id", t, Marker, where)
		err := db.Stream(ctx, q, params, func(r []any) error {
			id, _ := r[0].(string)
			from, _ := r[1].(string)
			to, _ := r[2].(string)
			props, _ := r[3].(map[string]any)
			return gw.WriteEdge(graph.Edge{Type: t, ID: id, From: from, To: to, Props: props})
		})
		if err != nil {
			return 0, 0, fmt.Errorf("exporting %s edges: %w", t, err)
		}
	}
	nodes, edges = gw.Count()
	return nodes, edges, gw.Close()
}

// selectionWhere is the Cypher condition (starting with " AND", or empty)
// that keeps the nodes named v that s keeps; it sets the parameters it uses.
func selectionWhere(s Selection, v string, params map[string]any) string {
	var sb strings.Builder
	if s.Nodes != nil {
		ids := make([]string, 0, len(s.Nodes))
		for id, ok := range s.Nodes {
			if ok {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		params["ids"] = ids
		fmt.Fprintf(&sb, " AND %s.id IN $ids", v)
	}
	if !s.Period.IsZero() {
		sb.WriteString(periodWhere(s.Period, v))
		setPeriodParams(s.Period, params)
	}
	return sb.String()
}

// periodWhere is the Cypher form of Period.Overlaps for the element v,
// using the parameters $from and $to.
func periodWhere(p Period, v string) string {
	if p.IsZero() {
		return ""
	}
	return fmt.Sprintf(" AND ($from IS NULL OR coalesce(%[1]s.year, %[1]s.to_year) IS NULL OR coalesce(%[1]s.year, %[1]s.to_year) >= $from)"+
		" AND ($to IS NULL OR coalesce(%[1]s.year, %[1]s.from_year) IS NULL OR coalesce(%[1]s.year, %[1]s.from_year) <= $to)", v)
}

func setPeriodParams(p Period, params map[string]any) {
	params["from"], params["to"] = nil, nil
	if p.From != 0 {
		params["from"] = int64(p.From)
	}
	if p.To != 0 {
		params["to"] = int64(p.To)
	}
}

// Neo4jKeys returns the keys an export of db declares: DyadKeys, and a
// string key for each other property that Dyad's nodes or edges carry.
// The property names come from db.propertyKeys(); only names that Dyad
// does not know (neither for nodes nor for edges) are looked for, by one
// scan of the nodes and one of the edges, so a database holding only
// Dyad's graph needs no scan.
func Neo4jKeys(ctx context.Context, db *neo4j.DB) ([]Key, error) {
	keys := DyadKeys()
	var foreign []string
	err := db.Stream(ctx, "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey", nil, func(r []any) error {
		k, _ := r[0].(string)
		if k != Marker && !knownKey(ForNode, k) && !knownKey(ForEdge, k) {
			foreign = append(foreign, k)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading property keys: %w", err)
	}
	if len(foreign) == 0 {
		return keys, nil
	}
	params := map[string]any{"keys": foreign}
	for _, d := range []Domain{ForNode, ForEdge} {
		match := "MATCH (x)"
		if d == ForEdge {
			match = "MATCH ()-[x]->()"
		}
		q := match + " WHERE x." + Marker + " = true UNWIND [k IN $keys WHERE x[k] IS NOT NULL] AS k RETURN DISTINCT k ORDER BY k"
		err := db.Stream(ctx, q, params, func(r []any) error {
			k, _ := r[0].(string)
			if !Omitted(d, k) {
				keys = append(keys, Key{For: d, Name: k, Type: String})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("looking for %s properties: %w", d, err)
		}
	}
	return keys, nil
}

// NeighbourhoodNeo4j is Neighbourhood for Dyad's graph in db: the ids of
// the nodes at most depth edges from start (a node labelled want, any Dyad
// label if want is empty), crossing only nodes and edges that overlap p.
// It holds only the ids it finds.
func NeighbourhoodNeo4j(ctx context.Context, db *neo4j.DB, start string, want graph.Label, depth int, p Period) (map[string]bool, error) {
	labels := graph.Labels
	if want != "" {
		labels = []graph.Label{want}
	}
	var union []string
	for _, l := range labels {
		union = append(union, fmt.Sprintf("MATCH (a:%s) WHERE a.id IN $frontier AND a.%s = true RETURN a", l, Marker))
	}
	found := false
	err := db.Stream(ctx, "CALL { "+strings.Join(union, " UNION ")+" } RETURN a.id AS id LIMIT 1",
		map[string]any{"frontier": []string{start}}, func([]any) error {
			found = true
			return nil
		})
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, notFound(start, want)
	}
	union = union[:0]
	for _, l := range graph.Labels {
		union = append(union, fmt.Sprintf("MATCH (a:%s) WHERE a.id IN $frontier AND a.%s = true RETURN a", l, Marker))
	}
	params := map[string]any{}
	setPeriodParams(p, params)
	q := "CALL { " + strings.Join(union, " UNION ") + " } MATCH (a)-[r]-(b) WHERE r." + Marker + " = true AND b." + Marker + " = true" +
		periodWhere(p, "r") + periodWhere(p, "b") + " RETURN DISTINCT b.id AS id"
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		params["frontier"] = frontier
		var next []string
		err := db.Stream(ctx, q, params, func(r []any) error {
			id, _ := r[0].(string)
			if !seen[id] {
				seen[id] = true
				next = append(next, id)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("finding the neighbourhood of %s: %w", start, err)
		}
		frontier = next
	}
	return seen, nil
}
