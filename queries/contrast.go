package queries

import (
	"fmt"

	"github.com/dyad-kg/dyad/neo4j"
)

// Contrast asks why A's partner became B rather than C (Others[0]): what
// drew A–B up, what pushed A–C down, and above all what did both. It is the
// seed article's own question.
const Contrast Name = "contrast"

// contrastWords include the context such questions give ("main partner in
// Asia"), which the answer covers: the partnership in the region.
var contrastWords = []string{"rather", "instead", "prefer", "chose", "choose", "favour", "favor", "over", "not", "partner", "main$", "asia$", "asian$", "become", "became"}

var _ = register(5, &Query{
	Name:      Contrast,
	Title:     "Why A's partner became B rather than C",
	Doc:       "What strengthened the relation between A and B, what weakened the relation between A and C (the first of others), and the causes that did both at once.",
	Needs:     []Param{ParamA, ParamB},
	Example:   Params{A: "RUS", B: "CHN", Others: []string{"JPN"}},
	Ask:       "Why did China rather than Japan become Russia's main partner in Asia?",
	Cypher:    neo4j.Statement("contrast"),
	Synthesis: true,
	Phrasing: Phrasing{
		Words: contrastWords,
		// First of all rules: "rather than Japan" decides the question.
		Rules: []Rule{{Priority: 5, When: func(c *Clues) bool { return c.Contrast != nil }}},
		Bind: func(c *Clues, p *Params) {
			p.A, p.B, p.Others = c.Contrast.Hub, c.Contrast.Chosen, []string{c.Contrast.Passed}
		},
	},
	params: func(p Params, m map[string]any) { m["c"] = orNil(passedOver(p)) },
	memory: func(g *Memory, p Params) []Finding {
		out := influence(1)(g, p)
		down := p
		down.B = passedOver(p)
		return append(out, influence(-1)(g, down)...)
	},
	decode: decodePath,
	first:  pathFirst,
	Rank:   pathRank,
	key:    func(f *Finding) string { return string(f.Effect) + "\x00" + pathKey(f) },
	head:   effectHead,
	heading: func(p Params, name func(string) string) string {
		return fmt.Sprintf("Why %s rather than %s became %s's partner", name(p.B), name(passedOver(p)), name(p.A))
	},
})

// passedOver is the state a contrast sets against B: the first of Others.
func passedOver(p Params) string {
	if len(p.Others) == 0 {
		return ""
	}
	return p.Others[0]
}
