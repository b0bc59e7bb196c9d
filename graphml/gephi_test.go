package graphml

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
)

// gephiGraph is what Gephi made of one file, as tools/gephi/run prints it.
type gephiGraph struct {
	nodes, edges int
	labels       map[string]string    // node id -> caption
	edgeList     map[string][4]string // edge id -> source, target, kind, caption
}

// runGephi imports each file with the Gephi toolkit (tools/gephi/run); an
// argument "--no-merge" applies to the file after it.
func runGephi(t *testing.T, args ...string) []gephiGraph {
	t.Helper()
	testenv.Commands(t, "apt install openjdk-17-jdk-headless maven", "java", "javac", "mvn")
	run, err := filepath.Abs(filepath.Join("..", "tools", "gephi", "run"))
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd := exec.Command(run, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "tools/gephi/run: %s", stderr.String())
	var graphs []gephiGraph
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if f[0] == "file" {
			graphs = append(graphs, gephiGraph{labels: map[string]string{}, edgeList: map[string][4]string{}})
			continue
		}
		require.NotEmpty(t, graphs, "output before the first file: %q", sc.Text())
		g := &graphs[len(graphs)-1]
		switch {
		case f[0] == "nodes" || f[0] == "edges":
			n, err := strconv.Atoi(f[1])
			require.NoError(t, err)
			if f[0] == "nodes" {
				g.nodes = n
			} else {
				g.edges = n
			}
		case f[0] == "node" && len(f) == 3:
			g.labels[f[1]] = f[2]
		case f[0] == "edge" && len(f) == 6:
			g.edgeList[f[1]] = [4]string{f[2], f[3], f[4], f[5]}
		}
	}
	require.NoError(t, sc.Err())
	return graphs
}

// TestGephiImport imports exports of the built-in dataset with Gephi 0.10's
// own importer and processor, as Gephi's File > Open does with the import
// report's defaults: the gephi flavor loses no node and no edge, and every
// node is captioned by its name (a Claim node by its id) and every edge by
// its type; two claims between the same two nodes stay two. The standard
// flavor gives the same captions, and loses exactly the repeated edges
// (two edges between the same two nodes: claims, or a source cited at two
// locators) unless the import report's merge strategy is "Don't merge";
// even then it keeps every Claim node.
func TestGephiImport(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	// A second claim of the same effect between the same two nodes (the
	// claim over another period, say), so that the test always has one to
	// lose, whatever the shipped data holds.
	var twin *graph.Claim
	for _, c := range ds.Claims {
		if c.Effect == graph.Weakens {
			again := *c
			again.ID = c.ID + "-again"
			again.Period = graph.Period{From: graph.Date{Year: 2030}}
			twin = &again
			break
		}
	}
	require.NotNil(t, twin)
	ds.Claims = append(ds.Claims, twin)
	el := ds.Elements()
	seen := map[[2]string]bool{}
	repeated := 0
	for _, e := range el.Edges {
		if seen[[2]string{e.From, e.To}] {
			repeated++
		}
		seen[[2]string{e.From, e.To}] = true
	}
	require.Positive(t, repeated, "the dataset has no parallel edges: this test would prove nothing about them")

	dir := t.TempDir()
	files := map[Flavor]string{}
	for _, f := range []Flavor{Gephi, Standard} {
		var buf bytes.Buffer
		require.NoError(t, WriteElementsFlavor(&buf, el, f))
		files[f] = filepath.Join(dir, string(f)+".graphml")
		require.NoError(t, os.WriteFile(files[f], buf.Bytes(), 0o644))
	}
	got := runGephi(t, files[Gephi], files[Standard], "--no-merge", files[Standard])
	require.Len(t, got, 3)
	tests := []struct {
		name      string
		g         gephiGraph
		lost      int
		wantKinds bool
	}{
		{"gephi flavor", got[0], 0, true},
		{"standard flavor", got[1], repeated, false},
		{"standard flavor, don't merge", got[2], 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := tt.g
			assert.Equal(t, len(el.Nodes), g.nodes, "nodes")
			assert.Equal(t, len(el.Edges)-tt.lost, g.edges, "edges")
			for _, n := range el.Nodes {
				// A Claim node has no name: Gephi shows its id.
				name, ok := n.Props["name"].(string)
				if !ok && n.Label == graph.LabelClaim {
					name = n.ID
				}
				assert.Equal(t, Sanitize(name), g.labels[n.ID], "caption of %s", n.ID)
			}
			// The two claims between one pair stay two: as Claim nodes in
			// every flavor, and as WEAKENS edges where nothing is lost.
			for _, id := range []string{strings.TrimSuffix(twin.ID, "-again"), twin.ID} {
				assert.Contains(t, g.labels, id, "Claim node %s", id)
				if tt.lost == 0 {
					assert.Contains(t, g.edgeList, id, "WEAKENS edge %s", id)
				}
			}
			for _, e := range el.Edges {
				ge, ok := g.edgeList[e.ID]
				if !ok {
					continue // merged into another edge: counted above
				}
				assert.Equal(t, [2]string{e.From, e.To}, [2]string{ge[0], ge[1]}, "ends of %s", e.ID)
				assert.Equal(t, string(e.Type), ge[3], "caption of %s", e.ID)
				if tt.wantKinds {
					assert.True(t, strings.HasPrefix(ge[2], string(e.Type)), "kind %q of %s", ge[2], e.ID)
				} else {
					assert.Empty(t, ge[2], "kind of %s", e.ID)
				}
			}
		})
	}
}
