package neo4j

import (
	"reflect"
	"testing"
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
