package loader

import (
	"bytes"
	json "github.com/goccy/go-json"
	"unicode/utf8"

	"github.com/dyad-kg/dyad/graph"
)

// The fast path reads the files dyad gen writes, and any file of the same
// shape, without the YAML parser: each record is one line "  - {...}"
// holding a JSON object (JSON is YAML), decoded with encoding/json and
// checked against the record's own part of the schema. It takes a file only
// when it can be sure the YAML reader would read the same records without a
// single problem; on any doubt (a line of another shape, an escape, a
// number that is not a short integer, a duplicate key, a schema problem, a
// decoding error) it gives the file up and the YAML reader reads it, so
// that every message is the YAML reader's. Records read here carry the
// position of their '{' but no field positions: when the dataset has a
// semantic problem, read re-reads the files it concerns with the YAML
// reader (see reread).

// fastItemPrefix is how a record line of the fast path starts.
const fastItemPrefix = "  - {"

// maxFastDepth bounds the nesting of a record the fast path takes: a record
// the schema accepts is at most five levels deep.
const maxFastDepth = 16

// fastEnabled is false when the schema's top level is not the plain mapping
// of lists of records the fast path assumes (see compiledSchema), and in
// tests that compare the fast path with the YAML reader.
var fastEnabled = true

// readFast reads the file name with the fast path into a dataset of its
// own, or returns false when the file must be read by the YAML reader.
func readFast(name string, src []byte) (*graph.Dataset, bool) {
	if !fastEnabled || !plainText(src) {
		return nil, false
	}
	if _, err := compiledSchema(); err != nil || len(recordSchemas) == 0 {
		return nil, false
	}
	known := map[string]bool{}
	for _, l := range lists() {
		known[l] = true
	}
	byList := map[string][]graph.Record{}
	var claims []*graph.Claim
	list, items := "", 0
	lineNo := 0
	for len(src) > 0 {
		lineNo++
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		switch {
		case len(line) == 0 || line[0] == '#':
		case bytes.HasPrefix(line, []byte(fastItemPrefix)):
			if list == "" {
				return nil, false
			}
			loc := graph.Loc{Pos: graph.Pos{File: name, Line: lineNo, Col: len(fastItemPrefix)}}
			r, ok := fastRecord(list, line[len(fastItemPrefix)-1:], loc)
			if !ok {
				return nil, false
			}
			if c, isClaim := r.(*graph.Claim); isClaim {
				claims = append(claims, c)
			} else {
				byList[list] = append(byList[list], r.(graph.Record))
			}
			items++
		case line[len(line)-1] == ':':
			key := string(line[:len(line)-1])
			if !known[key] || seenList(byList, claims, key) || (list != "" && items == 0) {
				return nil, false // unknown, repeated or empty list: the YAML reader says so
			}
			if key == "claims" {
				claims = []*graph.Claim{}
			} else {
				byList[key] = []graph.Record{}
			}
			list, items = key, 0
		default:
			return nil, false
		}
	}
	if list == "" || items == 0 {
		return nil, false
	}
	ds := &graph.Dataset{Invalid: map[string]bool{}}
	// The YAML reader adds a file's records list by list, in registry order.
	for _, k := range graph.Kinds() {
		for _, r := range byList[k.List] {
			k.AddTo(ds, r)
		}
	}
	ds.Claims = claims
	return ds, true
}

// seenList reports whether the list key has already appeared in the file.
func seenList(byList map[string][]graph.Record, claims []*graph.Claim, key string) bool {
	if key == "claims" {
		return claims != nil
	}
	_, ok := byList[key]
	return ok
}

// fastRecord decodes one record line of list (a JSON object), or returns
// false when the YAML reader must read the file.
func fastRecord(list string, obj []byte, loc graph.Loc) (any, bool) {
	if obj[len(obj)-1] != '}' {
		return nil, false
	}
	keys, ok := scanLine(obj)
	if !ok {
		return nil, false
	}
	d := json.NewDecoder(bytes.NewReader(obj))
	d.UseNumber()
	var generic map[string]any
	if d.Decode(&generic) != nil || d.More() || countKeys(generic) != keys {
		return nil, false // not JSON, more than one value, or a duplicate key
	}
	if !schemaValid(list, generic) {
		return nil, false
	}
	if list == "claims" {
		c := &graph.Claim{}
		if json.Unmarshal(obj, c) != nil {
			return nil, false
		}
		c.Loc = loc
		return c, true
	}
	r := graph.KindByList(list).New()
	if json.Unmarshal(obj, r) != nil {
		return nil, false
	}
	graph.EntityOf(r).Loc = loc
	return r, true
}

// plainText reports whether src is UTF-8 text the fast path may take: no
// byte-order mark, no tab or carriage return, no backslash (so no escape
// in a string), no control character or line separator of any kind.
func plainText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && n <= 1, r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029,
			r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += n
	}
	return true
}

// scanLine counts the keys of the objects in a one-line JSON value that
// holds no backslash, and reports false for what the fast path leaves to
// the YAML reader: nesting deeper than maxFastDepth, and numbers other than
// integers of at most 15 digits (YAML reads some other forms differently).
func scanLine(b []byte) (int, bool) {
	keys, depth := 0, 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			j := bytes.IndexByte(b[i+1:], '"')
			if j < 0 {
				return 0, false
			}
			i += j + 1
			k := i + 1
			for k < len(b) && b[k] == ' ' {
				k++
			}
			if k < len(b) && b[k] == ':' {
				keys++
			}
		case c == '{' || c == '[':
			if depth++; depth > maxFastDepth {
				return 0, false
			}
		case c == '}' || c == ']':
			depth--
		case c == '-' || ('0' <= c && c <= '9'):
			j := i
			for j < len(b) && bytes.IndexByte([]byte("0123456789.eE+-"), b[j]) >= 0 {
				j++
			}
			if !shortInt(b[i:j]) {
				return 0, false
			}
			i = j - 1
		}
	}
	return keys, true
}

// shortInt reports whether b is an integer as JSON writes it, of at most
// 15 digits.
func shortInt(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("-"))
	if len(b) == 0 || len(b) > 15 || (b[0] == '0' && len(b) > 1) {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// countKeys returns the number of keys in the objects inside v.
func countKeys(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := len(x)
		for _, c := range x {
			n += countKeys(c)
		}
		return n
	case []any:
		n := 0
		for _, c := range x {
			n += countKeys(c)
		}
		return n
	}
	return 0
}

// schemaValid reports whether the record v of list is valid, by its fast
// check when it is sure, and otherwise by the full validator.
func schemaValid(list string, v map[string]any) bool {
	verdict := unsure
	if c := recordChecks[list]; c != nil {
		verdict = c.test(v)
	}
	switch verdict {
	case pass:
		return true
	case fail:
		return false
	}
	sch := recordSchemas[list]
	return sch != nil && sch.Validate(v) == nil
}
