package graph

// Relation is the bilateral relationship between two States, a node of its
// own so that claims can point at it.
type Relation struct {
	Entity
	// States are the two parties, in the order the id names them.
	States  [2]string  `json:"states"`
	Sources []Citation `json:"sources,omitempty"`
}

// Has reports whether state is one of r's two parties.
func (r *Relation) Has(state string) bool { return r.States[0] == state || r.States[1] == state }

// Other returns the party that is not state.
func (r *Relation) Other(state string) string {
	if r.States[0] == state {
		return r.States[1]
	}
	return r.States[0]
}

var _ = register(&Kind{
	Label: LabelRelation, List: "relations", Rank: 6, Prefer: 1, Caption: "short", NodeDiameter: 110, NodeFontSize: 11, Color: "#A08CF7",
	Doc:      "The bilateral relation between two states.",
	Affected: []Effect{Weakens, Strengthens},
	new:      func() Record { return &Relation{} },
	store:    typed(func(d *Dataset) *[]*Relation { return &d.Relations }),
	check:    func(v *validator, r Record) { v.relation(r.(*Relation)) },
	build:    func(b *builder, r Record) { b.relation(r.(*Relation)) },
})

func (v *validator) relation(r *Relation) {
	a, b := r.States[0], r.States[1]
	okA := v.ref(r.Loc, "states/0", a, LabelState)
	okB := v.ref(r.Loc, "states/1", b, LabelState)
	if a == b && a != "" {
		v.add(r.Loc.At("states"), "states: a relation needs two different states, got %s twice", a)
	} else if okA && okB {
		key := [2]string{min(a, b), max(a, b)}
		if first, dup := v.pairs[key]; dup {
			v.add(r.Loc.At("states"), "states: %s and %s already have relation %s (defined at %s)", a, b, first.ID, first.Loc.Pos)
		}
		v.pairs[key] = r
	}
	v.citations(r.Loc, "sources", r.Sources, false)
}

func (b *builder) relation(r *Relation) {
	p := entityProps(&r.Entity)
	setList(p, "states", r.States[:])
	setCitations(p, "", r.Sources)
	b.node(LabelRelation, r.ID, p)
	for _, s := range r.States {
		b.edge(RelHasRelation, s, r.ID, nil)
	}
}

// CitedIn says where Relation cites sources: its sources.
func (x *Relation) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
