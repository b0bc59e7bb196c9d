package loader

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/internal/yamlpos"
)

// genFiles writes a small generated dataset and returns its folder.
func genFiles(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "gen")
	// 3,500 elements (Claim nodes and citation edges included) give the
	// sources src-0 to src-4 the cases below edit.
	require.NoError(t, gen.WriteYAML(dir, gen.Dataset(gen.ForElements(3500, 7))))
	return dir
}

// withoutFields returns the records of ds, kind by kind, with their field
// positions dropped (the fast path does not record them).
func withoutFields(ds *graph.Dataset) []any {
	var out []any
	for _, k := range graph.Kinds() {
		for _, r := range ds.Records(k.Label) {
			graph.EntityOf(r).Loc.Fields = nil
			out = append(out, r)
		}
	}
	for _, c := range ds.Claims {
		c.Loc.Fields = nil
		out = append(out, c)
	}
	return out
}

// sameAsYAMLReader checks that the fast path, when it takes src, gives the
// records the YAML reader gives, positions included, and that the YAML
// reader finds no problem in src. It reports whether the fast path took it.
func sameAsYAMLReader(t *testing.T, src []byte) bool {
	t.Helper()
	fast, ok := readFast("f.yaml", src)
	if !ok {
		return false
	}
	slow := &graph.Dataset{Invalid: map[string]bool{}}
	var errs graph.ErrorList
	readFile(slow, "f.yaml", src, &errs, map[graph.Pos]bool{})
	require.Empty(t, errs, "the fast path took a file the YAML reader finds problems in:\n%s", src)
	require.Equal(t, withoutFields(slow), withoutFields(fast), "the fast path read other records than the YAML reader:\n%s", src)
	return true
}

// TestFastPathTakesGeneratedFiles checks that the fast path takes every
// file dyad gen writes and reads them as the YAML reader does.
func TestFastPathTakesGeneratedFiles(t *testing.T) {
	dir := genFiles(t)
	names, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, names)
	require.NotEmpty(t, recordSchemasFor(t), "the schema's top level changed: the fast path is off")
	for _, name := range names {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		assert.True(t, sameAsYAMLReader(t, src), "the fast path gave up %s", filepath.Base(name))
	}
}

func recordSchemasFor(t *testing.T) map[string]bool {
	_, err := compiledSchema()
	require.NoError(t, err)
	out := map[string]bool{}
	for l := range recordSchemas {
		out[l] = true
	}
	return out
}

// TestFastPathGivesUp lists files of the fast path's shape that it must
// leave to the YAML reader, because the YAML reader reads them otherwise or
// finds a problem in them.
func TestFastPathGivesUp(t *testing.T) {
	const rec = `{"id":"AAA","name":"State AAA"}`
	cases := map[string]string{
		"duplicate key":           `  - {"id":"AAA","name":"A","name":"B"}`,
		"unknown field":           `  - {"id":"AAA","name":"A","nmae":"B"}`,
		"key in other case":       `  - {"ID":"AAA","name":"A"}`,
		"schema: bad id":          `  - {"id":"A A","name":"A"}`,
		"missing field":           `  - {"id":"AAA"}`,
		"escape":                  `  - {"id":"AAA","name":"A\u0041"}`,
		"float":                   `  - {"id":"AAA","name":"A","cow":3.0}`,
		"exponent":                `  - {"id":"AAA","name":"A","cow":3e2}`,
		"long integer":            `  - {"id":"AAA","name":"A","cow":1234567890123456}`,
		"null":                    `  - {"id":"AAA","name":"A","aliases":null}`,
		"trailing comment":        "  - " + rec + " # note",
		"trailing value":          "  - " + rec + " {}",
		"tab":                     "  - {\"id\":\"AAA\",\t\"name\":\"A\"}",
		"carriage return":         "  - " + rec + "\r",
		"not JSON":                `  - {id: AAA, name: A}`,
		"two lines":               "  - {\"id\":\"AAA\",\n    \"name\":\"A\"}",
		"control character":       "  - {\"id\":\"AAA\",\"name\":\"A\x7f\"}",
		"line separator":          "  - {\"id\":\"AAA\",\"name\":\"A\u2028\"}",
		"invalid UTF-8":           "  - {\"id\":\"AAA\",\"name\":\"A\xff\"}",
		"byte-order mark prefix":  "\ufeff",
		"other indentation":       "- " + rec,
		"nested too deep":         `  - {"id":"AAA","name":"A","x":` + strings.Repeat("[", 20) + strings.Repeat("]", 20) + `}`,
		"wrong type for the kind": `  - {"id":"AAA","name":"A","capital":1}`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			src := "states:\n" + body + "\n"
			if name == "byte-order mark prefix" {
				src = body + "states:\n  - " + rec + "\n"
			}
			_, ok := readFast("f.yaml", []byte(src))
			assert.False(t, ok, "the fast path took:\n%s", src)
		})
	}
	for name, src := range map[string]string{
		"unknown list":    "nations:\n  - " + rec + "\n",
		"list twice":      "states:\n  - " + rec + "\nstates:\n  - " + rec + "\n",
		"empty list":      "states:\nregions:\n  - {\"id\":\"r\",\"name\":\"R\"}\n",
		"item before key": "  - " + rec + "\nstates:\n",
		"no list":         "# nothing\n",
		"document marker": "---\nstates:\n  - " + rec + "\n",
		"indented key":    " states:\n  - " + rec + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, ok := readFast("f.yaml", []byte(src))
			assert.False(t, ok, "the fast path took:\n%s", src)
		})
	}
}

// TestFastPathSameProblems introduces problems into generated files (which
// the fast path takes) and checks that ReadDir reports exactly what it
// reports with the fast path off: the messages and positions of the YAML
// reader, for problems in a file, across files, and in files the fast path
// gives up.
func TestFastPathSameProblems(t *testing.T) {
	cases := []struct {
		name string
		file string
		from string // replaced once, in file
		to   string
	}{
		{"unknown reference", "claims.yaml", `"subject":"event-`, `"subject":"evnt-`},
		{"duplicate id across files", "claims.yaml", `{"id":"claim-100"`, `{"id":"event-7"`},
		{"duplicate id in a file", "claims.yaml", `{"id":"claim-100"`, `{"id":"claim-7"`},
		{"duplicate id across kinds", "events.yaml", `{"id":"event-3"`, `{"id":"src-1"`},
		{"reference of the wrong kind", "events.yaml", `"states":["`, `"states":["src-2","`},
		{"relation of a state with itself", "relations.yaml", "", ""},
		{"schema problem", "stances.yaml", `"holder":`, `"holdr":`},
		{"syntax error", "sources.yaml", `{"id":"src-3"`, `{"id":"src-3",,`},
		{"impossible period", "claims.yaml", `"period":{"from":"`, `"period":{"to":"1900","from":"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := genFiles(t)
			path := filepath.Join(dir, c.file)
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			var changed string
			if c.from == "" {
				changed = selfRelation(string(src))
			} else {
				changed = strings.Replace(string(src), c.from, c.to, 1)
			}
			require.NotEqual(t, string(src), changed)
			require.NoError(t, os.WriteFile(path, []byte(changed), 0o644))

			_, fastErr := ReadDir(dir)
			fastEnabled = false
			_, slowErr := ReadDir(dir)
			fastEnabled = true
			require.Error(t, slowErr)
			require.Error(t, fastErr)
			assert.Equal(t, slowErr.Error(), fastErr.Error())
		})
	}
}

// selfRelation makes the first relation in src one of a state with itself.
func selfRelation(src string) string {
	m := statesPair.FindStringSubmatchIndex(src)
	if m == nil {
		return src
	}
	return src[:m[0]] + `"states":["` + src[m[2]:m[3]] + `","` + src[m[2]:m[3]] + `"]` + src[m[1]:]
}

var statesPair = regexp.MustCompile(`"states":\["([A-Z]{3})","([A-Z]{3})"\]`)

// FuzzFastPath checks, for any file the fast path takes, that the YAML
// reader finds no problem in it and reads the same records, positions
// included. Run it with:
//
//	go test ./loader -run '^$' -fuzz FuzzFastPath -fuzztime 1m -fuzzminimizetime 10s
func FuzzFastPath(f *testing.F) {
	for _, s := range []string{
		"# c\nstates:\n  - {\"id\":\"AAA\",\"name\":\"State AAA\",\"cow\":365,\"adjectives\":[\"A\"]}\n",
		"claims:\n  - {\"id\":\"c\",\"subject\":\"e\",\"effect\":\"drives\",\"object\":\"f\",\"period\":{\"from\":\"2004\",\"to\":2009},\"summary\":\"s\",\"evidence\":[{\"source\":\"s\",\"locator\":\"p. 1\",\"mode\":\"argued\"}]}\n",
		"events:\n  - {\"id\":\"e\",\"name\":\"E\",\"date\":\"1966-04-01\",\"kind\":\"agreement\",\"states\":[\"AAM\"],\"sources\":[{\"source\":\"s\",\"locator\":\"p\",\"mode\":\"reported\"}]}\n\nsources:\n  - {\"id\" : \"s\", \"name\":\"H. Müller\"}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sameAsYAMLReader(t, src)
	})
}

// TestRecordChecksAgreeWithSchema checks the fast checks (as the scan of a
// record line applies them) against the full validator on every record of the shipped dataset, of the broken datasets
// under testdata (many invalid) and of a generated one: a record they pass
// must be valid and a record they fail invalid.
func TestRecordChecksAgreeWithSchema(t *testing.T) {
	_, err := compiledSchema()
	require.NoError(t, err)
	require.NotNil(t, recordChecks, "the schema uses a keyword the fast checks do not know")
	var files []string
	for _, pat := range []string{"../data/*.yaml", "testdata/broken/*/*.yaml", "../testdata/*/*.yaml", filepath.Join(genFiles(t), "*.yaml")} {
		m, err := filepath.Glob(pat)
		require.NoError(t, err)
		files = append(files, m...)
	}
	verdicts := map[verdict]int{}
	for _, name := range files {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		doc, err := yamlpos.Parse(src)
		if err != nil {
			continue
		}
		root, _ := doc.Value.(map[string]any)
		for list, items := range root {
			c := recordChecks[list]
			items, _ := items.([]any)
			for i, item := range items {
				if c == nil {
					continue
				}
				line := recordLine(t, item)
				if scanRecord(nil, line) == fail {
					verdicts[-1]++ // outside the subset the fast path takes
					continue
				}
				v := scanRecord(c, line)
				verdicts[v]++
				valid := recordSchemas[list].Validate(item) == nil
				switch v {
				case pass:
					assert.True(t, valid, "%s: %s/%d passes the fast check, not the schema", name, list, i)
				case fail:
					assert.False(t, valid, "%s: %s/%d fails the fast check, not the schema", name, list, i)
				}
			}
		}
	}
	assert.Positive(t, verdicts[pass])
	assert.Positive(t, verdicts[fail])
	t.Logf("verdicts (-1: outside the subset): %v", verdicts)
}

// recordLine writes item as the one-line JSON object of a record line.
func recordLine(t *testing.T, item any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(item))
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
