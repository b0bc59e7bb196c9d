package neo4j

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-kg/dyad/graph"
)

// IDSpace is the id space of the node ids in the files WriteAdminImport
// writes: Dyad's node ids are unique across labels, so one space serves all.
const IDSpace = "dyad"

// arrayDelimiters are the characters WriteAdminImport may separate the
// elements of a list property with, in order of preference: the first that
// no element contains. They are given to neo4j-admin as written here.
var arrayDelimiters = []struct {
	r    rune
	flag string
}{{';', ";"}, {'|', "|"}, {'\x1f', "U+001F"}, {'\x1e', "U+001E"}}

// AdminImport describes the CSV files WriteAdminImport wrote for
// `neo4j-admin database import full`.
type AdminImport struct {
	// Dir is the folder holding the files.
	Dir string
	// Nodes has one file per label, Relationships one per type, in the order
	// of graph.Labels and graph.RelTypes; labels and types with nothing are
	// left out.
	Nodes, Relationships []ImportFile
	// ArrayDelimiter is the --array-delimiter value (";" unless an element
	// of a list contains one).
	ArrayDelimiter string
	// Multiline is true when a value holds a line break: neo4j-admin then
	// needs --multiline-fields=true (slower, so only then).
	Multiline bool
}

// ImportFile is one CSV file: its name in Dir, the label or type of its
// rows and how many rows it has.
type ImportFile struct {
	Name  string
	Kind  string
	Count int
}

// Elements returns the number of nodes and relationships in the files.
func (a *AdminImport) Elements() (nodes, rels int) {
	for _, f := range a.Nodes {
		nodes += f.Count
	}
	for _, f := range a.Relationships {
		rels += f.Count
	}
	return nodes, rels
}

// Args returns the arguments of neo4j-admin that import the files into
// database, replacing whatever it holds: "database import full database
// --overwrite-destination ...". The database comes first: --nodes and
// --relationships take several files each and would swallow a name after
// them. The files are named under dir (Dir itself, or where they are seen
// from elsewhere, such as a container's /import).
func (a *AdminImport) Args(dir, database string) []string {
	args := []string{"database", "import", "full", database, "--overwrite-destination=true",
		"--id-type=string", "--array-delimiter=" + a.ArrayDelimiter,
		// Its default is import.report in the working directory.
		"--report-file=" + filepath.Join(dir, "import.report")}
	if a.Multiline {
		args = append(args, "--multiline-fields=true")
	}
	for _, f := range a.Nodes {
		args = append(args, "--nodes="+filepath.Join(dir, f.Name))
	}
	for _, f := range a.Relationships {
		args = append(args, "--relationships="+filepath.Join(dir, f.Name))
	}
	return args
}

// WriteAdminImport writes el into dir (created if need be) as the CSV
// files `neo4j-admin database import full` reads: one file per node label
// (nodes-<Label>.csv) and per relationship type (rels-<TYPE>.csv), each
// with a typed header. The graph it imports is the one Load writes: the
// same labels, types, ids and properties (lists as string arrays, integers
// as longs), and the Marker on every node and relationship. Node ids are
// in the one id space IDSpace.
func WriteAdminImport(dir string, el *graph.Elements) (*AdminImport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	delim, err := pickArrayDelimiter(el)
	if err != nil {
		return nil, err
	}
	a := &AdminImport{Dir: dir, ArrayDelimiter: delim.flag}
	w := &csvWriter{delim: string(delim.r)}
	byLabel := map[graph.Label][]graph.Node{}
	for _, n := range el.Nodes {
		byLabel[n.Label] = append(byLabel[n.Label], n)
	}
	for _, l := range graph.Labels {
		if len(byLabel[l]) == 0 {
			continue
		}
		f, err := writeNodeFile(dir, w, l, byLabel[l])
		if err != nil {
			return nil, err
		}
		a.Nodes = append(a.Nodes, f)
		delete(byLabel, l)
	}
	for l := range byLabel {
		return nil, fmt.Errorf("node label %s is not one of Dyad's", l)
	}
	byType := map[graph.RelType][]graph.Edge{}
	for _, e := range el.Edges {
		byType[e.Type] = append(byType[e.Type], e)
	}
	for _, t := range graph.RelTypes {
		if len(byType[t]) == 0 {
			continue
		}
		f, err := writeRelFile(dir, w, t, byType[t])
		if err != nil {
			return nil, err
		}
		a.Relationships = append(a.Relationships, f)
		delete(byType, t)
	}
	for t := range byType {
		return nil, fmt.Errorf("relationship type %s is not one of Dyad's", t)
	}
	a.Multiline = w.multiline
	return a, nil
}

// pickArrayDelimiter returns the first of arrayDelimiters that no element
// of a list property contains.
func pickArrayDelimiter(el *graph.Elements) (struct {
	r    rune
	flag string
}, error) {
	used := map[rune]bool{}
	note := func(props map[string]any) {
		for _, v := range props {
			if list, ok := v.([]string); ok {
				for _, s := range list {
					for _, d := range arrayDelimiters {
						if strings.ContainsRune(s, d.r) {
							used[d.r] = true
						}
					}
				}
			}
		}
	}
	for i := range el.Nodes {
		note(el.Nodes[i].Props)
	}
	for i := range el.Edges {
		note(el.Edges[i].Props)
	}
	for _, d := range arrayDelimiters {
		if !used[d.r] {
			return d, nil
		}
	}
	return arrayDelimiters[0], errors.New("every array delimiter neo4j-admin could use (; | U+001F U+001E) occurs in a list property")
}

// column is a property column: its key and neo4j-admin type.
type column struct {
	key, typ string
}

// columns returns the property columns of props (all the property maps of
// one file), sorted by key, "id" left out (it is the ID column). A key
// whose values have different types is an error.
func columns(what string, props func(yield func(map[string]any) bool)) ([]column, error) {
	types := map[string]string{}
	var err error
	props(func(p map[string]any) bool {
		for k, v := range p {
			if k == "id" || k == Marker {
				continue
			}
			if list, ok := v.([]string); ok && len(list) == 1 && list[0] == "" {
				err = fmt.Errorf("%s: %v's property %s is a list of one empty string, which neo4j-admin import reads as no property; load this dataset with dyad load", what, p["id"], k)
				return false
			}
			t := adminType(v)
			if t == "" {
				err = fmt.Errorf("%s: property %s has a value of type %T, which neo4j-admin import cannot take", what, k, v)
				return false
			}
			if old, ok := types[k]; ok && old != t {
				err = fmt.Errorf("%s: property %s is %s in one place and %s in another", what, k, old, t)
				return false
			}
			types[k] = t
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	cols := make([]column, 0, len(types))
	for k, t := range types {
		cols = append(cols, column{k, t})
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].key < cols[j].key })
	return cols, nil
}

// adminType is the neo4j-admin header type of a property value, or "".
func adminType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64, int:
		return "long"
	case bool:
		return "boolean"
	case []string:
		return "string[]"
	}
	return ""
}

func header(cols []column) []string {
	h := make([]string, 0, len(cols)+3)
	for _, c := range cols {
		h = append(h, c.key+":"+c.typ)
	}
	return append(h, Marker+":boolean")
}

func writeNodeFile(dir string, w *csvWriter, l graph.Label, nodes []graph.Node) (ImportFile, error) {
	mustKnown(slices.Contains(graph.Labels, l), string(l))
	cols, err := columns(string(l)+" nodes", func(yield func(map[string]any) bool) {
		for i := range nodes {
			if !yield(nodes[i].Props) {
				return
			}
		}
	})
	if err != nil {
		return ImportFile{}, err
	}
	f := ImportFile{Name: "nodes-" + string(l) + ".csv", Kind: string(l), Count: len(nodes)}
	head := append([]string{"id:ID(" + IDSpace + ")", ":LABEL"}, header(cols)...)
	return f, w.file(filepath.Join(dir, f.Name), head, func(row func(fixed []string, props map[string]any) error) error {
		for i := range nodes {
			if err := row([]string{nodes[i].ID, string(l)}, nodes[i].Props); err != nil {
				return err
			}
		}
		return nil
	}, cols)
}

func writeRelFile(dir string, w *csvWriter, t graph.RelType, edges []graph.Edge) (ImportFile, error) {
	mustKnown(slices.Contains(graph.RelTypes, t), string(t))
	cols, err := columns(string(t)+" relationships", func(yield func(map[string]any) bool) {
		for i := range edges {
			if !yield(edges[i].Props) {
				return
			}
		}
	})
	if err != nil {
		return ImportFile{}, err
	}
	f := ImportFile{Name: "rels-" + string(t) + ".csv", Kind: string(t), Count: len(edges)}
	head := append([]string{"id:string", ":START_ID(" + IDSpace + ")", ":END_ID(" + IDSpace + ")", ":TYPE"}, header(cols)...)
	return f, w.file(filepath.Join(dir, f.Name), head, func(row func(fixed []string, props map[string]any) error) error {
		for i := range edges {
			e := &edges[i]
			if err := row([]string{e.ID, e.From, e.To, string(t)}, e.Props); err != nil {
				return err
			}
		}
		return nil
	}, cols)
}

// csvWriter writes RFC 4180 CSV as neo4j-admin reads it. It is not
// encoding/csv because that cannot tell an empty string from a missing
// value: neo4j-admin reads an unquoted empty field as "no property" and a
// quoted one ("") as the empty string, and a list [""] must stay a list.
// A field is quoted when it is an empty value or holds the delimiter, a
// quote, a line break or surrounding spaces; quotes inside are doubled.
type csvWriter struct {
	delim     string // the array delimiter
	multiline bool
	buf       []byte
}

// file writes one CSV file: the header, then the rows rows yields.
func (w *csvWriter) file(path string, head []string, rows func(row func([]string, map[string]any) error) error, cols []column) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	w.buf = w.buf[:0]
	for i, h := range head {
		w.buf = w.field(w.buf, i, h, true)
	}
	w.buf = append(w.buf, '\n')
	err = rows(func(fixed []string, props map[string]any) error {
		w.buf = w.row(w.buf, fixed, props, cols)
		if len(w.buf) >= 1<<15 {
			if _, err := bw.Write(w.buf); err != nil {
				return err
			}
			w.buf = w.buf[:0]
		}
		return nil
	})
	if err == nil {
		_, err = bw.Write(w.buf)
	}
	if err == nil {
		err = bw.Flush()
	}
	return errors.Join(err, out.Close())
}

// row appends one record: the fixed columns, the property columns, the
// Marker.
func (w *csvWriter) row(b []byte, fixed []string, props map[string]any, cols []column) []byte {
	for i, s := range fixed {
		b = w.field(b, i, s, true)
	}
	for i, c := range cols {
		b = w.value(b, len(fixed)+i, props[c.key])
	}
	b = append(b, ",true\n"...)
	return b
}

// value appends a property value; nil (no such property) is an empty,
// unquoted field.
func (w *csvWriter) value(b []byte, i int, v any) []byte {
	switch x := v.(type) {
	case nil:
		return w.field(b, i, "", false)
	case string:
		return w.field(b, i, x, true)
	case int64:
		return w.field(b, i, strconv.FormatInt(x, 10), false)
	case int:
		return w.field(b, i, strconv.Itoa(x), false)
	case bool:
		return w.field(b, i, strconv.FormatBool(x), false)
	case []string:
		return w.field(b, i, strings.Join(x, w.delim), true)
	}
	panic(fmt.Sprintf("dyad: no neo4j-admin type for %T", v)) // columns refused it
}

// field appends s as the i-th field of a record; present says that an
// empty s is an empty string, not a missing value.
func (w *csvWriter) field(b []byte, i int, s string, present bool) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	quote := present && s == "" || strings.ContainsAny(s, ",\"\r\n") ||
		s != "" && (s[0] == ' ' || s[0] == '\t' || s[len(s)-1] == ' ' || s[len(s)-1] == '\t')
	if !quote {
		return append(b, s...)
	}
	if strings.ContainsAny(s, "\r\n") {
		w.multiline = true
	}
	b = append(b, '"')
	for {
		j := strings.IndexByte(s, '"')
		if j < 0 {
			break
		}
		b = append(b, s[:j+1]...)
		b = append(b, '"')
		s = s[j+1:]
	}
	b = append(b, s...)
	return append(b, '"')
}
