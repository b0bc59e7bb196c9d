package cli_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/cli"
	"github.com/dyad-kg/dyad/queries"
)

// -update rewrites the golden files; another test file in the package may
// define the flag too.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// isolate keeps the environment and any user config from choosing Neo4j or
// another dataset.
func isolate(t *testing.T) {
	t.Helper()
	for _, k := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "DYAD_DATA", "DYAD_CONFIG"} {
		t.Setenv(k, "")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
}

func askMain(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	code = cli.Main(args, &cli.IO{In: strings.NewReader(""), Out: &o, ErrOut: &e})
	return code, o.String(), e.String()
}

func TestAsk(t *testing.T) {
	isolate(t)
	tests := []struct {
		name string
		args []string
		code int
		out  []string // lines or fragments stdout must hold
		err  []string // fragments stderr must hold
	}{
		{name: "weakened", args: []string{"ask", "--all", "What factors weakened Russia–Japan ties?"},
			out: []string{
				"What weakened Russia–Japan relations?\nRead as: what weakened Russia–Japan relations, direct and indirect causes (chains of up to 3 claims), all periods\n",
				"1. Anti-Western line of Russian foreign policy —weakens→ Russia–Japan relations",
				"   [article, para 1, argued] [Russia's Asia policy: why China, not Japan, became Moscow's partner]",
				"chain: Japan sanctions February 2022 —drives→ Japan as unfriendly country —weakens→ Russia–Japan relations",
				"findings · answered from the built-in dataset (in memory)",
			}},
		{name: "words as separate arguments", args: []string{"ask", "--backend", "memory", "what", "drove", "Moscow", "and", "Tokyo", "apart"},
			out: []string{"What weakened Russia–Japan relations?"}},
		{name: "strengthened", args: []string{"ask", "--backend", "memory", "What strengthened Sino-Russian relations?"},
			out: []string{"What strengthened China–Russia relations?", "Normative convergence with China: directly"}},
		{name: "gist first", args: []string{"ask", "--backend", "memory", "What factors weakened Russia–Japan ties?"},
			out: []string{"30 causes behind 48 findings", "puts first (its thesis): Central Asia factor and neglect of the RFE.",
				"Domestic drivers", " 10. Kuril Islands dispute: directly · 3 sources (2 argued)", "(--all shows every chain and its evidence)"}},
		{name: "disputes", args: []string{"ask", "--backend", "memory", "Which disputes is Japan party to?"},
			out: []string{"The disputes Japan is party to", "Kuril Islands dispute over Southern Kuril Islands", "   Japan: "}},
		{name: "stances in a year", args: []string{"ask", "--backend", "memory", "What stances did Russia hold in 2005?"},
			out: []string{"The stances Russia held in 2005", "toward: "}},
		{name: "timeline", args: []string{"ask", "--backend", "memory", "history of Moscow-Tokyo ties"},
			out: []string{"The timeline of Russia–Japan relations", "Soviet–Japanese Joint Declaration"}},
		{name: "paths", args: []string{"ask", "--backend", "memory", "How did the 2022 invasion affect Russia–Japan relations?"},
			out: []string{"How Russia's full-scale invasion of Ukraine reached Russia–Japan relations", "Russia's full-scale invasion of Ukraine: directly; via "}},
		{name: "cypher", args: []string{"ask", "--format", "cypher", "What weakened Moscow–Tokyo ties in 2005?"},
			out: []string{":param {a: 'RUS', b: 'JPN', sign: -1, depth: 3, from: 2005, to: 2005, limit: 101}", "$sign"}},
		{name: "cypher lists and nulls", args: []string{"ask", "--format", "cypher", "Compare Russia's relations with Japan and China"},
			out: []string{":param {a: 'RUS', b: null, others: ['JPN', 'CHN'], depth: 3, from: null, to: null, limit: 101}"}},
		// --limit: the answer lists that many, says that it left some out
		// and how to see them all; 0 and all list every one.
		{name: "limit cuts", args: []string{"ask", "--backend", "memory", "--limit", "2", "What factors weakened Russia–Japan ties?"},
			out: []string{"2 causes behind 2 findings", "This answer lists only the first 2 findings (direct causes and the shortest chains first, then those whose first claim cites the most sources, then by claim id)", "dyad ask --limit N lists N, --limit all every one."}},
		{name: "limit all", args: []string{"ask", "--backend", "memory", "--limit", "all", "What factors weakened Russia–Japan ties?"},
			out: []string{"30 causes behind 48 findings"}},
		{name: "limit 0", args: []string{"ask", "--backend", "memory", "--limit", "0", "What factors weakened Russia–Japan ties?"},
			out: []string{"30 causes behind 48 findings"}},
		{name: "limit in json", args: []string{"ask", "--backend", "memory", "--limit", "1", "--format", "json", "What factors weakened Russia–Japan ties?"},
			out: []string{`"limit": 1`, `"more": true`}},
		{name: "limit in markdown", args: []string{"ask", "--backend", "memory", "--limit", "1", "--format", "markdown", "What factors weakened Russia–Japan ties?"},
			out: []string{"*This answer lists only the first finding (direct causes and the shortest chains first"}},
		{name: "limit in cypher", args: []string{"ask", "--format", "cypher", "--limit", "5", "What weakened Moscow–Tokyo ties?"},
			out: []string{":param {a: 'RUS', b: 'JPN', sign: -1, depth: 3, from: null, to: null, limit: 6}", "LIMIT toInteger($limit)"}},
		{name: "limit ALL", args: []string{"ask", "--backend", "memory", "--limit", "ALL", "What factors weakened Russia–Japan ties?"},
			out: []string{"30 causes behind 48 findings"}},
		{name: "limit beyond any int", args: []string{"ask", "--format", "cypher", "--limit", "99999999999999999999", "What weakened Moscow–Tokyo ties?"},
			out: []string{"limit: 9007199254740992}"}},
		{name: "limit the largest int", args: []string{"ask", "--format", "cypher", "--limit", "9223372036854775807", "What weakened Moscow–Tokyo ties?"},
			out: []string{"limit: 9007199254740992}"}},
		{name: "bad limit", args: []string{"ask", "--limit", "-3", "What weakened Russia–Japan ties?"}, code: 2,
			err: []string{`invalid --limit "-3": want a number of findings, or 0 or all for every one`}},
		{name: "unknown question", args: []string{"ask", "--backend", "memory", "What is the weather in Tokyo?"}, code: 2,
			err: []string{"question not understood", "What factors weakened Russia–Japan ties?", "Which disputes is Japan party to?"}},
		{name: "no such relation", args: []string{"ask", "--backend", "memory", "What weakened US–China relations?"}, code: 2,
			err: []string{"dyad: not found: the graph has no relation between United States and China"}},
		{name: "unknown name", args: []string{"ask", "--backend", "memory", "What weakened Russia–Japon ties?"}, code: 2,
			err: []string{`unknown name "Japon" (did you mean "Japan"?)`}},
		{name: "no question", args: []string{"ask"}, code: 2, err: []string{"ask needs a question"}},
		// Nothing the question says is dropped silently (issues 11 and 13).
		{name: "unused parts named", args: []string{"ask", "--backend", "memory", "What weakened Russia–Japan and China–Kazakhstan ties in 2005, 42?"},
			out: []string{"Read as: what weakened Russia–Japan relations, direct and indirect causes (chains of up to 3 claims), in 2005",
				`Not used: "China": a state this weakened question does not use`, `Not used: "42": read as neither a year nor a depth`}},
		{name: "cypher punctuation refused", args: []string{"ask", "--backend", "memory", "What weakened Russia–Japan ties'}) MATCH (n) DETACH DELETE n //"}, code: 2,
			err: []string{`the question holds characters no question needs ("}" "//"): ask in words`}},
		{name: "year too long", args: []string{"ask", "--backend", "memory", "What weakened Russia–Japan ties in 12345?"}, code: 2,
			err: []string{`"in 12345": 12345 is not a year Dyad can read`}},
		{name: "negative year", args: []string{"ask", "--backend", "memory", "What weakened Russia–Japan ties in -5?"}, code: 2,
			err: []string{`"in -5": -5 is not a year Dyad can read`}},
		{name: "depth beyond the maximum", args: []string{"ask", "--backend", "memory", "What weakened Russia–Japan ties within 9 steps?"}, code: 2,
			err: []string{`"within 9 steps": invalid parameter: depth 9: Dyad follows chains of 1 to 3 claims`}},
		{name: "bad format", args: []string{"ask", "--format", "xml", "What weakened Russia–Japan ties?"}, code: 2, err: []string{"invalid --format"}},
		{name: "bad backend", args: []string{"ask", "--backend", "sql", "What weakened Russia–Japan ties?"}, code: 2, err: []string{"invalid --backend"}},
		{name: "queries", args: []string{"queries"},
			out: []string{"NAME", "weakened", `dyad ask "What factors weakened Russia–Japan ties?"`, "contested"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := askMain(t, tt.args...)
			require.Equal(t, tt.code, code, "stderr: %s", errOut)
			for _, s := range tt.out {
				require.True(t, strings.Contains(out, s), "stdout lacks %q; it begins:\n%.600s", s, out)
			}
			for _, s := range tt.err {
				require.Contains(t, errOut, s)
			}
			if tt.code != 0 {
				require.Empty(t, out)
			}
		})
	}
}

func TestAskJSON(t *testing.T) {
	isolate(t)
	code, out, errOut := askMain(t, "ask", "--backend", "memory", "--format", "json", "What factors weakened Russia–Japan ties?")
	require.Equal(t, 0, code, errOut)
	var ans queries.Answer
	require.NoError(t, json.Unmarshal([]byte(out), &ans))
	require.Equal(t, queries.Weakened, ans.Query)
	require.Equal(t, "RUS", ans.Params.A)
	require.Equal(t, "JPN", ans.Params.B)
	require.NotEmpty(t, ans.Findings)
	for _, f := range ans.Findings {
		require.NotEmpty(t, f.Evidence, "finding %s has no evidence", f.Subject.ID)
	}

	// The JSON says how the question was read, what it did not use and
	// what else it could mean.
	code, out, errOut = askMain(t, "ask", "--backend", "memory", "--format", "json", "What weakened Russia–Japan ties over time, 42?")
	require.Equal(t, 0, code, errOut)
	var read struct {
		Query        queries.Name   `json:"query"`
		ReadAs       string         `json:"read_as"`
		Unused       []string       `json:"unused"`
		Alternatives []queries.Name `json:"alternatives"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &read))
	require.Equal(t, queries.Weakened, read.Query)
	require.Equal(t, "what weakened Russia–Japan relations, direct and indirect causes (chains of up to 3 claims), all periods", read.ReadAs)
	require.Equal(t, []string{`"42": read as neither a year nor a depth`}, read.Unused)
	require.Equal(t, []queries.Name{queries.Timeline}, read.Alternatives)

	code, out, errOut = askMain(t, "queries", "--format", "json")
	require.Equal(t, 0, code, errOut)
	var entries []cli.CatalogEntry
	require.NoError(t, json.Unmarshal([]byte(out), &entries))
	require.Len(t, entries, len(queries.Catalog))
}

// TestAskEmptyGraph: with nothing loaded, every question says so, with a
// non-zero exit, rather than "not understood".
func TestAskEmptyGraph(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "states.yaml"), []byte("states: []\n"), 0o644))
	for _, q := range []string{"What weakened Russia–Japan ties?", "hello there", "Which claims are contested?"} {
		code, out, errOut := askMain(t, "ask", "--backend", "memory", "--data", dir, q)
		require.Equal(t, 1, code, errOut)
		require.Empty(t, out)
		require.Equal(t, "dyad: the graph is empty: run dyad load\n", errOut)
	}
}

// TestAskGolden holds the README's main command to its output: the gist by
// default, every chain and its evidence with --all; and the catalog's loop
// example to its loop, with the chain by which it reaches the relation and
// that chain's evidence.
func TestAskGolden(t *testing.T) {
	isolate(t)
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"ask-weakened.txt", []string{"What factors weakened Russia–Japan ties?"}},
		{"ask-weakened-all.txt", []string{"What factors weakened Russia–Japan ties?", "--all"}},
		{"ask-loops.txt", []string{"Which feedback loops run through Russia–Japan relations?"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := askMain(t, append([]string{"ask"}, tt.args...)...)
			require.Equal(t, 0, code, errOut)
			golden := filepath.Join("testdata", tt.golden)
			if updateGolden() {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./internal/cli -run TestAskGolden -update")
			require.Equal(t, string(want), out)
		})
	}
}
