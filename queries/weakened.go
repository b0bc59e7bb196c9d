package queries

import "github.com/dyad-kg/dyad/neo4j"

// Weakened asks what weakened the relation between A and B.
const Weakened Name = "weakened"

// weakWords signal a question about what weakened a relation.
var weakWords = []string{"weak", "hurt", "harm", "damag", "deteriorat", "worse", "worsen", "strain", "sour$", "soure", "souri", "undermin", "apart", "cool", "declin", "hinder", "imped", "obstacle", "spoil", "setback", "tension", "negativ", "poison", "derail", "erod", "erosion", "friction", "rift", "downturn", "froze", "freez", "stall", "chill", "problem", "distan", "undercut", "obstruct", "complicat", "block", "bad", "stagnat", "wedge", "divid", "split", "held back", "hold back", "hamper", "prevent", "set back", "sets back", "push apart", "pushed apart"}

var _ = register(10, &Query{
	Name:      Weakened,
	Title:     "What weakened the relation between A and B?",
	Doc:       "Direct causes and causal chains (up to depth steps) whose net effect weakened the relation, optionally within a period.",
	Needs:     []Param{ParamA, ParamB},
	Example:   Params{A: "RUS", B: "JPN"},
	Ask:       "What factors weakened Russia–Japan ties?",
	Cypher:    neo4j.Statement("influence"),
	Synthesis: true,
	Phrasing: Phrasing{
		Words: weakWords,
		Rules: []Rule{{Priority: 60, When: func(c *Clues) bool { return c.effectWords() && c.first(weakWords, strongWords) == 0 }}},
		Fewer: Compare,
	},
	params:  signParams(-1),
	memory:  influence(-1),
	decode:  decodePath,
	key:     pathKey,
	first:   pathFirst,
	Rank:    pathRank,
	head:    effectHead,
	heading: func(p Params, name func(string) string) string { return "What weakened " + relationName(p, name) + "?" },
})
