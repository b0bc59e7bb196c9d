package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/message"

	"github.com/dyad-kg/dyad/data"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/suggest"
	"github.com/dyad-kg/dyad/internal/yamlpos"
)

// ErrNoFiles is returned when a folder holds no dataset files.
var ErrNoFiles = errors.New("no dataset files (*.yaml)")

// ReadDir reads and validates the dataset in the folder dir, with positions
// reported against paths under dir.
func ReadDir(dir string) (*graph.Dataset, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("dataset folder: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("dataset folder %s: not a folder", dir)
	}
	return read(os.DirFS(dir), func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) })
}

// Read reads and validates the dataset in fsys: every *.yaml or *.yml file,
// in any folder. Positions are reported against paths within fsys.
func Read(fsys fs.FS) (*graph.Dataset, error) {
	return read(fsys, func(name string) string { return name })
}

func read(fsys fs.FS, display func(string) string) (*graph.Dataset, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir // .git, .github and other tools' folders
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading dataset: %w", err)
	}
	if len(names) == 0 {
		return nil, ErrNoFiles
	}
	sort.Strings(names)
	ds := &graph.Dataset{Invalid: map[string]bool{}}
	var errs graph.ErrorList
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			var perr *fs.PathError
			if errors.As(err, &perr) {
				err = perr.Err
			}
			errs.Add(graph.Pos{File: display(name), Line: 1, Col: 1}, "cannot read the file: %v", err)
			continue
		}
		readFile(ds, display(name), src, &errs)
	}
	errs = append(errs, ds.Validate()...)
	errs.Sort()
	if len(errs) > 0 {
		return nil, errs
	}
	return ds, nil
}

// ReadFile parses and schema-checks one dataset file's contents, adding its
// records to ds and its problems to errs. The caller validates ds as a whole
// afterwards. It is exported for tools that assemble datasets themselves.
func ReadFile(ds *graph.Dataset, name string, src []byte, errs *graph.ErrorList) {
	if ds.Invalid == nil {
		ds.Invalid = map[string]bool{}
	}
	readFile(ds, name, src, errs)
}

func readFile(ds *graph.Dataset, name string, src []byte, errs *graph.ErrorList) {
	at := func(p yamlpos.Pos) graph.Pos { return graph.Pos{File: name, Line: p.Line, Col: p.Col} }
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "file is empty")
		return
	}
	doc, err := yamlpos.Parse(src)
	var perr *yamlpos.Error
	switch {
	case errors.Is(err, yamlpos.ErrEmpty):
		errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "file is empty: it holds only comments")
		return
	case errors.As(err, &perr):
		errs.Add(at(perr.Pos), "%s", perr.Msg)
		return
	case err != nil:
		errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "%v", err)
		return
	}
	bad := map[string]bool{} // JSON pointers of list items with schema errors
	for _, e := range schemaErrors(doc.Value) {
		pos := doc.At(e.ptr)
		if e.key {
			pos = doc.KeyAt(e.ptr)
		}
		errs.Add(at(pos), "%s", e.msg)
		if parts := strings.SplitN(strings.TrimPrefix(e.ptr, "/"), "/", 3); len(parts) >= 2 {
			bad["/"+parts[0]+"/"+parts[1]] = true
		} else {
			bad[""] = true // the file's shape is wrong: skip it all
		}
	}
	root, ok := doc.Value.(map[string]any)
	if !ok || bad[""] {
		return
	}
	for _, list := range []string{"states", "regions", "disputes", "events", "stances", "factors", "relations", "sources", "claims"} {
		items, _ := root[list].([]any)
		for i, item := range items {
			ptr := "/" + list + "/" + strconv.Itoa(i)
			if bad[ptr] {
				if m, ok := item.(map[string]any); ok {
					if id, ok := m["id"].(string); ok {
						ds.Invalid[id] = true
					}
				}
				continue
			}
			loc := graph.Loc{Pos: at(doc.At(ptr)), Fields: map[string]graph.Pos{}}
			fieldPositions(doc, item, ptr, "", func(rel string, p yamlpos.Pos) { loc.Fields[rel] = at(p) })
			if err := decode(ds, list, item, loc); err != nil {
				errs.Add(loc.Pos, "%v", err)
			}
		}
	}
}

// fieldPositions reports the position of every value inside v (found at
// ptr in doc) by its path relative to the record: "evidence/0/source".
func fieldPositions(doc *yamlpos.Doc, v any, ptr, rel string, fn func(string, yamlpos.Pos)) {
	switch x := v.(type) {
	case map[string]any:
		for k, child := range x {
			key := yamlpos.Escape(k)
			fieldPositions(doc, child, ptr+"/"+key, join(rel, key), fn)
		}
	case []any:
		for i, child := range x {
			fieldPositions(doc, child, ptr+"/"+strconv.Itoa(i), join(rel, strconv.Itoa(i)), fn)
		}
	}
	if rel != "" {
		if p, ok := doc.Values[ptr]; ok {
			fn(rel, p)
		}
	}
}

func join(rel, tok string) string {
	if rel == "" {
		return tok
	}
	return rel + "/" + tok
}

func decode(ds *graph.Dataset, list string, item any, loc graph.Loc) error {
	b, err := json.Marshal(item)
	if err != nil {
		return err
	}
	into := func(v any) error { return json.Unmarshal(b, v) }
	switch list {
	case "states":
		x := &graph.State{}
		err = into(x)
		x.Loc = loc
		ds.States = append(ds.States, x)
	case "regions":
		x := &graph.Region{}
		err = into(x)
		x.Loc = loc
		ds.Regions = append(ds.Regions, x)
	case "disputes":
		x := &graph.Dispute{}
		err = into(x)
		x.Loc = loc
		ds.Disputes = append(ds.Disputes, x)
	case "events":
		x := &graph.Event{}
		err = into(x)
		x.Loc = loc
		ds.Events = append(ds.Events, x)
	case "stances":
		x := &graph.Stance{}
		err = into(x)
		x.Loc = loc
		ds.Stances = append(ds.Stances, x)
	case "factors":
		x := &graph.Factor{}
		err = into(x)
		x.Loc = loc
		ds.Factors = append(ds.Factors, x)
	case "relations":
		x := &graph.Relation{}
		err = into(x)
		x.Loc = loc
		ds.Relations = append(ds.Relations, x)
	case "sources":
		x := &graph.Source{}
		err = into(x)
		x.Loc = loc
		ds.Sources = append(ds.Sources, x)
	case "claims":
		x := &graph.Claim{}
		err = into(x)
		x.Loc = loc
		ds.Claims = append(ds.Claims, x)
	}
	return err
}

// schemaError is one schema violation at a JSON pointer; key says whether
// it is best shown at the key rather than the value.
type schemaError struct {
	ptr string
	key bool
	msg string
}

var (
	schemaOnce sync.Once
	schemaDoc  any
	schema     *jsonschema.Schema
	schemaErr  error
)

const schemaURL = "https://github.com/dyad-kg/dyad/data/schema/dyad.schema.json"

func compiledSchema() (*jsonschema.Schema, error) {
	schemaOnce.Do(func() {
		schemaDoc, schemaErr = jsonschema.UnmarshalJSON(bytes.NewReader(data.Schema))
		if schemaErr != nil {
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		c.RegisterFormat(&jsonschema.Format{Name: "dyad-date", Validate: validateDate})
		if schemaErr = c.AddResource(schemaURL, schemaDoc); schemaErr != nil {
			return
		}
		schema, schemaErr = c.Compile(schemaURL)
	})
	return schema, schemaErr
}

func schemaErrors(v any) []schemaError {
	sch, err := compiledSchema()
	if err != nil {
		panic(fmt.Sprintf("dyad: the embedded dataset schema does not compile: %v", err))
	}
	err = sch.Validate(v)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []schemaError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		out = append(out, describe(e)...)
	}
	walk(ve)
	return out
}

var printer = message.NewPrinter(message.MatchLanguage("en"))

func pointer(loc []string) string {
	var b strings.Builder
	for _, t := range loc {
		b.WriteByte('/')
		b.WriteString(yamlpos.Escape(t))
	}
	return b.String()
}

// field names the value at loc for a message: its key, or its list's key.
func field(loc []string) string {
	for i := len(loc) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(loc[i]); err != nil {
			return loc[i]
		}
	}
	return "file"
}

var patternHelp = map[string]string{
	"^[A-Z]{3}$":                         "want an ISO 3166-1 alpha-3 code such as RUS (SUN for the Soviet Union)",
	"^[A-Za-z0-9][A-Za-z0-9_.-]*$":       "want letters, digits, '-', '_' or '.'",
	"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "want a date: YYYY, YYYY-MM or YYYY-MM-DD",
}

func describe(e *jsonschema.ValidationError) []schemaError {
	ptr := pointer(e.InstanceLocation)
	name := field(e.InstanceLocation)
	one := func(format string, args ...any) []schemaError {
		return []schemaError{{ptr: ptr, msg: name + ": " + fmt.Sprintf(format, args...)}}
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var out []schemaError
		for _, m := range k.Missing {
			out = append(out, schemaError{ptr: ptr, msg: fmt.Sprintf("missing field %q", m)})
		}
		return out
	case *kind.AdditionalProperties:
		allowed := schemaProperties(e.SchemaURL)
		var out []schemaError
		for _, p := range k.Properties {
			msg := fmt.Sprintf("unknown field %q", p)
			if s := suggest.Closest(p, allowed); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else if len(allowed) > 0 {
				msg += " (want " + strings.Join(allowed, ", ") + ")"
			}
			out = append(out, schemaError{ptr: ptr + "/" + yamlpos.Escape(p), key: true, msg: msg})
		}
		return out
	case *kind.Type:
		if k.Got == "null" {
			return one("missing value: want %s", strings.Join(k.Want, " or "))
		}
		if len(e.InstanceLocation) == 0 {
			return []schemaError{{ptr: ptr, msg: fmt.Sprintf("a dataset file must be a mapping of lists (states, events, claims...), got %s", k.Got)}}
		}
		return one("wrong type: got %s, want %s", k.Got, strings.Join(k.Want, " or "))
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = fmt.Sprint(w)
		}
		return one("invalid value %q: want one of %s", fmt.Sprint(k.Got), strings.Join(want, ", "))
	case *kind.Pattern:
		if help, ok := patternHelp[k.Want]; ok {
			return one("invalid value %q: %s", k.Got, help)
		}
		return one("invalid value %q: want a match for %s", k.Got, k.Want)
	case *kind.MinLength:
		return one("must not be empty")
	case *kind.MinItems:
		return one("needs at least %d item(s), got %d", k.Want, k.Got)
	case *kind.MaxItems:
		return one("takes at most %d item(s), got %d", k.Want, k.Got)
	case *kind.UniqueItems:
		return one("items %d and %d are the same", k.Duplicates[0]+1, k.Duplicates[1]+1)
	case *kind.Minimum:
		return one("%s is below the minimum %s", ratString(k.Got), ratString(k.Want))
	case *kind.Maximum:
		return one("%s is above the maximum %s", ratString(k.Got), ratString(k.Want))
	case *kind.Format:
		if k.Err != nil {
			return one("%v", k.Err)
		}
		return one("invalid %s %q", k.Want, fmt.Sprint(k.Got))
	}
	return one("%s", e.ErrorKind.LocalizedString(printer))
}

// validateDate checks that a date string names a real calendar day, month
// or year; the schema's pattern has already checked its shape.
func validateDate(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if !datePattern.MatchString(s) {
		return nil // reported by the pattern keyword
	}
	_, err := graph.ParseDate(s)
	return err
}

var datePattern = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

func ratString(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	return r.RatString()
}

// schemaProperties returns the property names allowed by the schema object
// whose additionalProperties keyword failed, for "did you mean" hints.
func schemaProperties(url string) []string {
	_, frag, ok := strings.Cut(url, "#")
	if !ok {
		return nil
	}
	var cur any = schemaDoc
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "additionalProperties" {
			break
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)]
	}
	m, _ := cur.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for p := range props {
		names = append(names, p)
	}
	sort.Strings(names)
	return names
}
