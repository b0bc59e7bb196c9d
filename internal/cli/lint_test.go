package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const brokenLint = "../../lint/testdata/broken"

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "dyad.yaml")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

func TestLint(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	t.Setenv("DYAD_CONFIG", "")
	tests := []struct {
		name        string
		args        []string
		code        int
		out, errOut []string
		notOut      []string
	}{
		{"shipped dataset has no errors", []string{"lint"}, 0,
			[]string{"data/sources.yaml:"}, []string{"lint: 0 error(s), "}, []string{": error: "}},
		{"broken fixture fails", []string{"lint", "--data", brokenLint}, 1,
			[]string{
				"broken.yaml:133:5: error: overlapping-claims: claim c-nationalism-weakens-rus-jpn-again repeats",
				"broken.yaml:50:10: warning: weak-host: source wiki is on wikipedia.org",
			},
			[]string{"dyad: lint: 4 error(s), 11 warning(s), 0 info(s)\n"}, nil},
		{"errors downgraded pass", []string{"lint", "--data", brokenLint, "--config", writeConfig(t,
			"lint:\n  rules:\n    overlapping-claims: warning\n    evidence-predates: info\n    contest-predates: off\n")}, 0,
			[]string{": warning: overlapping-claims: ", ": info: evidence-predates: "},
			[]string{"lint: 0 error(s), 12 warning(s), 2 info(s)"}, []string{"contest-predates"}},
		{"weak hosts added", []string{"lint", "--data", brokenLint, "--config", writeConfig(t,
			"lint:\n  weak-hosts: [example.org]\n  rules: {weak-host: error}\n")}, 1,
			[]string{": error: weak-host: source blog is on example.org"}, nil, nil},
		{"unknown rule in config", []string{"lint", "--config", writeConfig(t,
			"lint:\n  rules:\n    weak-hosts: off\n")}, 1,
			nil, []string{"lint.rules: unknown rule weak-hosts (did you mean weak-host?)"}, nil},
		{"unknown lint setting", []string{"lint", "--config", writeConfig(t,
			"lint:\n  weakhosts: [x.org]\n")}, 1,
			nil, []string{"unknown setting lint.weakhosts"}, nil},
		{"bad severity", []string{"validate", "--config", writeConfig(t,
			"lint:\n  rules: {weak-host: loud}\n")}, 1,
			nil, []string{`lint.rules.weak-host: invalid severity "loud"`}, nil},
		{"invalid dataset", []string{"lint", "--data", "../../loader/testdata/broken/unknown-ref"}, 1,
			nil, []string{`states: unknown id "JPX"`}, nil},
		{"bad format", []string{"lint", "--format", "xml"}, 2, nil, []string{"invalid --format"}, nil},
		{"rules under config", []string{"lint", "--rules", "--config", writeConfig(t, "lint:\n  rules: {coarse-locator: off}\n")}, 0,
			[]string{"coarse-locator           off ", "weak-host                warning "}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			assert.Equal(t, tt.code, code, errOut)
			for _, w := range tt.out {
				assert.Contains(t, out, w)
			}
			for _, w := range tt.errOut {
				assert.Contains(t, errOut, w)
			}
			for _, w := range tt.notOut {
				assert.NotContains(t, out, w)
			}
		})
	}
}

func TestLintJSON(t *testing.T) {
	t.Setenv("DYAD_CONFIG", "")
	code, out, errOut := run(t, "lint", "--data", brokenLint, "--format", "json")
	assert.Equal(t, 1, code, errOut)
	var rep struct {
		Problems []struct {
			File, Rule, Severity, Message string
			Line, Col                     int
		}
		Errors, Warnings, Infos int
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, 4, rep.Errors)
	assert.Equal(t, 11, rep.Warnings)
	require.Len(t, rep.Problems, 15)
	p := rep.Problems[0]
	assert.True(t, strings.HasSuffix(p.File, "broken.yaml"), p.File)
	assert.Equal(t, 16, p.Line)
	assert.Equal(t, 5, p.Col)
	assert.Equal(t, "unmentioned-entity", p.Rule)
	assert.Equal(t, "warning", p.Severity)
}
