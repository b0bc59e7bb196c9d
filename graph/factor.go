package graph

import "fmt"

// Factor is a driver the sources name: territorial nationalism, normative
// convergence with China, neglect of the Russian Far East.
type Factor struct {
	Entity
	// Within is the State a domestic factor arises in, if it is domestic.
	Within string `json:"within,omitempty"`
	// Regions are the Regions the factor is about.
	Regions []string   `json:"regions,omitempty"`
	Sources []Citation `json:"sources,omitempty"`
}

var _ = register(&Kind{
	Label: LabelFactor, List: "factors", Rank: 5, Prefer: 3, Caption: "short", NodeDiameter: 90, NodeFontSize: 9, Color: "#5CCFB4",
	Doc:      "A lasting driver of relations: domestic (within a state) or structural.",
	Cause:    true,
	Affected: []Effect{Weakens, Strengthens, Drives},
	new:      func() Record { return &Factor{} },
	store:    typed(func(d *Dataset) *[]*Factor { return &d.Factors }),
	check:    func(v *validator, r Record) { v.factor(r.(*Factor)) },
	build:    func(b *builder, r Record) { b.factor(r.(*Factor)) },
})

func (v *validator) factor(f *Factor) {
	if f.Within != "" {
		v.ref(f.Loc, "within", f.Within, LabelState)
	}
	for i, r := range f.Regions {
		v.ref(f.Loc, fmt.Sprintf("regions/%d", i), r, LabelRegion)
	}
	v.citations(f.Loc, "sources", f.Sources, false)
}

func (b *builder) factor(f *Factor) {
	p := entityProps(&f.Entity)
	setCitations(p, "", f.Sources)
	b.node(LabelFactor, f.ID, p)
	if f.Within != "" {
		b.edge(RelArisesIn, f.ID, f.Within, nil)
	}
	for _, r := range f.Regions {
		b.edge(RelConcerns, f.ID, r, nil)
	}
}

// CitedIn says where Factor cites sources: its sources.
func (x *Factor) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
