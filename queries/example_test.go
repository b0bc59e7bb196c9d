package queries_test

import (
	"context"
	"fmt"
	"log"

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
