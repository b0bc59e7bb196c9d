package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/cli"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Main(args, &cli.IO{Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

func TestValidateAndStats(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"shipped dataset", []string{"validate"}, 0, "the built-in dataset is valid", ""},
		{"fixture", []string{"validate", "--data", "../../testdata/small"}, 0, "is valid: 19 nodes, 7 claims", ""},
		{"broken", []string{"validate", "--data", "../../loader/testdata/broken/unknown-ref"}, 1, "",
			`a.yaml:6:63: states: unknown id "JPX" (did you mean "JPN"?)`},
		{"missing folder", []string{"validate", "--data", "nope"}, 1, "", "dyad: dataset folder: stat nope"},
		{"bad format", []string{"stats", "--format", "xml"}, 2, "", `invalid --format "xml": want text or json`},
		{"unknown flag", []string{"stats", "--colour"}, 2, "", "unknown flag: --colour"},
		{"stats text", []string{"stats", "--data", "../../testdata/small"}, 0, "WEAKENS       5", ""},
		{"load invalid writes nothing", []string{"load", "--data", "../../loader/testdata/broken/self-relation", "--uri", "bolt://127.0.0.1:1"}, 1, "",
			"a relation needs two different states"},
		{"load neo4j down", []string{"load", "--uri", "bolt://127.0.0.1:1", "--password", "s3cret-pw"}, 1, "", "neo4j is unavailable at bolt://127.0.0.1:1"},
		{"password in the URI", []string{"load", "--uri", "bolt://neo4j:s3cret-pw@127.0.0.1:1"}, 1, "", "neo4j is unavailable at bolt://127.0.0.1:1"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"extra argument", []string{"stats", "extra"}, 2, "", `dyad stats takes no arguments, got "extra"`},
		{"unknown export format", []string{"export", "pdf"}, 2, "", `unknown export format "pdf"`},
		{"negative commit-every", []string{"load", "--commit-every", "-1"}, 2, "", "--commit-every must be 0 or more"},
		{"writers without commit-every", []string{"load", "--writers", "2"}, 2, "", "above 1 only with --commit-every"},
		{"no writers", []string{"load", "--commit-every", "10", "--writers", "0"}, 2, "", "--writers must be 1 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			assert.Equal(t, tt.code, code, "stderr: %s", errOut)
			assert.Contains(t, out, tt.out)
			assert.Contains(t, errOut, tt.err)
			assert.NotContains(t, errOut, "goroutine", "no stack traces")
			assert.NotContains(t, errOut+out, "s3cret-pw", "passwords are never printed")
		})
	}
}

func TestExportToSpecialFiles(t *testing.T) {
	// A device is written to, not replaced by a regular file.
	code, _, errOut := run(t, "export", "graphml", "--data", "../../testdata/small", "-o", os.DevNull)
	require.Equal(t, 0, code, errOut)
	st, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&os.ModeCharDevice, "/dev/null must stay a device")
	// A folder is refused, as a misused -o (exit 2).
	code, _, errOut = run(t, "export", "graphml", "--data", "../../testdata/small", "-o", t.TempDir())
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "is a folder")
}

func TestStatsJSON(t *testing.T) {
	code, out, errOut := run(t, "stats", "--format", "json", "--data", "../../testdata/small")
	require.Equal(t, 0, code, errOut)
	var s cli.Stats
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, 19+7, s.NodeTotal, "19 records and a Claim node per claim")
	assert.Equal(t, 28+7*2+14, s.EdgeTotal, "28, a SUBJECT and an OBJECT edge per claim, 14 citations")
	assert.Equal(t, 7, s.Nodes["Claim"])
	assert.Equal(t, 13, s.Edges["SUPPORTS"])
	assert.Equal(t, 1, s.Edges["CONTESTS"], "the article supports and contests one claim from para 3")
	assert.Equal(t, 5, s.Nodes["State"])
	assert.Equal(t, 5, s.Edges["WEAKENS"])
	assert.Equal(t, 7, s.Claims)
	assert.Equal(t, 1, s.Contested)
}
