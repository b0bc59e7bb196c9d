package neo4j

import (
	"os"
	"strings"
)

// The connection defaults, the same as the dyad command's.
const (
	DefaultURI      = "bolt://localhost:7687"
	DefaultUsername = "neo4j"
	DefaultDatabase = "neo4j"
)

// The environment variables ConfigFromEnv reads: those Neo4j's own tools
// (cypher-shell, the drivers' examples) use.
const (
	EnvURI      = "NEO4J_URI"
	EnvUsername = "NEO4J_USERNAME"
	EnvPassword = "NEO4J_PASSWORD"
	EnvDatabase = "NEO4J_DATABASE"
)

// ConfigFromEnv returns the Config the dyad command uses when no flag and no
// config file says otherwise: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
// NEO4J_DATABASE, each falling back to its default (DefaultURI,
// DefaultUsername, no password, DefaultDatabase) when unset or empty.
func ConfigFromEnv() Config {
	return configFrom(os.Getenv)
}

// configFrom is ConfigFromEnv reading variables with getenv.
func configFrom(getenv func(string) string) Config {
	or := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	return Config{
		URI:      strings.TrimSpace(or(EnvURI, DefaultURI)),
		Username: or(EnvUsername, DefaultUsername),
		Password: getenv(EnvPassword),
		Database: or(EnvDatabase, DefaultDatabase),
	}
}
