package dynamics_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/dynamics"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./dynamics -update to create it")
	assert.Equal(t, string(want), string(got), "the series changed; if on purpose, run go test ./dynamics -update and read the diff")
}

func TestTrajectoryGolden(t *testing.T) {
	ds := fixture(t)
	tests := []struct {
		golden, relation string
		span             dynamics.Span
	}{
		// 1990 is cut to 1991, when Russia began.
		{"rus-jpn-1990-1996.golden", "RUS-JPN", dynamics.Span{From: 1990, To: 1996}},
		// The default span: the first year a claim or marker names (1992,
		// c-trade; c-islands has no start) to the last the data names (2001).
		{"rus-jpn-default.golden", "JPN-RUS", dynamics.Span{}},
		// The Soviet relation ends with the Soviet Union.
		{"sun-jpn-1989-1993.golden", "SUN-JPN", dynamics.Span{From: 1989, To: 1993}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			r, err := dynamics.Resolve(ds, tt.relation)
			require.NoError(t, err)
			s, err := dynamics.Trajectory(ds, r, tt.span)
			require.NoError(t, err)
			b, err := json.MarshalIndent(s, "", "  ")
			require.NoError(t, err)
			golden(t, tt.golden, append(b, '\n'))
		})
	}
}

// TestTrajectoryByHand checks the series the golden file pins against
// values worked out by hand from the fixture's comments.
func TestTrajectoryByHand(t *testing.T) {
	ds := fixture(t)
	s, err := dynamics.Trajectory(ds, ds.Relation("RUS-JPN"), dynamics.Span{From: 1990, To: 1996})
	require.NoError(t, err)
	assert.Equal(t, 1991, s.From)
	assert.Equal(t, 1996, s.To)
	want := map[int][3]float64{ // strength, weakness, balance
		1991: {0, 0.375, -0.375},
		1992: {1, 0.375, 0.625},
		1993: {2.5, 0.375, 2.125},
		1994: {2.5, 0, 2.5},
		1995: {1, 2, -1},
		1996: {1, 2, -1},
	}
	require.Len(t, s.Years, len(want))
	for _, y := range s.Years {
		assert.Equal(t, want[y.Year], [3]float64{y.Strength, y.Weakness, y.Balance}, "year %d", y.Year)
	}
	assert.Equal(t, []string{"c-summit", "c-trade"}, s.Years[2].Strengthening, "1993, sorted by id")
	assert.Equal(t, []string{"c-islands"}, s.Years[2].Weakening, "1993")
	assert.Equal(t, []string{"c-undated"}, s.Undated)
	var ids []string
	for _, m := range s.Events {
		ids = append(ids, m.ID)
	}
	// The summit involves both; the war only Russia and China, but a claim
	// on RUS-JPN names it; the 2001 visit is outside the span.
	assert.Equal(t, []string{"e-summit", "e-war"}, ids)
}

func TestTrajectoryNoYears(t *testing.T) {
	ds := fixture(t)
	_, err := dynamics.Trajectory(ds, ds.Relation("RUS-JPN"), dynamics.Span{From: 1950, To: 1960})
	require.Error(t, err)
	assert.Equal(t, "RUS-JPN: no year to plot in 1950–1960 (the relation exists 1991–)", err.Error())
}

func TestWeight(t *testing.T) {
	tests := []struct {
		name      string
		evidence  []graph.Citation
		contested bool
		want      float64
	}{
		{"one argued source", []graph.Citation{argued("a")}, false, 1},
		{"one reported source", []graph.Citation{reported("a")}, false, 0.75},
		{"argued and reported by another", []graph.Citation{argued("a"), reported("b")}, false, 1.5},
		{"one source cited twice", []graph.Citation{argued("a"), reported("a")}, false, 1},
		{"three sources", []graph.Citation{argued("a"), argued("b"), argued("c")}, false, 2},
		{"contested", []graph.Citation{argued("a")}, true, 0.5},
		{"reported and contested", []graph.Citation{reported("a")}, true, 0.375},
		{"two reported, contested", []graph.Citation{reported("a"), reported("b")}, true, 0.5625},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &graph.Claim{ID: "c", Evidence: tt.evidence}
			if tt.contested {
				c.ContestedBy = []graph.Citation{argued("z")}
			}
			assert.Equal(t, tt.want, dynamics.Weight(c, nil))
		})
	}
}

func TestResolve(t *testing.T) {
	ds := fixture(t)
	tests := []struct{ arg, want, err string }{
		{"RUS-JPN", "RUS-JPN", ""},
		{"rus-jpn", "RUS-JPN", ""},
		{"JPN-RUS", "RUS-JPN", ""},
		{"Japan–Russia", "RUS-JPN", ""},
		{"Russian Federation, Japan", "RUS-JPN", ""},
		{"CHN/RUS", "RUS-CHN", ""},
		{"CHN-JPN", "", "no relation between China and Japan in the dataset"},
		{"RUS", "", `no relation "RUS": give a relation id such as RUS-JPN, or two states such as JPN-RUS`},
		{"RUS-XYZ", "", `no relation "RUS-XYZ"`},
	}
	for _, tt := range tests {
		t.Run(tt.arg, func(t *testing.T) {
			r, err := dynamics.Resolve(ds, tt.arg)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.ID)
		})
	}
}

// TestShippedData checks the trajectories of the data built into dyad: the
// 2022 turn in Russia–Japan relations shows as a negative balance.
func TestShippedData(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	r, err := dynamics.Resolve(ds, "Japan-Russia")
	require.NoError(t, err)
	s, err := dynamics.Trajectory(ds, r, dynamics.Span{From: 2021, To: 2022})
	require.NoError(t, err)
	require.Len(t, s.Years, 2)
	assert.Greater(t, s.Years[0].Balance, 0.0, "2021")
	assert.Less(t, s.Years[1].Balance, 0.0, "2022")
	assert.Contains(t, s.Years[1].Weakening, "c-invasion-weakens-rus-jpn")
}

// FuzzResolve checks that any argument either names a relation of the
// dataset or gives an error, never a panic or a relation from elsewhere.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"RUS-JPN", "jpn-rus", "Japan–Russia", "CHN/RUS", "-", "–,–", "RUS--JPN", ""} {
		f.Add(s)
	}
	ds := fixture(f)
	f.Fuzz(func(t *testing.T, arg string) {
		r, err := dynamics.Resolve(ds, arg)
		if err != nil {
			require.Nil(t, r)
			return
		}
		require.Same(t, ds.Relation(r.ID), r)
	})
}
