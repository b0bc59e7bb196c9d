// Package graphml writes Dyad's property graph as GraphML that real tools
// open without loss: Neo4j's APOC importer (apoc.import.graphml with
// readLabels and storeNodeIds), networkx, python-igraph, Gephi and Cytoscape.
//
// The mapping, chosen so that every reader gets the whole graph back and the
// document is valid against the published GraphML 1.0 schema:
//
//   - A node's GraphML id is its Dyad id. Its "id" property is not repeated
//     as data (python-igraph would warn that an "id" attribute exists; APOC
//     restores it with storeNodeIds: true).
//   - A node's label is a "labels" data value, ":State", which APOC's
//     importer (readLabels: true) turns back into the label and other
//     readers show as an attribute to colour by.
//   - A node's "name" is written under the key id "nodelabel" with attr.name
//     "name": Gephi's importer takes a key with that id (or with id or name
//     "label") as the node's caption, and every other reader, APOC included,
//     goes by attr.name and gets the property "name". (A key named "label"
//     would give APOC a "label" property on every node, and the id "label"
//     is the edge type's.)
//   - An edge's type is a "label" data value, written as the edge's first
//     child: APOC's importer (readLabels: true) reads the type from the first
//     data of key "label" and skips it as a property; Gephi shows it as the
//     edge's caption; networkx and igraph show it as the attribute "label".
//     The edge's "id" property is written as data too, since APOC keeps no
//     edge ids (python-igraph warns that it cannot add edge ids, and reads
//     the same ids from the data).
//   - Key ids are unique in the document, as GraphML requires and as
//     networkx and Cytoscape (which look keys up by id alone) need: "n_" or
//     "e_" and the property name, besides the fixed labels, nodelabel and
//     label.
//   - Keys are typed (attr.type boolean, int, long, double or string).
//     Lists are strings holding a JSON array.
//   - Every string is valid XML 1.0: characters XML forbids (most control
//     characters, U+FFFE, U+FFFF, invalid UTF-8) are replaced with U+FFFD,
//     and carriage returns, tabs and newlines are escaped where XML parsers
//     would otherwise normalise them away.
//   - Output is deterministic: keys in a fixed order, properties sorted by
//     name (a node's name first), elements in the order they are written.
//     The same graph gives the same bytes.
//
// Two things no schema-valid document can tell a reader, so two other
// flavors add them, each with an attribute the schema does not allow (see
// Flavor): APOC restores a list only from attr.list on its key, and Gephi
// keeps two edges of one kind between the same two nodes apart only if
// their kinds, read from a label attribute on the edge, differ.
//
// Loader's marker property ("dyad") is never exported: an export holds the
// curated graph, whichever backend it was read from, and exports from Neo4j
// and from the embedded dataset are byte for byte the same.
package graphml

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/neo4j"
)

// Type is a GraphML attribute type (attr.type).
type Type string

// The GraphML attribute types.
const (
	Boolean Type = "boolean"
	Int     Type = "int"
	Long    Type = "long"
	Double  Type = "double"
	String  Type = "string"
)

// Domain says whether a key belongs to nodes or to edges (the for attribute).
type Domain string

// The key domains.
const (
	ForNode Domain = "node"
	ForEdge Domain = "edge"
)

// Key declares a property that nodes or edges may carry: its name, its type
// and whether it is a list of values of that type.
type Key struct {
	For  Domain
	Name string
	Type Type
	List bool
}

// The ids of the keys every export declares.
const (
	// LabelsKey holds a node's labels, as ":State".
	LabelsKey = "labels"
	// CaptionKey holds a node's "name": Gephi takes a key with this id as
	// the node's caption.
	CaptionKey = "nodelabel"
	// TypeKey holds an edge's type, as its first data: APOC's importer
	// reads the type from it, and Gephi shows it as the edge's caption.
	TypeKey = "label"
)

// Flavor is the dialect of GraphML a Writer writes.
type Flavor string

// The flavors. Standard is valid against the GraphML 1.0 schema; the others
// each add what one tool needs and the schema does not allow.
const (
	// Standard is valid GraphML. APOC rebuilds the graph from it with every
	// list property as a string holding a JSON array; Gephi merges two
	// edges of one type between the same two nodes (unless its import
	// report's "Edges merge strategy" is set to "Don't merge").
	Standard Flavor = "standard"
	// APOC adds attr.list="TYPE" to the keys of list properties, from
	// which APOC's importer restores lists: it rebuilds the same graph.
	APOC Flavor = "apoc"
	// Gephi adds a label attribute to each edge, which Gephi reads as the
	// edge's kind: the edge's type, or for an edge whose ends and type
	// repeat an earlier edge's, the type and the edge's id ("WEAKENS
	// c-2"), so that Gephi keeps both. To know, the Writer holds the ends
	// and type of every edge it wrote: memory grows with the edges. APOC
	// would read that attribute as the relationship type: use the apoc
	// flavor for APOC.
	Gephi Flavor = "gephi"
)

// Flavors lists the flavors, the default first.
var Flavors = []Flavor{Standard, APOC, Gephi}

// ParseFlavor returns the flavor named s ("" is Standard).
func ParseFlavor(s string) (Flavor, error) {
	if s == "" {
		return Standard, nil
	}
	for _, f := range Flavors {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown GraphML flavor %q: want standard, apoc or gephi", s)
}

// Marker is the property package loader sets on everything it writes to
// Neo4j. Exports leave it out.
const Marker = neo4j.Marker

// Omitted reports whether the writer leaves out a property of d: a node's
// "id" (its GraphML id), Marker, and the names that hold the label and the
// type (a node's "labels", an edge's "label"). Keys declared for them are
// ignored.
func Omitted(d Domain, name string) bool {
	switch {
	case name == Marker:
		return true
	case d == ForNode:
		return name == "id" || name == LabelsKey
	}
	return name == TypeKey
}

type keyInfo struct {
	id   string
	typ  Type
	list bool
}

// Writer writes one GraphML document: the keys given to NewWriter, then
// nodes and edges as they are written, then the closing tags on Close.
// Write every node before the edges that point at it: APOC's importer needs
// them in that order. A Writer buffers its output; its first error is
// returned by every later call.
type Writer struct {
	w       *bufio.Writer
	flavor  Flavor
	kinds   map[edgeKind]bool // the gephi flavor's (from, to, type) seen
	keys    []Key
	info    map[Domain]map[string]keyInfo
	started bool
	closed  bool
	err     error
	names   []string
	buf     []byte
	nodes   int
	edges   int
}

// edgeKind is an edge's ends and type, which Gephi keeps one edge for.
type edgeKind struct {
	from, to string
	typ      graph.RelType
}

// NewWriter returns a Writer that writes to w a Standard document declaring
// keys; see NewFlavorWriter.
func NewWriter(w io.Writer, keys ...Key) *Writer {
	return NewFlavorWriter(w, Standard, keys...)
}

// NewFlavorWriter returns a Writer that writes to w a document of flavor f
// ("" is Standard) declaring keys, in a fixed order: the labels and caption
// keys, the other node keys by name, the type key, edge keys by name. A
// node's "name", if declared, is written under CaptionKey. An unknown flavor,
// or a name declared twice with different types, is an error that the first
// write (or Close) returns. Keys for Omitted names are ignored.
func NewFlavorWriter(w io.Writer, f Flavor, keys ...Key) *Writer {
	gw := &Writer{w: bufio.NewWriterSize(w, 64<<10), info: map[Domain]map[string]keyInfo{ForNode: {}, ForEdge: {}}}
	if gw.flavor, gw.err = ParseFlavor(string(f)); gw.err != nil {
		gw.err = fmt.Errorf("graphml: %w", gw.err)
		return gw
	}
	if gw.flavor == Gephi {
		gw.kinds = map[edgeKind]bool{}
	}
	ks := slices.Clone(keys)
	slices.SortStableFunc(ks, func(a, b Key) int {
		return cmp.Or(cmp.Compare(domainRank(a.For), domainRank(b.For)), comparePropNames(a.For, a.Name, b.Name))
	})
	for i, k := range ks {
		switch {
		case k.For != ForNode && k.For != ForEdge:
			gw.err = fmt.Errorf("graphml: key %q: domain %q is neither node nor edge", k.Name, k.For)
		case !validType(k.Type):
			gw.err = fmt.Errorf("graphml: key %q: unknown type %q", k.Name, k.Type)
		}
		if gw.err != nil {
			return gw
		}
		if Omitted(k.For, k.Name) {
			continue
		}
		if old, ok := gw.info[k.For][k.Name]; ok {
			if old.typ != k.Type || old.list != k.List {
				gw.err = fmt.Errorf("graphml: %s key %q declared twice with different types", k.For, k.Name)
				return gw
			}
			continue
		}
		id := keyID(k, i)
		gw.info[k.For][k.Name] = keyInfo{id: id, typ: k.Type, list: k.List}
		gw.keys = append(gw.keys, k)
	}
	return gw
}

// comparePropNames orders property names: a node's name first (it is the
// caption), then by name.
func comparePropNames(d Domain, a, b string) int {
	if d == ForNode && a != b {
		if a == "name" {
			return -1
		}
		if b == "name" {
			return 1
		}
	}
	return cmp.Compare(a, b)
}

func domainRank(d Domain) int {
	if d == ForNode {
		return 0
	}
	return 1
}

func validType(t Type) bool {
	switch t {
	case Boolean, Int, Long, Double, String:
		return true
	}
	return false
}

// keyID is the GraphML id of a declared key: "n_" or "e_" and the name when
// the name is a valid NMTOKEN, else "n-" or "e-" and its position.
func keyID(k Key, i int) string {
	if k.For == ForNode && k.Name == "name" {
		return CaptionKey
	}
	prefix := "n"
	if k.For == ForEdge {
		prefix = "e"
	}
	if isNameToken(k.Name) {
		return prefix + "_" + k.Name
	}
	return prefix + "-" + strconv.Itoa(i)
}

func isNameToken(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-', r == '.':
		default:
			return false
		}
	}
	return true
}

const header = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

// comments says what each flavor's document holds, for a reader of the file.
var comments = map[Flavor]string{
	Standard: "  <!-- Written by Dyad (flavor standard: valid GraphML 1.0). Node ids are Dyad ids; key nodelabel holds each node's name (Gephi's caption); key labels its label; key label an edge's type; lists are JSON arrays. -->\n",
	APOC:     "  <!-- Written by Dyad (flavor apoc: attr.list on list keys, for apoc.import.graphml; not valid GraphML). Node ids are Dyad ids; key nodelabel holds each node's name; key labels its label; key label an edge's type; lists are JSON arrays. -->\n",
	Gephi:    "  <!-- Written by Dyad (flavor gephi: an edge's label attribute is its kind in Gephi; not valid GraphML). Node ids are Dyad ids; key nodelabel holds each node's name (Gephi's caption); key labels its label; key label an edge's type; lists are JSON arrays. -->\n",
}

func (w *Writer) start() {
	if w.started || w.err != nil {
		return
	}
	w.started = true
	b := append(w.buf[:0], header...)
	b = append(b, comments[w.flavor]...)
	b = append(b, `  <key id="labels" for="node" attr.name="labels" attr.type="string"/>`+"\n"...)
	edgeStarted := false
	for _, k := range w.keys {
		if k.For == ForEdge && !edgeStarted {
			edgeStarted = true
			b = append(b, `  <key id="label" for="edge" attr.name="label" attr.type="string"/>`+"\n"...)
		}
		b = appendKey(b, k, w.info[k.For][k.Name].id, w.flavor == APOC)
	}
	if !edgeStarted {
		b = append(b, `  <key id="label" for="edge" attr.name="label" attr.type="string"/>`+"\n"...)
	}
	b = append(b, `  <graph id="G" edgedefault="directed">`+"\n"...)
	w.buf = b
	_, w.err = w.w.Write(b)
}

// appendKey appends the declaration of k with the given id; with attrList,
// a list's element type goes in attr.list, as APOC reads it.
func appendKey(b []byte, k Key, id string, attrList bool) []byte {
	b = append(b, `  <key id="`...)
	b = appendAttr(b, id)
	b = append(b, `" for="`...)
	b = append(b, k.For...)
	b = append(b, `" attr.name="`...)
	b = appendAttr(b, k.Name)
	switch {
	case k.List && attrList:
		b = append(b, `" attr.type="string" attr.list="`...)
		b = append(b, k.Type...)
	case k.List:
		b = append(b, `" attr.type="string`...)
	default:
		b = append(b, `" attr.type="`...)
		b = append(b, k.Type...)
	}
	return append(b, "\"/>\n"...)
}

// WriteNode writes a node: its id, its label and its properties, each of
// which must have been declared; Omitted properties are left out (the "id"
// property is the GraphML id).
func (w *Writer) WriteNode(n graph.Node) error {
	w.start()
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errors.New("graphml: write after Close")
	}
	b := append(w.buf[:0], `    <node id="`...)
	b = appendAttr(b, n.ID)
	b = append(b, "\">\n"...)
	if n.Label != "" {
		b = append(b, `      <data key="labels">:`...)
		b = appendText(b, string(n.Label))
		b = append(b, "</data>\n"...)
	}
	b, err := w.appendProps(b, ForNode, n.ID, n.Props)
	if err != nil {
		w.err = err
		return err
	}
	b = append(b, "    </node>\n"...)
	w.buf = b
	_, w.err = w.w.Write(b)
	w.nodes++
	return w.err
}

// WriteEdge writes an edge: its id, ends, type and properties, each of
// which must have been declared; Omitted properties are left out.
func (w *Writer) WriteEdge(e graph.Edge) error {
	w.start()
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errors.New("graphml: write after Close")
	}
	b := append(w.buf[:0], `    <edge id="`...)
	b = appendAttr(b, e.ID)
	b = append(b, `" source="`...)
	b = appendAttr(b, e.From)
	b = append(b, `" target="`...)
	b = appendAttr(b, e.To)
	if w.flavor == Gephi {
		b = append(b, `" label="`...)
		b = appendAttr(b, w.gephiKind(e))
	}
	b = append(b, "\">\n"...)
	if e.Type != "" {
		b = append(b, `      <data key="label">`...)
		b = appendText(b, string(e.Type))
		b = append(b, "</data>\n"...)
	}
	b, err := w.appendProps(b, ForEdge, e.ID, e.Props)
	if err != nil {
		w.err = err
		return err
	}
	b = append(b, "    </edge>\n"...)
	w.buf = b
	_, w.err = w.w.Write(b)
	w.edges++
	return w.err
}

// gephiKind is the kind Gephi is to give e: its type, or if an edge with
// the same ends and type came before, its type and its id.
func (w *Writer) gephiKind(e graph.Edge) string {
	k := edgeKind{e.From, e.To, e.Type}
	if !w.kinds[k] {
		w.kinds[k] = true
		return string(e.Type)
	}
	return string(e.Type) + " " + e.ID
}

// Count returns the number of nodes and edges written so far.
func (w *Writer) Count() (nodes, edges int) { return w.nodes, w.edges }

// Close writes the closing tags and flushes the output. It does not close
// the underlying writer.
func (w *Writer) Close() error {
	w.start()
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return nil
	}
	w.closed = true
	if _, err := w.w.WriteString("  </graph>\n</graphml>\n"); err != nil {
		w.err = err
		return err
	}
	w.err = w.w.Flush()
	return w.err
}

func (w *Writer) appendProps(b []byte, d Domain, id string, props map[string]any) ([]byte, error) {
	names := w.names[:0]
	for k, v := range props {
		if v == nil || Omitted(d, k) {
			continue
		}
		names = append(names, k)
	}
	slices.SortFunc(names, func(a, b string) int { return comparePropNames(d, a, b) })
	w.names = names
	info := w.info[d]
	for _, name := range names {
		k, ok := info[name]
		if !ok {
			return b, fmt.Errorf("graphml: %s %q: property %q has no declared key", d, id, name)
		}
		b = append(b, `      <data key="`...)
		b = append(b, k.id...) // ids are name tokens: nothing to escape
		b = append(b, `">`...)
		var err error
		if b, err = appendValue(b, k, props[name]); err != nil {
			return b, fmt.Errorf("graphml: %s %q: property %q: %w", d, id, name, err)
		}
		b = append(b, "</data>\n"...)
	}
	return b, nil
}

// appendValue appends v, XML-escaped, as a value of key k.
func appendValue(b []byte, k keyInfo, v any) ([]byte, error) {
	if k.list {
		return appendList(b, k.typ, v)
	}
	switch k.typ {
	case String:
		if s, ok := v.(string); ok {
			return appendText(b, s), nil
		}
		// Keys of unknown type are declared as strings: write any value.
		return appendText(b, stringify(v)), nil
	case Boolean:
		if x, ok := v.(bool); ok {
			return strconv.AppendBool(b, x), nil
		}
	case Int, Long:
		if x, ok := asInt(v); ok {
			return strconv.AppendInt(b, x, 10), nil
		}
	case Double:
		if x, ok := asFloat(v); ok {
			return appendFloat(b, x), nil
		}
	}
	return b, fmt.Errorf("value %v (%T) is not a %s", v, v, k.typ)
}

func asInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	case int16:
		return int64(x), true
	case int8:
		return int64(x), true
	}
	return 0, false
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	}
	if i, ok := asInt(v); ok {
		return float64(i), true
	}
	return 0, false
}

// appendFloat writes a double as Java, Python and APOC parse it.
func appendFloat(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "NaN"...)
	case math.IsInf(x, 1):
		return append(b, "Infinity"...)
	case math.IsInf(x, -1):
		return append(b, "-Infinity"...)
	}
	return strconv.AppendFloat(b, x, 'g', -1, 64)
}

// appendList writes a list as a JSON array, as APOC does, XML-escaped.
func appendList(b []byte, typ Type, v any) ([]byte, error) {
	b = append(b, '[')
	var err error
	switch xs := v.(type) {
	case []string:
		if typ != String {
			return b, fmt.Errorf("list %q is not a list of %s", xs, typ)
		}
		for i, x := range xs {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, x)
		}
	case []any:
		for i, x := range xs {
			if b, err = appendElem(b, i, typ, x); err != nil {
				return b, err
			}
		}
	case []int64:
		for i, x := range xs {
			if b, err = appendElem(b, i, typ, x); err != nil {
				return b, err
			}
		}
	case []bool:
		for i, x := range xs {
			if b, err = appendElem(b, i, typ, x); err != nil {
				return b, err
			}
		}
	case []float64:
		for i, x := range xs {
			if b, err = appendElem(b, i, typ, x); err != nil {
				return b, err
			}
		}
	default:
		return b, fmt.Errorf("value %v (%T) is not a list", v, v)
	}
	return append(b, ']'), nil
}

// appendElem appends the i-th element x of a list of typ as JSON.
func appendElem(b []byte, i int, typ Type, x any) ([]byte, error) {
	if i > 0 {
		b = append(b, ',')
	}
	switch typ {
	case String:
		if s, ok := x.(string); ok {
			return appendJSONString(b, s), nil
		}
	case Boolean:
		if y, ok := x.(bool); ok {
			return strconv.AppendBool(b, y), nil
		}
	case Int, Long:
		if y, ok := asInt(x); ok {
			return strconv.AppendInt(b, y, 10), nil
		}
	case Double:
		if y, ok := asFloat(x); ok {
			if math.IsNaN(y) || math.IsInf(y, 0) {
				return b, fmt.Errorf("list element %v cannot be written as JSON", y)
			}
			return strconv.AppendFloat(b, y, 'g', -1, 64), nil
		}
	}
	return b, fmt.Errorf("list element %v (%T) is not a %s", x, x, typ)
}

// stringify turns a value of a key declared as a plain string into text:
// lists as JSON arrays, other values as Go prints them.
func stringify(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return string(appendFloat(nil, x))
	case float32:
		return string(appendFloat(nil, float64(x)))
	case []string, []any, []int64, []bool, []float64:
		typ := String
		b, err := appendList(nil, typ, x)
		if err != nil {
			// A mixed list: write each element as a string.
			b = b[:0]
			b = append(b, '[')
			for i, e := range toAnySlice(x) {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, stringify(e))
			}
			b = append(b, ']')
		}
		return string(b)
	}
	if i, ok := asInt(v); ok {
		return strconv.FormatInt(i, 10)
	}
	if s, ok := v.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprint(v)
}

func toAnySlice(v any) []any {
	var out []any
	switch xs := v.(type) {
	case []string:
		for _, x := range xs {
			out = append(out, x)
		}
	case []any:
		out = xs
	case []int64:
		for _, x := range xs {
			out = append(out, x)
		}
	case []bool:
		for _, x := range xs {
			out = append(out, x)
		}
	case []float64:
		for _, x := range xs {
			out = append(out, x)
		}
	}
	return out
}

// appendJSONString appends s as a JSON string, XML-escaped, with characters
// XML forbids replaced like everywhere else.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				b = append(b, `\"`...)
			case c == '\\':
				b = append(b, `\\`...)
			case c == '\n':
				b = append(b, `\n`...)
			case c == '\r':
				b = append(b, `\r`...)
			case c == '\t':
				b = append(b, `\t`...)
			case c < 0x20:
				b = append(b, replacement...)
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !xmlChar(r) || r == utf8.RuneError && size == 1 {
			b = append(b, replacement...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
