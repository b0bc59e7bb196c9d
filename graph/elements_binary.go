package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// The binary form of Elements (AppendBinary, ParseElements) is a sequence of
// unsigned varints and strings (a varint length, then the bytes):
//
//	nodes: count, then each node's label, id and props
//	edges: count, then each edge's type, id, from, to and props
//	props: count+1 (0 for a nil map), then each key in sorted order, a tag
//	       byte and the value: 's' string, 'i' int64 (zig-zag varint),
//	       't'/'f' bool, 'l' []string (count, then the strings), 'n' nil []string
//
// It holds exactly what Elements holds, so that a command reading the graph
// built into the binary decodes it without reflection and without building
// it from the dataset again.

// AppendBinary appends e in its binary form to b. It fails on a property
// value of a type other than string, int64, bool or []string.
func (e *Elements) AppendBinary(b []byte) ([]byte, error) {
	var err error
	b = binary.AppendUvarint(b, uint64(len(e.Nodes)))
	for _, n := range e.Nodes {
		b = appendString(appendString(b, string(n.Label)), n.ID)
		if b, err = appendProps(b, n.Props); err != nil {
			return nil, fmt.Errorf("node %s: %w", n.ID, err)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(e.Edges)))
	for _, x := range e.Edges {
		b = appendString(appendString(b, string(x.Type)), x.ID)
		b = appendString(appendString(b, x.From), x.To)
		if b, err = appendProps(b, x.Props); err != nil {
			return nil, fmt.Errorf("edge %s: %w", x.ID, err)
		}
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendProps(b []byte, p map[string]any) ([]byte, error) {
	if p == nil {
		return binary.AppendUvarint(b, 0), nil
	}
	b = binary.AppendUvarint(b, uint64(len(p))+1)
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b = appendString(b, k)
		switch v := p[k].(type) {
		case string:
			b = appendString(append(b, 's'), v)
		case int64:
			b = binary.AppendVarint(append(b, 'i'), v)
		case bool:
			b = append(b, boolTag(v))
		case []string:
			if v == nil {
				b = append(b, 'n')
				continue
			}
			b = binary.AppendUvarint(append(b, 'l'), uint64(len(v)))
			for _, s := range v {
				b = appendString(b, s)
			}
		default:
			return nil, fmt.Errorf("property %q: a %T has no binary form", k, v)
		}
	}
	return b, nil
}

func boolTag(v bool) byte {
	if v {
		return 't'
	}
	return 'f'
}

// errElementsBinary is returned by ParseElements for input that AppendBinary
// did not write.
var errElementsBinary = errors.New("elements: malformed binary form")

// ParseElements decodes the binary form that AppendBinary wrote. Every
// string of the result (ids, keys, values) is a substring of s, not a copy:
// decoding allocates only the slices and maps.
func ParseElements(s string) (*Elements, error) {
	d := &elementsDecoder{s: s}
	el := &Elements{Nodes: make([]Node, d.count())}
	for i := range el.Nodes {
		n := &el.Nodes[i]
		n.Label, n.ID = Label(d.str()), d.str()
		n.Props = d.props()
	}
	el.Edges = make([]Edge, d.count())
	for i := range el.Edges {
		x := &el.Edges[i]
		x.Type, x.ID, x.From, x.To = RelType(d.str()), d.str(), d.str(), d.str()
		x.Props = d.props()
	}
	if d.bad || d.pos != len(s) {
		return nil, errElementsBinary
	}
	return el, nil
}

// elementsDecoder reads the binary form from s at pos; bad records that the
// input ended early or held something AppendBinary does not write, after
// which every read returns a zero value.
type elementsDecoder struct {
	s   string
	pos int
	bad bool
}

func (d *elementsDecoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); d.pos < len(d.s) && shift < 64; shift += 7 {
		c := d.s[d.pos]
		d.pos++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	d.bad = true
	return 0
}

// count reads a number of items, each at least a byte long, so that a
// corrupt count cannot make the decoder allocate more than s could hold.
func (d *elementsDecoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.pos) {
		d.bad = true
		return 0
	}
	return int(n)
}

func (d *elementsDecoder) str() string {
	n := d.count()
	s := d.s[d.pos : d.pos+n]
	d.pos += n
	return s
}

func (d *elementsDecoder) props() map[string]any {
	n := d.count()
	if n == 0 {
		return nil
	}
	p := make(map[string]any, n-1)
	for range n - 1 {
		k := d.str()
		if d.pos >= len(d.s) {
			d.bad = true
			return p
		}
		tag := d.s[d.pos]
		d.pos++
		p[k] = d.value(tag)
	}
	return p
}

func (d *elementsDecoder) value(tag byte) any {
	switch tag {
	case 's':
		return d.str()
	case 'i':
		u := d.uvarint()
		return int64(u>>1) ^ -int64(u&1) // zig-zag, as binary.AppendVarint writes
	case 't', 'f':
		return tag == 't'
	case 'n':
		return []string(nil)
	case 'l':
		l := make([]string, d.count())
		for i := range l {
			l[i] = d.str()
		}
		return l
	}
	d.bad = true
	return nil
}
