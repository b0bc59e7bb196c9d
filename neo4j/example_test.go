package neo4j_test

import (
	"fmt"
	"os"

	"github.com/dyad-kg/dyad/neo4j"
)

// Fill a Config from the environment the way the dyad command does: unset
// variables take the command's defaults.
func ExampleConfigFromEnv() {
	os.Setenv("NEO4J_URI", "bolt://127.0.0.1:7692")
	os.Unsetenv("NEO4J_USERNAME")
	os.Setenv("NEO4J_DATABASE", "")
	cfg := neo4j.ConfigFromEnv()
	fmt.Println(cfg.URI, cfg.Username, cfg.Database)
	// Then: db, err := neo4j.Open(ctx, cfg)
	// Output: bolt://127.0.0.1:7692 neo4j neo4j
}
