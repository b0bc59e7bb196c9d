package graph

import "fmt"

// Stance is a policy stance a State held over a Period: the anti-Western
// line, the Sinocentric Asia policy, playing the "China card".
type Stance struct {
	Entity
	Holder string `json:"holder"`
	// Toward are the States the stance is aimed at, if any.
	Toward  []string   `json:"toward,omitempty"`
	Period  Period     `json:"period,omitzero"`
	Sources []Citation `json:"sources"`
}

var _ = register(&Kind{
	Label: LabelStance, List: "stances", Rank: 4, Prefer: 4, Caption: "short", NodeDiameter: 90, NodeFontSize: 9, Color: "#F08ACB",
	Doc:      "A policy stance a state held over a period, aimed at other states.",
	Cause:    true,
	Affected: []Effect{Weakens, Strengthens, Drives},
	new:      func() Record { return &Stance{} },
	store:    typed(func(d *Dataset) *[]*Stance { return &d.Stances }),
	check:    func(v *validator, r Record) { v.stance(r.(*Stance)) },
	build:    func(b *builder, r Record) { b.stance(r.(*Stance)) },
})

func (v *validator) stance(s *Stance) {
	v.ref(s.Loc, "holder", s.Holder, LabelState)
	for i, t := range s.Toward {
		v.ref(s.Loc, fmt.Sprintf("toward/%d", i), t, LabelState)
	}
	v.period(s.Loc, "period", s.Period)
	v.citations(s.Loc, "sources", s.Sources, true)
}

func (b *builder) stance(s *Stance) {
	p := entityProps(&s.Entity)
	setPeriod(p, "", s.Period)
	setCitations(p, "", s.Sources)
	b.node(LabelStance, s.ID, p)
	ep := map[string]any{}
	setPeriod(ep, "", s.Period)
	b.edge(RelHolds, s.Holder, s.ID, ep)
	for _, t := range s.Toward {
		b.edge(RelToward, s.ID, t, nil)
	}
}

// CitedIn says where Stance cites sources: its sources.
func (x *Stance) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
