package data_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/data"
	"github.com/dyad-kg/dyad/loader"
)

const regenerate = "data/dataset.gob is stale: run\n\n\tgo generate ./data\n\nand commit data/dataset.gob"

// TestCompactFresh fails when data/dataset.gob was not rewritten after a
// YAML file, the compact layout or a graph type changed: it must be
// byte for byte what go generate writes now.
func TestCompactFresh(t *testing.T) {
	_, err := loader.ReadCompact(data.Compact)
	if errors.Is(err, loader.ErrCompactStale) {
		t.Fatal(regenerate)
	}
	require.NoError(t, err)
	ds, err := loader.ReadEmbeddedYAML()
	require.NoError(t, err, "the shipped dataset is invalid")
	var want bytes.Buffer
	require.NoError(t, loader.WriteCompact(&want, ds))
	if !bytes.Equal(want.Bytes(), data.Compact) {
		t.Fatal(regenerate)
	}
}

// TestCompactSameGraph checks that the compact form gives the graph the
// YAML files give, element for element, and loses no field: decoding and
// encoding again gives the same bytes.
func TestCompactSameGraph(t *testing.T) {
	fromYAML, err := loader.ReadEmbeddedYAML()
	require.NoError(t, err)
	fromCompact, err := loader.ReadCompact(data.Compact)
	require.NoError(t, err, regenerate)
	require.Equal(t, fromYAML.Elements(), fromCompact.Elements())
	require.Equal(t, fromYAML.IDs(), fromCompact.IDs())
	var again bytes.Buffer
	require.NoError(t, loader.WriteCompact(&again, fromCompact))
	require.Equal(t, data.Compact, again.Bytes())
}
