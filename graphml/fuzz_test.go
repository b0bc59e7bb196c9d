package graphml

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

// FuzzWriteElements checks that whatever strings a dataset holds (ids,
// names, descriptions, summaries, aliases, even a property's name: XML's
// special characters, ']]>', control characters, U+FFFE, bytes that are not
// UTF-8), every flavor's export is well-formed XML that a strict parser
// reads to the end, and that it round-trips: reading it back gives every
// node and edge in order, with its id, ends, label, type and each property,
// as Sanitize documents (characters XML cannot carry become U+FFFD; lists
// are JSON arrays of such strings). Run it with:
//
//	go test ./graphml -run '^$' -fuzz FuzzWriteElements -fuzztime 1m -fuzzminimizetime 10s
//
// (-fuzzminimizetime bounds the shrinking of a failing input, 60s by
// default; scripts/fuzz runs every target a few seconds in CI.)
func FuzzWriteElements(f *testing.F) {
	// Part of the shipped small dataset, so that each run is quick: RUS, a
	// node of each label its edges reach, and a claim.
	small := Subgraph(readSmall(f), map[string]bool{"RUS": true, "SUN": true, "rfe": true, "kurils": true,
		"invasion-2022": true, "china-card": true, "RUS-JPN": true, "JPN": true})
	hasEdge := slices.ContainsFunc(small.Edges, func(e graph.Edge) bool { return e.ID == "c-china-card-weakens-rus-jpn" })
	if len(small.Nodes) != 8 || !hasEdge {
		f.Fatalf("the base graph lacks what the fuzzer changes: %d nodes, claim %v", len(small.Nodes), hasEdge)
	}
	// The shipped strings, then ones that break naive writers.
	f.Add("RUS", "Russia", "Kuril Islands dispute", "Using China as leverage made Tokyo wary.", "c-china-card-weakens-rus-jpn", "Russian Federation", "capital")
	f.Add("RUS-JPN", "Russia–Japan relations", "line1\nline2\n", "The four islands are Japan's inherent territory <illegally occupied> & must be returned.", "PARTY_TO:JPN:kurils", "Northern Territories", "x")
	f.Add("a]]>b", "<![CDATA[x]]>", "]]>", "]]]]><![CDATA[>", "e]]>", "]]>", "a]]>")
	f.Add("\x00", "\x01\x1f\x7f", "\xff\xfe", "\xed\xa0\x80", "\uFFFE\uFFFF", "\xc0\x80", "\x00")
	f.Add("A&<\"'>", "&amp; &#0; &#xD800; &lt;", "\r\n\r", "\t tab \t", "\"'<>&", `["x"]`, "a b")
	f.Add("", "", "", "", "", "", "")
	f.Add(" lead", "trail ", "\u2028\u2029\u0085", "\uFEFFbom", "日本 🗾", "\\\"\\n", "name")
	f.Add("JPN", "Japan", "d", "s", "c-kurils-weakens-rus-jpn", "a", "id")
	f.Fuzz(func(t *testing.T, id, name, description, summary, edgeID, alias, prop string) {
		el := fuzzElements(small, id, name, description, summary, edgeID, alias, prop)
		for _, flavor := range []Flavor{Standard, APOC, Gephi} {
			var buf bytes.Buffer
			if err := WriteElementsFlavor(&buf, el, flavor); err != nil {
				t.Fatalf("%s: %v", flavor, err)
			}
			doc, err := readDocument(buf.Bytes())
			if err != nil {
				t.Fatalf("%s: the export is not well-formed XML: %v\n%s", flavor, err, buf.Bytes())
			}
			if err := roundTrips(el, doc, flavor); err != nil {
				t.Fatalf("%s: %v", flavor, err)
			}
		}
	})
}

// fuzzElements is small with the fuzzer's strings put in: RUS's id (and
// every edge end that names it), name, aliases and a property named prop;
// an event's description; a claim's id, summary and prop.
func fuzzElements(small *graph.Elements, id, name, description, summary, edgeID, alias, prop string) *graph.Elements {
	reserved := prop == LabelsKey || prop == TypeKey || prop == Marker || knownKey(ForNode, prop) || knownKey(ForEdge, prop)
	el := &graph.Elements{Nodes: slices.Clone(small.Nodes), Edges: slices.Clone(small.Edges)}
	for i, n := range el.Nodes {
		n.Props = maps.Clone(n.Props)
		switch n.ID {
		case "RUS":
			n.ID = id
			n.Props["id"], n.Props["name"], n.Props["aliases"] = id, name, []string{alias, name}
			if !reserved {
				n.Props[prop] = description
			}
		case "invasion-2022":
			n.Props["description"] = description
		}
		el.Nodes[i] = n
	}
	for i, e := range el.Edges {
		e.Props = maps.Clone(e.Props)
		if e.ID == "c-china-card-weakens-rus-jpn" {
			e.ID = edgeID
			e.Props["id"], e.Props["summary"] = edgeID, summary
			if !reserved {
				e.Props[prop] = []string{summary, alias}
			}
		}
		if e.From == "RUS" {
			e.From = id
		}
		if e.To == "RUS" {
			e.To = id
		}
		el.Edges[i] = e
	}
	return el
}

// element is a node or an edge read back from a document: its XML
// attributes and its data by key name.
type element struct {
	attrs map[string]string
	data  map[string]string
}

// document is what a strict XML parser reads back from an export.
type document struct {
	keys  map[string]string // key id -> attr.name
	nodes []element
	edges []element
}

// readDocument reads an export with encoding/xml in strict mode, to the end.
func readDocument(b []byte) (document, error) {
	doc := document{keys: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	var cur *element
	var key string
	var text []byte
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return doc, nil
		}
		if err != nil {
			return doc, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range tk.Attr {
				a[at.Name.Local] = at.Value
			}
			switch tk.Name.Local {
			case "key":
				doc.keys[a["id"]] = a["attr.name"]
			case "node":
				doc.nodes = append(doc.nodes, element{attrs: a, data: map[string]string{}})
				cur = &doc.nodes[len(doc.nodes)-1]
			case "edge":
				doc.edges = append(doc.edges, element{attrs: a, data: map[string]string{}})
				cur = &doc.edges[len(doc.edges)-1]
			case "data":
				key, text = a["key"], text[:0]
			}
		case xml.CharData:
			text = append(text, tk...)
		case xml.EndElement:
			if tk.Name.Local == "data" {
				name, ok := doc.keys[key]
				if !ok {
					return doc, fmt.Errorf("data for undeclared key %q", key)
				}
				if _, dup := cur.data[name]; dup {
					return doc, fmt.Errorf("%q: two data for %q", cur.attrs["id"], name)
				}
				cur.data[name] = string(text)
			}
		}
	}
}

// roundTrips checks that doc holds el as documented.
func roundTrips(el *graph.Elements, doc document, flavor Flavor) error {
	if len(doc.nodes) != len(el.Nodes) || len(doc.edges) != len(el.Edges) {
		return fmt.Errorf("read back %d nodes and %d edges, wrote %d and %d", len(doc.nodes), len(doc.edges), len(el.Nodes), len(el.Edges))
	}
	for i, n := range el.Nodes {
		got := doc.nodes[i]
		if got.attrs["id"] != Sanitize(n.ID) {
			return fmt.Errorf("node %d: id %q, want %q", i, got.attrs["id"], Sanitize(n.ID))
		}
		want := map[string]any{LabelsKey: ":" + string(n.Label)}
		if err := sameData(ForNode, n.Props, want, got.data); err != nil {
			return fmt.Errorf("node %q: %w", n.ID, err)
		}
	}
	kinds := map[edgeKind]bool{}
	for i, e := range el.Edges {
		got := doc.edges[i]
		want := map[string]string{"id": Sanitize(e.ID), "source": Sanitize(e.From), "target": Sanitize(e.To)}
		if flavor == Gephi {
			want["label"] = Sanitize(string(e.Type))
			if k := (edgeKind{e.From, e.To, e.Type}); kinds[k] {
				want["label"] = Sanitize(string(e.Type) + " " + e.ID)
			} else {
				kinds[k] = true
			}
		}
		if !maps.Equal(got.attrs, want) {
			return fmt.Errorf("edge %d: attributes %q, want %q", i, got.attrs, want)
		}
		if err := sameData(ForEdge, e.Props, map[string]any{TypeKey: string(e.Type)}, got.data); err != nil {
			return fmt.Errorf("edge %q: %w", e.ID, err)
		}
	}
	return nil
}

// sameData checks that the data read back are props (and extra), as
// Sanitize and the JSON lists document them.
func sameData(d Domain, props, extra map[string]any, got map[string]string) error {
	want := map[string]any{}
	for k, v := range props {
		if v != nil && !Omitted(d, k) {
			want[Sanitize(k)] = v
		}
	}
	maps.Copy(want, extra)
	if len(got) != len(want) {
		return fmt.Errorf("read back %d properties %q, wrote %d", len(got), slices.Sorted(maps.Keys(got)), len(want))
	}
	for k, v := range want {
		text, ok := got[k]
		if !ok {
			return fmt.Errorf("property %q not read back", k)
		}
		if err := sameValue(v, text); err != nil {
			return fmt.Errorf("property %q: %w", k, err)
		}
	}
	return nil
}

// sameValue checks that text is how v reads back.
func sameValue(v any, text string) error {
	var want string
	switch x := v.(type) {
	case string:
		want = Sanitize(x)
	case bool:
		want = strconv.FormatBool(x)
	case int64:
		want = strconv.FormatInt(x, 10)
	case []string:
		var list []string
		if err := json.Unmarshal([]byte(text), &list); err != nil {
			return fmt.Errorf("list %q is not a JSON array of strings: %w", text, err)
		}
		sanitized := make([]string, len(x))
		for i, s := range x {
			sanitized[i] = Sanitize(s)
		}
		if !slices.Equal(list, sanitized) {
			return fmt.Errorf("list %q, want %q", list, sanitized)
		}
		return nil
	default:
		return fmt.Errorf("value %v of type %T: the fuzz target does not know how it reads back", v, v)
	}
	if text != want {
		return fmt.Errorf("%q, want %q", text, want)
	}
	return nil
}
