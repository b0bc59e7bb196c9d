package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/cli"
)

func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}} {
		code, out, errOut := run(t, args...)
		assert.Equal(t, 0, code, errOut)
		assert.Regexp(t, `^dyad (devel|v\S+) \((commit [0-9a-f]{1,12}|commit unknown|no build information)[^\n]*\)\n$`, out)
	}
}

// TestOutputFlag checks that -o/--output names what a command writes in gen
// and export alike, and that gen's old --out still works, with a note.
func TestOutputFlag(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	small := []string{"--data", "../../testdata/small"}
	tests := []struct {
		name      string
		args      func(path string) []string
		code      int
		wantFile  string // a file or folder entry that must exist after
		errOut    string
		notErrOut string
	}{
		{"gen -o", func(p string) []string {
			return []string{"gen", "-o", p, "--states", "5", "--events", "3", "--claims", "3"}
		},
			0, "claims.yaml", "", "deprecated"},
		{"gen --output", func(p string) []string {
			return []string{"gen", "--output", p, "--states", "5", "--events", "3", "--claims", "3"}
		}, 0, "claims.yaml", "", "deprecated"},
		{"gen --out, deprecated", func(p string) []string {
			return []string{"gen", "--out", p, "--states", "5", "--events", "3", "--claims", "3"}
		}, 0, "claims.yaml", "dyad: --out is deprecated; use -o/--output", ""},
		{"gen --out and --output", func(p string) []string { return []string{"gen", "--out", p, "--output", p} },
			2, "", "--out is the old name of --output: give one", ""},
		{"export -o", func(p string) []string { return append([]string{"export", "graphml", "-o", p + ".graphml"}, small...) },
			0, ".graphml", "exported 26 nodes", ""},
		{"export --output", func(p string) []string {
			return append([]string{"export", "graphml", "--output", p + ".graphml"}, small...)
		}, 0, ".graphml", "exported 26 nodes", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out")
			code, _, errOut := run(t, tt.args(path)...)
			assert.Equal(t, tt.code, code, errOut)
			assert.Contains(t, errOut, tt.errOut)
			if tt.notErrOut != "" {
				assert.NotContains(t, errOut, tt.notErrOut)
			}
			switch {
			case tt.wantFile == "":
			case strings.HasPrefix(tt.wantFile, "."):
				assert.FileExists(t, path+tt.wantFile)
			default:
				assert.FileExists(t, filepath.Join(path, tt.wantFile))
			}
		})
	}
	// The old name is hidden from help; the new one is shown in both commands.
	for _, c := range []string{"gen", "export graphml"} {
		_, out, _ := run(t, append(strings.Fields(c), "--help")...)
		assert.Contains(t, out, "-o, --output string", c)
		assert.NotContains(t, out, "--out ", c)
	}
}

var wrote = regexp.MustCompile(`wrote (\d+) elements: (\d+) nodes and (\d+) edges \((\d+) claims\)`)

func TestGenElements(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		n    int // want about n elements
		err  string
	}{
		{"10k", []string{"--elements", "10000"}, 0, 10000, ""},
		{"20k, another seed", []string{"--elements", "20000", "--seed", "7"}, 0, 20000, ""},
		{"node-heavy", []string{"--elements", "10000", "--shape", "nodes"}, 0, 10000, ""},
		{"unknown shape", []string{"--elements", "1000", "--shape", "stars"}, 2, 0, `invalid --shape "stars": want edges or nodes`},
		{"shape without --elements", []string{"--shape", "nodes"}, 2, 0, "--shape goes with --elements"},
		{"with --claims", []string{"--elements", "1000", "--claims", "5"}, 2, 0, "--elements and --claims both size the dataset"},
		{"with --states", []string{"--elements", "1000", "--states", "5"}, 2, 0, "--elements and --states both size the dataset"},
		{"zero", []string{"--elements", "0"}, 2, 0, "invalid --elements 0: want 1 to"},
		{"too many", []string{"--elements", "20000000"}, 2, 0, "invalid --elements 20000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "ds")
			code, out, errOut := run(t, append([]string{"gen", "-o", dir}, tt.args...)...)
			require.Equal(t, tt.code, code, errOut)
			assert.Contains(t, errOut, tt.err)
			if tt.code != 0 {
				return
			}
			m := wrote.FindStringSubmatch(out)
			require.NotNil(t, m, out)
			total, _ := strconv.Atoi(m[1])
			nodes, _ := strconv.Atoi(m[2])
			edges, _ := strconv.Atoi(m[3])
			assert.Equal(t, total, nodes+edges)
			assert.InDelta(t, tt.n, total, 0.02*float64(tt.n), out)
			if slices.Contains(tt.args, "nodes") {
				assert.Greater(t, nodes, 3*edges, "--shape nodes: %s", out)
			} else {
				assert.Greater(t, edges, 3*nodes, "--shape edges: %s", out)
			}
		})
	}
	// What gen says it wrote is what validate reads back (a small one: the
	// validator takes seconds at 10k elements on a loaded 2-core machine).
	dir := filepath.Join(t.TempDir(), "ds")
	code, out, errOut := run(t, "gen", "-o", dir, "--elements", "1000")
	require.Equal(t, 0, code, errOut)
	m := wrote.FindStringSubmatch(out)
	require.NotNil(t, m, out)
	code, vout, verr := run(t, "validate", "--data", dir)
	require.Equal(t, 0, code, verr)
	// gen counts the graph's nodes, a Claim node per claim among them;
	// validate the dataset's records, claims apart.
	nodes, _ := strconv.Atoi(m[2])
	claims, _ := strconv.Atoi(m[4])
	assert.Contains(t, vout, fmt.Sprintf("is valid: %d nodes, %d claims", nodes-claims, claims))
}

// runTerminal runs dyad as if standard output were a terminal.
func runTerminal(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Main(args, &cli.IO{Out: &out, ErrOut: &errOut, IsTerminal: true})
	return code, out.String(), errOut.String()
}

// TestLoadSaysWhatItReads checks that load says what it reads before the
// read (and before any progress bar), on a terminal only.
func TestLoadSaysWhatItReads(t *testing.T) {
	t.Setenv("DYAD_DATA", "")
	down := []string{"--uri", "bolt://127.0.0.1:1"}
	tests := []struct {
		name     string
		terminal bool
		args     []string
		want     string
		notWant  string
	}{
		{"terminal, folder", true, []string{"--data", "../../testdata/small"},
			"reading and validating the dataset in ../../testdata/small...\nread 19 nodes and 7 claims in ", ""},
		{"terminal, built in", true, nil, "reading and validating the built-in dataset...\nread ", ""},
		{"terminal, invalid dataset", true, []string{"--data", "../../loader/testdata/broken/self-relation"},
			"reading and validating the dataset in ../../loader/testdata/broken/self-relation...\n", "\nread "},
		{"not a terminal", false, []string{"--data", "../../testdata/small"}, "", "reading"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"load"}, tt.args...), down...)
			var code int
			var errOut string
			if tt.terminal {
				code, _, errOut = runTerminal(t, args...)
			} else {
				code, _, errOut = run(t, args...)
			}
			assert.Equal(t, 1, code, errOut)
			assert.True(t, strings.HasPrefix(errOut, tt.want), "stderr: %q", errOut)
			if tt.notWant != "" {
				assert.NotContains(t, errOut, tt.notWant)
			}
		})
	}
}

// TestConfigCommand checks what dyad config shows and where it says each
// value came from, with passwords masked wherever they are.
func TestConfigCommand(t *testing.T) {
	file := filepath.Join(t.TempDir(), "dyad.yaml")
	require.NoError(t, os.WriteFile(file, []byte("data: ./from-file\nneo4j:\n  uri: bolt://file-host:7687\n  password: file-pw-s3cret\n"), 0o600))
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string // lines of the table, columns separated by runs of spaces
	}{
		{"defaults", nil, nil, []string{
			"data (the built-in dataset) default",
			"neo4j.uri bolt://localhost:7687 default",
			"neo4j.username neo4j default",
			"neo4j.password (not set) default",
			"neo4j.database neo4j default",
		}},
		{"file", nil, []string{"--config", file}, []string{
			"data ./from-file file " + file,
			"neo4j.uri bolt://file-host:7687 file " + file,
			"neo4j.password ******** file " + file,
			"neo4j.username neo4j default",
		}},
		{"environment over file", map[string]string{"NEO4J_URI": "bolt://env-host:7687", "NEO4J_PASSWORD": "env-pw-s3cret", "DYAD_CONFIG": file},
			nil, []string{
				"data ./from-file file " + file,
				"neo4j.uri bolt://env-host:7687 environment NEO4J_URI",
				"neo4j.password ******** environment NEO4J_PASSWORD",
			}},
		{"flag over environment", map[string]string{"NEO4J_URI": "bolt://env-host:7687", "NEO4J_DATABASE": "envdb"},
			[]string{"--uri", "bolt://flag-host:7687", "--username", "reader", "--data", "./flagdata"}, []string{
				"data ./flagdata flag --data",
				"neo4j.uri bolt://flag-host:7687 flag --uri",
				"neo4j.username reader flag --username",
				"neo4j.database envdb environment NEO4J_DATABASE",
			}},
		{"password in the URI", map[string]string{"NEO4J_URI": "bolt://neo4j:uri-pw-s3cret@db:7687"}, nil, []string{
			"neo4j.uri bolt://neo4j:xxxxx@db:7687 environment NEO4J_URI",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "DYAD_DATA", "DYAD_CONFIG"} {
				t.Setenv(k, tt.env[k])
			}
			t.Chdir(t.TempDir()) // no ./dyad.yaml
			t.Setenv("XDG_CONFIG_HOME", t.TempDir())
			code, out, errOut := run(t, append([]string{"config"}, tt.args...)...)
			require.Equal(t, 0, code, errOut)
			var lines []string
			for _, l := range strings.Split(out, "\n") {
				lines = append(lines, strings.Join(strings.Fields(l), " "))
			}
			for _, w := range tt.want {
				assert.Contains(t, lines, w, out)
			}
			assert.NotContains(t, out, "s3cret", "passwords are never shown")
		})
	}
	// JSON: the same settings, for scripts.
	t.Setenv("NEO4J_PASSWORD", "json-pw-s3cret")
	code, out, _ := run(t, "config", "--format", "json", "--config", file)
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"file": "`+file+`"`)
	assert.Contains(t, out, `{
      "name": "neo4j.password",
      "value": "********",
      "source": "environment NEO4J_PASSWORD"
    }`)
	assert.NotContains(t, out, "s3cret")
}
