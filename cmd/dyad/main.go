// Command dyad validates, loads, queries and exports Dyad's knowledge graph
// of bilateral relations. Run "dyad help" for its commands.
package main

import (
	"os"

	"github.com/dyad-kg/dyad/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.StdIO()))
}
