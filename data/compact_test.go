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

const regenerateElements = "data/elements.bin is stale: run\n\n\tgo generate ./data\n\nand commit data/elements.bin"

// TestElementsFresh fails when data/elements.bin is not byte for byte what
// go generate writes now: after a YAML file, a graph type or the way a
// dataset's graph is built (graph.Dataset.Elements) changed.
func TestElementsFresh(t *testing.T) {
	_, err := loader.ReadCompactElements(data.Elements)
	if errors.Is(err, loader.ErrCompactStale) {
		t.Fatal(regenerateElements)
	}
	require.NoError(t, err)
	ds, err := loader.ReadEmbeddedYAML()
	require.NoError(t, err, "the shipped dataset is invalid")
	var want bytes.Buffer
	require.NoError(t, loader.WriteCompactElements(&want, ds.Elements()))
	if want.String() != data.Elements {
		t.Fatal(regenerateElements)
	}
}

// TestElementsSameGraph checks that the embedded graph is the graph the
// YAML files give, node for node and edge for edge with every property and
// its Go type, and that it is what `dyad ask` reads.
func TestElementsSameGraph(t *testing.T) {
	fromYAML, err := loader.ReadEmbeddedYAML()
	require.NoError(t, err)
	fromBinary, err := loader.ReadCompactElements(data.Elements)
	require.NoError(t, err, regenerateElements)
	require.Equal(t, fromYAML.Elements(), fromBinary)
	embedded, err := loader.ReadEmbeddedElements()
	require.NoError(t, err)
	require.Equal(t, fromBinary, embedded)
}
