package loader

import (
	"bytes"
	json "github.com/goccy/go-json"
	"unicode/utf8"

	"github.com/dyad-kg/dyad/graph"
)

// The fast path reads the files dyad gen writes, and any file of the same
// shape, without the YAML parser: each record is one line "  - {...}"
// holding a JSON object (JSON is YAML), checked against the record's own
// part of the schema as it is scanned (see scanRecord) and decoded once,
// with goccy/go-json, into the typed record. It takes a file only
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
// false when the YAML reader must read the file. The line is checked as it
// is scanned (see scanRecord) and decoded once, into the typed record; the
// full validator decides, on the generic value, only where the fast checks
// are unsure.
func fastRecord(list string, obj []byte, loc graph.Loc) (any, bool) {
	if obj[len(obj)-1] != '}' {
		return nil, false
	}
	switch scanRecord(recordChecks[list], obj) {
	case fail:
		return nil, false
	case unsure:
		if !schemaValid(list, obj) {
			return nil, false
		}
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

// schemaValid reports whether the record line obj of list, which the scan
// found well-formed, is valid by the full validator.
func schemaValid(list string, obj []byte) bool {
	sch := recordSchemas[list]
	if sch == nil {
		return false
	}
	d := json.NewDecoder(bytes.NewReader(obj))
	d.UseNumber()
	var generic map[string]any
	return d.Decode(&generic) == nil && sch.Validate(generic) == nil
}
