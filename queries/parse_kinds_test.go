package queries_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/queries"
)

// kindCase is a question of one of issue 11's kinds and the parse it must
// give on the shipped dataset.
type kindCase struct {
	q    string
	want queries.Name
	p    queries.Params
}

type kp = queries.Params

// kindCases are several phrasings of each kind.
var kindCases = []kindCase{
	// Effects: a subject or a class of events ("Japan's sanctions").
	{"What did Japan's sanctions do to relations with Russia?", queries.Effects, kp{A: "JPN", B: "RUS", Kind: "sanctions", Actor: "JPN"}},
	{"what have Japanese sanctions done to Russia-Japan ties", queries.Effects, kp{A: "JPN", B: "RUS", Kind: "sanctions", Actor: "JPN"}},
	{"What did Russia's summits do to Sino-Russian relations?", queries.Effects, kp{A: "RUS", B: "CHN", Kind: "summit", Actor: "RUS"}},
	{"What did China's 2001 treaties do to relations with Russia?", queries.Effects, kp{A: "CHN", B: "RUS", Kind: "treaty", Actor: "CHN"}},
	{"What did the 2022 invasion do to Russia–Japan relations?", queries.Effects, kp{A: "RUS", B: "JPN", Node: "e-2022-invasion-of-ukraine"}},
	{"what did territorial nationalism do to Moscow–Tokyo ties", queries.Effects, kp{A: "RUS", B: "JPN", Node: "f-territorial-nationalism"}},
	{"What has the Kuril dispute done to Russia-Japan relations since 1991?", queries.Effects, kp{A: "RUS", B: "JPN", Node: "kuril-dispute", From: 1991}},
	// "How did X affect A–B relations" stays the paths question (same paths).
	{"How did the Crimea annexation affect ties between Moscow and Tokyo?", queries.Paths, kp{A: "RUS", B: "JPN", Node: "e-2014-crimea-annexation"}},
	// Turning: when a relation cooled or warmed.
	{"When did Russia–Japan relations enter a deep freeze?", queries.Turning, kp{A: "RUS", B: "JPN", Sign: -1}},
	{"When did Sino-Russian relations improve?", queries.Turning, kp{A: "CHN", B: "RUS", Sign: 1}},
	{"when did ties between Moscow and Tokyo sour", queries.Turning, kp{A: "RUS", B: "JPN", Sign: -1}},
	{"In what year did Russia and China become closer?", queries.Turning, kp{A: "RUS", B: "CHN", Sign: 1}},
	{"What were the turning points in Russia–Japan relations?", queries.Turning, kp{A: "RUS", B: "JPN"}},
	{"when did relations between Russia and Japan hit a low point", queries.Turning, kp{A: "RUS", B: "JPN", Sign: -1}},
	{"When were Sino-Russian ties at their peak?", queries.Turning, kp{A: "CHN", B: "RUS", Sign: 1}},
	{"When did relations between Japan and Russia start to deteriorate after 2000?", queries.Turning, kp{A: "JPN", B: "RUS", Sign: -1, From: 2001}},
	// About: what an entity is and what its sources say.
	{"What is the Eurasian Economic Union?", queries.About, kp{Node: "e-2015-eaeu-launch"}},
	{"Tell me about the Kuril Islands dispute", queries.About, kp{Node: "kuril-dispute"}},
	{"What did the 1956 declaration say about the islands?", queries.About, kp{Node: "e-1956-joint-declaration"}},
	{"describe the China card", queries.About, kp{Node: "st-china-card"}},
	{"Who is Japan?", queries.About, kp{Node: "JPN"}},
	{"tell me about Russia", queries.About, kp{Node: "RUS"}},
	{"What was the Sochi summit?", queries.About, kp{Node: "e-2016-sochi-summit"}},
	// Backing: the sources behind a claim.
	{"Which sources back the claim that nationalism weakened Russia–Japan ties?", queries.Backing, kp{Node: "f-territorial-nationalism", A: "RUS", B: "JPN", Sign: -1}},
	{"What is the evidence that the China card hurt relations with Japan?", queries.Backing, kp{Node: "st-china-card", A: "JPN", Sign: -1}},
	{"which sources support the claim that the Kuril dispute weakened Moscow-Tokyo relations", queries.Backing, kp{Node: "kuril-dispute", A: "RUS", B: "JPN", Sign: -1}},
	{"Who says the Sochi summit improved Russia–Japan relations?", queries.Backing, kp{Node: "e-2016-sochi-summit", A: "RUS", B: "JPN", Sign: 1}},
	{"what evidence is there that the 2022 invasion of Ukraine hurt Russia-Japan ties", queries.Backing, kp{Node: "e-2022-invasion-of-ukraine", A: "RUS", B: "JPN", Sign: -1}},
	{"sources for the China card's effects", queries.Backing, kp{Node: "st-china-card"}},
	// Parties: a dispute's sides and their positions.
	{"Who are the parties to the Kuril dispute and what are their positions?", queries.Parties, kp{Node: "kuril-dispute"}},
	{"What is Japan's position on the Northern Territories?", queries.Parties, kp{Node: "kuril-dispute", A: "JPN"}},
	{"which states are party to the Senkaku dispute", queries.Parties, kp{Node: "senkaku-dispute"}},
	{"Where does Russia stand on the Kuril Islands dispute?", queries.Parties, kp{Node: "kuril-dispute", A: "RUS"}},
	{"positions of the sides in the Crimea dispute", queries.Parties, kp{Node: "crimea-dispute"}},
	{"What is Japan's stance on the Kurils dispute?", queries.Parties, kp{Node: "kuril-dispute", A: "JPN"}},
	// Change: what ended before a year and what started from it.
	{"What changed in Russia–Japan relations after 2014?", queries.Change, kp{A: "RUS", B: "JPN", Pivot: 2014}},
	{"How did Sino-Russian ties change after 2008?", queries.Change, kp{A: "CHN", B: "RUS", Pivot: 2008}},
	{"how did relations between Moscow and Tokyo change since 2022", queries.Change, kp{A: "RUS", B: "JPN", Pivot: 2022}},
	{"What was different in Russia-China relations before and after 2014?", queries.Change, kp{A: "RUS", B: "CHN", Pivot: 2014}},
	{"what shifted in Russo-Japanese relations post-2016", queries.Change, kp{A: "RUS", B: "JPN", Pivot: 2016}},
	// A comparison over a period stays compare.
	{"How do Russia's relations with Japan and China differ since 2012?", queries.Compare, kp{A: "RUS", Others: []string{"JPN", "CHN"}, From: 2012}},
}

func TestParseKinds(t *testing.T) {
	ents := shippedEntities(t)
	for _, tt := range kindCases {
		t.Run(tt.q, func(t *testing.T) {
			got, err := queries.Parse(tt.q, ents)
			require.NoError(t, err)
			require.Equal(t, tt.want, got.Query)
			require.Equal(t, tt.p, got.Params)
			q, err := queries.Lookup(got.Query)
			require.NoError(t, err)
			p := got.Params
			require.NoError(t, q.Check(&p))
		})
	}
}
