package neo4j_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/neo4j"
	"github.com/dyad-kg/dyad/queries"
)

// awkward adds to el two Source nodes and an edge between them whose
// values CSV must quote: commas, quotes, a line break, surrounding spaces,
// an empty list element and list elements holding ';' (so the delimiter
// becomes '|').
func awkward(el *graph.Elements) {
	el.Nodes = append(el.Nodes,
		graph.Node{Label: graph.LabelSource, ID: "zz-csv-a", Props: map[string]any{
			"id": "zz-csv-a", "name": `Comma, "quoted" and` + "\nnewline", "short": "  padded  ",
			"aliases": []string{"", "a;b", `"q"`}, "year": int64(-12),
		}},
		graph.Node{Label: graph.LabelSource, ID: "zz-csv-b", Props: map[string]any{
			"id": "zz-csv-b", "name": "", "aliases": []string{"", ""},
		}},
	)
	el.Edges = append(el.Edges, graph.Edge{Type: graph.RelWeakens, ID: "zz-csv-edge", From: "zz-csv-a", To: "zz-csv-b",
		Props: map[string]any{"id": "zz-csv-edge", "summary": "x,\r\ny", "locators": []string{"", ""}, "contested": false}})
}

// TestAdminImportIsTheLoadedGraph imports the shipped dataset (and some
// awkward values) with the real neo4j-admin into a Neo4j of its own, and
// checks that the graph is the one dyad load writes: the same snapshot
// (every node, edge and property) as a load into the test server, the
// same counts per label and type, a load afterwards finding everything
// unchanged, and every catalog question giving the in-memory answer.
func TestAdminImportIsTheLoadedGraph(t *testing.T) {
	ref := testenv.Neo4j(t)
	ctx := context.Background()
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	el := ds.Elements()
	awkward(el)

	_, err = ref.Load(ctx, el, neo4j.LoadOptions{})
	require.NoError(t, err)
	want := testenv.Snapshot(t, ref)

	dir := t.TempDir()
	imp, err := neo4j.WriteAdminImport(dir, el)
	require.NoError(t, err)
	assert.Equal(t, "|", imp.ArrayDelimiter, "an element holds ';'")
	assert.True(t, imp.Multiline)

	db := importedNeo4j(t, imp)
	assert.Equal(t, want, testenv.Snapshot(t, db))
	for l, n := range el.CountLabels() {
		recs, err := db.Read(ctx, fmt.Sprintf("MATCH (n:%s) RETURN count(n) AS n", l), nil)
		require.NoError(t, err)
		assert.EqualValues(t, n, recs[0]["n"], "%s nodes", l)
	}
	for ty, n := range el.CountTypes() {
		recs, err := db.Read(ctx, fmt.Sprintf("MATCH ()-[r:%s]->() RETURN count(r) AS n", ty), nil)
		require.NoError(t, err)
		assert.EqualValues(t, n, recs[0]["n"], "%s edges", ty)
	}

	sum, err := db.Load(ctx, el, neo4j.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, neo4j.Summary{Unchanged: el.Len(), Transactions: 1}, neo4j.Summary{
		Created: sum.Created, Updated: sum.Updated, Unchanged: sum.Unchanged, Removed: sum.Removed, Transactions: sum.Transactions})

	mem, neo := queries.NewMemory(ds), queries.NewNeo4j(db)
	for _, q := range queries.Catalog {
		want, err := queries.Run(ctx, mem, q.Name, q.Example)
		require.NoError(t, err)
		got, err := queries.Run(ctx, neo, q.Name, q.Example)
		require.NoError(t, err, q.Name)
		assert.Equal(t, want, got, q.Name)
	}
}

// importedNeo4j runs neo4j-admin database import full with imp's files
// into a new Neo4j home (scripts/neo4j admin), starts a server on it on
// free ports and returns a connection; the server is stopped when the test
// ends. It reuses the classpath the test server's home has cached
// (DYAD_NEO4J_HOME, set by scripts/test), so that Maven is not asked again.
func importedNeo4j(t *testing.T, imp *neo4j.AdminImport) *neo4j.DB {
	t.Helper()
	return ownNeo4j(t, "", append([]string{"admin"}, imp.Args(imp.Dir, "neo4j")...))
}

// ownNeo4j starts a Neo4j of the test's own with the given settings
// (DYAD_NEO4J_SETTINGS), after running scripts/neo4j with before's
// arguments if any, and returns a connection to it.
func ownNeo4j(t testing.TB, settings string, before []string) *neo4j.DB {
	t.Helper()
	h := newHome(t, settings)
	if len(before) > 0 {
		h.run(before...)
	}
	return h.start()
}

// home is a Neo4j home of a test's own, on free ports, driven by
// scripts/neo4j.
type home struct {
	t      testing.TB
	dir    string
	bolt   int
	script string
	env    []string
}

// newHome makes a new Neo4j home, reusing the classpath the test server's
// home has cached (DYAD_NEO4J_HOME), so that Maven is not asked again. Its
// server is stopped when the test ends.
func newHome(t testing.TB, settings string) *home {
	t.Helper()
	testenv.Commands(t, "apt-get install openjdk-17-jdk-headless maven", "java")
	_, file, _, _ := runtime.Caller(0)
	h := &home{t: t, dir: t.TempDir(), bolt: freePort(t), script: filepath.Join(filepath.Dir(file), "..", "scripts", "neo4j")}
	if src := os.Getenv("DYAD_NEO4J_HOME"); src != "" {
		if _, err := os.Stat(filepath.Join(src, "build")); err == nil {
			out, err := exec.Command("cp", "-a", filepath.Join(src, "build"), h.dir).CombinedOutput()
			require.NoError(t, err, "%s", out)
		}
	}
	h.env = append(os.Environ(), "DYAD_NEO4J_HOME="+h.dir, "NEO4J_BOLT_PORT="+strconv.Itoa(h.bolt),
		"NEO4J_HTTP_PORT="+strconv.Itoa(freePort(t)), "NEO4J_PASSWORD=dyad-dev-password", "DYAD_NEO4J_SETTINGS="+settings)
	// Stop it even when the start fails: a start that times out under load
	// leaves the server starting, and nothing else would ever stop it.
	t.Cleanup(func() { h.run("stop") })
	return h
}

// run runs scripts/neo4j with args on the home.
func (h *home) run(args ...string) {
	h.t.Helper()
	cmd := exec.Command(h.script, args...)
	cmd.Env = h.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		h.t.Fatalf("scripts/neo4j %s: %v\n%s", args[0], err, out.String())
	}
}

// start starts the server and returns a connection to it.
func (h *home) start() *neo4j.DB {
	h.t.Helper()
	h.run("start")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := neo4j.Open(ctx, neo4j.Config{URI: "bolt://127.0.0.1:" + strconv.Itoa(h.bolt), Username: "neo4j", Password: "dyad-dev-password"})
	require.NoError(h.t, err)
	h.t.Cleanup(func() { _ = db.Close(context.Background()) })
	return db
}

// TestWriteAdminImportFiles checks the header and rows written for awkward
// values, and the refusal of what neo4j-admin cannot read back.
func TestWriteAdminImportFiles(t *testing.T) {
	el := &graph.Elements{}
	awkward(el)
	dir := t.TempDir()
	imp, err := neo4j.WriteAdminImport(dir, el)
	require.NoError(t, err)
	assert.Equal(t, []neo4j.ImportFile{{Name: "nodes-Source.csv", Kind: "Source", Count: 2}}, imp.Nodes)
	assert.Equal(t, []neo4j.ImportFile{{Name: "rels-WEAKENS.csv", Kind: "WEAKENS", Count: 1}}, imp.Relationships)
	nodes, err := os.ReadFile(filepath.Join(dir, "nodes-Source.csv"))
	require.NoError(t, err)
	assert.Equal(t, "id:ID(dyad),:LABEL,aliases:string[],name:string,short:string,year:long,dyad:boolean\n"+
		"zz-csv-a,Source,\"|a;b|\"\"q\"\"\",\"Comma, \"\"quoted\"\" and\nnewline\",\"  padded  \",-12,true\n"+
		"zz-csv-b,Source,|,\"\",,,true\n", string(nodes))
	rels, err := os.ReadFile(filepath.Join(dir, "rels-WEAKENS.csv"))
	require.NoError(t, err)
	assert.Equal(t, "id:string,:START_ID(dyad),:END_ID(dyad),:TYPE,contested:boolean,locators:string[],summary:string,dyad:boolean\n"+
		"zz-csv-edge,zz-csv-a,zz-csv-b,WEAKENS,false,|,\"x,\r\ny\",true\n", string(rels))
	assert.Equal(t, []string{"database", "import", "full", "db1", "--overwrite-destination=true", "--id-type=string",
		"--array-delimiter=|", "--report-file=/x/import.report", "--multiline-fields=true", "--nodes=/x/nodes-Source.csv", "--relationships=/x/rels-WEAKENS.csv"},
		imp.Args("/x", "db1"))

	el.Nodes[1].Props["aliases"] = []string{""}
	_, err = neo4j.WriteAdminImport(t.TempDir(), el)
	assert.ErrorContains(t, err, "zz-csv-b's property aliases is a list of one empty string")
	el.Nodes[1].Props["aliases"] = "now a string"
	_, err = neo4j.WriteAdminImport(t.TempDir(), el)
	assert.ErrorContains(t, err, "property aliases is string[] in one place and string in another")
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
