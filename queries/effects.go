package queries

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Effects asks what a subject, or a class of events ("Japan's sanctions"),
// did to the relation between A and B.
const Effects Name = "effects"

// doWords ask what something did to a relation ("what did X do to ...").
var doWords = []string{"do to", "did to", "done to", "does to"}

// effectNouns ask for a class of events' effects ("what effects did the
// summits have").
var effectNouns = []string{"effect", "impact", "consequenc"}

var _ = register(75, &Query{
	Name:       Effects,
	Title:      "What node (or A's events of a kind) did to the relation between A and B",
	Doc:        "For each subject (node, or every event of kind involving actor — as one of its actors when the event names them — else A or B), its causal paths into the relation between A and B: direct claims and chains of up to depth claims, grouped per subject, optionally within a period.",
	Needs:      []Param{ParamA, ParamB},
	Example:    Params{A: "JPN", B: "RUS", Kind: "sanctions", Actor: "JPN"},
	Ask:        "What did Japan's sanctions do to relations with Russia?",
	Cypher:     neo4j.Statement("effects"),
	NodeLabels: graph.CauseLabels(),
	Empty:      "No findings: no causal claim links that subject to the relation (for a class of events, none of that kind with the state among its actors, or involved where an event names no actors).",
	Phrasing: Phrasing{
		Words: append(slices.Clone(doWords), kindWordList()...),
		// Before causes and paths: "what did Japan's sanctions do to ..."
		// names a class of events; "what did X do to A–B relations" asks
		// for X's effects. "How did X affect A–B relations" stays paths.
		Rules: []Rule{
			{Priority: 44, When: func(c *Clues) bool { return c.EventKind != "" && c.Actor != "" && len(c.States) >= 2 }},
			// "What effects did the summits have on ...": a class with no actor.
			{Priority: 45, When: func(c *Clues) bool {
				return c.EventKind != "" && c.Node == "" && len(c.States) >= 2 && (c.has(doWords) || c.has(effectNouns))
			}},
			{Priority: 46, When: func(c *Clues) bool { return c.Node != "" && c.has(doWords) && len(c.States) >= 2 }},
		},
		Bind: func(c *Clues, p *Params) {
			bindPair(c, p)
			if c.EventKind != "" {
				p.Kind, p.Actor = c.EventKind, c.Actor
				return
			}
			p.Node = c.Node
		},
	},
	check: func(p Params) error {
		if (p.Node == "") == (p.Kind == "") {
			return fmt.Errorf("%w: effects needs a node or an event kind (with an actor), not both", ErrMissingParam)
		}
		return nil
	},
	params: func(p Params, m map[string]any) {
		m["kind"], m["actor"] = orNil(p.Kind), orNil(p.Actor)
	},
	memory:  effects,
	decode:  decodePath,
	key:     func(f *Finding) string { return f.Subject.Name + "\x00" + f.Subject.ID + "\x00" + pathKey(f) },
	first:   pathFirst,
	Rank:    pathRank,
	head:    effectHead,
	heading: effectsHeading,
})

func effectsHeading(p Params, name func(string) string) string {
	subject := name(p.Node)
	if p.Kind != "" {
		subject = "the " + pluralKind(p.Kind) + " of " + name(p.A) + " or " + name(p.B)
		if p.Actor != "" {
			subject = name(p.Actor) + "'s " + pluralKind(p.Kind)
		}
	}
	return "What " + subject + " did to " + relationName(p, name)
}

// pluralKind is "summits" for "summit", "treaties" for "treaty".
func pluralKind(kind string) string {
	switch {
	case strings.HasSuffix(kind, "s"):
		return kind
	case strings.HasSuffix(kind, "y"):
		return strings.TrimSuffix(kind, "y") + "ies"
	}
	return kind + "s"
}

// effects finds, for Node or for each event of Kind involving Actor (else
// A or B), the causal paths into the relation between A and B.
func effects(g *Memory, p Params) []Finding {
	rel := g.relationBetween(p.A, p.B)
	if rel == "" {
		return nil
	}
	subjects := g.effectSubjects(p)
	if len(subjects) == 0 {
		return nil
	}
	// Back from the relation to the subjects: a relation has far fewer
	// chains into it than an event has out into the whole graph.
	x := g.claimChains()
	from := func(c *chain) bool { return slices.Contains(subjects, x.edges[c.claim[0]].From) }
	return g.chainFindings(g.bestInto([]string{rel}, p, p.keep, from))
}

// effectSubjects are Node, or the events of Kind involving Actor (else A
// or B). With an Actor, an event that names its actors must list it.
func (m *Memory) effectSubjects(p Params) []string {
	if p.Node != "" {
		if !slices.Contains(graph.CauseLabels(), m.label(p.Node)) {
			return nil
		}
		return []string{p.Node}
	}
	actors := []string{p.A, p.B}
	if p.Actor != "" {
		actors = []string{p.Actor}
	}
	var out []string
	for _, a := range actors {
		for _, e := range m.in[a] {
			n := m.nodes[e.From].Props
			if e.Type == graph.RelInvolves && str(n, "kind") == p.Kind && actedBy(n, p.Actor) && !slices.Contains(out, e.From) {
				out = append(out, e.From)
			}
		}
	}
	return out
}

// actedBy reports whether an event's actors include actor: true when no
// actor is asked for or the event names none (it counts as every involved
// state's).
func actedBy(event map[string]any, actor string) bool {
	actors, ok := event["actors"].([]string)
	return actor == "" || !ok || slices.Contains(actors, actor)
}
