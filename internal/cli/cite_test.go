package cli_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/cite"
	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
	"github.com/dyad-kg/dyad/queries"
)

// citedIDs collects every source id an answer's JSON cites.
func citedIDs(ans *queries.Answer) []string {
	var ids []string
	add := func(es []queries.Evidence) {
		for _, e := range es {
			ids = append(ids, e.Source)
		}
	}
	for _, f := range ans.Findings {
		add(f.Evidence)
		add(f.Contested)
		for _, s := range f.Chain {
			add(s.Evidence)
			add(s.ContestedBy)
		}
		for _, p := range f.Parties {
			add(p.Evidence)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// TestAskCite checks dyad ask --cite: the references are exactly the
// sources the JSON answer cites, and each reads back (with cite's readers,
// as Zotero would import it) as the dataset's record.
func TestAskCite(t *testing.T) {
	isolate(t)
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	records := map[string]*graph.Source{}
	for _, s := range ds.Sources {
		records[s.ID] = s
	}
	for _, q := range []string{"What weakened Russia–Japan ties?", "Which disputes is Japan party to?"} {
		code, out, errOut := askMain(t, "ask", "--backend", "memory", "--format", "json", q)
		require.Equal(t, 0, code, errOut)
		var ans queries.Answer
		require.NoError(t, json.Unmarshal([]byte(out), &ans))
		want := citedIDs(&ans)
		require.NotEmpty(t, want)
		for format, read := range map[string]func(string, []byte) ([]*graph.Source, error){
			"bibtex": cite.ReadBibTeX, "csljson": cite.ReadCSLJSON,
		} {
			code, out, errOut := askMain(t, "ask", "--backend", "memory", "--cite", format, q)
			require.Equal(t, 0, code, errOut)
			got, err := read("stdout", []byte(out))
			require.NoError(t, err, "%s output does not read back:\n%s", format, out)
			var ids []string
			for _, s := range got {
				ids = append(ids, s.ID)
				r := records[s.ID]
				require.NotNil(t, r, "%s: %s is no source of the dataset", format, s.ID)
				require.Equal(t, []any{r.Name, r.Kind, r.Authors, r.Publisher, r.Published, r.URL},
					[]any{s.Name, s.Kind, s.Authors, s.Publisher, s.Published, s.URL}, "%s: %s", format, s.ID)
			}
			require.Equal(t, want, ids, "%s: %q cites other sources than its answer", format, q)
		}
	}
}

func TestAskCiteUsage(t *testing.T) {
	isolate(t)
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"--cite", "ris"}, `invalid --cite "ris": want bibtex or csljson`},
		{[]string{"--cite", "bibtex", "--format", "json"}, "leave out --format json"},
	} {
		args := append([]string{"ask", "--backend", "memory"}, tt.args...)
		code, _, errOut := askMain(t, append(args, "What weakened Russia–Japan ties?")...)
		require.Equal(t, 2, code, errOut)
		require.True(t, strings.Contains(errOut, tt.err), "stderr %q lacks %q", errOut, tt.err)
	}
}
