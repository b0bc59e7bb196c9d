package loader_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/loader"
)

// docCypher returns the Cypher examples of docs/model.md, in order.
func docCypher(t *testing.T) []string {
	t.Helper()
	doc, err := os.ReadFile("../docs/model.md")
	require.NoError(t, err)
	var out []string
	for _, m := range regexp.MustCompile("(?s)```cypher\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		out = append(out, m[1])
	}
	return out
}

// citation is one citation of a source as the dataset has it: the kind of
// link it makes, the label and id of what it is about, its locator and mode.
// edge is the id of the cited edge, for a state's position in a dispute.
type citation struct{ link, label, id, locator, mode, edge string }

// citationsOf lists every citation of source in ds, read from the records
// (their "sources" lists, a dispute's parties' lists) and the claims.
func citationsOf(t *testing.T, ds *graph.Dataset, source string) []citation {
	t.Helper()
	var out []citation
	add := func(link string, l graph.Label, id, edge string, cs []graph.Citation) {
		for _, c := range cs {
			x := citation{link, string(l), id, c.Locator, string(c.Mode), edge}
			if c.Source == source && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	for _, c := range ds.Claims {
		add("SUPPORTS", graph.LabelClaim, c.ID, "", c.Evidence)
		add("CONTESTS", graph.LabelClaim, c.ID, "", c.ContestedBy)
	}
	for _, k := range graph.Kinds() {
		for _, r := range ds.Records(k.Label) {
			b, err := json.Marshal(r)
			require.NoError(t, err)
			var rec struct {
				Sources []graph.Citation `json:"sources"`
				Parties []struct {
					State   string           `json:"state"`
					Sources []graph.Citation `json:"sources"`
				} `json:"parties"`
			}
			require.NoError(t, json.Unmarshal(b, &rec))
			id := graph.EntityOf(r).ID
			add("SUPPORTS", k.Label, id, "", rec.Sources)
			for _, p := range rec.Parties {
				add("SUPPORTS", k.Label, id, graph.EdgeID(graph.RelPartyTo, p.State, id), p.Sources)
			}
		}
	}
	slices.SortFunc(out, func(a, b citation) int {
		return strings.Compare(strings.Join([]string{a.link, a.label, a.id, a.locator, a.edge}, "\x00"),
			strings.Join([]string{b.link, b.label, b.id, b.locator, b.edge}, "\x00"))
	})
	return out
}

// TestProvenanceCypher loads the shipped data into Neo4j and runs the two
// catalog-free examples of docs/model.md, "which claims rest on paragraph 4
// of the article" and "what does a source support", checking each answer
// against the dataset: the claims whose evidence cites the article at
// para 4, and every citation of the source, claims and other records alike.
func TestProvenanceCypher(t *testing.T) {
	db := testenv.Neo4j(t)
	ctx := context.Background()
	ds, err := loader.ReadEmbedded()
	require.NoError(t, err)
	_, err = loader.Load(ctx, db, ds, loader.Options{})
	require.NoError(t, err)
	examples := docCypher(t)
	require.Len(t, examples, 2, "docs/model.md: the two provenance examples")
	name := map[string]string{}
	for _, n := range ds.Elements().Nodes {
		s, _ := n.Props["name"].(string)
		name[n.ID] = s
	}

	t.Run("claims resting on para 4", func(t *testing.T) {
		var want []string
		for _, c := range ds.Claims {
			for _, e := range c.Evidence {
				if e.Source == "article" && e.Locator == "para 4" {
					want = append(want, fmt.Sprint(c.ID, " ", name[c.Subject], " ", c.Effect, " ", name[c.Object], " ", e.Mode))
				}
			}
		}
		slices.Sort(want)
		require.NotEmpty(t, want, "no claim rests on para 4 of the article: the example proves nothing")
		recs, err := db.Read(ctx, examples[0], map[string]any{"source": "article", "locator": "para 4"})
		require.NoError(t, err)
		var got []string
		for _, r := range recs {
			got = append(got, fmt.Sprint(r["claim"], " ", r["subject"], " ", r["effect"], " ", r["object"], " ", r["mode"]))
		}
		assert.Equal(t, want, got)
	})

	// Every source, so that each one's links are checked: a source that
	// supports records and claims, one that contests.
	for _, r := range ds.Records(graph.LabelSource) {
		id := graph.EntityOf(r).ID
		t.Run("what "+id+" supports", func(t *testing.T) {
			want := citationsOf(t, ds, id)
			require.NotEmpty(t, want, "source %s supports nothing: not connected", id)
			recs, err := db.Read(ctx, examples[1], map[string]any{"source": id})
			require.NoError(t, err)
			var got []citation
			for _, r := range recs {
				got = append(got, citation{r["link"].(string), r["label"].(string), r["id"].(string), r["locator"].(string), r["mode"].(string), r["edge"].(string)})
			}
			assert.Equal(t, want, got)
		})
	}
}
