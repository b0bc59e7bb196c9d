package graph

import (
	"fmt"
	"strings"
)

// Dispute is a territorial or political dispute between states, such as the
// Kuril Islands / Northern Territories.
type Dispute struct {
	Entity
	// Territory is the Region in dispute, if it is recorded as one.
	Territory string `json:"territory,omitempty"`
	// Since is when the dispute began, as far as it is dated.
	Since   Date       `json:"since,omitzero"`
	Parties []Party    `json:"parties"`
	Sources []Citation `json:"sources,omitempty"`
}

// Party is a State's side in a Dispute.
type Party struct {
	State    string     `json:"state"`
	Position string     `json:"position"`
	Sources  []Citation `json:"sources,omitempty"`
}

var _ = register(&Kind{
	Label: LabelDispute, List: "disputes", Rank: 2, Prefer: 5, Caption: "short", NodeDiameter: 72, NodeFontSize: 10, Color: "#DCE05C",
	Doc:   "A territorial dispute between states, with each party's position.",
	Cause: true,
	new:   func() Record { return &Dispute{} },
	store: typed(func(d *Dataset) *[]*Dispute { return &d.Disputes }),
	check: func(v *validator, r Record) { v.dispute(r.(*Dispute)) },
	build: func(b *builder, r Record) { b.dispute(r.(*Dispute)) },
})

func (v *validator) dispute(x *Dispute) {
	if x.Territory != "" {
		v.ref(x.Loc, "territory", x.Territory, LabelRegion)
	}
	v.date(x.Loc, "since", x.Since)
	if len(x.Parties) < 2 {
		v.add(x.Loc.At("parties"), "parties: a dispute needs at least two parties, got %d", len(x.Parties))
	}
	seen := map[string]bool{}
	for i, p := range x.Parties {
		f := fmt.Sprintf("parties/%d", i)
		if seen[p.State] {
			v.add(x.Loc.At(f+"/state"), "parties: %s is listed twice", p.State)
		}
		seen[p.State] = true
		v.ref(x.Loc, f+"/state", p.State, LabelState)
		if strings.TrimSpace(p.Position) == "" {
			v.add(x.Loc.At(f), "parties: %s has no position", p.State)
		}
		v.citations(x.Loc, f+"/sources", p.Sources, false)
	}
	v.citations(x.Loc, "sources", x.Sources, false)
}

func (b *builder) dispute(x *Dispute) {
	p := entityProps(&x.Entity)
	setStr(p, "since", x.Since.String())
	setCitations(p, "", x.Sources)
	b.node(LabelDispute, x.ID, p)
	if x.Territory != "" {
		b.edge(RelConcerns, x.ID, x.Territory, nil)
	}
	for _, party := range x.Parties {
		ep := map[string]any{}
		setStr(ep, "position", party.Position)
		setCitations(ep, "", party.Sources)
		b.edge(RelPartyTo, party.State, x.ID, ep)
	}
}

// CitedIn says where a Dispute cites sources: its sources, then each
// party's.
func (x *Dispute) CitedIn() []Cited {
	out := []Cited{{"sources", x.Sources}}
	for i, p := range x.Parties {
		out = append(out, Cited{fmt.Sprintf("parties/%d/sources", i), p.Sources})
	}
	return out
}
