package queries

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Regions asks which regions matter to the relation between A and B.
const Regions Name = "regions"

var regionWords = []string{"region", "geograph", "where", "area", "place"}

var _ = register(60, &Query{
	Name:       Regions,
	Title:      "The regions that matter to the relation between A and B",
	Doc:        "Regions on a causal path into the relation (as a cause, or what a cause concerns), with the path; only region node, if given.",
	Needs:      []Param{ParamA, ParamB},
	Example:    Params{A: "RUS", B: "JPN"},
	Ask:        "Which regions matter to Russia–China relations?",
	Cypher:     neo4j.Statement("regions"),
	NodeLabels: []graph.Label{graph.LabelRegion},
	Phrasing: Phrasing{
		Words: regionWords,
		Rules: []Rule{
			// "The role of the Far East in Russia–China relations".
			{Priority: 40, When: func(c *Clues) bool {
				return c.Region != "" && (c.has(pathWords) || !c.effectWords())
			}},
			{Priority: 100, When: func(c *Clues) bool { return c.has(regionWords) }},
		},
		Bind: func(c *Clues, p *Params) {
			p.A, p.B = c.States[0], c.States[1]
			p.Node = c.Region
		},
	},
	memory: regions,
	decode: func(r neo4j.Record) Finding { return regionFinding(ref(mapOf(r["region"])), steps(r, "steps")) },
	key: func(f *Finding) string {
		return f.Subject.Name + "\x00" + f.Subject.ID + "\x00" + fmt.Sprintf("%d", len(f.Chain)) + chainIDs(f.Chain)
	},
	head:  effectHead,
	first: regionFirst,
	Rank:  pathRank + ", then by the region's id",
	heading: func(p Params, name func(string) string) string {
		if p.Node != "" {
			return "The role of " + name(p.Node) + " in " + relationName(p, name)
		}
		return "The regions that matter to " + relationName(p, name)
	},
})

// regionFinding is a region with the causal path it lies on.
// regionFirst ranks region findings as pathFirst ranks their chains, then
// by the region's id.
func regionFirst(a, b *Finding) int {
	return cmp.Or(pathFirst(a, b), strings.Compare(a.Subject.ID, b.Subject.ID))
}

func regionFinding(region Ref, chain []Step) Finding {
	f := pathFinding(chain)
	f.Note = "via " + f.Subject.Name
	f.Subject = region
	return f
}

// regions finds the regions on causal paths into the relation: causes that
// are regions, and regions a node on the path concerns.
func regions(g *Memory, p Params) []Finding {
	rel := g.relationBetween(p.A, p.B)
	if rel == "" {
		return nil
	}
	// The paths with a region, ranked: the first ones hold the first
	// findings (regionFirst ranks by path first).
	x := g.claimChains()
	hasRegion := func(c *chain) bool { return x.hasRegion(c, p.Node) }
	var out []Finding
	for _, c := range g.bestInto([]string{rel}, p, p.keep, hasRegion) {
		for _, r := range x.chainRegions(&c, p.Node) {
			out = append(out, regionFinding(g.ref(r), g.chainSteps(&c)))
		}
	}
	return out
}

// regionsOf returns n itself if it is a region, and the regions it concerns.
func (m *Memory) regionsOf(n string) []string {
	var out []string
	if m.label(n) == graph.LabelRegion {
		out = append(out, n)
	}
	for _, e := range m.out[n] {
		if e.Type == graph.RelConcerns && m.label(e.To) == graph.LabelRegion {
			out = append(out, e.To)
		}
	}
	return out
}
