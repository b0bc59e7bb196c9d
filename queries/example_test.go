package queries_test

import (
	"context"
	"fmt"
	"log"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

// Ask what weakened Russia–Japan relations of the in-memory graph of a
// dataset, and print each finding with its first piece of evidence.
func ExampleRun() {
	ds, err := loader.ReadDir("../testdata/small")
	if err != nil {
		log.Fatal(err)
	}
	ans, err := queries.Run(context.Background(), queries.NewMemory(ds), queries.Weakened,
		queries.Params{A: "RUS", B: "JPN", Depth: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ans.Title)
	for _, f := range ans.Findings {
		e := f.Evidence[0]
		fmt.Printf("- %s (%s, %s, %s)\n", f.Subject.Name, e.Source, e.Locator, e.Mode)
	}
	// Output:
	// What weakened Russia–Japan relations?
	// - Japan's 2022 sanctions on Russia (mofa, press release, reported)
	// - Kuril Islands dispute (article, para 3, argued)
	// - Playing the "China card" (article, para 3, argued)
	// - Russian invasion of Ukraine (article, para 1, argued)
	// - Territorial nationalism (article, para 1, argued)
}

// Each catalog question has Cypher to paste into Neo4j Browser, with its
// parameters.
func ExampleQuery_CypherParams() {
	q, err := queries.Lookup(queries.Timeline)
	if err != nil {
		log.Fatal(err)
	}
	p := q.CypherParams(queries.Params{A: "RUS", B: "JPN", From: 2000})
	fmt.Println(p["a"], p["b"], p["from"], p["to"])
	// Output: RUS JPN 2000 <nil>
}

// Ask a question in plain English, in one call: the names are resolved
// against the graph, the question mapped onto the catalog and answered.
func ExampleAsk() {
	ds, err := loader.ReadDir("../testdata/small")
	if err != nil {
		log.Fatal(err)
	}
	ans, err := queries.Ask(context.Background(), queries.NewMemory(ds),
		"What directly weakened Russo-Japanese relations?")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ans.Query, ans.Params.A, ans.Params.B, "depth", ans.Params.Depth)
	fmt.Println(ans.Title)
	for _, f := range ans.Findings {
		fmt.Println("-", f.Subject.Name)
	}
	// Output:
	// weakened RUS JPN depth 1
	// What weakened Russia–Japan relations?
	// - Japan's 2022 sanctions on Russia
	// - Kuril Islands dispute
	// - Playing the "China card"
	// - Russian invasion of Ukraine
	// - Territorial nationalism
}

// A question about a name the graph does not hold is an error that says so.
func ExampleAsk_unknownName() {
	ds, err := loader.ReadDir("../testdata/small")
	if err != nil {
		log.Fatal(err)
	}
	_, err = queries.Ask(context.Background(), queries.NewMemory(ds), "What weakened Russia–Atlantis relations?")
	fmt.Println(graph.ErrorCode(err), err)
	// Output: invalid unknown name "Atlantis"
}
