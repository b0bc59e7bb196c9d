package graph

import (
	"fmt"

	"github.com/dyad-kg/dyad/internal/clip"
)

// Scope says whether a Region lies within a state or spans several.
type Scope string

// The region scopes.
const (
	Subnational   Scope = "subnational"
	Supranational Scope = "supranational"
)

// Region is a sub-national region (the Russian Far East) or a supra-national
// one (Central Asia, the Asia-Pacific, Eurasia).
type Region struct {
	Entity
	Scope Scope `json:"scope"`
	// PartOf are the States or Regions this region lies in.
	PartOf []string `json:"part_of,omitempty"`
	// Members are the States a supra-national region is made of.
	Members []string   `json:"members,omitempty"`
	Sources []Citation `json:"sources,omitempty"`
}

var _ = register(&Kind{
	Label: LabelRegion, List: "regions", Rank: 1, Prefer: 6, Caption: "short", NodeDiameter: 72, NodeFontSize: 10, Color: "#67D3E8",
	Doc:   "A part of a state (the Russian Far East) or a group of states (Central Asia).",
	Cause: true,
	new:   func() Record { return &Region{} },
	store: typed(func(d *Dataset) *[]*Region { return &d.Regions }),
	check: func(v *validator, r Record) { v.region(r.(*Region)) },
	build: func(b *builder, r Record) { b.region(r.(*Region)) },
})

func (v *validator) region(r *Region) {
	v.enum(r.Loc, "scope", string(r.Scope), []string{string(Subnational), string(Supranational)})
	for i, p := range r.PartOf {
		f := fmt.Sprintf("part_of/%d", i)
		if p == r.ID {
			v.add(r.Loc.At(f), "part_of: region %s cannot be part of itself", clip.Cut(r.ID))
			continue
		}
		v.ref(r.Loc, f, p, LabelState, LabelRegion)
	}
	for i, m := range r.Members {
		v.ref(r.Loc, fmt.Sprintf("members/%d", i), m, LabelState)
	}
	v.citations(r.Loc, "sources", r.Sources, false)
}

func (b *builder) region(r *Region) {
	p := entityProps(&r.Entity)
	setStr(p, "scope", string(r.Scope))
	setCitations(p, "", r.Sources)
	b.node(LabelRegion, r.ID, p)
	for _, o := range r.PartOf {
		b.edge(RelPartOf, r.ID, o, nil)
	}
	for _, m := range r.Members {
		b.edge(RelPartOf, m, r.ID, nil)
	}
}

// CitedIn says where Region cites sources: its sources.
func (x *Region) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
