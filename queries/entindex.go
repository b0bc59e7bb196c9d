package queries

import (
	"sync"
	"sync/atomic"

	"github.com/dyad-kg/dyad/graph"
)

// entityIndex indexes a backend's entity list: by id, the relations by
// each pair of their states, the regions a dispute concerns, and the
// question parser. Answering a
// question looks entities up a few times; building these maps is linear in
// the graph (about 9 MB and tens of milliseconds at 1M elements), so they
// are built once per list, not on every question.
type entityIndex struct {
	ents      []Entity
	byID      map[string]*Entity
	relations map[[2]string]bool
	disputed  map[string]bool

	// parser is the question parser for ents, built on first use.
	parseOnce sync.Once
	parser    *parser
}

// lastIndex is the index built last. Both backends read their entities
// once and return the same slice on every call, so one entry serves a
// process asking one backend.
var lastIndex atomic.Pointer[entityIndex]

// indexOf returns the index of ents, building it unless the last one built
// is of the same slice (same first element and length: backends never
// change a list they returned).
func indexOf(ents []Entity) *entityIndex {
	if x := lastIndex.Load(); x != nil && sameSlice(x.ents, ents) {
		return x
	}
	x := &entityIndex{ents: ents, byID: make(map[string]*Entity, len(ents)), relations: map[[2]string]bool{}, disputed: map[string]bool{}}
	for i := range ents {
		e := &ents[i]
		x.byID[e.ID] = e
		switch e.Label {
		case graph.LabelRelation:
			for _, s := range e.States {
				for _, t := range e.States {
					x.relations[[2]string{s, t}] = true
				}
			}
		case graph.LabelDispute:
			for _, r := range e.Concerns {
				x.disputed[r] = true
			}
		}
	}
	lastIndex.Store(x)
	return x
}

func sameSlice(a, b []Entity) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// name returns the name of the entity with this id, or the id.
func (x *entityIndex) name(id string) string {
	if e := x.byID[id]; e != nil {
		return e.Name
	}
	return id
}
