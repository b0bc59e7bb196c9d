package gen_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/loader"
)

func TestDatasetValid(t *testing.T) {
	for _, cfg := range []gen.Config{
		{States: 2, Events: 0, Claims: 10, Seed: 1},
		{States: 30, Events: 200, Claims: 1000, Seed: 1},
		{States: 300, Events: 2000, Claims: 5000, Seed: 7},
		gen.ForElements(10000, 1),
	} {
		ds := gen.Dataset(cfg)
		require.Empty(t, ds.Validate(), "config %+v", cfg)
		assert.Len(t, ds.States, max(cfg.States, 2))
		assert.Len(t, ds.Events, cfg.Events)
		assert.Len(t, ds.Claims, cfg.Claims)
	}
}

func TestDatasetDeterministic(t *testing.T) {
	cfg := gen.Config{States: 20, Events: 100, Claims: 300, Seed: 42}
	a, b := gen.Dataset(cfg).Elements(), gen.Dataset(cfg).Elements()
	assert.Equal(t, a, b)
	cfg.Seed = 43
	assert.NotEqual(t, a, gen.Dataset(cfg).Elements())
}

func TestForElements(t *testing.T) {
	for _, n := range []int{10000, 100000} {
		got := gen.Dataset(gen.ForElements(n, 1)).Elements().Len()
		assert.InDelta(t, n, got, 0.02*float64(n), "ForElements(%d)", n)
	}
}

func TestNodeHeavy(t *testing.T) {
	for _, n := range []int{10000, 100000} {
		ds := gen.Dataset(gen.NodeHeavy(n, 1))
		el := ds.Elements()
		assert.InDelta(t, n, el.Len(), 0.02*float64(n), "NodeHeavy(%d)", n)
		assert.InDelta(t, 0.8, float64(len(el.Nodes))/float64(el.Len()), 0.03, "NodeHeavy(%d): share of nodes", n)
		if n == 10000 {
			require.Empty(t, ds.Validate())
		}
	}
}

func TestStateID(t *testing.T) {
	assert.Equal(t, "AAA", gen.StateID(0))
	assert.Equal(t, "AAB", gen.StateID(1))
	assert.Equal(t, "ABA", gen.StateID(26))
	assert.Equal(t, "ZZZ", gen.StateID(gen.MaxStates-1))
}

func TestWriteYAMLRoundTrip(t *testing.T) {
	ds := gen.Dataset(gen.Config{States: 25, Events: 150, Claims: 600, Seed: 3})
	dir := t.TempDir()
	require.NoError(t, gen.WriteYAML(dir, ds))
	back, err := loader.ReadDir(dir)
	require.NoError(t, err)
	assert.Equal(t, ds.Elements(), back.Elements())
	assert.Equal(t, ds.Counts(), back.Counts())
	assert.Len(t, back.Claims, len(ds.Claims))

	// A second write into the same folder is refused.
	assert.Error(t, gen.WriteYAML(dir, ds))
}

func TestWriteYAMLSplitsLongLists(t *testing.T) {
	ds := gen.Dataset(gen.Config{States: 10, Events: 10, Claims: gen.FileRecords + 10, Seed: 1})
	dir := t.TempDir()
	require.NoError(t, gen.WriteYAML(dir, ds))
	back, err := loader.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, back.Claims, len(ds.Claims))
}
