// Package yamlpos parses a YAML document into plain Go values (maps, slices,
// strings, json.Number, bools, nil) and records the file position of every
// value and mapping key by JSON pointer, so that problems found later (by a
// JSON Schema or by semantic checks) can be reported as file:line:col.
package yamlpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/dyad-kg/dyad/internal/clip"
)

// Pos is a 1-based line and column.
type Pos struct{ Line, Col int }

// Doc is a parsed YAML document.
type Doc struct {
	// Value is the document as plain values: map[string]any, []any, string,
	// json.Number, bool or nil.
	Value any
	// Values maps the JSON pointer of each value ("" for the root,
	// "/claims/3/object") to its position.
	Values map[string]Pos
	// Keys maps the JSON pointer of each mapping value to its key's position.
	Keys map[string]Pos
}

// At returns the position of the value at ptr, or of its closest parent.
func (d *Doc) At(ptr string) Pos {
	for {
		if p, ok := d.Values[ptr]; ok {
			return p
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return Pos{1, 1}
		}
		ptr = ptr[:i]
	}
}

// KeyAt returns the position of the key of the value at ptr, or At(ptr).
func (d *Doc) KeyAt(ptr string) Pos {
	if p, ok := d.Keys[ptr]; ok {
		return p
	}
	return d.At(ptr)
}

// Error is a problem at a position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg) }

// ErrEmpty is returned for a file with no content but comments and blanks.
var ErrEmpty = errors.New("file is empty")

// Parse parses src, which must be UTF-8 and hold exactly one document. It
// returns ErrEmpty for a document with no content, and *Error for anything
// else wrong. Parse never panics.
func Parse(src []byte) (doc *Doc, err error) {
	// A UTF-8 byte-order mark is allowed (YAML 1.2) and means nothing.
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if off := invalidUTF8(src); off >= 0 {
		return nil, &Error{offsetPos(src, off), fmt.Sprintf("file is not valid UTF-8 (byte 0x%02x)", src[off])}
	}
	if off, r := controlChar(src); off >= 0 {
		return nil, &Error{offsetPos(src, off), fmt.Sprintf("file holds a control character (U+%04X), which YAML does not allow", r)}
	}
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &Error{Pos{1, 1}, fmt.Sprintf("YAML parser failed: %v", r)}
		}
	}()
	f, perr := parser.ParseBytes(src, 0)
	if perr != nil {
		return nil, parseError(perr)
	}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, ErrEmpty
	}
	if len(docs) > 1 {
		return nil, &Error{nodePos(docs[1].Body), "a dataset file holds one YAML document; split the others into files of their own"}
	}
	c := &converter{doc: &Doc{Values: map[string]Pos{}, Keys: map[string]Pos{}}, anchors: map[string]ast.Node{}}
	v, cerr := c.convert(docs[0].Body, "", 0)
	if cerr != nil {
		return nil, cerr
	}
	c.doc.Value = v
	return c.doc, nil
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// controlChar returns the offset and value of the first character YAML does
// not allow in a file (outside its printable set: C0 controls other than
// tab, line feed and carriage return, DEL, C1 controls other than NEL), or
// -1. A NUL byte is one of them. src is valid UTF-8.
func controlChar(src []byte) (int, rune) {
	for i, r := range string(src) {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0xfffe, r == 0xffff:
			return i, r
		}
	}
	return -1, 0
}

func offsetPos(src []byte, off int) Pos {
	line, col := 1, 1
	for _, r := range string(src[:off]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return Pos{line, col}
}

type tokenError interface {
	GetToken() *token.Token
	GetMessage() string
}

func parseError(err error) error {
	var te tokenError
	if errors.As(err, &te) && te.GetToken() != nil {
		msg := "YAML syntax: " + clipQuoted(te.GetMessage())
		if strings.Contains(msg, "mapping value is not allowed") {
			msg += " (put text that contains \": \" in quotes)"
		}
		return &Error{tokPos(te.GetToken()), msg}
	}
	return &Error{Pos{1, 1}, "YAML syntax: " + clipQuoted(err.Error())}
}

var quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"(?:[^"\\]|\\.)*"`) })

// clipQuoted shortens the quoted values in a parser's message (a key it
// names may be megabytes long) with clip.Quote.
func clipQuoted(msg string) string {
	return quoted().ReplaceAllStringFunc(msg, func(q string) string {
		if len(q) <= clip.Max+2 {
			return q
		}
		if s, err := strconv.Unquote(q); err == nil {
			return clip.Quote(s)
		}
		return q
	})
}

func tokPos(t *token.Token) Pos {
	if t == nil || t.Position == nil {
		return Pos{1, 1}
	}
	return Pos{max(t.Position.Line, 1), max(t.Position.Column, 1)}
}

func nodePos(n ast.Node) Pos {
	switch m := n.(type) {
	case nil:
		return Pos{1, 1}
	case *ast.MappingNode:
		// A mapping starts at its first key (or its '{'), not at its first ':'.
		if m.IsFlowStyle && m.Start != nil {
			return tokPos(m.Start)
		}
		if len(m.Values) > 0 && m.Values[0] != nil {
			return nodePos(m.Values[0])
		}
	case *ast.MappingValueNode:
		if m.Key != nil {
			return nodePos(m.Key)
		}
	}
	return tokPos(n.GetToken())
}

// Escape escapes a key for use as a JSON pointer token.
func Escape(k string) string {
	if !strings.ContainsAny(k, "~/") {
		return k
	}
	return escaper.Replace(k)
}

var escaper = strings.NewReplacer("~", "~0", "/", "~1")

type converter struct {
	doc     *Doc
	anchors map[string]ast.Node
	// expanding counts the aliases being expanded; expanded counts the
	// values produced inside them and expandedBytes their strings' bytes.
	expanding, expanded, expandedBytes int
}

const (
	maxDepth = 200
	// maxExpanded bounds the values aliases may expand to, so that aliases
	// of aliases (a "billion laughs") cannot exhaust memory or time.
	maxExpanded = 100_000
	// MaxExpandedBytes bounds the bytes of the strings (keys and values)
	// that aliases expand to, 1 MiB: a few aliases of one long string would
	// otherwise become gigabytes once the document is copied and checked.
	MaxExpandedBytes = 1 << 20
)

// count adds a string of n bytes produced by node to the expansion tally,
// when inside an alias, and fails past MaxExpandedBytes.
func (c *converter) count(node ast.Node, n int) error {
	if c.expanding == 0 {
		return nil
	}
	if c.expandedBytes += n; c.expandedBytes > MaxExpandedBytes {
		return &Error{nodePos(node), fmt.Sprintf("YAML aliases expand to more than %d bytes of text", MaxExpandedBytes)}
	}
	return nil
}

func (c *converter) convert(n ast.Node, ptr string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, &Error{nodePos(n), "YAML nested too deeply"}
	}
	if c.expanding > 0 {
		if c.expanded++; c.expanded > maxExpanded {
			return nil, &Error{nodePos(n), "YAML aliases expand to too many values"}
		}
	}
	if n == nil {
		return nil, nil
	}
	if _, seen := c.doc.Values[ptr]; !seen {
		c.doc.Values[ptr] = nodePos(n)
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		return c.mapping(n.Values, ptr, depth)
	case *ast.MappingValueNode:
		return c.mapping([]*ast.MappingValueNode{n}, ptr, depth)
	case *ast.SequenceNode:
		out := make([]any, 0, len(n.Values))
		for i, item := range n.Values {
			v, err := c.convert(item, ptr+"/"+strconv.Itoa(i), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case *ast.StringNode:
		return n.Value, c.count(n, len(n.Value))
	case *ast.LiteralNode:
		if n.Value == nil {
			return "", nil
		}
		return n.Value.Value, c.count(n, len(n.Value.Value))
	case *ast.IntegerNode, *ast.FloatNode:
		return asWritten(n.GetToken().Value), nil
	case *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, nil
	case *ast.BoolNode:
		return n.Value, nil
	case *ast.NullNode:
		return nil, nil
	case *ast.TagNode:
		return c.convert(n.Value, ptr, depth+1)
	case *ast.AnchorNode:
		if n.Name != nil {
			c.anchors[n.Name.GetToken().Value] = n.Value
		}
		return c.convert(n.Value, ptr, depth+1)
	case *ast.AliasNode:
		name := ""
		if n.Value != nil {
			name = n.Value.GetToken().Value
		}
		target, ok := c.anchors[name]
		if !ok {
			return nil, &Error{nodePos(n), fmt.Sprintf("YAML alias *%s has no anchor", name)}
		}
		c.expanding++
		v, err := c.convert(target, ptr, depth+1)
		c.expanding--
		return v, err
	case *ast.CommentNode, *ast.CommentGroupNode:
		return nil, nil
	}
	return nil, &Error{nodePos(n), fmt.Sprintf("unsupported YAML node (%s)", n.Type())}
}

// decimal matches a number as JSON writes it: no leading zero, sign "+",
// hex, octal, binary or underscores.
var decimal = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`) })

// asWritten returns a number token's text as a json.Number when it is a
// decimal number, and as a string otherwise: YAML 1.1 would read 0100 as
// octal 64 and 0x7D1 or 2_001 as 2001, which a dataset author writing a year
// does not mean. Such a value is then checked as the text it is.
func asWritten(text string) any {
	if decimal().MatchString(text) {
		return json.Number(text)
	}
	return text
}

func (c *converter) mapping(values []*ast.MappingValueNode, ptr string, depth int) (any, error) {
	out := make(map[string]any, len(values))
	for _, mv := range values {
		if mv == nil {
			continue
		}
		key, kpos, err := c.key(mv.Key)
		if err != nil {
			return nil, err
		}
		if _, dup := out[key]; dup {
			return nil, &Error{kpos, "duplicate key " + clip.Quote(key)}
		}
		if err := c.count(mv.Key, len(key)); err != nil {
			return nil, err
		}
		child := ptr + "/" + Escape(key)
		c.doc.Keys[child] = kpos
		var v any
		if mv.Value != nil {
			// A key with no value: its position is the key's.
			if _, isNull := mv.Value.(*ast.NullNode); isNull {
				c.doc.Values[child] = kpos
			}
			v, err = c.convert(mv.Value, child, depth+1)
			if err != nil {
				return nil, err
			}
		}
		out[key] = v
	}
	return out, nil
}

func (c *converter) key(k ast.MapKeyNode) (string, Pos, error) {
	var n ast.Node = k
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		n = mk.Value
	}
	pos := nodePos(n)
	switch n := n.(type) {
	case *ast.MergeKeyNode:
		// <<: *anchor; a quoted "<<" is a StringNode, an ordinary key.
		return "", pos, &Error{pos, "YAML merge keys (<<) are not supported in dataset files"}
	case *ast.StringNode:
		return n.Value, pos, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NullNode:
		return n.GetToken().Value, pos, nil
	}
	return "", pos, &Error{pos, "mapping keys must be plain strings"}
}
