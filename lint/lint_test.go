package lint_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/lint"
	"github.com/dyad-kg/dyad/loader"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func text(ps []lint.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./lint -update to create it")
	assert.Equal(t, string(want), got)
}

// TestBrokenFixture runs every rule on a dataset made to break each one,
// compares the messages with a golden file, and checks that every
// registered rule fires there: a new rule needs a case in the fixture.
func TestBrokenFixture(t *testing.T) {
	ds, err := loader.ReadDir("testdata/broken")
	require.NoError(t, err)
	ps := lint.Run(ds, lint.Config{})
	golden(t, "broken.golden", text(ps))

	fired := map[string]bool{}
	for _, p := range ps {
		fired[p.Rule] = true
	}
	for _, r := range lint.Rules() {
		assert.True(t, fired[r.Name], "rule %s never fires on testdata/broken", r.Name)
	}
	// Every "want:" comment in the fixture names a rule that fires.
	raw, err := os.ReadFile("testdata/broken/broken.yaml")
	require.NoError(t, err)
	for _, line := range strings.Split(string(raw), "\n") {
		if _, after, ok := strings.Cut(line, "# want: "); ok {
			name, _, _ := strings.Cut(after, " ")
			assert.NotNil(t, lint.RuleByName(name), "fixture wants unknown rule %s", name)
		}
	}
	assert.Equal(t, strings.Count(string(raw), "# want: "), len(ps), "one problem per want: comment")
}

// TestShippedData checks that the dataset built into dyad has no
// error-severity problem, and logs its warnings.
func TestShippedData(t *testing.T) {
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	ps := lint.Run(ds, lint.Config{})
	for _, p := range ps {
		t.Log(p)
		assert.NotEqual(t, lint.Error, p.Severity, "%s", p)
	}
	assert.Zero(t, lint.Count(ps, lint.Error))
}

func TestConfig(t *testing.T) {
	ds, err := loader.ReadDir("testdata/broken")
	require.NoError(t, err)
	rulesOf := func(ps []lint.Problem, name string) []lint.Problem {
		var out []lint.Problem
		for _, p := range ps {
			if p.Rule == name {
				out = append(out, p)
			}
		}
		return out
	}
	base := lint.Run(ds, lint.Config{})
	require.NotEmpty(t, rulesOf(base, "coarse-locator"))

	cfg, err := lint.ParseConfig(map[string]string{"coarse-locator": "off", "weak-host": "Error"}, []string{"Example.ORG"})
	require.NoError(t, err)
	ps := lint.Run(ds, cfg)
	assert.Empty(t, rulesOf(ps, "coarse-locator"), "off turns the rule off")
	weak := rulesOf(ps, "weak-host")
	require.Len(t, weak, 2, "the configured host is added to the defaults, subdomains included")
	for _, p := range weak {
		assert.Equal(t, lint.Error, p.Severity)
	}
	assert.Contains(t, weak[1].Message, "source blog is on example.org")
	assert.Equal(t, len(base)-len(rulesOf(base, "coarse-locator"))+1, len(ps))
}

func TestParseConfigErrors(t *testing.T) {
	tests := []struct {
		name  string
		rules map[string]string
		hosts []string
		want  []string
	}{
		{"unknown rule, with a suggestion", map[string]string{"coarse-locators": "off", "zzz": "off"}, nil,
			[]string{"unknown rule coarse-locators (did you mean coarse-locator?), zzz (the rules are coarse-locator, contest-predates,"}},
		{"bad severity", map[string]string{"weak-host": "fatal"}, nil,
			[]string{`lint.rules.weak-host: invalid severity "fatal": want off, info, warning or error`}},
		{"URL for a host", nil, []string{"https://example.org/x", "localhost", "ok.org"},
			[]string{`"https://example.org/x" is not a host name`, `"localhost" is not a host name`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lint.ParseConfig(tt.rules, tt.hosts)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "ok.org")
		})
	}
}

func TestProblemJSON(t *testing.T) {
	ds, err := loader.ReadDir("testdata/broken")
	require.NoError(t, err)
	ps := lint.Run(ds, lint.Config{Rules: map[string]lint.Severity{}})
	b, err := json.Marshal(ps[0])
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, ps[0].Pos.File, m["file"])
	assert.EqualValues(t, ps[0].Pos.Line, m["line"])
	assert.EqualValues(t, ps[0].Pos.Col, m["col"])
	assert.Equal(t, ps[0].Rule, m["rule"])
	assert.Equal(t, ps[0].Severity.String(), m["severity"])
}

// FuzzParseConfig checks that any lint section gives a Config or an error,
// never a panic, and that accepted hosts are bare lowercase host names.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{"example.org", "WWW.Example.ORG", "https://x.org/", "a..b", "", "x.org:80", "ünï.org"} {
		f.Add("weak-host", "warning", s)
	}
	f.Add("coarse-locators", "off", "x.org")
	f.Fuzz(func(t *testing.T, rule, severity, host string) {
		cfg, err := lint.ParseConfig(map[string]string{rule: severity}, []string{host})
		if err != nil {
			return
		}
		require.NotNil(t, lint.RuleByName(rule))
		require.Len(t, cfg.WeakHosts, 1)
		h := cfg.WeakHosts[0]
		assert.Equal(t, strings.ToLower(h), h)
		assert.NotContains(t, h, "/")
		assert.NotContains(t, h, ":")
		assert.Equal(t, strings.TrimSpace(h), h)
		assert.Contains(t, h, ".")
	})
}
