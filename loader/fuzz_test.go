package loader_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

// FuzzReadFile feeds arbitrary bytes to the parser, the schema check and the
// validator: no input may crash them, and every problem must carry a
// position. Run it with: go test ./loader -fuzz FuzzReadFile -fuzztime 1m
func FuzzReadFile(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/broken/*/*.yaml")
	more, _ := filepath.Glob("../data/*.yaml")
	small, _ := filepath.Glob("../testdata/small/*.yaml")
	for _, p := range append(append(seeds, more...), small...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("states: [{id: RUS, name: Russia, existed: {from: 2000-02-30}}]"))
	f.Add([]byte("a: &x [*x]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ds := &graph.Dataset{}
		var errs graph.ErrorList
		loader.ReadFile(ds, "fuzz.yaml", src, &errs)
		errs = append(errs, ds.Validate()...)
		for _, e := range errs {
			if e.Pos.File == "" || e.Msg == "" {
				t.Fatalf("problem without a position or message: %#v", e)
			}
		}
		_ = ds.Elements()
	})
}
