package neo4j_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dyad-kg/dyad/neo4j"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bolt://localhost:7687", "bolt://localhost:7687"},
		{"bolt://neo4j:s3cret@localhost:7687", "bolt://localhost:7687"},
		{"neo4j+s://user:p%40ss@db.example:7687/x", "neo4j+s://db.example:7687/x"},
		{"bolt://u:bad pass@host", "bolt://***@host"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, neo4j.Redact(tt.in), tt.in)
	}
}
