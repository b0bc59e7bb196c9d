package queries_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/queries"
)

// TestParseReadAs: every request says how its question was read, with the
// names, how far causes are followed and the period, as the answer uses them.
func TestParseReadAs(t *testing.T) {
	ents := shippedEntities(t)
	tests := []struct{ q, want string }{
		{"What factors weakened Russia–Japan ties?", "what weakened Russia–Japan relations, direct and indirect causes (chains of up to 3 claims), all periods"},
		{"What strengthened Moscow–Beijing ties directly since 2012?", "what strengthened Russia–China relations, direct causes only, since 2012"},
		{"What weakened Japanese-Russian ties before 2000 within two steps?", "what weakened Japan–Russia relations, direct and indirect causes (chains of up to 2 claims), up to 1999"},
		{"Timeline of Russia–Japan relations in the 1990s", "the timeline of Russia–Japan relations, 1990–1999"},
		{"Which disputes is Japan party to?", "the disputes Japan is party to"},
		{"Compare Russia's relations with Japan and China", "Russia's relations compared (with Japan, China), direct and indirect causes (chains of up to 3 claims), all periods"},
		{"What stances did Russia hold in 2005?", "the stances Russia held, in 2005"},
		{"What does the article claim?", "what “[Russia's Asia policy: why China, not Japan, became Moscow's partner]” claims"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			req, err := queries.Parse(tt.q, ents)
			require.NoError(t, err)
			require.Equal(t, tt.want, req.ReadAs)
		})
	}
}

// TestParseUnused: what a question says that the answer does not use is
// named, never dropped silently.
func TestParseUnused(t *testing.T) {
	ents := shippedEntities(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"What weakened Russia–Japan ties?", nil},
		{"What weakened Russia–Japan and China–Kazakhstan ties?", []string{
			`"China": a state this weakened question does not use`, `"Kazakhstan": a state this weakened question does not use`}},
		{"Which disputes is Japan party to in 2005?", []string{`"in 2005": this disputes question takes no period`}},
		{"Which claims are contested, directly?", []string{`"directly": this contested question follows no causal chains`}},
		{"What weakened Russia–Japan ties 42 times?", []string{`"42": read as neither a year nor a depth`, `words not understood: "times"`}},
		{"What weakened Russia–Japan ties after the 2022 invasion?", []string{`"Russia's full-scale invasion of Ukraine": this weakened question takes no event`}},
		{"What has eroded trust between Moscow and Tokyo?", []string{`words not understood: "trust"`}},
		{"What does the article say about Japan?", []string{`"Japan": a state this source question does not use`}},
		// The whole map, named any way, is what a question without names
		// asks about: the words are understood.
		{"Which feedback loops run through the causal map?", nil},
		{"Which feedback loops run through the map?", nil},
		{"Which feedback loops are there in the graph?", nil},
		{"Which claims in the dataset are contested?", nil},
		{"What weakened Russia–Japan ties in the knowledge graph?", nil},
		// Intensifiers: a deep freeze is a freeze.
		{"When did Russia–Japan relations enter a deep freeze?", nil},
		{"When did Russia–Japan relations sharply deteriorate?", nil},
		// The pivot year is used, not a period refused.
		{"What changed in Russia–Japan relations after 2014?", nil},
		{"What changed in Russia–Japan ties around 2000?", nil},
		// The words that name the node loosely ("the claim that X
		// weakened ...") are used.
		{"Which sources back the claim that nationalism weakened Russia–Japan ties?", nil},
		{"What did the 2014 sanctions do to Russia–Japan relations?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			req, err := queries.Parse(tt.q, ents)
			require.NoError(t, err)
			require.Equal(t, tt.want, req.Unused)
		})
	}
}

// TestParseAlternatives: a question that fits two readings says so and is
// answered as the likelier.
func TestParseAlternatives(t *testing.T) {
	ents := shippedEntities(t)
	tests := []struct {
		q      string
		answer queries.Name
		alt    []queries.Name
	}{
		{"What weakened Russia–Japan ties?", queries.Weakened, nil},
		{"What weakened Russia–Japan ties over time?", queries.Weakened, []queries.Name{queries.Timeline}},
		// "when" asks for the turning points of the warming; what strengthened it
		// and the timeline are the other readings.
		{"What strengthened Russia–China relations and when did it happen?", queries.Turning, []queries.Name{queries.Strengthened, queries.Timeline}},
		{"What disputes and policy stances does Japan have?", queries.Disputes, []queries.Name{queries.Stances}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			req, err := queries.Parse(tt.q, ents)
			require.NoError(t, err)
			require.Equal(t, tt.answer, req.Query)
			require.Equal(t, tt.alt, req.Alternatives)
		})
	}
}

// TestParseRefuses: input that cannot be a question, a year out of range, a
// depth beyond MaxDepth and a period that ends before it starts are invalid
// input, not answered; an empty graph is reported as such (issues 11, 13).
func TestParseRefuses(t *testing.T) {
	ents := shippedEntities(t)
	tests := []struct{ q, err string }{
		{"What weakened Russia–Japan ties'}) MATCH (n) DETACH DELETE n //", `the question holds characters no question needs ("}" "//"): ask in words`},
		{"What weakened Russia–Japan ties; MATCH (n) RETURN n", `the question holds characters no question needs (";"): ask in words`},
		{"What weakened Russia–Japan ties in 12345?", `"in 12345": 12345 is not a year Dyad can read (years are 1 to 9999, written in digits)`},
		{"What weakened Russia–Japan ties in -5?", `"in -5": -5 is not a year Dyad can read (years are 1 to 9999, written in digits)`},
		{"What weakened Russia–Japan ties since 0?", `"since 0": 0 is not a year Dyad can read (years are 1 to 9999, written in digits)`},
		{"What weakened Russia–Japan ties within 9 steps?", `"within 9 steps": invalid parameter: depth 9: Dyad follows chains of 1 to 3 claims`},
		{"What does Reuters say?", `"Reuters" names 3 sources (reuters-2008-border, reuters-2014-japan-sanctions, reuters-2023-paramushir): add the year, or ask with the id`},
		{"What weakened Russia–Japan ties between 2010 and 2001?", `"between 2010 and 2001": invalid parameter: the period starts in 2010, after it ends in 2001`},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := queries.Parse(tt.q, ents)
			require.EqualError(t, err, tt.err)
			require.Equal(t, graph.EINVALID, graph.ErrorCode(err))
		})
	}
	for _, q := range []string{"What weakened Russia–Japan ties?", "hello", ""} {
		_, err := queries.Parse(q, nil)
		require.True(t, errors.Is(err, queries.ErrEmptyGraph), "%q: %v", q, err)
		require.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
		require.EqualError(t, err, "the graph is empty: run dyad load")
	}
}
