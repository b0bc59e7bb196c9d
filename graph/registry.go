package graph

import (
	"fmt"
	"slices"
)

// Record is a node record of any kind: a *State, *Region, *Event... Every
// record embeds Entity, which gives it its id, name and position.
type Record interface {
	entity() *Entity
}

func (e *Entity) entity() *Entity { return e }

// EntityOf returns the common fields of r.
func EntityOf(r Record) *Entity { return r.entity() }

// Kind describes one kind of node: how a dataset file lists it, how it is
// checked, how it becomes nodes and edges, and how tools show it. Each kind
// is defined in its own file (state.go, event.go...) and registered in one
// table, Kinds; validation, the loader, the property graph, the question
// parser, GraphML and the Browser style all read that table. Adding a kind
// is one file here plus its definition in the JSON Schema (a test fails if
// the two drift).
type Kind struct {
	// Label is the node label in Neo4j and GraphML.
	Label Label
	// List is the key of the kind's list in a dataset file ("states").
	List string
	// Doc says what the kind is, in one sentence.
	Doc string
	// Caption is the property tools show on a node of this kind: "short",
	// the name cut at a word to what Neo4j Browser shows whole in the node
	// (ShortCaption).
	Caption string
	// NodeDiameter and NodeFontSize are the node's diameter and caption
	// font size in px in Neo4j Browser's style, docs/browser/dyad.grass (a
	// test in queries/browser_test.go checks the two agree).
	NodeDiameter, NodeFontSize float64
	// Color is the kind's colour in Neo4j Browser's style, chosen not to
	// collide with the effect colours (red weakens, green strengthens,
	// orange drives) and to read with dark caption text (a test checks
	// hue distance and WCAG contrast).
	Color string
	// Cause reports whether a node of this kind may be a claim's subject:
	// something that can weaken, strengthen or drive.
	Cause bool
	// Affected lists the effects a claim may have on a node of this kind
	// as its object.
	Affected []Effect
	// Rank orders kinds: in Labels, in the property graph and in exports.
	Rank int
	// Prefer orders kinds among entities that share a name in a question,
	// lower first: "Moscow" is the state before anything else so named.
	Prefer int

	new   func() Record
	store store
	check func(*validator, Record)
	build func(*builder, Record)
}

// store reads and appends a kind's records in a Dataset.
type store struct {
	records func(*Dataset) []Record
	add     func(*Dataset, Record)
}

// New returns an empty record of k, to decode into.
func (k *Kind) New() Record { return k.new() }

// kinds are the kinds a dataset lists; derived the kinds of nodes the
// property graph makes from other records (a Claim node for each claim).
var kinds, derived []*Kind

// register adds k to the registry, in rank order.
func register(k *Kind) *Kind {
	checkUnique(k)
	if k.store.records == nil {
		k.store = extraStore(k.Label)
	}
	kinds = append(kinds, k)
	slices.SortFunc(kinds, func(a, b *Kind) int { return a.Rank - b.Rank })
	return k
}

// registerDerived adds k, a kind of node that no dataset lists but that
// Elements makes from other records, to the registry: it has a label, a
// rank, a caption and a colour, but no list, record type or checks.
func registerDerived(k *Kind) *Kind {
	checkUnique(k)
	derived = append(derived, k)
	slices.SortFunc(derived, func(a, b *Kind) int { return a.Rank - b.Rank })
	return k
}

// checkUnique panics if k's label, list or rank is already registered.
func checkUnique(k *Kind) {
	for _, o := range append(slices.Clone(kinds), derived...) {
		if o.Label == k.Label || (k.List != "" && o.List == k.List) || o.Rank == k.Rank {
			panic(fmt.Sprintf("graph: kind %s registered twice", k.Label))
		}
	}
}

func init() {
	all := NodeKinds()
	Labels = make([]Label, len(all))
	for i, k := range all {
		Labels[i] = k.Label
	}
}

// Kinds returns every kind a dataset lists, in rank order: the kinds that
// hold records. The derived kinds (Claim) are not among them.
func Kinds() []*Kind { return slices.Clone(kinds) }

// NodeKinds returns every kind of node of the property graph, the derived
// kinds (Claim) included, in rank order: one per label of Labels.
func NodeKinds() []*Kind {
	all := append(slices.Clone(kinds), derived...)
	slices.SortFunc(all, func(a, b *Kind) int { return a.Rank - b.Rank })
	return all
}

// Derived reports whether k is a derived kind: one that Elements makes
// from other records, which no dataset lists.
func (k *Kind) Derived() bool { return k.List == "" }

// KindOf returns the kind with label l (a derived kind included), or nil.
func KindOf(l Label) *Kind {
	for _, ks := range [2][]*Kind{kinds, derived} {
		for _, k := range ks {
			if k.Label == l {
				return k
			}
		}
	}
	return nil
}

// KindByList returns the kind whose dataset list is named list, or nil.
func KindByList(list string) *Kind {
	for _, k := range kinds {
		if k.List == list {
			return k
		}
	}
	return nil
}

// CauseLabels returns the labels of kinds that may be a claim's subject.
func CauseLabels() []Label {
	var out []Label
	for _, k := range kinds {
		if k.Cause {
			out = append(out, k.Label)
		}
	}
	return out
}

// AffectedLabels returns the labels of kinds a claim with effect e may have
// as its object.
func AffectedLabels(e Effect) []Label {
	var out []Label
	for _, k := range kinds {
		if slices.Contains(k.Affected, e) {
			out = append(out, k.Label)
		}
	}
	return out
}

// Records returns the records of kind l in d, in the order they were added.
func (d *Dataset) Records(l Label) []Record {
	if k := KindOf(l); k != nil {
		return k.store.records(d)
	}
	return nil
}

// Add appends r to d under its kind; it panics for a type no kind holds.
func (d *Dataset) Add(r Record) {
	for _, k := range kinds {
		if fmt.Sprintf("%T", k.new()) == fmt.Sprintf("%T", r) {
			k.store.add(d, r)
			d.index = nil
			return
		}
	}
	panic(fmt.Sprintf("graph: no kind holds %T", r))
}

// AddTo appends r to d under kind k.
func (k *Kind) AddTo(d *Dataset, r Record) {
	k.store.add(d, r)
	d.index = nil
}

// typed returns the records and add functions of a kind stored in one of
// Dataset's typed slices.
func typed[T any, P interface {
	*T
	Record
}](field func(*Dataset) *[]*T) store {
	records := func(d *Dataset) []Record {
		xs := *field(d)
		out := make([]Record, len(xs))
		for i, x := range xs {
			out[i] = P(x)
		}
		return out
	}
	add := func(d *Dataset, r Record) {
		f := field(d)
		*f = append(*f, (*T)(r.(P)))
	}
	return store{records, add}
}

// extraStore keeps the records of kinds that have no typed slice in
// Dataset (kinds added after the first eight) in Dataset.Extra.
func extraStore(l Label) store {
	records := func(d *Dataset) []Record { return slices.Clone(d.Extra[l]) }
	add := func(d *Dataset, r Record) {
		if d.Extra == nil {
			d.Extra = map[Label][]Record{}
		}
		d.Extra[l] = append(d.Extra[l], r)
	}
	return store{records, add}
}
