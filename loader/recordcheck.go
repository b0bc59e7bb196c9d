package loader

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// recordCheck is one part of the dataset schema compiled for the fast path:
// it tells whether a record line is valid (see scanRecord, which applies it
// as it scans the line's bytes), for the few keywords the schema uses, many
// times faster than the full validator. It never passes a value the full
// validator rejects: where it cannot be sure (a format other than
// dyad-date, uniqueItems over values other than strings) it says so, and
// the full validator decides. It is compiled from the same schema
// document, and not at all when the schema uses a keyword it does not know
// (the full validator then checks every record).
type recordCheck struct {
	types     []string // empty: any type
	props     map[string]*recordCheck
	closed    bool // additionalProperties: false
	required  []string
	items     *recordCheck
	minItems  int // -1: none
	maxItems  int // -1: none
	unique    bool
	enum      []string // nil: none
	pattern   *regexp.Regexp
	match     func([]byte) bool // pattern's matcher (see knownPatterns)
	minLength int               // -1: none
	minimum   *float64
	maximum   *float64
	format    string
	ref       *recordCheck
}

// verdict is what a recordCheck says of a value.
type verdict int

const (
	pass   verdict = iota
	unsure         // the full validator must decide
	fail
)

// annotations are the keywords that do not constrain a value.
var annotations = []string{"description", "title", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly"}

// recordCompiler compiles the parts of the schema document doc.
type recordCompiler struct {
	doc  map[string]any
	defs map[string]*recordCheck
}

// compileRecordChecks compiles the schema of the items of each list of the
// schema document doc, as compileRecordSchemas does for the full
// validator; it returns nil when the schema uses a keyword the checks do
// not know.
func compileRecordChecks(doc any) map[string]*recordCheck {
	root, _ := doc.(map[string]any)
	rc := &recordCompiler{doc: root, defs: map[string]*recordCheck{}}
	props, _ := root["properties"].(map[string]any)
	out := map[string]*recordCheck{}
	for _, list := range lists() {
		p, _ := props[list].(map[string]any)
		items, _ := p["items"].(map[string]any)
		c, err := rc.compile(items)
		if err != nil {
			return nil
		}
		out[list] = c
	}
	return out
}

// compile compiles one schema object.
func (rc *recordCompiler) compile(s map[string]any) (*recordCheck, error) {
	c := &recordCheck{minItems: -1, maxItems: -1, minLength: -1}
	for k, v := range s {
		if err := rc.keyword(c, k, v); err != nil {
			return nil, err
		}
	}
	if c.ref != nil && c.onlyRef() {
		return c.ref, nil // a record's item schema is only a $ref: scan once
	}
	return c, nil
}

// onlyRef reports whether c checks nothing but its $ref.
func (c *recordCheck) onlyRef() bool {
	return c.types == nil && c.props == nil && !c.closed && c.required == nil && c.items == nil &&
		c.minItems < 0 && c.maxItems < 0 && !c.unique && c.enum == nil && c.pattern == nil &&
		c.minLength < 0 && c.minimum == nil && c.maximum == nil && c.format == ""
}

// keyword compiles the keyword k of value v into c.
func (rc *recordCompiler) keyword(c *recordCheck, k string, v any) error {
	var err error
	switch k {
	case "$ref":
		c.ref, err = rc.resolve(v)
	case "type":
		c.types, err = stringList(v)
	case "properties":
		c.props, err = rc.properties(v)
	case "additionalProperties":
		if v != false {
			err = fmt.Errorf("additionalProperties %v", v)
		}
		c.closed = true
	case "required":
		c.required, err = stringList(v)
	case "items":
		c.items, err = rc.sub(v)
	case "minItems":
		c.minItems, err = count(v)
	case "maxItems":
		c.maxItems, err = count(v)
	case "uniqueItems":
		c.unique = v == true
	case "enum":
		c.enum, err = stringList(v)
	case "pattern":
		c.pattern, err = regexp.Compile(fmt.Sprint(v))
		c.match = knownPatterns[fmt.Sprint(v)]
		if c.match == nil && c.pattern != nil {
			c.match = c.pattern.Match
		}
	case "minLength":
		c.minLength, err = count(v)
	case "minimum":
		c.minimum, err = bound(v)
	case "maximum":
		c.maximum, err = bound(v)
	case "format":
		c.format = fmt.Sprint(v)
	default:
		if !slices.Contains(annotations, k) {
			err = fmt.Errorf("keyword %s", k)
		}
	}
	return err
}

// resolve compiles the schema a "#/$defs/name" reference names, once.
func (rc *recordCompiler) resolve(v any) (*recordCheck, error) {
	ref, _ := v.(string)
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok || strings.ContainsAny(name, "/~") {
		return nil, fmt.Errorf("$ref %v", v)
	}
	if c, ok := rc.defs[name]; ok {
		return c, nil
	}
	defs, _ := rc.doc["$defs"].(map[string]any)
	s, ok := defs[name].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("$ref %v", v)
	}
	c := &recordCheck{}
	rc.defs[name] = c // a schema that refers to itself finds it
	compiled, err := rc.compile(s)
	if err != nil {
		return nil, err
	}
	*c = *compiled
	return c, nil
}

func (rc *recordCompiler) sub(v any) (*recordCheck, error) {
	s, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("schema %v", v)
	}
	return rc.compile(s)
}

func (rc *recordCompiler) properties(v any) (map[string]*recordCheck, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("properties %v", v)
	}
	out := make(map[string]*recordCheck, len(m))
	for name, s := range m {
		c, err := rc.sub(s)
		if err != nil {
			return nil, err
		}
		out[name] = c
	}
	return out, nil
}

func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("not a string: %v", e)
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("not a string list: %v", v)
}

func count(v any) (int, error) {
	f, err := bound(v)
	if err != nil || *f < 0 || *f != float64(int(*f)) {
		return 0, fmt.Errorf("not a count: %v", v)
	}
	return int(*f), nil
}

func bound(v any) (*float64, error) {
	var f float64
	var err error
	switch x := v.(type) {
	case json.Number:
		f, err = x.Float64()
	case float64:
		f = x
	default:
		err = fmt.Errorf("not a number: %v", v)
	}
	return &f, err
}
