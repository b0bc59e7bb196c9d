package loader_test

import (
	"reflect"
	"testing"

	"github.com/dyad-kg/dyad/loader"
)

// TestReadZoteroSources reads testdata/zotero: testdata/small with its
// sources moved from the YAML into sources.bib, a Zotero BibTeX export.
// The graph must be the same, and each source must be placed in the .bib.
func TestReadZoteroSources(t *testing.T) {
	want, err := loader.ReadDir("../testdata/small")
	if err != nil {
		t.Fatal(err)
	}
	got, err := loader.ReadDir("testdata/zotero")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Sources) != 2 {
		t.Fatalf("read %d sources from testdata/zotero, want 2", len(got.Sources))
	}
	for _, s := range got.Sources {
		if p := s.Loc.Pos; p.File != "testdata/zotero/sources.bib" || p.Line < 2 {
			t.Errorf("source %s is placed at %s, want a line of testdata/zotero/sources.bib", s.ID, p)
		}
	}
	g, w := got.Elements(), want.Elements()
	if !reflect.DeepEqual(g, w) {
		for i := range w.Nodes {
			if i < len(g.Nodes) && !reflect.DeepEqual(g.Nodes[i], w.Nodes[i]) {
				t.Errorf("node %d:\n got %+v\nwant %+v", i, g.Nodes[i], w.Nodes[i])
			}
		}
		t.Fatalf("the graph from sources.bib differs from the one from YAML (%d/%d nodes, %d/%d edges)",
			len(g.Nodes), len(w.Nodes), len(g.Edges), len(w.Edges))
	}
}
