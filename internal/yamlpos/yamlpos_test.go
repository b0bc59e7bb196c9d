package yamlpos_test

import (
	"encoding/json"
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

// TestParseNumbersAsWritten checks that numbers are taken as written: a
// leading zero is not octal, and hex, octal, signs and underscores are not
// read as decimal numbers behind the author's back.
func TestParseNumbersAsWritten(t *testing.T) {
	tests := []struct {
		src  string
		want any
	}{
		{"d: 2001", json.Number("2001")},
		{"d: -5", json.Number("-5")},
		{"d: 0", json.Number("0")},
		{"d: 0100", "0100"},
		{"d: 0777", "0777"},
		{"d: -0044", "-0044"},
		{"d: 0x7D1", "0x7D1"},
		{"d: 2_001", "2_001"},
		{"d: 0o17", "0o17"},
		{"d: +12", "+12"},
		{"d: 2001.0", json.Number("2001.0")},
		{"d: 1e3", "1e3"}, // a string to this YAML parser, and so kept
		{"d: .5", ".5"},
	}
	for _, tt := range tests {
		doc, err := yamlpos.Parse([]byte(tt.src))
		require.NoError(t, err, tt.src)
		assert.Equal(t, tt.want, doc.Value.(map[string]any)["d"], tt.src)
	}
}

// TestParseMergeKeys checks that a merge key (<<) is refused as one, and a
// quoted "<<" is an ordinary key.
func TestParseMergeKeys(t *testing.T) {
	_, err := yamlpos.Parse([]byte("a: &a {x: 1}\nb:\n  <<: *a\n"))
	require.Error(t, err)
	assert.Equal(t, "3:3: YAML merge keys (<<) are not supported in dataset files", err.Error())
	doc, err := yamlpos.Parse([]byte("\"<<\": 1\n"))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"<<": json.Number("1")}, doc.Value)
}

// TestParseControlCharacters checks that a raw control character, which
// YAML does not allow in a file, is reported at its position.
func TestParseControlCharacters(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a: b\nc: d\x00e\n", "2:5: file holds a control character (U+0000), which YAML does not allow"},
		{"a: \x1b[31m\n", "1:4: file holds a control character (U+001B), which YAML does not allow"},
		{"a: \u0085x\x7f\n", "1:6: file holds a control character (U+007F), which YAML does not allow"},
	}
	for _, tt := range tests {
		_, err := yamlpos.Parse([]byte(tt.src))
		require.Error(t, err, "%q", tt.src)
		assert.Equal(t, tt.want, err.Error())
	}
	_, err := yamlpos.Parse([]byte("a: \"tab\there\\0 escaped\"\r\n"))
	assert.NoError(t, err, "tabs, CRLF and escapes are allowed")
}

// TestParseAliasBytes checks that aliases are bounded by the size they
// expand to, not only by their count: 2,000 aliases of a 100 kB string
// expand to 200 MB.
func TestParseAliasBytes(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a \"" + strings.Repeat("x", 100_000) + "\"\nb: [")
	for i := 0; i < 2000; i++ {
		b.WriteString("*a, ")
	}
	b.WriteString("]\n")
	_, err := yamlpos.Parse([]byte(b.String()))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "YAML aliases expand to more than")
	// A few aliases of small values are fine.
	_, err = yamlpos.Parse([]byte("a: &a {source: s, locator: p. 1}\nb: [*a, *a, *a]\n"))
	assert.NoError(t, err)
}

// TestParseLongKeyQuoted checks that a long duplicate key is shortened in
// the message.
func TestParseLongKeyQuoted(t *testing.T) {
	k := strings.Repeat("k", 10_000)
	_, err := yamlpos.Parse([]byte(k + ": 1\n" + k + ": 2\n"))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200, "message: %.300s", err.Error())
}
