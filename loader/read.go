package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/message"

	"github.com/dyad-kg/dyad/data"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/clip"
	"github.com/dyad-kg/dyad/internal/suggest"
	"github.com/dyad-kg/dyad/internal/yamlpos"
)

// ErrNoFiles is returned when a folder holds no dataset files.
var ErrNoFiles = errors.New("no dataset files (*.yaml)")

// MaxFileSize is the largest dataset file the reader takes, 4 MiB. Reading a
// file costs about 100 times its size in memory while it is parsed and
// checked (the syntax tree, the plain values, the schema check), so one file
// costs at most about 400 MB; a larger file is refused, before it is read,
// with a message that says to split it. A dataset may have any number of
// files: what is kept of each is proportional to its records. The shipped
// files are under 50 kB and dyad gen writes 1,000 records per file.
const MaxFileSize = 4 << 20

// maxFileSize is MaxFileSize, lowered by tests and fuzz targets.
var maxFileSize int64 = MaxFileSize

// ReadDir reads and validates the dataset in the folder dir, with positions
// reported against paths under dir. It reads regular files only, and no
// further than dir: a symbolic link is followed only by a relative path to
// a file inside dir (os.Root enforces it, races included).
func ReadDir(dir string) (*graph.Dataset, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("dataset folder: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("dataset folder %s: not a folder", dir)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("dataset folder: %w", err)
	}
	defer root.Close()
	return read(root.FS(), func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) })
}

// Read reads and validates the dataset in fsys: every *.yaml or *.yml file
// (in any letter case), in any folder but hidden ones. Positions are
// reported against paths within fsys. Only regular files are read, each of
// at most MaxFileSize bytes.
func Read(fsys fs.FS) (*graph.Dataset, error) {
	return read(fsys, func(name string) string { return name })
}

// isDatasetFile reports whether a file name is a dataset file's: *.yaml or
// *.yml, in any letter case (STATES.YAML is one).
func isDatasetFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func read(fsys fs.FS, display func(string) string) (*graph.Dataset, error) {
	var files []fs.DirEntry
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir // .git, .github and other tools' folders
		}
		if !d.IsDir() && isDatasetFile(p) {
			names = append(names, p)
			files = append(files, d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading dataset: %w", err)
	}
	if len(names) == 0 {
		return nil, ErrNoFiles
	}
	sort.Sort(byName{names, files})
	r := &reader{fsys: fsys, names: names, files: files, display: display}
	r.readAll()
	ds, first, errs, hide := r.merge()
	readSourceFiles(fsys, display, ds, &first) // sources.bib, sources.json: loader/bibtex.go
	semantic := ds.Validate()
	if redo := r.reread(ds, semantic); redo {
		ds, first, errs, hide = r.merge()
		readSourceFiles(fsys, display, ds, &first)
		semantic = ds.Validate()
	}
	for _, e := range semantic {
		if !hide[e.Pos] {
			errs = append(errs, e)
		}
	}
	first.Sort()
	errs.Sort()
	if all := append(first, errs...); len(all) > 0 {
		return nil, all
	}
	return ds, nil
}

type byName struct {
	names []string
	files []fs.DirEntry
}

func (b byName) Len() int           { return len(b.names) }
func (b byName) Less(i, j int) bool { return b.names[i] < b.names[j] }
func (b byName) Swap(i, j int) {
	b.names[i], b.names[j] = b.names[j], b.names[i]
	b.files[i], b.files[j] = b.files[j], b.files[i]
}

// readBounded reads the file name of fsys if it is a regular file of at
// most maxFileSize bytes, and otherwise says why not. It looks at what the
// name leads to before opening it, so that a named pipe or a device is never
// opened (opening a pipe blocks until someone writes to it).
func readBounded(fsys fs.FS, name string, d fs.DirEntry) ([]byte, string) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, statProblem(err, d.Type()&fs.ModeSymlink != 0)
	}
	if msg := notRegular(st); msg != "" {
		return nil, msg
	}
	if msg := tooLarge(st.Size()); msg != "" {
		return nil, msg
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, statProblem(err, false)
	}
	defer f.Close()
	if st, err = f.Stat(); err == nil { // it may have changed since
		if msg := notRegular(st); msg != "" {
			return nil, msg
		}
	}
	src, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, statProblem(err, false)
	}
	if msg := tooLarge(int64(len(src))); msg != "" {
		return nil, msg // it grew since
	}
	return src, ""
}

func statProblem(err error, symlink bool) string {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		err = perr.Err
	}
	var errno syscall.Errno
	switch {
	case symlink && errors.Is(err, fs.ErrNotExist):
		return "cannot read the file: a symbolic link to a file that does not exist"
	case symlink && !errors.As(err, &errno):
		// os.Root refuses a link out of the folder, or by an absolute path
		// ("path escapes from parent"), which is not a system error.
		return "a symbolic link out of the dataset folder, or by an absolute path: only files inside the folder are read, through relative links"
	}
	return fmt.Sprintf("cannot read the file: %v", err)
}

func notRegular(st fs.FileInfo) string {
	m := st.Mode()
	if m.IsRegular() {
		return ""
	}
	what := "a special file"
	switch {
	case m.IsDir():
		what = "a folder"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return "not a regular file (" + what + "): only regular files are read"
}

func tooLarge(size int64) string {
	if size <= maxFileSize {
		return ""
	}
	return fmt.Sprintf("file is too large: %.1f MiB, over the %s a dataset file may be; split it into several files",
		float64(size)/(1<<20), sizeString(maxFileSize))
}

// sizeString writes a limit as "4 MiB", or in bytes when it is not a whole
// number of MiB (as in tests).
func sizeString(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadFile parses and schema-checks one dataset file's contents, adding its
// records to ds and its problems to errs. The caller validates ds as a whole
// afterwards. It is exported for tools that assemble datasets themselves.
func ReadFile(ds *graph.Dataset, name string, src []byte, errs *graph.ErrorList) {
	if ds.Invalid == nil {
		ds.Invalid = map[string]bool{}
	}
	readFile(ds, name, src, errs, map[graph.Pos]bool{})
}

// readFile reads one file's records into ds and its problems into errs. It
// reports false when the file as a whole could not be parsed; the ids its
// text seems to define are then marked invalid in ds, so that references to
// them are not reported as unknown. Records with schema problems are still
// decoded, without their faulty values, for the semantic checks; the
// positions of those problems and records are added to hide.
func readFile(ds *graph.Dataset, name string, src []byte, errs *graph.ErrorList, hide map[graph.Pos]bool) bool {
	at := func(p yamlpos.Pos) graph.Pos { return graph.Pos{File: name, Line: p.Line, Col: p.Col} }
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "file is empty")
		return true
	}
	doc, err := yamlpos.Parse(src)
	var perr *yamlpos.Error
	switch {
	case errors.Is(err, yamlpos.ErrEmpty):
		errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "file is empty: it holds only comments")
		return true
	case errors.As(err, &perr):
		errs.Add(at(perr.Pos), "%s", perr.Msg)
		markIDs(ds, src)
		return false
	case err != nil:
		errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "%v", err)
		markIDs(ds, src)
		return false
	}
	bad := map[string][]string{} // the faulty values' pointers, by list item
	for _, e := range schemaErrors(doc.Value) {
		pos := doc.At(e.ptr)
		if e.key {
			pos = doc.KeyAt(e.ptr)
		}
		errs.Add(at(pos), "%s", e.msg)
		hide[at(pos)] = true
		if parts := strings.SplitN(strings.TrimPrefix(e.ptr, "/"), "/", 3); len(parts) >= 2 {
			item := "/" + parts[0] + "/" + parts[1]
			bad[item] = append(bad[item], e.faulty()...)
		} else {
			bad[""] = nil // the file's shape is wrong: skip it all
		}
	}
	root, ok := doc.Value.(map[string]any)
	if _, skip := bad[""]; !ok || skip {
		return true
	}
	for _, list := range lists() {
		items, _ := root[list].([]any)
		for i, item := range items {
			ptr := "/" + list + "/" + strconv.Itoa(i)
			loc := graph.Loc{Pos: at(doc.At(ptr)), Fields: map[string]graph.Pos{}}
			fieldPositions(doc, item, ptr, "", func(rel string, p yamlpos.Pos) { loc.Fields[rel] = at(p) })
			ptrs, isBad := bad[ptr]
			if isBad {
				markInvalid(ds, item)
				hide[loc.Pos] = true
				for _, p := range ptrs {
					rel := strings.TrimPrefix(strings.TrimPrefix(p, ptr), "/")
					item = prune(item, rel)
					forget(loc.Fields, rel)
				}
			}
			if err := decode(ds, list, item, loc); err != nil && !isBad {
				errs.Add(loc.Pos, "%v", err)
			}
		}
	}
	return true
}

// markInvalid marks the id of a record with schema problems as invalid, so
// that a reference to it is not reported as unknown if it cannot be decoded.
func markInvalid(ds *graph.Dataset, item any) {
	if m, ok := item.(map[string]any); ok {
		if id, ok := m["id"].(string); ok {
			ds.Invalid[id] = true
		}
	}
}

// idInText matches what looks like an id in YAML text: "id: x", "- id: x",
// "{id: x" or ", id: 'x'".
var idInText = regexp.MustCompile(`(?m)(?:^|[\s{,-])["']?id["']?[ \t]*:[ \t]*["']?([^\s"',{}\[\]#]+)`)

// markIDs marks the ids that src seems to define as invalid: src could not
// be parsed, and references to its records must not be reported as unknown.
func markIDs(ds *graph.Dataset, src []byte) {
	for _, m := range idInText.FindAllSubmatch(src, -1) {
		ds.Invalid[string(m[1])] = true
	}
}

// forget removes the positions of the field rel and of what it holds, so
// that a semantic problem found there falls back to the record's position
// (which is hidden: the schema problem is reported instead).
func forget(fields map[string]graph.Pos, rel string) {
	for f := range fields {
		if rel == "" || f == rel || strings.HasPrefix(f, rel+"/") {
			delete(fields, f)
		}
	}
}

// prune removes the value at the JSON pointer rel (relative to v, without
// its leading "/") from v: a mapping's key is deleted and a list's item set
// to nil, so that the other items keep their indexes (and positions). A
// problem with the record as a whole (rel "") keeps what it has.
func prune(v any, rel string) any {
	if rel == "" {
		return v
	}
	toks := strings.Split(rel, "/")
	cur := v
	for i, tok := range toks {
		last := i == len(toks)-1
		switch x := cur.(type) {
		case map[string]any:
			key := strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
			if last {
				delete(x, key)
				return v
			}
			cur = x[key]
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(x) {
				return v
			}
			if last {
				x[n] = nil
				return v
			}
			cur = x[n]
		default:
			return v
		}
	}
	return v
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

// lists returns the names of the lists a dataset file may hold: one per
// registered node kind, then the claims.
func lists() []string {
	var out []string
	for _, k := range graph.Kinds() {
		out = append(out, k.List)
	}
	return append(out, "claims")
}

// decode adds the record item of the named list to ds.
func decode(ds *graph.Dataset, list string, item any, loc graph.Loc) error {
	b, err := json.Marshal(item)
	if err != nil {
		return err
	}
	if list == "claims" {
		c := &graph.Claim{}
		err = json.Unmarshal(b, c)
		c.Loc = loc
		ds.Claims = append(ds.Claims, c)
		return err
	}
	k := graph.KindByList(list)
	r := k.New()
	err = json.Unmarshal(b, r)
	graph.EntityOf(r).Loc = loc
	k.AddTo(ds, r)
	return err
}

// schemaError is one schema violation at a JSON pointer; key says whether
// it is best shown at the key rather than the value.
type schemaError struct {
	ptr string
	key bool
	msg string
	// missing says the problem is a missing field of the object at ptr,
	// whose present values are fine.
	missing bool
}

// faulty returns the pointers of the values e finds wrong, which a record is
// decoded without: none for a missing field.
func (e schemaError) faulty() []string {
	if e.missing {
		return nil
	}
	return []string{e.ptr}
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
		if schema, schemaErr = c.Compile(schemaURL); schemaErr != nil {
			return
		}
		if recordSchemas, schemaErr = compileRecordSchemas(c, schemaDoc); len(recordSchemas) > 0 {
			recordChecks = compileRecordChecks(schemaDoc)
		}
	})
	return schema, schemaErr
}

// recordSchemas holds the schema of one record of each list, by list name,
// for the fast path; it is empty when the schema's top level is more than
// a mapping of lists of records (see compileRecordSchemas).
var recordSchemas map[string]*jsonschema.Schema

// recordChecks holds the fast checks of one record of each list, by list
// name (see recordCheck); it is nil when the schema uses a keyword they do
// not know, and then recordSchemas check every record.
var recordChecks map[string]*recordCheck

// compileRecordSchemas compiles the schema of the items of each list. A
// record checked against it has the same problems as when the file holding
// it is checked as a whole, as long as the top level only says "a mapping
// of these lists, each an array of items of this schema"; when it says
// more, no record schemas are returned and the fast path is off.
func compileRecordSchemas(c *jsonschema.Compiler, doc any) (map[string]*jsonschema.Schema, error) {
	root, _ := doc.(map[string]any)
	if !onlyKeys(root, "$schema", "$id", "title", "description", "type", "additionalProperties", "properties", "$defs") ||
		root["type"] != "object" || root["additionalProperties"] != false {
		return nil, nil
	}
	props, _ := root["properties"].(map[string]any)
	out := map[string]*jsonschema.Schema{}
	for _, list := range lists() {
		p, _ := props[list].(map[string]any)
		items, _ := p["items"].(map[string]any)
		ref, _ := items["$ref"].(string)
		if !onlyKeys(p, "type", "items", "description") || p["type"] != "array" || !onlyKeys(items, "$ref") || ref == "" {
			return nil, nil
		}
		sch, err := c.Compile(schemaURL + ref)
		if err != nil {
			return nil, err
		}
		out[list] = sch
	}
	return out, nil
}

// onlyKeys reports whether m is a mapping with no keys but those allowed.
func onlyKeys(m map[string]any, allowed ...string) bool {
	if m == nil {
		return false
	}
	for k := range m {
		if !slices.Contains(allowed, k) {
			return false
		}
	}
	return true
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
			out = append(out, schemaError{ptr: ptr, msg: fmt.Sprintf("missing field %q", m), missing: true})
		}
		return out
	case *kind.AdditionalProperties:
		allowed := schemaProperties(e.SchemaURL)
		var out []schemaError
		for _, p := range k.Properties {
			msg := "unknown field " + clip.Quote(p)
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
		return one("invalid value %s: want one of %s", clip.Quote(fmt.Sprint(k.Got)), strings.Join(want, ", "))
	case *kind.Pattern:
		if help, ok := patternHelp[k.Want]; ok {
			return one("invalid value %s: %s", clip.Quote(k.Got), help)
		}
		return one("invalid value %s: want a match for %s", clip.Quote(k.Got), k.Want)
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
		return one("invalid %s %s", k.Want, clip.Quote(fmt.Sprint(k.Got)))
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
