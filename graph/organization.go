package graph

import "fmt"

// LabelOrganization is the label of an international organization.
const LabelOrganization Label = "Organization"

// Organization is an international organization whose members are states:
// the EU, ASEAN, the SCO. Its decisions (the EU's sanctions) can be the
// subject of claims.
type Organization struct {
	Entity
	// Members are the member states' ids.
	Members []string `json:"members,omitempty"`
	// Sources cite the organization's membership.
	Sources []Citation `json:"sources,omitempty"`
}

var _ = register(&Kind{
	Label: LabelOrganization, List: "organizations", Rank: 8, Prefer: 3, Caption: "short", NodeDiameter: 72, NodeFontSize: 10, Color: "#AEB8C4",
	Doc:   "An international organization of states: the EU, ASEAN, the SCO.",
	Cause: true,
	new:   func() Record { return &Organization{} },
	check: func(v *validator, r Record) { v.organization(r.(*Organization)) },
	build: func(b *builder, r Record) { b.organization(r.(*Organization)) },
})

func (v *validator) organization(o *Organization) {
	for i, m := range o.Members {
		v.ref(o.Loc, fmt.Sprintf("members/%d", i), m, LabelState)
	}
	v.citations(o.Loc, "sources", o.Sources, false)
}

func (b *builder) organization(o *Organization) {
	p := entityProps(&o.Entity)
	setCitations(p, "", o.Sources)
	b.node(LabelOrganization, o.ID, p)
	for _, m := range o.Members {
		b.edge(RelPartOf, m, o.ID, nil)
	}
}

// CitedIn says where Organization cites sources: its sources.
func (x *Organization) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
