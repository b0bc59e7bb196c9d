package yamlpos_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/yamlpos"
)

func TestParsePositions(t *testing.T) {
	doc, err := yamlpos.Parse([]byte("# c\nstates:\n  - id: RUS\n    name:\n  - {id: JPN, name: Japan}\n"))
	require.NoError(t, err)
	tests := []struct {
		ptr  string
		want yamlpos.Pos
	}{
		{"/states/0", yamlpos.Pos{Line: 3, Col: 5}},
		{"/states/0/id", yamlpos.Pos{Line: 3, Col: 9}},
		{"/states/0/name", yamlpos.Pos{Line: 4, Col: 5}},
		{"/states/1/name", yamlpos.Pos{Line: 5, Col: 21}},
		{"/states/9/nothing", yamlpos.Pos{Line: 3, Col: 3}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, doc.At(tt.ptr), tt.ptr)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"syntax", "a: [1,\n", "YAML syntax"},
		{"colon in text", "summary: a: b\n", "in quotes"},
		{"duplicate key", "a: 1\na: 2\n", "already defined"},
		{"two documents", "a: 1\n---\nb: 2\n", "one YAML document"},
		{"unknown alias", "a: *nope\n", "no anchor"},
		{"alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "expand to too many values"},
		{"self alias", "a: &x [*x, *x]\n", "too"},
		{"not utf-8", "a: \xff\n", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := yamlpos.Parse([]byte(tt.src))
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tt.want), err.Error())
		})
	}
	_, err := yamlpos.Parse([]byte("# only a comment\n"))
	assert.True(t, errors.Is(err, yamlpos.ErrEmpty))
}
