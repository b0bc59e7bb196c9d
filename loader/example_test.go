package loader_test

import (
	"errors"
	"fmt"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

// Read a dataset folder; a broken one reports every problem with its
// position.
func ExampleReadDir() {
	_, err := loader.ReadDir("testdata/broken/unknown-field")
	var problems graph.ErrorList
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Println(p.Pos.Line, p.Pos.Col, p.Msg)
		}
	}
	// Output:
	// 5 5 unknown field "captial" (did you mean "capital"?)
	// 6 5 unknown field "colour" (want adjectives, aliases, capital, cow, description, existed, id, name, predecessors, sources)
}
