package graph

import "sort"

// Dataset is a curated set of facts: every record of every kind. Build one
// with package loader from YAML, or by hand, then call Validate.
type Dataset struct {
	States    []*State
	Regions   []*Region
	Disputes  []*Dispute
	Events    []*Event
	Stances   []*Stance
	Factors   []*Factor
	Relations []*Relation
	Sources   []*Source
	Claims    []*Claim

	// Extra holds the records of kinds registered without a typed slice
	// above, by label (see Kind and Records).
	Extra map[Label][]Record

	// Invalid holds the ids of records a reader dropped because they were
	// malformed (and already reported). Validate does not report references
	// to them, so one mistake gives one message.
	Invalid map[string]bool

	index map[string]record
}

// record is what the id index holds of a node: compact (a kind and a
// pointer), so that the index stays small and look-ups fast at millions of
// references.
type record struct {
	kind *Kind
	v    Record
}

// reindex rebuilds the id index, first definition wins.
func (d *Dataset) reindex() {
	n := 0
	for _, k := range kinds {
		n += len(k.store.records(d))
	}
	d.index = make(map[string]record, n)
	for _, k := range kinds {
		for _, r := range k.store.records(d) {
			id := r.entity().ID
			if _, dup := d.index[id]; !dup && id != "" {
				d.index[id] = record{k, r}
			}
		}
	}
}

func (d *Dataset) lookup(id string) (record, bool) {
	if d.index == nil {
		d.reindex()
	}
	r, ok := d.index[id]
	return r, ok
}

// Kind returns the label of the node with id, and whether there is one.
func (d *Dataset) Kind(id string) (Label, bool) {
	r, ok := d.lookup(id)
	if !ok {
		return "", false
	}
	return r.kind.Label, true
}

// Entity returns the common fields of the node with id, or nil.
func (d *Dataset) Entity(id string) *Entity {
	r, ok := d.lookup(id)
	if !ok {
		return nil
	}
	return r.v.entity()
}

func get[T any](d *Dataset, id string) *T {
	r, _ := d.lookup(id)
	var x any = r.v
	v, _ := x.(*T)
	return v
}

// State returns the State with id, or nil.
func (d *Dataset) State(id string) *State { return get[State](d, id) }

// Region returns the Region with id, or nil.
func (d *Dataset) Region(id string) *Region { return get[Region](d, id) }

// Dispute returns the Dispute with id, or nil.
func (d *Dataset) Dispute(id string) *Dispute { return get[Dispute](d, id) }

// Event returns the Event with id, or nil.
func (d *Dataset) Event(id string) *Event { return get[Event](d, id) }

// Stance returns the Stance with id, or nil.
func (d *Dataset) Stance(id string) *Stance { return get[Stance](d, id) }

// Factor returns the Factor with id, or nil.
func (d *Dataset) Factor(id string) *Factor { return get[Factor](d, id) }

// Relation returns the Relation with id, or nil.
func (d *Dataset) Relation(id string) *Relation { return get[Relation](d, id) }

// Source returns the Source with id, or nil.
func (d *Dataset) Source(id string) *Source { return get[Source](d, id) }

// RelationBetween returns the Relation between states a and b in either
// order, or nil.
func (d *Dataset) RelationBetween(a, b string) *Relation {
	for _, r := range d.Relations {
		if (r.States[0] == a && r.States[1] == b) || (r.States[0] == b && r.States[1] == a) {
			return r
		}
	}
	return nil
}

// IDs returns every node id, sorted.
func (d *Dataset) IDs() []string {
	if d.index == nil {
		d.reindex()
	}
	ids := make([]string, 0, len(d.index))
	for id := range d.index {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Counts returns the number of nodes of each label.
func (d *Dataset) Counts() map[Label]int {
	m := map[Label]int{}
	for _, k := range kinds {
		m[k.Label] = len(k.store.records(d))
	}
	return m
}
