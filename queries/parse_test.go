package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

func shippedEntities(t testing.TB) []queries.Entity {
	t.Helper()
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	ents, err := queries.NewMemory(ds).Entities(context.Background())
	require.NoError(t, err)
	return ents
}

func TestParse(t *testing.T) {
	ents := shippedEntities(t)
	type P = queries.Params
	tests := []struct {
		q    string
		want queries.Name
		p    P
	}{
		// Weakened.
		{"What factors weakened Russia–Japan ties?", queries.Weakened, P{A: "RUS", B: "JPN"}},
		{"What weakened Russia-Japan relations?", queries.Weakened, P{A: "RUS", B: "JPN"}},
		{"what weakened russia/japan ties", queries.Weakened, P{A: "RUS", B: "JPN"}},
		{"what hurt relations between Russia and Japan", queries.Weakened, P{A: "RUS", B: "JPN"}},
		{"Why did Russo-Japanese relations deteriorate?", queries.Weakened, P{A: "RUS", B: "JPN"}},
		{"Why did Japanese-Russian relations sour?", queries.Weakened, P{A: "JPN", B: "RUS"}},
		{"what drove Moscow and Tokyo apart", queries.Weakened, P{A: "RUS", B: "JPN"}},
		{"What damaged Moscow–Tokyo relations?", queries.Weakened, P{A: "RUS", B: "JPN"}},
		// "after 2012" is from 2013 and "before 2000" up to 1999 (graph.Years).
		{"what hurt the Kremlin's ties with Tokyo after 2012", queries.Weakened, P{A: "RUS", B: "JPN", From: 2013}},
		{"What weakened Russia's relations with Japan since 2012?", queries.Weakened, P{A: "RUS", B: "JPN", From: 2012}},
		{"What weakened Moscow–Tokyo ties in 2005?", queries.Weakened, P{A: "RUS", B: "JPN", From: 2005, To: 2005}},
		{"What weakened Russia–Japan ties as of 2005?", queries.Weakened, P{A: "RUS", B: "JPN", From: 2005, To: 2005}},
		{"Japanese-Russian relations: what weakened them directly between 1992 and 2001?", queries.Weakened, P{A: "JPN", B: "RUS", From: 1992, To: 2001, Depth: 1}},
		{"direct causes of tension between RUS and JPN", queries.Weakened, P{A: "RUS", B: "JPN", Depth: 1}},
		{"What strained relations between the Soviet Union and Japan in the 1980s?", queries.Weakened, P{A: "SUN", B: "JPN", From: 1980, To: 1989}},
		{"What weakened US-Japan relations?", queries.Weakened, P{A: "USA", B: "JPN"}},
		// Strengthened.
		{"What strengthened Sino-Russian relations?", queries.Strengthened, P{A: "CHN", B: "RUS"}},
		{"what brought Russia and China closer", queries.Strengthened, P{A: "RUS", B: "CHN"}},
		{"How did Russia and China grow closer?", queries.Strengthened, P{A: "RUS", B: "CHN"}},
		{"What strengthened Russia-China relations before 2000", queries.Strengthened, P{A: "RUS", B: "CHN", To: 1999}},
		{"What improved Moscow–Beijing ties within two steps?", queries.Strengthened, P{A: "RUS", B: "CHN", Depth: 2}},
		{"what helped the Kremlin and Beijing's partnership", queries.Strengthened, P{A: "RUS", B: "CHN"}},
		// Timeline.
		{"timeline of Russia–Japan relations", queries.Timeline, P{A: "RUS", B: "JPN"}},
		{"history of Moscow-Tokyo ties", queries.Timeline, P{A: "RUS", B: "JPN"}},
		{"what happened between Russia and Japan", queries.Timeline, P{A: "RUS", B: "JPN"}},
		{"Timeline of Russia–Japan relations since 1991", queries.Timeline, P{A: "RUS", B: "JPN", From: 1991}},
		{"Key events in Sino-Soviet relations", queries.Timeline, P{A: "CHN", B: "SUN"}},
		// Disputes.
		{"Which disputes is Japan party to?", queries.Disputes, P{A: "JPN"}},
		{"territorial disputes of Russia", queries.Disputes, P{A: "RUS"}},
		{"What border disputes did China have?", queries.Disputes, P{A: "CHN"}},
		// Stances.
		{"What stances did Russia hold in 2005?", queries.Stances, P{A: "RUS", From: 2005, To: 2005}},
		{"Russia's policy stances", queries.Stances, P{A: "RUS"}},
		{"What was Tokyo's policy toward Moscow?", queries.Stances, P{A: "JPN"}},
		// Regions.
		{"Which regions matter to Russia–China relations?", queries.Regions, P{A: "RUS", B: "CHN"}},
		{"Where is Russia–Japan rivalry played out: which regions?", queries.Regions, P{A: "RUS", B: "JPN"}},
		// Compare.
		{"Compare Russia's relations with Japan and China", queries.Compare, P{A: "RUS", Others: []string{"JPN", "CHN"}}},
		{"compare Russia–Japan and Russia–China relations", queries.Compare, P{A: "RUS", Others: []string{"JPN", "CHN"}}},
		{"What weakened Russia's relations?", queries.Compare, P{A: "RUS"}},
		{"What factors shaped Russia–Japan relations?", queries.Compare, P{A: "RUS", Others: []string{"JPN"}}},
		// Paths. A region starts no claims: its factor or dispute stands in
		// for it, else the regions query answers for the relation.
		{"role of Central Asia", queries.Paths, P{Node: "f-central-asia-weight"}},
		{"What role did Central Asia play in Sino-Russian relations?", queries.Paths, P{Node: "f-central-asia-weight", A: "CHN", B: "RUS"}},
		{"How did the 2022 invasion affect Russia–Japan relations?", queries.Paths, P{Node: "e-2022-invasion-of-ukraine", A: "RUS", B: "JPN"}},
		{"How did Russia's invasion of Ukraine affect Russia–Japan relations?", queries.Paths, P{Node: "e-2022-invasion-of-ukraine", A: "RUS", B: "JPN"}},
		{"How did territorial nationalism reach relations?", queries.Paths, P{Node: "f-territorial-nationalism"}},
		{"How did the Northern Territories affect Russia–Japan relations?", queries.Paths, P{Node: "kuril-dispute", A: "RUS", B: "JPN"}},
		{"role of the RFE in Russia-Japan relations", queries.Regions, P{A: "RUS", B: "JPN", Node: "rfe"}},
		{"What was the impact of the China card on Moscow–Tokyo ties?", queries.Paths, P{Node: "st-china-card", A: "RUS", B: "JPN"}},
		{"how did the Kuril dispute affect Russo-Japanese relations directly", queries.Paths, P{Node: "kuril-dispute", A: "RUS", B: "JPN", Depth: 1}},
		// Sources and contested claims.
		{"What does the article claim?", queries.SourceClaims, P{Source: "article"}},
		{"what does kireeva-2019 say about Japan", queries.SourceClaims, P{Source: "kireeva-2019"}},
		{"Which claims are contested?", queries.Contested, P{}},
		{"contested claims about Russia-Japan relations", queries.Contested, P{A: "RUS", B: "JPN"}},
		{"Which claims about Sino-Russian ties are disputed?", queries.Contested, P{A: "CHN", B: "RUS"}},
	}
	require.GreaterOrEqual(t, len(tests), 40)
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got, err := queries.Parse(tt.q, ents)
			require.NoError(t, err)
			require.Equal(t, tt.want, got.Query)
			require.Equal(t, tt.p, got.Params)
			// Every request is one the catalog can run.
			q, err := queries.Lookup(got.Query)
			require.NoError(t, err)
			p := got.Params
			require.NoError(t, q.Check(&p))
		})
	}
}

func TestParseExamples(t *testing.T) {
	ents := shippedEntities(t)
	for _, q := range queries.Catalog {
		ex, ok := queries.Examples[q.Name]
		require.True(t, ok, "no example for %s", q.Name)
		got, err := queries.Parse(ex, ents)
		require.NoError(t, err, ex)
		require.Equal(t, q.Name, got.Query, ex)
		require.Contains(t, queries.ErrUnknownQuestion.Error(), ex)
	}
}

// wording is a sentence the catalog shows a user as question q.
type wording struct {
	q    *queries.Query
	text string
}

// catalogWording is every sentence the catalog shows a user as a question
// (dyad queries): each question's example, and its title where the
// question needs no parameter (A, B, node...), so that the title can be
// asked as it stands.
func catalogWording() []wording {
	var out []wording
	for _, q := range queries.Catalog {
		out = append(out, wording{q, q.Ask})
		if len(q.Needs) == 0 {
			out = append(out, wording{q, q.Title})
		}
	}
	return out
}

// TestCatalogWording asks every sentence the catalog shows (catalogWording)
// as it stands, of the shipped data: each is read as its own question with
// no word left unused, and finds something. A new question's example and
// title are covered as they are registered.
func TestCatalogWording(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	b := queries.NewMemory(ds)
	ents, err := b.Entities(context.Background())
	require.NoError(t, err)
	for _, w := range catalogWording() {
		t.Run(string(w.q.Name)+"/"+w.text, func(t *testing.T) {
			req, err := queries.Parse(w.text, ents)
			require.NoError(t, err)
			require.Equal(t, w.q.Name, req.Query)
			require.Empty(t, req.Unused, "read as: %s", req.ReadAs)
			ans, err := queries.Ask(context.Background(), b, w.text)
			require.NoError(t, err)
			require.NotEmpty(t, ans.Findings, "read as: %s", req.ReadAs)
		})
	}
}

func TestParseErrors(t *testing.T) {
	ents := shippedEntities(t)
	tests := []struct {
		q          string
		name, sugg string // an *UnknownNameError, or
		unknown    bool   // ErrUnknownQuestion
	}{
		{q: "What weakened Russia–Japon ties?", name: "Japon", sugg: "Japan"},
		{q: "what weakened ties between russia and japon", name: "japon", sugg: "Japan"},
		{q: "What strengthened Rusia–China relations?", name: "Rusia", sugg: "Russia"},
		{q: "history of Moscow–Tokio ties", name: "Tokio", sugg: "Tokyo"},
		{q: "What weakened Russia–Narnia ties?", name: "Narnia"},
		{q: "How did the Olympics affect Russia–Japan relations?", name: "Olympics"},
		{q: "hello there", unknown: true},
		{q: "", unknown: true},
		{q: "What weakened relations?", unknown: true},
		{q: "Which disputes?", unknown: true},
		{q: "What didn't weaken Russia–Japan ties?", unknown: true},
		{q: "What weakened Russia–Russia ties?", unknown: true},
		{q: "timeline of Moscow–Kremlin relations", unknown: true},
		{q: "What weakened Russia–Japan ties, not directly?", unknown: true},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := queries.Parse(tt.q, ents)
			require.Error(t, err)
			if tt.unknown {
				require.ErrorIs(t, err, queries.ErrUnknownQuestion)
				require.Contains(t, err.Error(), "What factors weakened Russia–Japan ties?")
				return
			}
			var un *queries.UnknownNameError
			require.True(t, errors.As(err, &un), "%v", err)
			require.Equal(t, tt.name, un.Name)
			require.Equal(t, tt.sugg, un.Suggestion)
			if tt.sugg != "" {
				require.True(t, strings.Contains(err.Error(), "did you mean"), err.Error())
			}
		})
	}
	_, err := queries.Parse("What weakened Russia–Japon ties?", ents)
	require.EqualError(t, err, `unknown name "Japon" (did you mean "Japan"?)`)
}
