package neo4j

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/dyad-kg/dyad/graph"
)

func TestConfigFrom(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Config
	}{
		{"nothing set: the CLI's defaults", nil,
			Config{URI: DefaultURI, Username: DefaultUsername, Database: DefaultDatabase}},
		{"all set", map[string]string{EnvURI: "neo4j://db:7690", EnvUsername: "reader", EnvPassword: "s3cret", EnvDatabase: "dyad"},
			Config{URI: "neo4j://db:7690", Username: "reader", Password: "s3cret", Database: "dyad"}},
		{"empty is unset, as for the CLI", map[string]string{EnvURI: "", EnvUsername: "", EnvDatabase: ""},
			Config{URI: DefaultURI, Username: DefaultUsername, Database: DefaultDatabase}},
		{"the URI is trimmed", map[string]string{EnvURI: " bolt://h:1 \n"},
			Config{URI: "bolt://h:1", Username: DefaultUsername, Database: DefaultDatabase}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := configFrom(func(k string) string { return tt.env[k] })
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestOpenRefusesSystemDatabase checks that Open refuses Neo4j's system
// database, in any case, before it dials (the port here answers nothing),
// with an error of code EINVALID.
func TestOpenRefusesSystemDatabase(t *testing.T) {
	for _, name := range []string{"system", "SYSTEM", " System "} {
		_, err := Open(context.Background(), Config{URI: "bolt://127.0.0.1:1", Database: name})
		if !errors.Is(err, ErrSystemDatabase) || graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Open(database %q) = %v (code %s), want ErrSystemDatabase, EINVALID", name, err, graph.ErrorCode(err))
		}
	}
	if err := checkDatabase("systems"); err != nil {
		t.Errorf("checkDatabase(systems) = %v, want nil", err)
	}
}
