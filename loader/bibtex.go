package loader

import (
	"io/fs"
	"path"
	"strings"

	"github.com/dyad-kg/dyad/cite"
	"github.com/dyad-kg/dyad/graph"
)

// SourceFiles are the names of a reference manager's exports that a dataset
// folder may hold beside its YAML (in any letter case): their entries become
// sources, as if listed under "sources:". sources.bib is BibTeX (Zotero's
// or Better BibTeX's export), sources.json CSL-JSON (Zotero's "CSL JSON").
var SourceFiles = map[string]func(string, []byte) ([]*graph.Source, error){
	"sources.bib":  cite.ReadBibTeX,
	"sources.json": cite.ReadCSLJSON,
}

// readSourceFiles adds the sources of every sources.bib and sources.json in
// fsys (hidden folders skipped) to ds; problems go to errs, at their
// file:line:col.
func readSourceFiles(fsys fs.FS, display func(string) string, ds *graph.Dataset, errs *graph.ErrorList) {
	kind := graph.KindOf(graph.LabelSource)
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // read already reported what it could not walk
		}
		if d.IsDir() && p != "." && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		read := SourceFiles[strings.ToLower(path.Base(p))]
		if d.IsDir() || read == nil {
			return nil
		}
		src, msg := readBounded(fsys, p, d)
		if msg != "" {
			errs.Add(graph.Pos{File: display(p), Line: 1, Col: 1}, "%s", msg)
			return nil
		}
		sources, err := read(display(p), src)
		if list, ok := err.(graph.ErrorList); ok {
			*errs = append(*errs, list...)
		}
		for _, s := range sources {
			kind.AddTo(ds, s)
		}
		return nil
	})
}
