package queries

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/dyad-kg/dyad/graph"
)

// Gist is an answer's synthesis, what an analyst reads first: the distinct
// causes behind the findings, each once, grouped by kind and ranked by the
// weight of their evidence, with the chains folded under the cause they
// start from. It is built from the findings alone (and the entities' kinds),
// so both backends give the same gist.
type Gist struct {
	// Causes counts the distinct causes, Findings the findings they fold.
	Causes   int `json:"causes"`
	Findings int `json:"findings"`
	// Sections are one per object and effect: one for "what weakened A–B",
	// one per relation and direction for a comparison; ordered by effect
	// (drives, strengthens, weakens), then by the object's name.
	Sections []Section `json:"sections"`
	// Both are the causes found in more than one section: for a contrast,
	// what drew one relation up and pushed the other down at once; for a
	// comparison, what moved several relations. Ranked by their combined
	// weight.
	Both []Shared `json:"both,omitempty"`
	// Argued says which causes a source puts first (its thesis) and which it
	// says explain only part of the story, source by source.
	Argued []SourceView `json:"argued,omitempty"`
}

// Shared is a cause found in several sections, with what it did in each.
type Shared struct {
	Subject Ref      `json:"subject"`
	Weight  float64  `json:"weight"`
	Does    []Effect `json:"does"`
}

// Effect is what a cause did to one object.
type Effect struct {
	Effect graph.Effect `json:"effect"`
	Object Ref          `json:"object"`
}

// Section is the causes with one effect on one object, in groups.
type Section struct {
	Object Ref          `json:"object"`
	Effect graph.Effect `json:"effect"`
	Groups []Group      `json:"groups"`
}

// Group is a kind of cause: domestic drivers, disputes, third parties,
// regions, events, other factors.
type Group struct {
	Name   string  `json:"name"`
	Causes []Cause `json:"causes"`
}

// Cause is one distinct cause with every path by which it reaches the
// object, and the weight of its evidence (see Weigh).
type Cause struct {
	Subject Ref `json:"subject"`
	// Rank is the cause's place in the section, from 1.
	Rank int `json:"rank"`
	Weight
	// Direct reports whether a claim links the cause to the object itself.
	Direct bool `json:"direct"`
	// Role is thesis when a source puts this cause first, partial when a
	// source says it explains only part of the story.
	Role graph.Role `json:"role,omitempty"`
	// Paths are the ways the cause reaches the object, direct first.
	Paths []CausePath `json:"paths"`
}

// CausePath is one way a cause reaches the object: directly, or via the
// nodes in Via.
type CausePath struct {
	Via    []Ref    `json:"via,omitempty"`
	Claims []string `json:"claims"`
	Period string   `json:"period,omitempty"`
	// Evidence and Contested cite the path's first claim: the cause's own.
	Evidence  []Evidence `json:"evidence"`
	Contested []Evidence `json:"contested,omitempty"`
}

// SourceView is what one source argues about the answer's causes.
type SourceView struct {
	Source  string `json:"source"`
	Title   string `json:"title"`
	Thesis  []Ref  `json:"thesis,omitempty"`
	Partial []Ref  `json:"partial,omitempty"`
}

// Weight is the weight of a cause's evidence and its inputs. The rule:
// every distinct source behind the cause's own claims (the first claim of
// each of its paths) counts 1 if it argues the point and 0.5 if it only
// reports it; every distinct source contesting one of those claims takes
// 0.5 off; a cause a source marks as its thesis gains 1. Direct causes
// rank before indirect ones of equal weight, then by name.
type Weight struct {
	Score      float64 `json:"weight"`
	Sources    int     `json:"sources"`
	Argued     int     `json:"argued"`
	Contesting int     `json:"contesting"`
}

// String is "2 sources (1 argued), 1 contesting".
func (w Weight) String() string {
	s := fmt.Sprintf("%d source", w.Sources)
	if w.Sources != 1 {
		s += "s"
	}
	switch {
	case w.Argued == w.Sources && w.Sources > 1:
		s += ", all argued"
	case w.Argued == w.Sources:
		s += ", argued"
	case w.Argued == 0:
		s += ", reported"
	default:
		s += fmt.Sprintf(" (%d argued)", w.Argued)
	}
	if w.Contesting > 0 {
		s += fmt.Sprintf(", %d contesting", w.Contesting)
	}
	return s
}

// The groups, in the order answers show them.
const (
	GroupDomestic = "Domestic drivers"
	GroupDispute  = "Disputes"
	GroupThird    = "Third parties"
	GroupRegions  = "Regions"
	GroupEvents   = "Events"
	GroupOther    = "Other factors"
)

var groupOrder = []string{GroupDomestic, GroupDispute, GroupThird, GroupRegions, GroupEvents, GroupOther}

// grouper says which group a cause falls in for a relation between two
// states. The rules, in order:
//   - events, disputes, regions and organizations by their kind;
//   - a factor or stance about a region that is not disputed territory (the
//     Far East, Central Asia): regions;
//   - a factor arising in one of the two states: domestic drivers;
//   - a stance one of them holds, aimed only at other states (the turn to
//     China, Japan's Western alignment): third parties; aimed at the other
//     party (the China card, the refusal to cede the islands): domestic
//     drivers;
//   - anything else: other factors.
type grouper struct {
	byID     map[string]*Entity
	disputed map[string]bool
}

func newGrouper(ents []Entity) *grouper {
	x := indexOf(ents) // built once per entity list
	return &grouper{byID: x.byID, disputed: x.disputed}
}

func (g *grouper) group(id string, states []string) string {
	e := g.byID[id]
	if e == nil {
		return GroupOther
	}
	switch e.Label {
	case graph.LabelEvent:
		return GroupEvents
	case graph.LabelDispute:
		return GroupDispute
	case graph.LabelRegion:
		return GroupRegions
	case graph.LabelOrganization:
		return GroupThird
	}
	for _, r := range e.Concerns {
		if !g.disputed[r] {
			return GroupRegions
		}
	}
	switch {
	case slices.Contains(states, e.Within):
		return GroupDomestic
	case slices.Contains(states, e.Holder) && len(e.Toward) > 0 && !slices.ContainsFunc(e.Toward, func(t string) bool { return slices.Contains(states, t) }):
		return GroupThird
	case slices.Contains(states, e.Holder):
		return GroupDomestic
	}
	return GroupOther
}

// gistOf synthesises the findings of a causal answer about the relation
// between states (for grouping; none for other objects).
func gistOf(fs []Finding, ents []Entity) *Gist {
	gr := newGrouper(ents)
	g := &Gist{Findings: len(fs)}
	type key struct {
		object string
		effect graph.Effect
	}
	causes := map[key]map[string]*Cause{}
	objects := map[string]Ref{}
	var order []key
	for _, f := range fs {
		if f.Object == nil || len(f.Chain) == 0 {
			continue
		}
		k := key{f.Object.ID, f.Effect}
		if causes[k] == nil {
			causes[k] = map[string]*Cause{}
			objects[k.object] = *f.Object
			order = append(order, k)
		}
		c := causes[k][f.Subject.ID]
		if c == nil {
			c = &Cause{Subject: f.Subject}
			causes[k][f.Subject.ID] = c
		}
		c.add(f)
	}
	views := map[string]*SourceView{}
	for _, k := range order {
		var cs []*Cause
		for _, c := range causes[k] {
			c.weigh()
			note(views, c)
			cs = append(cs, c)
		}
		g.Causes += len(cs)
		g.Sections = append(g.Sections, section(objects[k.object], k.effect, cs, gr))
	}
	slices.SortStableFunc(g.Sections, func(a, b Section) int {
		return cmp.Or(cmp.Compare(effectOrder(a.Effect), effectOrder(b.Effect)),
			cmp.Compare(a.Object.Name, b.Object.Name), cmp.Compare(a.Object.ID, b.Object.ID))
	})
	g.Argued = sourceViews(views)
	g.Both = shared(g.Sections)
	return g
}

// effectOrder places sections: what drove the object, what strengthened
// it, what weakened it (a contrast's chosen partner before the one passed
// over), then by the object's name. gist.cypher orders rows the same way.
func effectOrder(e graph.Effect) int {
	switch e {
	case graph.Drives:
		return 0
	case graph.Strengthens:
		return 1
	}
	return 2
}

// shared lists the causes found in more than one section.
func shared(sections []Section) []Shared {
	by := map[string]*Shared{}
	var order []string
	for _, s := range sections {
		for _, gr := range s.Groups {
			for _, c := range gr.Causes {
				x := by[c.Subject.ID]
				if x == nil {
					x = &Shared{Subject: c.Subject}
					by[c.Subject.ID] = x
					order = append(order, c.Subject.ID)
				}
				x.Weight += c.Score
				x.Does = append(x.Does, Effect{Effect: s.Effect, Object: s.Object})
			}
		}
	}
	var out []Shared
	for _, id := range order {
		if x := by[id]; len(x.Does) > 1 {
			out = append(out, *x)
		}
	}
	slices.SortStableFunc(out, func(a, b Shared) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.Subject.Name, b.Subject.Name))
	})
	return out
}

// add folds finding f (one path) into c.
func (c *Cause) add(f Finding) {
	p := CausePath{Period: f.Period, Evidence: f.Chain[0].Evidence, Contested: f.Chain[0].ContestedBy}
	for i, s := range f.Chain {
		p.Claims = append(p.Claims, s.Claim)
		if i > 0 {
			p.Via = append(p.Via, s.From)
		}
	}
	c.Direct = c.Direct || len(f.Chain) == 1
	c.Paths = append(c.Paths, p)
}

// weigh computes c's weight (see Weight) from the first claim of each of
// its paths, and its role, and orders its paths: direct first.
func (c *Cause) weigh() {
	argued := map[string]bool{}
	contesting := map[string]bool{}
	for _, p := range c.Paths {
		for _, e := range p.Evidence {
			argued[e.Source] = argued[e.Source] || e.Mode == graph.Argued
			if e.Role == graph.Thesis || e.Role == graph.Partial && c.Role == "" {
				c.Role = e.Role
			}
		}
		for _, e := range p.Contested {
			contesting[e.Source] = true
		}
	}
	c.Sources, c.Contesting = len(argued), len(contesting)
	for _, a := range argued {
		if a {
			c.Argued++
		}
	}
	c.Score = float64(c.Argued) + 0.5*float64(c.Sources-c.Argued) - 0.5*float64(c.Contesting)
	if c.Role == graph.Thesis {
		c.Score++
	}
	slices.SortFunc(c.Paths, func(a, b CausePath) int {
		return cmp.Or(cmp.Compare(len(a.Claims), len(b.Claims)), slices.Compare(a.Claims, b.Claims))
	})
}

// section groups and ranks the causes of one object and effect.
func section(obj Ref, effect graph.Effect, cs []*Cause, gr *grouper) Section {
	slices.SortFunc(cs, func(a, b *Cause) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), boolRank(b.Direct, a.Direct),
			cmp.Compare(a.Subject.Name, b.Subject.Name), cmp.Compare(a.Subject.ID, b.Subject.ID))
	})
	var states []string
	if e := gr.byID[obj.ID]; e != nil {
		states = e.States
	}
	groups := map[string][]Cause{}
	for _, c := range cs {
		name := gr.group(c.Subject.ID, states)
		groups[name] = append(groups[name], *c)
	}
	s := Section{Object: obj, Effect: effect}
	rank := 0
	for _, name := range groupOrder {
		if len(groups[name]) == 0 {
			continue
		}
		for i := range groups[name] {
			rank++
			groups[name][i].Rank = rank
		}
		s.Groups = append(s.Groups, Group{Name: name, Causes: groups[name]})
	}
	return s
}

// boolRank orders true before false.
func boolRank(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// note records the roles sources give c.
func note(views map[string]*SourceView, c *Cause) {
	seen := map[string]bool{}
	for _, p := range c.Paths {
		for _, e := range p.Evidence {
			if e.Role == "" || seen[e.Source+string(e.Role)] {
				continue
			}
			seen[e.Source+string(e.Role)] = true
			v := views[e.Source]
			if v == nil {
				v = &SourceView{Source: e.Source, Title: e.Title}
				views[e.Source] = v
			}
			if e.Role == graph.Thesis {
				v.Thesis = append(v.Thesis, c.Subject)
			} else {
				v.Partial = append(v.Partial, c.Subject)
			}
		}
	}
}

// sourceViews lists the views by source id, each cause list by name.
func sourceViews(views map[string]*SourceView) []SourceView {
	var out []SourceView
	for _, v := range views {
		byName := func(a, b Ref) int { return cmp.Compare(a.Name, b.Name) }
		slices.SortFunc(v.Thesis, byName)
		slices.SortFunc(v.Partial, byName)
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b SourceView) int { return cmp.Compare(a.Source, b.Source) })
	return out
}
