package graph

import (
	"fmt"

	"github.com/dyad-kg/dyad/internal/clip"
)

// State is a sovereign state, identified by its ISO 3166-1 alpha-3 code (RUS,
// JPN). A predecessor state keeps its own record (the Soviet Union is SUN, as
// in ISO 3166-3) and its successors point at it.
type State struct {
	Entity
	// Capital is the capital's name, used to resolve "Moscow–Tokyo relations".
	Capital string `json:"capital,omitempty"`
	// Adjectives are demonyms and combining forms: "Russian", "Russo", "Sino".
	Adjectives []string `json:"adjectives,omitempty"`
	// Predecessors are the ids of the states this one succeeded.
	Predecessors []string `json:"predecessors,omitempty"`
	// Existed is when the state existed; open ends mean "before records" or "still".
	Existed Period `json:"existed,omitzero"`
	// COW is the Correlates of War state code (Russia 365, Japan 740), 0 if
	// not recorded. A predecessor and its continuator may share one: COW
	// codes the Soviet Union and Russia both 365.
	COW     int        `json:"cow,omitempty"`
	Sources []Citation `json:"sources,omitempty"`
}

var _ = register(&Kind{
	Label: LabelState, List: "states", Rank: 0, Prefer: 0, Caption: "short", NodeDiameter: 90, NodeFontSize: 12, Color: "#6FA8EC",
	Doc:   "A sovereign state, or a predecessor such as the Soviet Union.",
	new:   func() Record { return &State{} },
	check: func(v *validator, r Record) { v.state(r.(*State)) },
	build: func(b *builder, r Record) { b.state(r.(*State)) },
	store: typed(func(d *Dataset) *[]*State { return &d.States }),
})

func (v *validator) state(s *State) {
	for i, p := range s.Predecessors {
		f := fmt.Sprintf("predecessors/%d", i)
		if p == s.ID {
			v.add(s.Loc.At(f), "predecessors: state %s cannot succeed itself", clip.Cut(s.ID))
			continue
		}
		v.ref(s.Loc, f, p, LabelState)
	}
	v.period(s.Loc, "existed", s.Existed)
	v.citations(s.Loc, "sources", s.Sources, false)
}

func (b *builder) state(s *State) {
	p := entityProps(&s.Entity)
	setStr(p, "capital", s.Capital)
	setList(p, "adjectives", s.Adjectives)
	setPeriod(p, "existed_", s.Existed)
	if s.COW != 0 {
		p["cow"] = int64(s.COW)
	}
	setCitations(p, "", s.Sources)
	b.node(LabelState, s.ID, p)
	for _, pre := range s.Predecessors {
		b.edge(RelSucceeds, s.ID, pre, nil)
	}
}

// CitedIn says where State cites sources: its sources.
func (x *State) CitedIn() []Cited { return []Cited{{"sources", x.Sources}} }
