package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportGraphML(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	t.Setenv("DYAD_DATA", "")
	golden, err := os.ReadFile("../../graphml/testdata/small.graphml")
	require.NoError(t, err)
	small := []string{"export", "graphml", "--data", "../../testdata/small"}
	args := func(extra ...string) []string { return append(append([]string{}, small...), extra...) }
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"to stdout", args(), 0, string(golden), ""},
		{"relation", args("--relation", "RUS-JPN", "--depth", "1"), 0, `<node id="kurils">`, ""},
		{"period", args("--period", "1992-2001"), 0, `<edge id="c-china-card-weakens-rus-jpn"`, ""},
		{"open period", args("--period", "2012-"), 0, `<node id="invasion-2022"`, ""},
		{"ask", args("--ask", "What weakened Russia–Japan ties?"), 0, `<node id="territorial-nationalism"`, ""},
		{"ask unknown name", args("--ask", "What weakened Russia–Japon ties?"), 2, "", `did you mean "Japan"`},
		{"ask and relation", args("--ask", "x", "--relation", "RUS-JPN"), 2, "", "give one"},
		{"built-in dataset", []string{"export", "graphml"}, 0, "</graphml>\n", ""},
		{"unknown relation", args("--relation", "RUS"), 2, "", `no relation "RUS": give a relation id such as RUS-JPN, or two states such as JPN-RUS`},
		{"relation reversed", args("--relation", "JPN-RUS", "--depth", "1"), 0, `<node id="kurils">`, ""},
		{"relation by state names", args("--relation", "japan–russia", "--depth", "1"), 0, `<node id="kurils">`, ""},
		{"relation typo", args("--relation", "JPN-RSU"), 2, "", `no relation "JPN-RSU" (did you mean "RUS-JPN"?)`},
		{"no relation between", args("--relation", "JPN-KAZ"), 2, "", `no relation between Japan and Kazakhstan in the dataset (Japan has RUS-JPN)`},
		{"bad source", args("--from", "csv"), 2, "", `invalid --from "csv": want dataset or neo4j`},
		{"apoc flavor", args("--flavor", "apoc"), 0, `attr.name="aliases" attr.type="string" attr.list="string"/>`, ""},
		{"gephi flavor", args("--flavor", "gephi"), 0, `source="RUS" target="RUS-JPN" label="HAS_RELATION">`, ""},
		{"standard flavor", args("--flavor", "standard"), 0, string(golden), ""},
		{"bad flavor", args("--flavor", "yed"), 2, "", `invalid --flavor "yed": want standard, apoc or gephi`},
		{"depth without relation", args("--depth", "2"), 2, "", "--depth needs --relation"},
		{"negative depth", args("--relation", "RUS-JPN", "--depth", "-1"), 2, "", "invalid --depth -1"},
		{"reversed period", args("--period", "2001-1992"), 2, "", `invalid --period "2001-1992"`},
		{"bad period", args("--period", "the nineties"), 2, "", `invalid --period "the nineties"`},
		{"neo4j down", args("--from", "neo4j", "--uri", "bolt://127.0.0.1:1"), 1, "", "neo4j is unavailable at bolt://127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			assert.Equal(t, tt.code, code, "stderr: %s", errOut)
			if tt.out == string(golden) {
				assert.Equal(t, tt.out, out)
			} else {
				assert.Contains(t, out, tt.out)
			}
			assert.Contains(t, errOut, tt.err)
		})
	}
	// Either order gives the same export.
	_, fwd, _ := run(t, args("--relation", "RUS-JPN", "--depth", "2")...)
	_, rev, _ := run(t, args("--relation", "JPN-RUS", "--depth", "2")...)
	assert.Equal(t, fwd, rev)
	// The period leaves out the events and claims outside it.
	_, out, _ := run(t, args("--period", "1992-2001")...)
	assert.NotContains(t, out, "invasion-2022")
	// An answer's part of the graph: the causes and the relation, not the rest.
	_, out, _ = run(t, args("--ask", "What weakened Russia–Japan ties?")...)
	assert.Contains(t, out, `<node id="RUS-JPN"`)
	assert.NotContains(t, out, `<node id="RUS-CHN"`)
}

func TestExportGraphMLToFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.graphml")
	code, out, errOut := run(t, "export", "graphml", "--data", "../../testdata/small", "-o", path)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	assert.Equal(t, "exported 26 nodes and 56 edges to "+path+"\n", errOut)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	golden, err := os.ReadFile("../../graphml/testdata/small.graphml")
	require.NoError(t, err)
	assert.Equal(t, string(golden), string(got))

	// A failed export leaves the old file and no temporary file.
	code, _, _ = run(t, "export", "graphml", "--data", "../../testdata/small", "--relation", "nope", "-o", path)
	assert.Equal(t, 2, code, "an unknown relation exits 2, as in dyad ask")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	got, err = os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(got), "</graphml>\n"))
}
