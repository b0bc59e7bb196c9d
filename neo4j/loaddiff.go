package neo4j

import (
	"fmt"
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// pending gathers the rows of one statement into batches and writes each
// batch once it is full.
type pending struct {
	b            *batcher
	what, cypher string
	rows         []map[string]any
	// elements tells whether each row is one of the dataset's elements
	// (counted as done once written), not a deletion.
	elements bool
	// want is the column that must equal the number of rows sent (the
	// rows' elements were all found), or "" for none; gone says what
	// happened to the rows short of it (default "were gone").
	want, gone string
}

// add queues row and writes the batch once it is full.
func (p *pending) add(row map[string]any) error {
	p.rows = append(p.rows, row)
	if len(p.rows) >= p.size() {
		return p.flush()
	}
	return nil
}

// flush writes the queued rows and checks that every one was found.
func (p *pending) flush() error {
	if len(p.rows) == 0 {
		return nil
	}
	rows := p.rows
	p.rows = nil
	if p.concurrent() {
		return p.flushConcurrent(rows)
	}
	if err := p.write(rows); err != nil {
		return err
	}
	elements := 0
	if p.elements {
		elements = len(rows)
	}
	return p.b.advance(elements, len(rows))
}

// write writes rows with p's statement in the load's own transaction (a
// batch, or the rows of concurrent transactions that failed) and checks
// that each was found.
func (p *pending) write(rows []map[string]any) error {
	recs, err := p.b.run(p.what, p.cypher, rows)
	if err != nil {
		return err
	}
	if p.want != "" {
		if got := sumOf(recs, p.want); got != len(rows) {
			return p.short(len(rows), len(rows)-got)
		}
	}
	return nil
}

// short is the error of a batch of n rows of which missing were not
// written.
func (p *pending) short(n, missing int) error {
	gone := p.gone
	if gone == "" {
		gone = "were gone"
	}
	return fmt.Errorf("writing %s: %d of %d %s (deleted by another writer during the load?); run the load again", p.what, missing, n, gone)
}

// sumOf adds up column col over recs.
func sumOf(recs []Record, col string) int {
	got := 0
	for _, r := range recs {
		got += toInt(r[col])
	}
	return got
}

// writeNodes creates the nodes s lacks, sets those whose properties differ
// from s's (or that s holds without Marker: the load adopts them) and
// counts the rest unchanged; each node's element id goes to b.eid.
func writeNodes(b *batcher, el *graph.Elements, s *stored) error {
	create := &pending{b: b, what: "nodes", cypher: createNodes, elements: true}
	set := &pending{b: b, what: "changed nodes", cypher: setNodes, elements: true, want: "n"}
	for i := range el.Nodes {
		n := &el.Nodes[i]
		mustKnown(slices.Contains(graph.Labels, n.Label), string(n.Label))
		old, ok := s.nodes[nodeKey{n.Label, n.ID}]
		var err error
		switch {
		case !ok:
			b.sum.Created++
			err = create.add(map[string]any{"id": n.ID, "label": string(n.Label), "props": withMarker(n.Props)})
		case old.marked && old.props == digestWith(n.Props, true):
			b.eid[n.ID] = old.eid
			b.sum.Unchanged++
			b.done++
		default:
			b.eid[n.ID] = old.eid
			if old.marked {
				b.sum.Updated++
			} else {
				b.sum.Created++
			}
			err = set.add(map[string]any{"eid": old.eid, "props": withMarker(n.Props)})
		}
		if err != nil {
			return err
		}
	}
	if err := create.flush(); err != nil {
		return err
	}
	return set.flush()
}

// What writeEdges does with a dataset edge.
const (
	edgeUnchanged = iota
	edgeSet       // same type and ends, other properties
	edgeCreate    // none stored, or stored with other ends or another type
)

// writeEdges writes the edges: first it deletes the stored edges that a
// dataset edge replaces (other ends, another claim type, duplicates of
// its id) and the stale citations (staleCitations), then it creates and
// sets, so that no id is ever held twice.
func writeEdges(b *batcher, el *graph.Elements, s *stored) error {
	del := &pending{b: b, what: "replaced edges", cypher: deleteEdges, want: "n"}
	deleted := map[string]bool{}
	what := make([]uint8, len(el.Edges))
	for i := range el.Edges {
		e := &el.Edges[i]
		mustKnown(slices.Contains(graph.RelTypes, e.Type), string(e.Type))
		from, to := b.eid[e.From], b.eid[e.To]
		if from == "" || to == "" {
			return fmt.Errorf("edge %s points at a node the dataset does not have", e.ID)
		}
		found := s.found(e)
		if len(found) == 1 && found[0].t == e.Type && found[0].a == from && found[0].b == to {
			what[i] = edgeSet
			if found[0].marked && found[0].props == digestWith(e.Props, true) {
				what[i] = edgeUnchanged
				b.sum.Unchanged++
				b.done++
			} else {
				b.sum.Updated++
			}
			continue
		}
		what[i] = edgeCreate
		if len(found) == 0 {
			b.sum.Created++
		} else {
			b.sum.Updated++
			b.sum.Removed += len(found) - 1
		}
		for _, f := range found {
			deleted[f.eid] = true
			if err := del.add(map[string]any{"eid": f.eid}); err != nil {
				return err
			}
		}
	}
	if err := staleCitations(b, el, s, deleted, del); err != nil {
		return err
	}
	if err := del.flush(); err != nil {
		return err
	}
	return createAndSetEdges(b, el, s, what)
}

// createAndSetEdges writes the edges writeEdges found new or changed.
func createAndSetEdges(b *batcher, el *graph.Elements, s *stored, what []uint8) error {
	create := edgeCreating(b)
	set := &pending{b: b, what: "changed edges", cypher: setEdges, elements: true, want: "n"}
	for i := range el.Edges {
		e := &el.Edges[i]
		var err error
		switch what[i] {
		case edgeCreate:
			err = create.add(createRow(b, e))
		case edgeSet:
			err = set.add(map[string]any{"eid": s.found(e)[0].eid, "props": withMarker(e.Props)})
		}
		if err != nil {
			return err
		}
	}
	if err := create.flush(); err != nil {
		return err
	}
	return set.flush()
}

// found returns the stored edges with e's id under the types e may be
// stored as (lookupTypes).
func (s *stored) found(e *graph.Edge) []storedEdge {
	all := s.edges[e.ID]
	types := lookupTypes(e.Type)
	if len(all) == 1 && slices.Contains(types, all[0].t) {
		return all // the usual case, without a copy
	}
	var out []storedEdge
	for _, f := range all {
		if slices.Contains(types, f.t) {
			out = append(out, f)
		}
	}
	return out
}

// citationTypes are the types of the edges from a source to what it
// supports or contests: they belong to the record that makes the citation.
var citationTypes = []graph.RelType{graph.RelSupports, graph.RelContests}

// staleCitations queues for deletion, on every stored node of el, the
// citations (SUPPORTS, CONTESTS) Dyad wrote that el no longer makes there
// (a citation whose locator changed, or that moved from a claim's evidence
// to the sources contesting it), with or without --prune: a node's
// citations are part of its record, so that loading a changed dataset
// gives the graph loading it into an empty database gives. Those already
// deleted (replaced by a dataset edge) are skipped.
func staleCitations(b *batcher, el *graph.Elements, s *stored, deleted map[string]bool, del *pending) error {
	if len(s.cites) == 0 {
		return nil
	}
	keep := map[string]map[string]bool{}
	for _, e := range el.Edges {
		if slices.Contains(citationTypes, e.Type) {
			if keep[e.To] == nil {
				keep[e.To] = map[string]bool{}
			}
			keep[e.To][e.ID] = true
		}
	}
	for _, n := range el.Nodes {
		old, ok := s.nodes[nodeKey{n.Label, n.ID}]
		if !ok {
			continue
		}
		for _, c := range s.cites[old.eid] {
			if keep[n.ID][s.ids[c.eid]] || deleted[c.eid] {
				continue
			}
			deleted[c.eid] = true
			b.sum.Removed++
			if err := del.add(map[string]any{"eid": c.eid}); err != nil {
				return err
			}
		}
	}
	return nil
}
