package neo4j_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/gen"
	"github.com/dyad-kg/dyad/neo4j"
)

// BenchmarkFirstLoad writes a generated graph into an empty database in
// three ways, each into a Neo4j of its own started for the run (a server
// just started, as a user's first load meets it; the benchmark's clock runs
// only while it writes):
//
//   - path=admin: neo4j-admin database import full of the files dyad export
//     neo4j-import writes (the server stopped; the JVM's start included), the
//     anchor of issue 14's load target;
//   - path=load-csv: the server reading the same files itself with LOAD CSV,
//     CALL { } IN TRANSACTIONS of 10,000 rows, into the schema Dyad creates:
//     Neo4j's transactional write path with no client at all, the most any
//     Bolt client can hope for (its edges find their ends through an extra
//     label and index on every node, which a client with element ids does
//     without: a little more work than the least);
//   - path=dyad: Load with CommitEvery 50,000, with one writer and with two
//     (Writers).
//
// It needs Java and Maven (scripts/neo4j), not DYAD_TEST_NEO4J_URI:
//
//	go test ./neo4j -run '^$' -bench FirstLoad -benchtime 1x -count 3 -timeout 2h
//
// DYAD_BENCH_LARGE=1 adds a million elements (allow 10 minutes a round on 2
// cores). See docs/performance.md, "Load, session 7".
func BenchmarkFirstLoad(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("DYAD_BENCH_LARGE") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		ds := gen.Dataset(gen.ForElements(n, 1))
		if errs := ds.Validate(); len(errs) > 0 {
			b.Fatalf("generated dataset is invalid: %v", errs[0])
		}
		el := ds.Elements()
		files := b.TempDir()
		imp, err := neo4j.WriteAdminImport(files, el)
		require.NoError(b, err)
		b.Run(fmt.Sprintf("elements=%d/path=admin", n), func(b *testing.B) {
			firstLoad(b, el.Len(), false, func(h *home, _ *neo4j.DB) { h.run(append([]string{"admin"}, imp.Args(files, "neo4j")...)...) })
		})
		b.Run(fmt.Sprintf("elements=%d/path=load-csv", n), func(b *testing.B) {
			firstLoad(b, el.Len(), true, func(h *home, db *neo4j.DB) { loadCSV(b, h, db, imp) })
		})
		for _, writers := range []int{1, 2} {
			b.Run(fmt.Sprintf("elements=%d/path=dyad/writers=%d", n, writers), func(b *testing.B) {
				firstLoad(b, el.Len(), true, func(_ *home, db *neo4j.DB) {
					sum, err := db.Load(context.Background(), el, neo4j.LoadOptions{CommitEvery: 50_000, Writers: writers})
					require.NoError(b, err)
					require.Equal(b, el.Len(), sum.Created)
				})
			})
		}
	}
}

// firstLoad times write into a new Neo4j home per iteration, on a server
// started for it (its start untimed) when started is true.
func firstLoad(b *testing.B, elements int, started bool, write func(h *home, db *neo4j.DB)) {
	for range b.N {
		b.StopTimer()
		h := newHome(b, "")
		var db *neo4j.DB
		if started {
			db = h.start()
		}
		b.StartTimer()
		write(h, db)
		b.StopTimer()
		h.run("stop")
		b.StartTimer()
	}
	b.ReportMetric(float64(elements)*float64(b.N)/b.Elapsed().Seconds(), "elements/s")
}

// loadCSV creates Dyad's schema on h's server, db, and has the server load
// imp's files from its import folder with LOAD CSV.
func loadCSV(b *testing.B, h *home, db *neo4j.DB, imp *neo4j.AdminImport) {
	ctx := context.Background()
	require.NoError(b, db.Schema(ctx))
	require.NoError(b, db.Exec(ctx, "CREATE INDEX bench_any_id IF NOT EXISTS FOR (n:BenchAny) ON (n.id)", nil))
	require.NoError(b, db.Exec(ctx, "CALL db.awaitIndexes(300)", nil))
	dir := filepath.Join(h.dir, "import")
	require.NoError(b, os.MkdirAll(dir, 0o755))
	for _, f := range append(append([]neo4j.ImportFile{}, imp.Nodes...), imp.Relationships...) {
		require.NoError(b, os.Link(filepath.Join(imp.Dir, f.Name), filepath.Join(dir, f.Name)))
	}
	for _, f := range imp.Nodes {
		stmt := loadCSVStatement(b, imp, f, fmt.Sprintf("CREATE (n:%s:BenchAny %%s)", graph.Label(f.Kind)))
		require.NoError(b, db.Exec(ctx, stmt, map[string]any{"url": "file:///" + f.Name, "delim": imp.ArrayDelimiter}))
	}
	for _, f := range imp.Relationships {
		stmt := loadCSVStatement(b, imp, f, "MATCH (a:BenchAny {id: row[$start]}) MATCH (b:BenchAny {id: row[$end]}) CREATE (a)-[:"+f.Kind+" %s]->(b)")
		require.NoError(b, db.Exec(ctx, stmt, map[string]any{"url": "file:///" + f.Name, "delim": imp.ArrayDelimiter,
			"start": ":START_ID(" + neo4j.IDSpace + ")", "end": ":END_ID(" + neo4j.IDSpace + ")"}))
	}
}

// propertyName is what a property key must look like to be written into
// loadCSVStatement's map (the keys come from Dyad's own files).
var propertyName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// loadCSVStatement is the LOAD CSV statement for f: body (with %s for the
// property map, built from f's header) for each row, in transactions of
// 10,000 rows. The file, array delimiter and id columns are parameters.
func loadCSVStatement(b *testing.B, imp *neo4j.AdminImport, f neo4j.ImportFile, body string) string {
	r, err := os.Open(filepath.Join(imp.Dir, f.Name))
	require.NoError(b, err)
	defer r.Close()
	head, err := csv.NewReader(r).Read()
	require.NoError(b, err)
	var props []string
	for _, col := range head {
		name, typ, _ := strings.Cut(col, ":")
		switch {
		case name == "" || strings.HasPrefix(typ, "START_ID") || strings.HasPrefix(typ, "END_ID"):
			continue
		case strings.HasPrefix(typ, "ID"):
			typ = "string"
		}
		require.Regexp(b, propertyName, name)
		v := "row[" + quoteCSVHeader(col) + "]"
		switch typ {
		case "long":
			v = "toInteger(" + v + ")"
		case "double":
			v = "toFloat(" + v + ")"
		case "boolean":
			v = "toBoolean(" + v + ")"
		case "string[]":
			v = "split(" + v + ", $delim)"
		case "long[]":
			v = "[x IN split(" + v + ", $delim) | toInteger(x)]"
		case "string":
		default:
			b.Fatalf("%s: column %s of a type the benchmark does not read", f.Name, col)
		}
		props = append(props, fmt.Sprintf("`%s`: %s", name, v))
	}
	return "LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { " + fmt.Sprintf(body, "{"+strings.Join(props, ", ")+"}") +
		" } IN TRANSACTIONS OF 10000 ROWS"
}

// quoteCSVHeader is col as a Cypher string literal (the headers Dyad writes
// hold no quote or backslash).
func quoteCSVHeader(col string) string {
	if strings.ContainsAny(col, `'\`) {
		panic("header with a quote: " + col)
	}
	return "'" + col + "'"
}
