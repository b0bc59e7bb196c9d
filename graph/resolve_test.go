package graph_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
)

func resolveFixture() *graph.Dataset {
	st := func(id, name string, aliases ...string) *graph.State {
		return &graph.State{Entity: graph.Entity{ID: id, Name: name, Aliases: aliases}}
	}
	rel := func(a, b, name string) *graph.Relation {
		return &graph.Relation{Entity: graph.Entity{ID: a + "-" + b, Name: name}, States: [2]string{a, b}}
	}
	return &graph.Dataset{
		States: []*graph.State{
			st("RUS", "Russia", "Russian Federation"), st("JPN", "Japan"), st("CHN", "China", "PRC"),
			st("GNB", "Guinea-Bissau"), st("UKR", "Ukraine"),
		},
		Relations: []*graph.Relation{
			rel("RUS", "JPN", "Russia–Japan relations"), rel("RUS", "CHN", "Russia–China relations"),
			rel("GNB", "CHN", "Guinea-Bissau–China relations"),
		},
	}
}

// TestResolveRelation checks that a relation is found by its canonical id,
// the reverse order, names and aliases of either state, and that a miss is
// ENOTFOUND with a suggestion when one is near.
func TestResolveRelation(t *testing.T) {
	ds := resolveFixture()
	tests := []struct{ arg, want, err string }{
		{"RUS-JPN", "RUS-JPN", ""},
		{"rus-jpn", "RUS-JPN", ""},
		{" JPN-RUS ", "RUS-JPN", ""},
		{"jpn-rus", "RUS-JPN", ""},
		{"Japan–Russia", "RUS-JPN", ""},
		{"Russian Federation, Japan", "RUS-JPN", ""},
		{"PRC/RUS", "RUS-CHN", ""},
		{"Russia–Japan relations", "RUS-JPN", ""},
		{"China-Guinea-Bissau", "GNB-CHN", ""},
		{"Guinea-Bissau–China", "GNB-CHN", ""},
		{"RUS-JPX", "", `no relation "RUS-JPX" (did you mean "RUS-JPN"?)`},
		{"JPX-RUS", "", `no relation "JPX-RUS" (did you mean "RUS-JPN"?)`},
		{"Japn–Russia", "", `(did you mean "RUS-JPN"?)`},
		{"JPN-RSU", "", `(did you mean "RUS-JPN"?)`},
		{"CHN-JPN", "", "no relation between China and Japan in the dataset (China has RUS-CHN, GNB-CHN; Japan has RUS-JPN)"},
		{"UKR-JPN", "", "no relation between Ukraine and Japan in the dataset (Japan has RUS-JPN)"},
		{"RUS-RUS", "", "no relation between Russia and itself"},
		{"RUS", "", `no relation "RUS": give a relation id such as RUS-JPN, or two states such as JPN-RUS`},
		{"", "", `no relation ""`},
		{"XYZ-QQQ", "", `no relation "XYZ-QQQ": give`},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			r, err := graph.ResolveRelation(ds, tt.arg)
			if tt.err != "" {
				require.Error(t, err)
				assert.Nil(t, r)
				assert.Contains(t, err.Error(), tt.err)
				assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.ID)
		})
	}
}

// FuzzResolveRelation checks that any argument gives a relation of the
// dataset or an ENOTFOUND error, never a panic.
func FuzzResolveRelation(f *testing.F) {
	for _, s := range []string{"RUS-JPN", "jpn-rus", "Japan–Russia", "PRC/RUS", "-", "–,–", "RUS--JPN", "", "Guinea-Bissau-China"} {
		f.Add(s)
	}
	ds := resolveFixture()
	f.Fuzz(func(t *testing.T, arg string) {
		r, err := graph.ResolveRelation(ds, arg)
		if err != nil {
			require.Nil(t, r)
			require.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
			return
		}
		require.Same(t, ds.Relation(r.ID), r)
	})
}
