package queries_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/queries"
)

// TestParseContrast checks the article's own question in several wordings:
// who chose (the hub), whom (chosen) and over whom (passed over).
func TestParseContrast(t *testing.T) {
	ents := shippedEntities(t)
	want := queries.Params{A: "RUS", B: "CHN", Others: []string{"JPN"}}
	for _, q := range []string{
		"Why did China rather than Japan become Russia's main partner in Asia?",
		"Why China and not Japan?",
		"Why did Moscow choose Beijing over Tokyo?",
		"Why is China, not Japan, Russia's main partner?",
		"Why did Russia pick China instead of Japan as its partner in Asia?",
		"why did the Kremlin favour Beijing rather than Tokyo",
		"Why did Russia's Asia policy centre on China instead of Japan?",
	} {
		t.Run(q, func(t *testing.T) {
			got, err := queries.Parse(q, ents)
			require.NoError(t, err)
			require.Equal(t, queries.Contrast, got.Query)
			require.Equal(t, want, got.Params)
		})
	}
	// A "not" that is not a contrast is still refused.
	_, err := queries.Parse("What didn't weaken Russia–Japan ties?", ents)
	require.ErrorIs(t, err, queries.ErrUnknownQuestion)
}

// TestParseTrajectory: how a relation changed over time is read as its
// turning points (the text names the command that draws the trajectory);
// a relation's history stays the timeline.
func TestParseTrajectory(t *testing.T) {
	ents := shippedEntities(t)
	for _, tt := range []struct {
		q    string
		want queries.Name
	}{
		{"How have Russia–Japan relations changed over time?", queries.Turning},
		{"How did Sino-Russian ties evolve over the years?", queries.Turning},
		{"What was the trajectory of Russia–Japan relations?", queries.Turning},
		{"Russia–Belarus relations over time", queries.Timeline},
		{"What changed in Russia–Japan relations after 2014?", queries.Change},
	} {
		got, err := queries.Parse(tt.q, ents)
		require.NoError(t, err, tt.q)
		require.Equal(t, tt.want, got.Query, tt.q)
	}
}
