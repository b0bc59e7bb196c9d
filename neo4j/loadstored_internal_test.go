package neo4j

import "testing"

// TestDigest checks that two sets of properties have one digest exactly
// when Neo4j would store them alike: what a load sends (Go types, lists of
// strings, null values, the marker added by digestWith) against what it
// reads back (int64, []any, no null, the marker stored).
func TestDigest(t *testing.T) {
	for _, tt := range []struct {
		name   string
		sent   map[string]any
		marked bool
		stored map[string]any
		same   bool
	}{
		{"list of strings read back as []any", map[string]any{"id": "x", "aliases": []string{"a", "b"}}, false,
			map[string]any{"id": "x", "aliases": []any{"a", "b"}}, true},
		{"int read back as int64", map[string]any{"year": 2005}, false, map[string]any{"year": int64(2005)}, true},
		{"null is no property", map[string]any{"id": "x", "note": nil}, false, map[string]any{"id": "x"}, true},
		{"the marker added", map[string]any{"id": "x"}, true, map[string]any{"id": "x", Marker: true}, true},
		{"the marker already sent", map[string]any{"id": "x", Marker: true}, true, map[string]any{"id": "x", Marker: true}, true},
		{"the marker missing from what is stored", map[string]any{"id": "x"}, true, map[string]any{"id": "x"}, false},
		{"another value", map[string]any{"name": "Japan"}, false, map[string]any{"name": "Nippon"}, false},
		{"int and float differ", map[string]any{"year": 2005}, false, map[string]any{"year": 2005.0}, false},
		{"string and list differ", map[string]any{"a": "x"}, false, map[string]any{"a": []any{"x"}}, false},
		{"list order matters", map[string]any{"a": []string{"x", "y"}}, false, map[string]any{"a": []any{"y", "x"}}, false},
		{"keys and values do not run together", map[string]any{"ab": "c"}, false, map[string]any{"a": "bc"}, false},
		{"another key", map[string]any{"a": "x"}, false, map[string]any{"b": "x"}, false},
		{"an extra key", map[string]any{"a": "x"}, false, map[string]any{"a": "x", "b": "y"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := digestWith(tt.sent, tt.marked) == digestOf(tt.stored)
			if got != tt.same {
				t.Errorf("same digest: %v, want %v", got, tt.same)
			}
		})
	}
}
