package cite_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-kg/dyad/cite"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// record is what a Source holds that the formats carry.
type record struct {
	ID        string
	Name      string
	Kind      graph.SourceKind
	Authors   []string `json:",omitempty"`
	Publisher string   `json:",omitempty"`
	Published string   `json:",omitempty"`
	URL       string   `json:",omitempty"`
	Pos       string   `json:",omitempty"`
}

func records(ss []*graph.Source, withPos bool) []record {
	out := make([]record, len(ss))
	for i, s := range ss {
		out[i] = record{ID: s.ID, Name: s.Name, Kind: s.Kind, Authors: s.Authors, Publisher: s.Publisher,
			Published: s.Published.String(), URL: s.URL}
		if withPos {
			out[i].Pos = s.Loc.Pos.String()
		}
	}
	return out
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cite -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what was read:\n%s", path, got)
	}
}

// TestReadZotero reads hand-written exports in Zotero's formats (its BibTeX
// export: braces protecting capitals, {\textquoteright}, month macros,
// institutions in double braces, file and urldate fields; its CSL JSON:
// years as strings, literal names) and compares the sources with goldens.
func TestReadZotero(t *testing.T) {
	for _, tc := range []struct {
		file string
		read func(string, []byte) ([]*graph.Source, error)
	}{
		{"zotero.bib", cite.ReadBibTeX},
		{"zotero.json", cite.ReadCSLJSON},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			ss, err := tc.read(tc.file, src)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.MarshalIndent(records(ss, true), "", "  ")
			golden(t, tc.file+".golden", append(b, '\n'))
		})
	}
}

// TestRoundTrip writes every source of the shipped dataset as BibTeX and as
// CSL-JSON and reads it back: the same records, kinds included.
func TestRoundTrip(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	var in []graph.Source
	var want []*graph.Source
	for _, s := range ds.Sources {
		in = append(in, *s)
		want = append(want, s)
	}
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, []graph.Source) error
		read  func(string, []byte) ([]*graph.Source, error)
	}{
		{"bibtex", func(b *bytes.Buffer, s []graph.Source) error { return cite.WriteBibTeX(b, s) }, cite.ReadBibTeX},
		{"csljson", func(b *bytes.Buffer, s []graph.Source) error { return cite.WriteCSLJSON(b, s) }, cite.ReadCSLJSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, in); err != nil {
				t.Fatal(err)
			}
			got, err := tc.read("out", buf.Bytes())
			if err != nil {
				t.Fatalf("reading back: %v", err)
			}
			g, w := records(got, false), records(want, false)
			if len(g) != len(w) {
				t.Fatalf("wrote %d sources, read back %d", len(w), len(g))
			}
			for i := range w {
				gj, _ := json.Marshal(g[i])
				wj, _ := json.Marshal(w[i])
				if string(gj) != string(wj) {
					t.Errorf("source %s:\n got %s\nwant %s", w[i].ID, gj, wj)
				}
			}
		})
	}
}

// TestReadErrors checks that bad input gives one clear problem at its
// file:line:col, never a crash.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"unbalanced braces", "a.bib", "@article{k1,\n\ttitle = {A {B},\n\tyear = {2019},\n}\n", "a.bib:"},
		{"undefined string (the parser would exit)", "a.bib", "@article{k1,\n\ttitle = {T},\n\tmonth = decembre,\n}\n",
			`a.bib:3:10: BibTeX: undefined string "decembre"`},
		{"key that is no id", "a.bib", "@article{k1,\n\ttitle = {T},\n}\n\n@book{Smith:2020 x,\n}\n", "a.bib:"},
		{"colon in the key", "a.bib", "@article{k1,\n\ttitle = {T},\n}\n\n@book{Smith:2020,\n\ttitle = {T},\n}\n",
			`a.bib:5:1: citation key "Smith:2020" cannot be a source id`},
		{"no title", "a.bib", "@misc{k1,\n\turl = {https://x.org},\n}\n", "a.bib:1:1: entry k1 has no title"},
		{"impossible date", "a.bib", "\n  @misc{k1,\n\ttitle = {T},\n\tdate = {2019-02-30},\n}\n", `a.bib:2:3: entry k1: impossible date "2019-02-30"`},
		{"bad month", "a.bib", "@misc{k1,\n\ttitle = {T},\n\tyear = {2019},\n\tmonth = {Brumaire},\n}\n", `a.bib:1:1: entry k1: invalid month "brumaire"`},
		{"json syntax", "s.json", "[\n  {\"id\": \"a\", \"title\": \"T\",}\n]", "s.json:2:"},
		{"json not an array", "s.json", "{\"id\": \"a\"}", "s.json:1:1: CSL-JSON: want an array"},
		{"json wrong type", "s.json", "[\n  {\"id\": \"a\", \"title\": 3}\n]", "s.json:2:"},
		{"json bad date", "s.json", "[{\"id\": \"a\", \"title\": \"T\"},\n {\"id\": \"b\", \"title\": \"T\", \"issued\": {\"date-parts\": [[2019, 13]]}}]",
			`s.json:2:2: item b: issued: impossible date "2019-13"`},
		{"json no id", "s.json", "[{\"title\": \"T\"}]", `s.json:1:2: item id "" cannot be a source id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			read := cite.ReadBibTeX
			if strings.HasSuffix(tt.file, ".json") {
				read = cite.ReadCSLJSON
			}
			ss, err := read(tt.file, []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; read %v", records(ss, true))
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got  %s\nwant %s...", err, tt.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("want one problem, got:\n%s", err)
			}
		})
	}
}

func FuzzReadBibTeX(f *testing.F) {
	src, _ := os.ReadFile("testdata/zotero.bib")
	f.Add(src)
	f.Add([]byte("@string{x = {a}}\n@misc{k, title = x # {b}, month = jan}"))
	f.Add([]byte("@comment{ = foo }\n@misc(k, title = \"a {\\\"o}\")"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ss, err := cite.ReadBibTeX("f.bib", b)
		if err == nil {
			for _, s := range ss {
				if s.ID == "" || s.Name == "" {
					t.Errorf("accepted a source without id or title: %+v", s)
				}
			}
		}
	})
}

func FuzzReadCSLJSON(f *testing.F) {
	src, _ := os.ReadFile("testdata/zotero.json")
	f.Add(src)
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = cite.ReadCSLJSON("f.json", b)
	})
}
