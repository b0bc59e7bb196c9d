package graphml

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

func TestZZProbe(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	ctx := context.Background()
	db, err := neo4j.Open(ctx, testenv.Neo4jConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	var ek []string
	for _, k := range dyadKeys {
		if k.For == ForEdge {
			ek = append(ek, k.Name)
		}
	}
	var nk []string
	for _, k := range dyadKeys {
		if k.For == ForNode {
			nk = append(nk, k.Name)
		}
	}
	run := func(name string, q func(string) string, types []string, params map[string]any) {
		t0 := time.Now()
		n := 0
		for _, ty := range types {
			err := db.Stream(ctx, q(ty), params, func(r []any) error { n++; return nil })
			if err != nil {
				t.Fatal(err)
			}
		}
		fmt.Printf("%-40s %6d recs %8.0f ms\n", name, n, float64(time.Since(t0).Milliseconds()))
	}
	var ts, ls []string
	for _, x := range graph.RelTypes {
		ts = append(ts, string(x))
	}
	for _, x := range graph.Labels {
		ls = append(ls, string(x))
	}
	p := map[string]any{"keys": ek, "chunk": 2000}
	np := map[string]any{"keys": nk, "chunk": 2000}
	for range 2 {
		run("apoc", func(string) string {
			return "CALL apoc.export.graphml.all(null, {stream: true, useTypes: true, readLabels: true}) YIELD data RETURN data"
		}, []string{""}, nil)
		run("nodes current", func(l string) string {
			return "MATCH (n:" + l + ") WHERE n.dyad = true RETURN n.id AS id, properties(n) AS props ORDER BY n.id"
		}, ls, nil)
		run("nodes list", func(l string) string {
			return "MATCH (n:" + l + ") WHERE n.dyad = true RETURN [n.id] + [k IN $keys | n[k]] ORDER BY n.id"
		}, ls, np)
		run("nodes chunked", func(l string) string {
			return "MATCH (n:" + l + ") WHERE n.dyad = true WITH n ORDER BY n.id WITH collect([n.id] + [k IN $keys | n[k]]) AS rows UNWIND range(0, size(rows)-1, $chunk) AS i RETURN rows[i..i+$chunk]"
		}, ls, np)
		run("edges current", func(ty string) string {
			return "MATCH (a)-[r:" + ty + "]->(b) WHERE r.dyad = true AND a.dyad = true AND b.dyad = true RETURN r.id AS id, a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.id"
		}, ts, nil)
		run("edges current no order", func(ty string) string {
			return "MATCH (a)-[r:" + ty + "]->(b) WHERE r.dyad = true AND a.dyad = true AND b.dyad = true RETURN r.id AS id, a.id AS from, b.id AS to, properties(r) AS props"
		}, ts, nil)
		run("edges current no ab check", func(ty string) string {
			return "MATCH (a)-[r:" + ty + "]->(b) WHERE r.dyad = true RETURN r.id AS id, a.id AS from, b.id AS to, properties(r) AS props ORDER BY r.id"
		}, ts, nil)
		run("edges list", func(ty string) string {
			return "MATCH (a)-[r:" + ty + "]->(b) WHERE r.dyad = true AND a.dyad = true AND b.dyad = true RETURN [r.id, a.id, b.id] + [k IN $keys | r[k]] ORDER BY r.id"
		}, ts, p)
		run("edges chunked", func(ty string) string {
			return "MATCH (a)-[r:" + ty + "]->(b) WHERE r.dyad = true AND a.dyad = true AND b.dyad = true WITH r, a, b ORDER BY r.id WITH collect([r.id, a.id, b.id] + [k IN $keys | r[k]]) AS rows UNWIND range(0, size(rows)-1, $chunk) AS i RETURN rows[i..i+$chunk]"
		}, ts, p)
		run("edges count only", func(ty string) string {
			return "MATCH (a)-[r:" + ty + "]->(b) WHERE r.dyad = true AND a.dyad = true AND b.dyad = true WITH r, a, b ORDER BY r.id RETURN count(*)"
		}, ts, p)
	}
}
