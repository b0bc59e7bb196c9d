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
// Dyad's labels and types (read by one statement, storedGraph), and writes
// only the difference, each element found by its element id: nodes and
// edges that are new are created (createNodes, createEdges), changed ones
// are set (setNodes, setEdges), and edges whose ends or type changed,
// duplicates of an id and stale citations are deleted (deleteEdges). So a
// reload of unchanged data writes nothing, and a load plans the same few
// statements whatever the labels and types, instead of one MERGE statement
// per label and per (type, start label, end label), which took seconds
// each to plan on a server just started.

// storedGraph reads, a record per node, every node with one of the labels
// in $labels and an id, Dyad's (with Marker) or not (a load adopts a node
// it finds with its label and id, as MERGE did), with the relationships
// of the types in $types that have an id and start at it (whatever the
// node). A record per node and not per element: the driver's cost per
// record (a goroutine and a timer for each read) exceeded the element's,
// and grouping each node's edges in a subquery holds no more than one
// node's edges at a time on the server; one statement, so one plan, where
// pages through each label's and type's id constraint took 26 plans (the
// better part of a minute on a busy server just started).
const storedGraph = `MATCH (a)
CALL (a) {
  MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL AND type(r) IN $types
  RETURN collect([r.id, elementId(r), type(r), elementId(b), properties(r)]) AS edges
}
WITH a, edges, [l IN labels(a) WHERE l IN $labels] AS labels
WHERE size(edges) > 0 OR (size(labels) > 0 AND a.id IS NOT NULL)
RETURN elementId(a) AS eid, labels, a.id AS id, CASE WHEN size(labels) > 0 THEN properties(a) END AS props, edges`

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
// and writes by element id with, for tests of their plans.
func StoredStatements() []string {
	return []string{storedGraph, setNodes, setEdges, deleteEdges}
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

// readStored reads, in tx, the nodes with Dyad's labels and the edges with
// its types (nothing, in a database without nodes).
func readStored(ctx context.Context, tx *Tx) (*stored, error) {
	s := &stored{nodes: map[nodeKey]storedNode{}, edges: map[string][]storedEdge{}, cites: map[string][]storedEdge{}, ids: map[string]string{}}
	// In an empty database (a first load) the count store answers at once,
	// where storedGraph would first be planned (a second on a server just
	// started).
	if n, err := count(ctx, tx.Run, allNodes, nil); err != nil || n == 0 {
		return s, err
	}
	params := map[string]any{"labels": names(graph.Labels), "types": names(graph.RelTypes)}
	if err := tx.Stream(ctx, storedGraph, params, s.add); err != nil {
		return nil, fmt.Errorf("reading what earlier loads wrote: %w", err)
	}
	return s, nil
}

// names returns labels or types as the strings Neo4j takes.
func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// add records one record of storedGraph: a node (under each of its
// labels, if its id is a string: no dataset node's is anything else) and
// the edges that start at it.
func (s *stored) add(v []any) error {
	eid, _ := v[0].(string)
	labels, _ := v[1].([]any)
	props, _ := v[3].(map[string]any)
	if id, ok := v[2].(string); ok && len(labels) > 0 {
		n := storedNode{eid: eid, marked: props[Marker] == true, props: digestOf(props)}
		for _, l := range labels {
			name, _ := l.(string)
			s.nodes[nodeKey{graph.Label(name), id}] = n
		}
	}
	edges, _ := v[4].([]any)
	for _, x := range edges {
		row, _ := x.([]any)
		s.addEdge(eid, row)
	}
	return nil
}

// addEdge records an edge that starts at the node with element id a:
// [id, element id, type, end's element id, properties].
func (s *stored) addEdge(a string, row []any) {
	id, ok := row[0].(string)
	if !ok {
		return // no dataset edge's id
	}
	eid, _ := row[1].(string)
	t, _ := row[2].(string)
	b, _ := row[3].(string)
	props, _ := row[4].(map[string]any)
	e := storedEdge{eid: eid, a: a, b: b, t: graph.RelType(t), marked: props[Marker] == true, props: digestOf(props)}
	s.edges[id] = append(s.edges[id], e)
	if e.marked && slices.Contains(citationTypes, e.t) {
		s.cites[b] = append(s.cites[b], e)
		s.ids[eid] = id
	}
}

// digestOf returns the digest of props as Neo4j stores them: keys in
// order, a null value the same as no key, integers as 64-bit integers,
// and any list as a list (Neo4j returns []any for what was sent as
// []string).
func digestOf(props map[string]any) digest { return digestWith(props, false) }

// digestWith is digestOf; with marked, of props with Marker set to true
// (what a load writes), without copying props.
func digestWith(props map[string]any, marked bool) digest {
	keys := make([]string, 0, len(props)+1)
	for k, v := range props {
		if v != nil && !(marked && k == Marker) {
			keys = append(keys, k)
		}
	}
	if marked {
		keys = append(keys, Marker)
	}
	slices.Sort(keys)
	b := make([]byte, 0, 256)
	for _, k := range keys {
		v := props[k]
		if marked && k == Marker {
			v = true
		}
		b = appendString(b, k)
		b = appendValue(b, v)
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
