package queries

import (
	"slices"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Backing asks which sources back a claim: "Which sources back the claim
// that nationalism weakened Russia–Japan ties?".
const Backing Name = "backing"

// backWords ask for the sources or evidence behind a claim.
var backWords = []string{"back$", "backs$", "backed", "backing", "evidence", "source$", "sources$", "support", "cite", "cites", "cited", "citation", "proof", "prove", "corroborat", "substantiat", "attest", "based on", "basis", "who says", "who argues"}

var _ = register(92, &Query{
	Name:       Backing,
	Title:      "Which sources back the claims that node weakened (sign -1) or strengthened (sign 1) the relation between A and B",
	Doc:        "Each claim of node (on the relation between A and B, or any relation of A, if given; of the sign, if given) with every citation (source, locator, mode), the sources contesting it and the claims of opposite sign opposing it.",
	Needs:      []Param{ParamNode},
	Example:    Params{Node: "f-territorial-nationalism", A: "RUS", B: "JPN", Sign: -1},
	Ask:        "Which sources back the claim that nationalism weakened Russia–Japan ties?",
	Cypher:     neo4j.Statement("backing"),
	NoPeriod:   true,
	NodeLabels: graph.CauseLabels(),
	Phrasing: Phrasing{
		Words: backWords,
		// Before compare (30) and paths (50): "evidence that X hurt ..."
		// asks for the sources, not the effects.
		// "Which sources back the claim that ...", not "what do the sources
		// say about X" (about).
		Rules: []Rule{{Priority: 25, When: func(c *Clues) bool {
			return c.Node != "" && c.Source == "" && c.has(backWords) && !c.has([]string{"say about", "said about", "says about"})
		}}},
		Bind: func(c *Clues, p *Params) {
			p.Node = c.Node
			if len(c.States) >= 1 {
				p.A = c.States[0]
			}
			if len(c.States) >= 2 {
				p.B = c.States[1]
			}
			// The sign is the claim's: "support" asks for sources, it does
			// not say the claim strengthened.
			words := slices.DeleteFunc(slices.Clone(c.Words), func(w string) bool { return hasWord([]string{w}, backWords) })
			if hasWord(words, weakWords) || hasWord(words, strongWords) {
				p.Sign = []int{-1, 1}[firstOf(words, weakWords, strongWords)]
			}
		},
	},
	params:  func(p Params, m map[string]any) { m["sign"] = int64(p.Sign) },
	memory:  backing,
	decode:  decodeClaim,
	key:     func(f *Finding) string { return objectKey(f) + "\x00" + chainIDs(f.Chain) },
	head:    effectHead,
	heading: backingHeading,
})

func backingHeading(p Params, name func(string) string) string {
	verb := "affected"
	switch p.Sign {
	case -1:
		verb = "weakened"
	case 1:
		verb = "strengthened or drove"
	}
	object := "what it acts on"
	switch {
	case p.A == "" && p.Sign == 0:
		return "The sources behind the claims of what " + name(p.Node) + " did"
	case p.A != "" && p.B != "":
		object = relationName(p, name)
	case p.A != "":
		object = name(p.A) + "'s relations"
	}
	return "The sources behind the claims that " + name(p.Node) + " " + verb + " " + object
}

// backing finds the claims of Node that match the relation and sign asked,
// with the claims of opposite sign between the same two nodes.
func backing(g *Memory, p Params) []Finding {
	var out []Finding
	for _, e := range g.out[p.Node] {
		if !isClaim(e) || !g.onRelation(e.To, p) || p.Sign < 0 && e.Type != graph.RelWeakens || p.Sign > 0 && e.Type == graph.RelWeakens {
			continue
		}
		f := pathFinding([]Step{g.step(e)})
		var opposed []string
		for _, o := range g.out[p.Node] {
			if e.Type != graph.RelDrives && o.To == e.To && isSigned(o) && o.Type != e.Type {
				opposed = append(opposed, o.ID)
			}
		}
		if len(opposed) > 0 {
			slices.Sort(opposed)
			f.Note = opposedNote(opposed)
		}
		out = append(out, f)
	}
	return out
}

// onRelation reports whether id is a relation of A (and B), or true when
// p names no state.
func (m *Memory) onRelation(id string, p Params) bool {
	if p.A == "" && p.B == "" {
		return true
	}
	states := m.states(id)
	return m.label(id) == graph.LabelRelation && (p.A == "" || slices.Contains(states, p.A)) && (p.B == "" || slices.Contains(states, p.B))
}
