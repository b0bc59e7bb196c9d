package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// Filter selects part of Dyad's graph in the database (the nodes and edges
// that carry Marker). The zero Filter selects all of it.
type Filter struct {
	// IDs, if not nil, keeps only these node ids and the edges between them.
	IDs []string
	// Years keeps only the nodes and edges that overlap it, by graph's one
	// period rule (graph.InYears): events by their year, claims, stances and
	// HOLDS edges by from_year and to_year, undated elements always.
	Years graph.Years
}

// EachNode calls fn with every Dyad node of label l that f keeps, ordered by
// id, as the records arrive: memory stays flat however many there are.
func (db *DB) EachNode(ctx context.Context, l graph.Label, f Filter, fn func(graph.Node) error) error {
	sc := nodeScan(l, f, nil, fn)
	paged, err := db.pageable(ctx, sc, f)
	if err != nil {
		return err
	}
	return db.runScan(ctx, sc, paged)
}

// EachEdge calls fn with every Dyad edge of type t that f keeps (both ends
// kept too), ordered by id, as the records arrive.
func (db *DB) EachEdge(ctx context.Context, t graph.RelType, f Filter, fn func(graph.Edge) error) error {
	sc := edgeScan(t, f, nil, fn)
	paged, err := db.pageable(ctx, sc, f)
	if err != nil {
		return err
	}
	return db.runScan(ctx, sc, paged)
}

// scan reads the Dyad nodes of one label or the edges of one type in id
// order, either in pages (paged, where the id has a uniqueness constraint)
// or as one stream of records (stream, a statement with the same rows).
type scan struct {
	entity, name string // "NODE" or "RELATIONSHIP", and the label or type
	paged        pagedScan
	stream       string
	emit         func(row []any) error // takes one row: the id first
}

// ends maps the element id of every node an Export has passed on to the
// node's id, so that the edges' ends need not be read from the nodes
// (reading a.id and b.id per edge took three to four times as long as the
// rest of the edge on the server). An edge whose end is not in it is not a
// Dyad edge between nodes the export keeps, and is left out.
//
// The element ids of one database's nodes share a prefix: the map holds
// what follows it (compact), so that it costs tens of bytes per node.
type ends struct {
	prefix string
	ids    map[string]string
}

// newEnds returns an empty ends.
func newEnds() *ends { return &ends{ids: map[string]string{}} }

// add records that the node with element id eid has id. The prefix is
// the first element id's, up to its last ':'.
func (e *ends) add(eid, id string) {
	if e.prefix == "" {
		if i := strings.LastIndexByte(eid, ':'); i >= 0 {
			e.prefix = strings.Clone(eid[:i+1])
		}
	}
	e.ids[strings.Clone(strings.TrimPrefix(eid, e.prefix))] = id
}

// id returns the id of the node with element id eid, if it was added.
func (e *ends) id(eid string) (string, bool) {
	id, ok := e.ids[strings.TrimPrefix(eid, e.prefix)]
	return id, ok
}

// nodeScan is the scan of label l's nodes that f keeps, each passed to fn;
// with e, it records each node's element id in e.
func nodeScan(l graph.Label, f Filter, e *ends, fn func(graph.Node) error) scan {
	mustKnown(slices.Contains(graph.Labels, l), string(l))
	params := map[string]any{}
	where := fmt.Sprintf(" AND n.%s = true%s", Marker, filterWhere(f, "n", params))
	row, cols := "[n.id, properties(n)]", "n.id AS id, properties(n) AS props"
	if e != nil {
		row, cols = "[n.id, properties(n), elementId(n)]", cols+", elementId(n) AS eid"
	}
	return scan{
		entity: "NODE", name: string(l),
		paged:  pagedScan{match: fmt.Sprintf("MATCH (n:%s)", l), v: "n", where: where, with: "n", row: row, params: params},
		stream: fmt.Sprintf("MATCH (n:%s) WHERE n.%s = true%s RETURN %s ORDER BY n.id", l, Marker, filterWhere(f, "n", params), cols),
		emit: func(r []any) error {
			id, _ := r[0].(string)
			props, _ := r[1].(map[string]any)
			if e != nil {
				eid, _ := r[2].(string)
				e.add(eid, id)
			}
			return fn(graph.Node{Label: l, ID: id, Props: props})
		},
	}
}

// edgeScan is the scan of type t's edges that f keeps, each passed to fn.
// With e (the nodes already passed on), the ends come as element ids that
// e turns into ids, and an edge with an end not in e is left out;
// otherwise the ends' ids and markers are read from the nodes.
func edgeScan(t graph.RelType, f Filter, e *ends, fn func(graph.Edge) error) scan {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	params := map[string]any{}
	where := fmt.Sprintf(" AND r.%[1]s = true AND a.%[1]s = true AND b.%[1]s = true", Marker) +
		filterWhere(f, "a", params) + filterWhere(f, "b", params) + yearsWhere(f.Years, "r")
	from, to := "a.id", "b.id"
	if e != nil {
		where = fmt.Sprintf(" AND r.%s = true", Marker) + yearsWhere(f.Years, "r")
		if !f.Years.IsZero() {
			setYears(f.Years, params)
		}
		from, to = "elementId(a)", "elementId(b)"
	}
	return scan{
		entity: "RELATIONSHIP", name: string(t),
		paged: pagedScan{match: fmt.Sprintf("MATCH (a)-[r:%[1]s]->(b) USING INDEX r:%[1]s(id)", t), v: "r", where: where,
			with: "r, a, b", row: fmt.Sprintf("[r.id, %s, %s, properties(r)]", from, to), params: params},
		stream: fmt.Sprintf("MATCH (a)-[r:%s]->(b) WHERE true%s RETURN r.id AS id, %s AS from, %s AS to, properties(r) AS props ORDER BY r.id", t, where, from, to),
		emit: func(r []any) error {
			id, _ := r[0].(string)
			from, _ := r[1].(string)
			to, _ := r[2].(string)
			if e != nil {
				var okFrom, okTo bool
				from, okFrom = e.id(from)
				to, okTo = e.id(to)
				if !okFrom || !okTo {
					return nil // an end the export does not keep
				}
			}
			props, _ := r[3].(map[string]any)
			return fn(graph.Edge{Type: t, ID: id, From: from, To: to, Props: props})
		},
	}
}

// runScan reads sc, in pages or as one stream, in this goroutine's turn.
func (db *DB) runScan(ctx context.Context, sc scan, paged bool) error {
	if paged {
		return db.eachPaged(ctx, sc.paged, sc.emit)
	}
	return db.Stream(ctx, sc.stream, sc.paged.params, sc.emit)
}

// pageable reports whether sc, filtered by f, can be read in pages: when f
// keeps every id (a selection of ids is a seek from those nodes, cheaper
// than walking the index) and the id has a uniqueness constraint.
func (db *DB) pageable(ctx context.Context, sc scan, f Filter) (bool, error) {
	if f.IDs != nil {
		return false, nil
	}
	unique, err := db.uniqueIDs(ctx)
	return unique[sc.entity+":"+sc.name], err
}

// filterWhere is the Cypher condition (starting with " AND", or empty) that
// keeps the nodes named v that f keeps; it sets the parameters it uses.
func filterWhere(f Filter, v string, params map[string]any) string {
	var sb strings.Builder
	if f.IDs != nil {
		ids := slices.Clone(f.IDs)
		slices.Sort(ids)
		params["ids"] = ids
		fmt.Fprintf(&sb, " AND %s.id IN $ids", v)
	}
	if !f.Years.IsZero() {
		sb.WriteString(yearsWhere(f.Years, v))
		setYears(f.Years, params)
	}
	return sb.String()
}

// yearsWhere is graph.InYears in Cypher for the element v, with the
// parameters $from and $to: an element overlaps unless it ends before $from
// or starts after $to; an event's year is both its start and its end.
func yearsWhere(y graph.Years, v string) string {
	if y.IsZero() {
		return ""
	}
	return fmt.Sprintf(" AND ($from IS NULL OR coalesce(%[1]s.year, %[1]s.to_year) IS NULL OR coalesce(%[1]s.year, %[1]s.to_year) >= $from)"+
		" AND ($to IS NULL OR coalesce(%[1]s.year, %[1]s.from_year) IS NULL OR coalesce(%[1]s.year, %[1]s.from_year) <= $to)", v)
}

// setYears sets the $from and $to parameters of y (null for open ends).
func setYears(y graph.Years, params map[string]any) {
	params["from"], params["to"] = nil, nil
	if y.From != 0 {
		params["from"] = int64(y.From)
	}
	if y.To != 0 {
		params["to"] = int64(y.To)
	}
}

// PropertyKeys returns every property name the database has ever held
// (db.propertyKeys(): cheap, from the token store), sorted.
func (db *DB) PropertyKeys(ctx context.Context) ([]string, error) {
	var keys []string
	err := db.Stream(ctx, "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey", nil, func(r []any) error {
		k, _ := r[0].(string)
		keys = append(keys, k)
		return nil
	})
	return keys, err
}

// KeysInUse returns which of keys some Dyad node (or, with edges, edge)
// holds, sorted: one scan.
func (db *DB) KeysInUse(ctx context.Context, edges bool, keys []string) ([]string, error) {
	match := "MATCH (x)"
	if edges {
		match = "MATCH ()-[x]->()"
	}
	q := match + " WHERE x." + Marker + " = true UNWIND [k IN $keys WHERE x[k] IS NOT NULL] AS k RETURN DISTINCT k ORDER BY k"
	var out []string
	err := db.Stream(ctx, q, map[string]any{"keys": keys}, func(r []any) error {
		k, _ := r[0].(string)
		out = append(out, k)
		return nil
	})
	return out, err
}

// anyOf is a UNION over labels of the Dyad nodes whose ids are in $frontier,
// so that each branch uses its label's id constraint.
func anyOf(labels []graph.Label) string {
	var union []string
	for _, l := range labels {
		mustKnown(slices.Contains(graph.Labels, l), string(l))
		union = append(union, fmt.Sprintf("MATCH (a:%s) WHERE a.id IN $frontier AND a.%s = true RETURN a", l, Marker))
	}
	return "CALL { " + strings.Join(union, " UNION ") + " }"
}

// Has reports whether Dyad's graph has a node with id and one of labels
// (any label if none are given).
func (db *DB) Has(ctx context.Context, id string, labels ...graph.Label) (bool, error) {
	if len(labels) == 0 {
		labels = graph.Labels
	}
	found := false
	err := db.Stream(ctx, anyOf(labels)+" RETURN a.id AS id LIMIT 1", map[string]any{"frontier": []string{id}}, func([]any) error {
		found = true
		return nil
	})
	return found, err
}

// Neighbours returns the ids of the Dyad nodes one edge away from the nodes
// in frontier (either direction), crossing only nodes and edges that
// overlap y. A Source in frontier has no neighbours (graph.Leaf).
func (db *DB) Neighbours(ctx context.Context, frontier []string, y graph.Years) ([]string, error) {
	params := map[string]any{"frontier": frontier}
	setYears(y, params)
	q := anyOf(slices.DeleteFunc(slices.Clone(graph.Labels), graph.Leaf)) + " MATCH (a)-[r]-(b) WHERE r." + Marker + " = true AND b." + Marker + " = true" +
		yearsWhere(y, "r") + yearsWhere(y, "b") + " RETURN DISTINCT b.id AS id"
	var out []string
	err := db.Stream(ctx, q, params, func(r []any) error {
		id, _ := r[0].(string)
		out = append(out, id)
		return nil
	})
	return out, err
}
