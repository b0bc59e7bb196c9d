package graphml

import (
	"io"

	"github.com/dyad-kg/dyad/graph"
)

// dyadKeys is every property graph.Dataset.Elements writes, with its type.
// A test checks it against the datasets, so a new property cannot be
// forgotten here.
var dyadKeys = []Key{
	{ForNode, "id", String, false},
	{ForNode, "name", String, false},
	{ForNode, "short", String, false},
	{ForNode, "aliases", String, true},
	{ForNode, "description", String, false},
	{ForNode, "capital", String, false},
	{ForNode, "adjectives", String, true},
	{ForNode, "actors", String, true},
	{ForNode, "cow", Long, false},
	{ForNode, "existed_from", String, false},
	{ForNode, "existed_from_year", Long, false},
	{ForNode, "existed_to", String, false},
	{ForNode, "existed_to_year", Long, false},
	{ForNode, "sources", String, true},
	{ForNode, "locators", String, true},
	{ForNode, "modes", String, true},
	{ForNode, "scope", String, false},
	{ForNode, "since", String, false},
	{ForNode, "date", String, false},
	{ForNode, "date_precision", String, false},
	{ForNode, "year", Long, false},
	{ForNode, "kind", String, false},
	{ForNode, "from", String, false},
	{ForNode, "from_year", Long, false},
	{ForNode, "to", String, false},
	{ForNode, "to_year", Long, false},
	{ForNode, "period", String, false},
	{ForNode, "states", String, true},
	{ForNode, "authors", String, true},
	{ForNode, "publisher", String, false},
	{ForNode, "published", String, false},
	{ForNode, "url", String, false},
	{ForNode, "effect", String, false},
	{ForNode, "summary", String, false},
	{ForNode, "contested", Boolean, false},

	{ForEdge, "id", String, false},
	{ForEdge, "position", String, false},
	{ForEdge, "sources", String, true},
	{ForEdge, "locators", String, true},
	{ForEdge, "modes", String, true},
	{ForEdge, "roles", String, true},
	{ForEdge, "from", String, false},
	{ForEdge, "from_year", Long, false},
	{ForEdge, "to", String, false},
	{ForEdge, "to_year", Long, false},
	{ForEdge, "period", String, false},
	{ForEdge, "summary", String, false},
	{ForEdge, "contested", Boolean, false},
	{ForEdge, "contested_sources", String, true},
	{ForEdge, "contested_locators", String, true},
	{ForEdge, "contested_modes", String, true},
	{ForEdge, "locator", String, false},
	{ForEdge, "mode", String, false},
	{ForEdge, "role", String, false},
	{ForEdge, "citation_note", String, false},
	{ForEdge, "edge", String, false},
}

// DyadKeys returns the keys of every property Dyad's graph has. Every
// export declares all of them, used or not, so that exports of the same
// graph from the dataset and from Neo4j (where the keys must be declared
// before the first node is read) are the same bytes.
func DyadKeys() []Key {
	out := make([]Key, len(dyadKeys))
	copy(out, dyadKeys)
	return out
}

var known = func() map[Domain]map[string]bool {
	m := map[Domain]map[string]bool{ForNode: {}, ForEdge: {}}
	for _, k := range dyadKeys {
		m[k.For][k.Name] = true
	}
	return m
}()

func knownKey(d Domain, name string) bool { return known[d][name] }

// KeysFor returns DyadKeys plus a key for every other property in el, typed
// by its values (a property whose values differ in type is a string).
func KeysFor(el *graph.Elements) []Key {
	keys := DyadKeys()
	extra := map[Domain]map[string]Key{ForNode: {}, ForEdge: {}}
	note := func(d Domain, props map[string]any) {
		for name, v := range props {
			if v == nil || knownKey(d, name) || Omitted(d, name) {
				continue
			}
			k := inferKey(d, name, v)
			if old, ok := extra[d][name]; ok && old != k {
				k = Key{For: d, Name: name, Type: String}
			}
			extra[d][name] = k
		}
	}
	for _, n := range el.Nodes {
		note(ForNode, n.Props)
	}
	for _, e := range el.Edges {
		note(ForEdge, e.Props)
	}
	for _, d := range []Domain{ForNode, ForEdge} {
		for _, k := range extra[d] {
			keys = append(keys, k) // NewWriter sorts them
		}
	}
	return keys
}

func inferKey(d Domain, name string, v any) Key {
	k := Key{For: d, Name: name, Type: String}
	switch x := v.(type) {
	case bool:
		k.Type = Boolean
	case int64, int, int32, int16, int8:
		k.Type = Long
	case float64, float32:
		k.Type = Double
	case []string:
		k.List = true
	case []int64:
		k.Type, k.List = Long, true
	case []bool:
		k.Type, k.List = Boolean, true
	case []float64:
		k.Type, k.List = Double, true
	case []any:
		k.List = true
		if len(x) > 0 {
			if e := inferKey(d, name, x[0]); !e.List {
				k.Type = e.Type
				for _, y := range x[1:] {
					if inferKey(d, name, y).Type != e.Type {
						k.Type = String
					}
				}
			}
		}
	}
	return k
}

// WriteElements writes el as one Standard GraphML document, nodes then
// edges in their order, declaring KeysFor(el).
func WriteElements(w io.Writer, el *graph.Elements) error {
	return WriteElementsFlavor(w, el, Standard)
}

// WriteElementsFlavor is WriteElements writing flavor f.
func WriteElementsFlavor(w io.Writer, el *graph.Elements, f Flavor) error {
	gw := NewFlavorWriter(w, f, KeysFor(el)...)
	for _, n := range el.Nodes {
		if err := gw.WriteNode(n); err != nil {
			return err
		}
	}
	for _, e := range el.Edges {
		if err := gw.WriteEdge(e); err != nil {
			return err
		}
	}
	return gw.Close()
}
