package queries

import "github.com/dyad-kg/dyad/neo4j"

// Strengthened asks what strengthened the relation between A and B.
const Strengthened Name = "strengthened"

// strongWords signal a question about what strengthened a relation.
var strongWords = []string{"strength", "improv", "closer", "together", "boost", "deepen", "warm", "bolster", "help", "foster", "enhanc", "rapproche", "positiv", "better", "cement", "grow", "tighten", "upgrad", "thaw", "support", "benefit", "reinforc", "solidif", "partner", "advanc", "promot", "good", "friend", "aligned", "converge", "favo", "encourag", "consolidat", "reconcil", "allies", "ally$", "stronger"}

var _ = register(20, &Query{
	Name:      Strengthened,
	Title:     "What strengthened the relation between A and B?",
	Doc:       "Direct causes and causal chains whose net effect strengthened the relation, optionally within a period.",
	Needs:     []Param{ParamA, ParamB},
	Example:   Params{A: "RUS", B: "CHN"},
	Ask:       "What strengthened Sino-Russian relations?",
	Cypher:    neo4j.Statement("influence"),
	Synthesis: true,
	Phrasing: Phrasing{
		Words: strongWords,
		Rules: []Rule{{Priority: 60, When: func(c *Clues) bool { return c.effectWords() && c.first(weakWords, strongWords) == 1 }}},
		Fewer: Compare,
	},
	params: signParams(1),
	memory: influence(1),
	decode: decodePath,
	key:    pathKey,
	first:  pathFirst,
	Rank:   pathRank,
	head:   effectHead,
	heading: func(p Params, name func(string) string) string {
		return "What strengthened " + relationName(p, name) + "?"
	},
})
