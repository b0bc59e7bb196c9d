package loader

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/dyad-kg/dyad/data"
	"github.com/dyad-kg/dyad/graph"
)

// compactVersion changes when the layout of the compact form changes.
const compactVersion = 1

// compactHeader opens the compact form: what it was made from.
type compactHeader struct {
	Version int
	// Digest is EmbeddedDigest when the form was written.
	Digest string
}

// ErrCompactStale is returned by ReadCompact when the compact form does not
// match the YAML files and Go types it was made from.
var ErrCompactStale = errors.New("the compact form of the shipped dataset is stale: run go generate ./data")

// ReadEmbedded returns the dataset shipped inside Dyad (package data). It
// decodes the compact form that go generate wrote from the YAML files (see
// data.Compact), which takes about a millisecond; when that form is stale or
// unreadable it reads and validates the YAML files instead, so the answer is
// always that of the YAML. A test in package data fails while the compact
// form is stale.
func ReadEmbedded() (*graph.Dataset, error) {
	if ds, err := ReadCompact(data.Compact); err == nil {
		return ds, nil
	}
	return ReadEmbeddedYAML()
}

// ReadEmbeddedYAML reads and validates the YAML files of the shipped dataset,
// with positions reported against data/<file>.
func ReadEmbeddedYAML() (*graph.Dataset, error) {
	return read(data.FS, func(name string) string { return path.Join("data", name) })
}

// ReadCompact decodes a compact form written by WriteCompact. It returns
// ErrCompactStale when b was made from other YAML files or other Go types
// than those built into this binary. The dataset is not validated again:
// WriteCompact is given only datasets that passed, and the tests of package
// data check that data.Compact is what it writes now.
func ReadCompact(b []byte) (*graph.Dataset, error) {
	dec := gob.NewDecoder(bytes.NewReader(b))
	var h compactHeader
	if err := dec.Decode(&h); err != nil {
		return nil, fmt.Errorf("compact dataset: %w", err)
	}
	want, err := EmbeddedDigest()
	if err != nil {
		return nil, err
	}
	if h.Version != compactVersion || h.Digest != want {
		return nil, ErrCompactStale
	}
	ds := &graph.Dataset{}
	if err := dec.Decode(ds); err != nil {
		return nil, fmt.Errorf("compact dataset: %w", err)
	}
	ds.Invalid = map[string]bool{}
	_ = ds.IDs() // builds the id index now, as Validate does for the YAML path, so that readers never race to build it
	return ds, nil
}

// WriteCompact writes ds, read from the shipped YAML files, in the compact
// form that ReadCompact decodes, tagged with EmbeddedDigest. Positions (Loc)
// are left out: the form holds only datasets that are already valid.
func WriteCompact(w io.Writer, ds *graph.Dataset) error {
	digest, err := EmbeddedDigest()
	if err != nil {
		return err
	}
	enc := gob.NewEncoder(w)
	if err := enc.Encode(compactHeader{Version: compactVersion, Digest: digest}); err != nil {
		return err
	}
	return enc.Encode(withoutLocs(ds))
}

// withoutLocs returns a copy of ds whose records carry no Loc (positions,
// and maps that gob would write in random order), found by type so that a
// new kind of record needs no change here.
func withoutLocs(ds *graph.Dataset) *graph.Dataset {
	out := &graph.Dataset{}
	src, dst := reflect.ValueOf(ds).Elem(), reflect.ValueOf(out).Elem()
	for i := range src.NumField() {
		f := src.Type().Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Slice || f.Type.Elem().Kind() != reflect.Pointer {
			continue
		}
		from := src.Field(i)
		to := reflect.MakeSlice(f.Type, from.Len(), from.Len())
		for j := range from.Len() {
			c := reflect.New(f.Type.Elem().Elem())
			c.Elem().Set(from.Index(j).Elem())
			clearLocs(c.Elem())
			to.Index(j).Set(c)
		}
		dst.Field(i).Set(to)
	}
	return out
}

var locType = reflect.TypeFor[graph.Loc]()

// clearLocs zeroes every Loc field of the struct v and of the structs it
// embeds.
func clearLocs(v reflect.Value) {
	for i := range v.NumField() {
		f := v.Type().Field(i)
		switch {
		case f.Type == locType:
			v.Field(i).SetZero()
		case f.Anonymous && f.Type.Kind() == reflect.Struct:
			clearLocs(v.Field(i))
		}
	}
}

// EmbeddedDigest returns a checksum of the shipped YAML files (names and
// contents) and of the shape of the Go types a dataset decodes into, so that
// a compact form made before either changed is known to be stale. It guards
// against forgetting go generate, not against tampering: CRC-32 runs at
// memory speed, where a cryptographic hash would cost a good part of the
// millisecond the compact form saves. (CRC-32C's tables took a quarter of a
// millisecond to build on each dyad ask; IEEE's are cheap and use the CPU's
// carry-less multiply.)
func EmbeddedDigest() (string, error) {
	return embeddedDigest(true)
}

// embeddedDigest is EmbeddedDigest, of the YAML files alone unless
// withTypes: the shipped graph (data.Elements) is checked against the YAML
// alone, as decoding it involves no dataset type; what the graph's types and
// the code that builds it make of the YAML, TestElementsFresh in package
// data checks.
func embeddedDigest(withTypes bool) (string, error) {
	h := crc32.NewIEEE()
	names, err := fs.Glob(data.FS, "*.yaml")
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	// One buffer for every file: fs.ReadFile would copy each (128 KB in
	// all) on every dyad ask.
	buf := make([]byte, 16<<10)
	for _, name := range names {
		if err := digestFile(h, name, buf); err != nil {
			return "", err
		}
	}
	if withTypes {
		_, _ = io.WriteString(h, typeShape(reflect.TypeFor[graph.Dataset]()))
	}
	return fmt.Sprintf("crc32:%08x", h.Sum32()), nil
}

// digestFile writes name, its length and its contents to h, reading it
// through buf.
func digestFile(h io.Writer, name string, buf []byte) error {
	f, err := data.FS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	_, _ = io.WriteString(h, name+"\x00")
	_, _ = h.Write(binary.BigEndian.AppendUint64(nil, uint64(st.Size())))
	_, err = io.CopyBuffer(h, f, buf)
	return err
}

// typeShape describes t and every type it holds, field by field, so that a
// renamed, retyped, added or removed field changes the description.
func typeShape(t reflect.Type) string {
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			fmt.Fprintf(&b, "%s[%d]", t.Kind(), arrayLen(t))
			walk(t.Elem())
		case reflect.Map:
			b.WriteString("map[")
			walk(t.Key())
			b.WriteString("]")
			walk(t.Elem())
		case reflect.Struct:
			if seen[t] {
				b.WriteString(t.String())
				return
			}
			seen[t] = true
			fmt.Fprintf(&b, "%s{", t.String())
			for i := range t.NumField() {
				f := t.Field(i)
				fmt.Fprintf(&b, "%s ", f.Name)
				walk(f.Type)
				b.WriteString(";")
			}
			b.WriteString("}")
		default:
			fmt.Fprintf(&b, "%s(%s)", t.String(), t.Kind())
		}
	}
	walk(t)
	return b.String()
}

func arrayLen(t reflect.Type) int {
	if t.Kind() == reflect.Array {
		return t.Len()
	}
	return 0
}

// elementsHeader opens the compact form of the shipped graph
// (WriteCompactElements): a line naming the layout and the digest of the
// YAML files it was built from (embeddedDigest).
func elementsHeader(digest string) string {
	return fmt.Sprintf("dyad-elements/%d %s\n", compactVersion, digest)
}

// ReadEmbeddedElements returns the graph of the dataset shipped inside Dyad,
// as ReadEmbedded().Elements() does, decoded from the form go generate wrote
// (data.Elements) without reading the dataset or building its graph; when
// that form is stale or unreadable it builds the graph from ReadEmbedded.
// The tests of package data fail while the form differs from what
// WriteCompactElements writes now.
func ReadEmbeddedElements() (*graph.Elements, error) {
	if el, err := ReadCompactElements(data.Elements); err == nil {
		return el, nil
	}
	ds, err := ReadEmbedded()
	if err != nil {
		return nil, err
	}
	return ds.Elements(), nil
}

// ReadCompactElements decodes a graph written by WriteCompactElements. It
// returns ErrCompactStale when s was made from other YAML files than those
// built into this binary, or in another layout. The strings of the result
// share s's memory.
func ReadCompactElements(s string) (*graph.Elements, error) {
	want, err := embeddedDigest(false)
	if err != nil {
		return nil, err
	}
	body, ok := strings.CutPrefix(s, elementsHeader(want))
	if !ok {
		return nil, ErrCompactStale
	}
	el, err := graph.ParseElements(body)
	if err != nil {
		return nil, fmt.Errorf("compact graph: %w", err)
	}
	return el, nil
}

// WriteCompactElements writes el, the graph of a dataset read from the
// shipped YAML files, in the form ReadCompactElements decodes, tagged with
// the digest of the YAML files.
func WriteCompactElements(w io.Writer, el *graph.Elements) error {
	digest, err := embeddedDigest(false)
	if err != nil {
		return err
	}
	b, err := el.AppendBinary([]byte(elementsHeader(digest)))
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
