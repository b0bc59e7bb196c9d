package loader_test

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/data"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

// TestReadCompactRefuses checks that a compact form made from other YAML
// files or other types, or not a compact form at all, is refused, so that
// ReadEmbedded falls back to the YAML files.
func TestReadCompactRefuses(t *testing.T) {
	var other bytes.Buffer
	enc := gob.NewEncoder(&other)
	require.NoError(t, enc.Encode(struct {
		Version int
		Digest  string
	}{1, "made from other files"}))
	require.NoError(t, enc.Encode(&graph.Dataset{States: []*graph.State{{Entity: graph.Entity{ID: "RUS", Name: "Russia"}}}}))
	tests := []struct {
		name  string
		in    []byte
		stale bool
	}{
		{"other digest", other.Bytes(), true},
		{"truncated", data.Compact[:len(data.Compact)/2], false},
		{"not gob", []byte("states: []\n"), false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := loader.ReadCompact(tt.in)
			require.Error(t, err)
			assert.Nil(t, ds)
			assert.Equal(t, tt.stale, err == loader.ErrCompactStale, err)
		})
	}
}

// TestReadCompactElementsRefuses checks that a graph made from other YAML
// files or types (another digest or layout in its first line), or not made by
// WriteCompactElements at all, is refused, so that ReadEmbeddedElements
// builds the graph from the dataset instead.
func TestReadCompactElementsRefuses(t *testing.T) {
	head, body, ok := strings.Cut(data.Elements, "\n")
	require.True(t, ok)
	digest, ok := strings.CutPrefix(head, "dyad-elements/1 ")
	require.True(t, ok, head)
	require.Regexp(t, `^crc32:[0-9a-f]{8}$`, digest)
	tests := []struct {
		name  string
		in    string
		stale bool
	}{
		{"other digest", "dyad-elements/1 crc32:00000000\n" + body, true},
		{"other layout", "dyad-elements/2 " + digest + "\n" + body, true},
		{"truncated", data.Elements[:len(data.Elements)/2], false},
		{"a byte more", data.Elements + "\x00", false},
		{"not the form", "states: []\n", true},
		{"empty", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			el, err := loader.ReadCompactElements(tt.in)
			require.Error(t, err)
			assert.Nil(t, el)
			assert.Equal(t, tt.stale, err == loader.ErrCompactStale, err)
		})
	}
}

// TestReadEmbeddedIsYAML checks that what ReadEmbedded returns (the compact
// form when fresh) is the graph of the YAML files.
func TestReadEmbeddedIsYAML(t *testing.T) {
	got, err := loader.ReadEmbedded()
	require.NoError(t, err)
	want, err := loader.ReadEmbeddedYAML()
	require.NoError(t, err)
	assert.Equal(t, want.Elements(), got.Elements())
	assert.Equal(t, want.Counts(), got.Counts())
}

// BenchmarkReadEmbedded compares the compact form with the YAML files it is
// made from. See docs/performance.md.
func BenchmarkReadEmbedded(b *testing.B) {
	for _, bc := range []struct {
		name string
		read func() (*graph.Dataset, error)
	}{
		{"compact", func() (*graph.Dataset, error) { return loader.ReadCompact(data.Compact) }},
		{"yaml", loader.ReadEmbeddedYAML},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bc.read(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzReadCompact feeds ReadCompact damaged forms: it must return an error
// or a dataset, never panic.
func FuzzReadCompact(f *testing.F) {
	f.Add(data.Compact)
	f.Add(data.Compact[:len(data.Compact)/3])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := loader.ReadCompact(b)
		if err == nil && ds == nil {
			t.Fatal("no dataset and no error")
		}
	})
}
