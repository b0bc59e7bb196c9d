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

	// Invalid holds the ids of records a reader dropped because they were
	// malformed (and already reported). Validate does not report references
	// to them, so one mistake gives one message.
	Invalid map[string]bool

	index map[string]record
}

type record struct {
	label Label
	v     any
	loc   Loc
}

// eachNode calls fn for every node record, kind by kind in the order of
// Labels.
func (d *Dataset) eachNode(fn func(id string, l Label, v any, loc Loc)) {
	for _, x := range d.States {
		fn(x.ID, LabelState, x, x.Loc)
	}
	for _, x := range d.Regions {
		fn(x.ID, LabelRegion, x, x.Loc)
	}
	for _, x := range d.Disputes {
		fn(x.ID, LabelDispute, x, x.Loc)
	}
	for _, x := range d.Events {
		fn(x.ID, LabelEvent, x, x.Loc)
	}
	for _, x := range d.Stances {
		fn(x.ID, LabelStance, x, x.Loc)
	}
	for _, x := range d.Factors {
		fn(x.ID, LabelFactor, x, x.Loc)
	}
	for _, x := range d.Relations {
		fn(x.ID, LabelRelation, x, x.Loc)
	}
	for _, x := range d.Sources {
		fn(x.ID, LabelSource, x, x.Loc)
	}
}

// reindex rebuilds the id index, first definition wins.
func (d *Dataset) reindex() {
	d.index = make(map[string]record)
	d.eachNode(func(id string, l Label, v any, loc Loc) {
		if _, dup := d.index[id]; !dup && id != "" {
			d.index[id] = record{l, v, loc}
		}
	})
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
	return r.label, ok
}

// Entity returns the common fields of the node with id, or nil.
func (d *Dataset) Entity(id string) *Entity {
	r, ok := d.lookup(id)
	if !ok {
		return nil
	}
	switch v := r.v.(type) {
	case *State:
		return &v.Entity
	case *Region:
		return &v.Entity
	case *Dispute:
		return &v.Entity
	case *Event:
		return &v.Entity
	case *Stance:
		return &v.Entity
	case *Factor:
		return &v.Entity
	case *Relation:
		return &v.Entity
	case *Source:
		return &v.Entity
	}
	return nil
}

func get[T any](d *Dataset, id string) *T {
	r, _ := d.lookup(id)
	v, _ := r.v.(*T)
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
	return map[Label]int{
		LabelState: len(d.States), LabelRegion: len(d.Regions), LabelDispute: len(d.Disputes),
		LabelEvent: len(d.Events), LabelStance: len(d.Stances), LabelFactor: len(d.Factors),
		LabelRelation: len(d.Relations), LabelSource: len(d.Sources),
	}
}
