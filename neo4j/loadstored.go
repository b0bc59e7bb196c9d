package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// A load compares the dataset with what the database already holds under
// Dyad's labels and types (read a page at a time in id order, each label
// and type through its id constraint: storedNodes, storedEdges), and
// writes only the difference, each element found by its element id: nodes
// and edges that are new are created (createNodes, createEdges), changed
// ones are set (setNodes, setEdges), and edges whose ends or type changed,
// duplicates of an id and stale citations are deleted (deleteEdges). So a
// reload of unchanged data writes nothing, and the statements that write
// are the same few whatever the labels and types, instead of one MERGE
// statement per label and per (type, start label, end label), which took
// seconds each to plan on a server just started.

// storedNodes reads one page of the nodes of label l with a string id
// past $after, Dyad's (with Marker) or not (a load adopts a node it finds
// with its label and id, as MERGE did).
func storedNodes(l graph.Label) string {
	mustKnown(slices.Contains(graph.Labels, l), string(l))
	return fmt.Sprintf(`MATCH (n:%s) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
RETURN collect([n.id, elementId(n), properties(n)]) AS rows`, l)
}

// storedEdges reads one page of the edges of type t with a string id past
// $after, with their ends' element ids.
func storedEdges(t graph.RelType) string {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	return fmt.Sprintf(`MATCH (a)-[r:%[1]s]->(b) USING INDEX r:%[1]s(id) WHERE r.id > $after
WITH r, a, b ORDER BY r.id LIMIT $page
RETURN collect([r.id, elementId(r), elementId(a), elementId(b), properties(r)]) AS rows`, t)
}

// streamNodes and streamEdges read the same rows as storedNodes and
// storedEdges, for all the labels in $labels or types in $types at once,
// a record per row: two statements to plan, where the pages take one per
// label and type (seconds on a server just started), but the driver's
// cost per record makes them slower than pages past a few thousand rows
// (streamMax). streamEdges also reads the types whose ids are not yet
// unique (duplicates left by old loads, which pages by id would skip).
const (
	streamNodes = `MATCH (n) WHERE n.id IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels)
UNWIND [l IN labels(n) WHERE l IN $labels] AS label
RETURN label, [n.id, elementId(n), properties(n)] AS row`
	streamEdges = `MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL AND type(r) IN $types
RETURN type(r) AS type, [r.id, elementId(r), elementId(a), elementId(b), properties(r)] AS row`
)

// streamMax is the most nodes and relationships (of any kind) a database
// may hold for a load to read what is stored with streamNodes and
// streamEdges instead of pages.
var streamMax = 20_000

// setNodes and setEdges replace the properties of the nodes and edges with
// the element ids given; deleteEdges deletes edges. Each returns how many
// it found, which a load checks: an element gone meanwhile (deleted by
// another writer) is an error, never a write lost quietly.
const (
	setNodes = `UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
SET n = row.props
RETURN count(*) AS n`
	setEdges = `UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
SET r = row.props
RETURN count(*) AS n`
	deleteEdges = `UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
DELETE r
RETURN count(*) AS n`
)

// StoredStatements are the statements a load reads what is stored with
// (for the label and the type given) and writes by element id with, for
// tests of their plans.
func StoredStatements(l graph.Label, t graph.RelType) []string {
	return []string{storedNodes(l), storedEdges(t), setNodes, setEdges, deleteEdges, streamNodes, streamEdges}
}

// digest identifies a set of properties: equal properties (as Neo4j
// stores them) give equal digests, and different ones, in practice, never.
type digest [16]byte

// nodeKey is a node's label and id: a load merges a dataset node into the
// stored node with its label and id.
type nodeKey struct {
	label graph.Label
	id    string
}

// storedNode is a node the database holds under one of Dyad's labels.
type storedNode struct {
	eid    string
	marked bool // it carries Marker: a load wrote it
	props  digest
}

// storedEdge is a relationship the database holds under one of Dyad's
// types: its element id, its ends' and its type.
type storedEdge struct {
	eid, a, b string
	t         graph.RelType
	marked    bool
	props     digest
}

// stored is what the database holds of Dyad's labels and types.
type stored struct {
	nodes map[nodeKey]storedNode
	edges map[string][]storedEdge // by id: one, or duplicates left by old loads
	// cites holds the citations (citationTypes) with Marker, by the
	// element id of the node they cite.
	cites map[string][]storedEdge
	// ids holds the id of each storedEdge in cites, by element id.
	ids map[string]string
}

// storedPage is how many nodes or edges one page of storedNodes or
// storedEdges holds: one record with a list of them (a record per element
// costs the driver more than the element).
var storedPage = 2000

// readStored reads, in tx, the nodes with Dyad's labels and the edges with
// its types: streamed in a small database, else a page at a time, but for
// the types in unpaged (whose ids are not yet unique), streamed.
func readStored(ctx context.Context, tx *Tx, unpaged []graph.RelType) (*stored, error) {
	s := &stored{nodes: map[nodeKey]storedNode{}, edges: map[string][]storedEdge{}, cites: map[string][]storedEdge{}, ids: map[string]string{}}
	nodes, err := count(ctx, tx.Run, allNodes, nil)
	if err != nil {
		return nil, err
	}
	rels, err := count(ctx, tx.Run, allRelationships, nil)
	if err != nil {
		return nil, err
	}
	if nodes+rels <= streamMax {
		return s, s.stream(ctx, tx, graph.Labels, graph.RelTypes)
	}
	for _, l := range graph.Labels {
		err := tx.pages(ctx, storedNodes(l), func(row []any) error { return s.addNode(l, row) })
		if err != nil {
			return nil, fmt.Errorf("reading the %s nodes already loaded: %w", l, err)
		}
	}
	for _, t := range graph.RelTypes {
		if slices.Contains(unpaged, t) {
			continue
		}
		if err := tx.pages(ctx, storedEdges(t), func(row []any) error { return s.addEdge(t, row) }); err != nil {
			return nil, fmt.Errorf("reading the %s edges already loaded: %w", t, err)
		}
	}
	return s, s.stream(ctx, tx, nil, unpaged)
}

// stream reads the nodes with labels and the edges with types, if any,
// with streamNodes and streamEdges.
func (s *stored) stream(ctx context.Context, tx *Tx, labels []graph.Label, types []graph.RelType) error {
	if len(labels) > 0 {
		err := tx.Stream(ctx, streamNodes, map[string]any{"labels": names(labels)}, func(v []any) error {
			l, _ := v[0].(string)
			row, _ := v[1].([]any)
			return s.addNode(graph.Label(l), row)
		})
		if err != nil {
			return fmt.Errorf("reading the nodes already loaded: %w", err)
		}
	}
	if len(types) > 0 {
		err := tx.Stream(ctx, streamEdges, map[string]any{"types": names(types)}, func(v []any) error {
			t, _ := v[0].(string)
			row, _ := v[1].([]any)
			return s.addEdge(graph.RelType(t), row)
		})
		if err != nil {
			return fmt.Errorf("reading the edges already loaded: %w", err)
		}
	}
	return nil
}

// names returns labels or types as the strings Neo4j takes.
func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// pages runs a statement that returns a page of rows (one record, a list
// of lists whose first value is the id) after the id $after, from the
// first page ($after "") until a short one, and calls fn with every row.
func (t *Tx) pages(ctx context.Context, cypher string, fn func(row []any) error) error {
	params := map[string]any{"after": "", "page": int64(storedPage)}
	for {
		recs, err := t.Run(ctx, cypher, params)
		if err != nil {
			return err
		}
		var rows []any
		if len(recs) > 0 {
			rows, _ = recs[0]["rows"].([]any)
		}
		for _, r := range rows {
			row, _ := r.([]any)
			if err := fn(row); err != nil {
				return err
			}
		}
		if len(rows) < storedPage {
			return nil
		}
		last, _ := rows[len(rows)-1].([]any)
		params["after"] = last[0]
	}
}

// addNode records one row of storedNodes (label l). A node whose id is not
// a string is no dataset node's.
func (s *stored) addNode(l graph.Label, v []any) error {
	id, ok := v[0].(string)
	if !ok {
		return nil
	}
	eid, _ := v[1].(string)
	props, _ := v[2].(map[string]any)
	s.nodes[nodeKey{l, id}] = storedNode{eid: eid, marked: props[Marker] == true, props: digestOf(props)}
	return nil
}

// addEdge records one row of storedEdges (type t).
func (s *stored) addEdge(t graph.RelType, v []any) error {
	id, ok := v[0].(string)
	eid, _ := v[1].(string)
	a, _ := v[2].(string)
	b, _ := v[3].(string)
	props, _ := v[4].(map[string]any)
	if !ok {
		return nil // not a string: no dataset edge's id
	}
	e := storedEdge{eid: eid, a: a, b: b, t: t, marked: props[Marker] == true, props: digestOf(props)}
	s.edges[id] = append(s.edges[id], e)
	if e.marked && slices.Contains(citationTypes, t) {
		s.cites[b] = append(s.cites[b], e)
		s.ids[eid] = id
	}
	return nil
}

// digestOf returns the digest of props as Neo4j stores them: keys in
// order, a null value the same as no key, integers as 64-bit integers,
// and any list as a list (Neo4j returns []any for what was sent as
// []string).
func digestOf(props map[string]any) digest {
	keys := make([]string, 0, len(props))
	for k, v := range props {
		if v != nil {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	b := make([]byte, 0, 256)
	for _, k := range keys {
		b = appendString(b, k)
		b = appendValue(b, props[k])
	}
	sum := sha256.Sum256(b)
	return digest(sum[:16])
}

// appendString appends s with its length, so that no two sequences of
// strings encode alike.
func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendValue appends a property value, tagged with its kind.
func appendValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return appendString(append(b, 's'), x)
	case int64:
		return binary.AppendVarint(append(b, 'i'), x)
	case int:
		return binary.AppendVarint(append(b, 'i'), int64(x))
	case float64:
		return binary.BigEndian.AppendUint64(append(b, 'f'), math.Float64bits(x))
	case bool:
		if x {
			return append(b, 't')
		}
		return append(b, 'F')
	case []string:
		return appendList(b, x)
	case []any:
		return appendList(b, x)
	case []int64:
		return appendList(b, x)
	case []float64:
		return appendList(b, x)
	case []bool:
		return appendList(b, x)
	}
	// A kind the dataset does not make: encoded by its Go syntax, it
	// differs from anything read back, so the element is rewritten.
	return appendString(append(b, '?'), fmt.Sprintf("%T:%#v", v, v))
}

// appendList appends a list, tagged and with its length.
func appendList[T any](b []byte, xs []T) []byte {
	b = binary.AppendUvarint(append(b, 'l'), uint64(len(xs)))
	for _, x := range xs {
		b = appendValue(b, x)
	}
	return b
}
