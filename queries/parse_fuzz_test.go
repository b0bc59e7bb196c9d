package queries_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-kg/dyad/queries"
)

// FuzzParse: Parse never panics, and returns either a request its question
// accepts (Query.Check) with a reading, or an error. The seeds are the
// paraphrase corpus and the catalog's examples.
func FuzzParse(f *testing.F) {
	ents := shippedEntities(f)
	for _, q := range queries.Catalog {
		f.Add(q.Ask)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "paraphrases", "*.tsv"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if q, _, ok := strings.Cut(l, "\t"); ok && !strings.HasPrefix(l, "#") {
				f.Add(q)
			}
		}
	}
	f.Fuzz(func(t *testing.T, question string) {
		req, err := queries.Parse(question, ents)
		if err != nil {
			if errors.Is(err, queries.ErrEmptyGraph) {
				t.Fatalf("%q: empty graph reported for a full one", question)
			}
			return
		}
		q, err := queries.Lookup(req.Query)
		if err != nil {
			t.Fatalf("%q: parsed to an unknown question: %v", question, err)
		}
		p := req.Params
		if err := q.Check(&p); err != nil {
			t.Fatalf("%q: parsed to %+v, which Check refuses: %v", question, req, err)
		}
		if req.ReadAs == "" {
			t.Fatalf("%q: parsed with no reading", question)
		}
	})
}
