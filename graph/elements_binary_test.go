package graph

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// binaryCases are graphs holding every kind of value the binary form
// writes, and the edge cases of each: nil and empty maps and lists, negative
// and large integers, empty and non-ASCII strings.
var binaryCases = map[string]*Elements{
	"empty": {},
	"nodes and edges": {
		Nodes: []Node{
			{Label: LabelState, ID: "rus", Props: map[string]any{"id": "rus", "name": "Russia", "aliases": []string{"Russian Federation", "РФ"}, "from_year": int64(1991)}},
			{Label: LabelEvent, ID: "e", Props: map[string]any{"id": "e", "from_year": int64(-500), "big": int64(1) << 62, "min": int64(-1) << 63, "zero": int64(0), "yes": true, "no": false}},
			{Label: LabelRegion, ID: "nil-props"},
			{Label: LabelRegion, ID: "empty-props", Props: map[string]any{}},
		},
		Edges: []Edge{
			{Type: RelWeakens, ID: "c1", From: "e", To: "rus", Props: map[string]any{"id": "c1", "summary": "", "sources": []string{}, "modes": []string(nil), "locators": []string{"", "p. 3"}}},
			{Type: RelSupports, ID: "s", From: "", To: "rus"},
		},
	},
}

// TestElementsBinaryRoundTrip checks that ParseElements gives back what
// AppendBinary was given, types included, and that the form is the same
// bytes every time (map order does not leak into it).
func TestElementsBinaryRoundTrip(t *testing.T) {
	for name, el := range binaryCases {
		t.Run(name, func(t *testing.T) {
			b, err := el.AppendBinary(nil)
			require.NoError(t, err)
			got, err := ParseElements(string(b))
			require.NoError(t, err)
			want := *el
			if want.Nodes == nil {
				want.Nodes = []Node{}
			}
			if want.Edges == nil {
				want.Edges = []Edge{}
			}
			require.Equal(t, &want, got)
			for range 5 {
				again, err := el.AppendBinary(nil)
				require.NoError(t, err)
				require.Equal(t, b, again)
			}
		})
	}
}

// TestElementsBinaryUnknownType checks that a property no graph holds is
// refused when writing, naming the element and the property.
func TestElementsBinaryUnknownType(t *testing.T) {
	el := &Elements{Nodes: []Node{{Label: LabelState, ID: "x", Props: map[string]any{"weight": 1.5}}}}
	_, err := el.AppendBinary(nil)
	require.EqualError(t, err, `node x: property "weight": a float64 has no binary form`)
}

// TestElementsBinaryTruncated checks that every cut of a valid form, and
// the form with a byte more, is refused with an error rather than a panic
// or a partial graph.
func TestElementsBinaryTruncated(t *testing.T) {
	b, err := binaryCases["nodes and edges"].AppendBinary(nil)
	require.NoError(t, err)
	for n := range len(b) {
		_, err := ParseElements(string(b[:n]))
		require.ErrorIs(t, err, errElementsBinary, "cut at %d of %d bytes", n, len(b))
	}
	_, err = ParseElements(string(b) + "\x00")
	require.ErrorIs(t, err, errElementsBinary)
}

// FuzzParseElements checks that no input makes ParseElements panic, and
// that a graph it accepts survives writing and reading again unchanged.
func FuzzParseElements(f *testing.F) {
	for _, el := range binaryCases {
		b, err := el.AppendBinary(nil)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(strings.Repeat("\xff", 12)))
	f.Fuzz(func(t *testing.T, b []byte) {
		el, err := ParseElements(string(b))
		if err != nil {
			return
		}
		again, err := el.AppendBinary(nil)
		require.NoError(t, err)
		back, err := ParseElements(string(again))
		require.NoError(t, err)
		require.Equal(t, el, back)
	})
}
