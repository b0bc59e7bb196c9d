package loader

import (
	"io/fs"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/dyad-kg/dyad/graph"
)

// reader reads the files of a dataset, several at a time (one per core),
// and keeps what each gave in file order, so that the files the fast path
// read can be read again by the YAML reader when the dataset has a problem
// that concerns them (see reread).
type reader struct {
	fsys    fs.FS
	names   []string
	files   []fs.DirEntry
	display func(string) string
	results []fileResult
}

// fileResult is what reading one file gave.
type fileResult struct {
	// ds holds the file's records and the ids it marks invalid; nil when
	// the file could not be read at all.
	ds   *graph.Dataset
	errs graph.ErrorList
	// whole says errs stopped the whole file from being read (it could not
	// be opened or parsed): they are reported first.
	whole bool
	// hide holds the positions of schema problems and of their records.
	hide map[graph.Pos]bool
	// fast says the fast path read the file: its records have no field
	// positions.
	fast bool
}

// readAll reads every file, the fast path first.
func (r *reader) readAll() {
	r.results = make([]fileResult, len(r.names))
	all := make([]int, len(r.names))
	for i := range all {
		all[i] = i
	}
	r.readFiles(all, true)
}

// readFiles reads the files at the indexes todo, one per core at a time,
// into r.results. Only the files being read are held in memory.
func (r *reader) readFiles(todo []int, fast bool) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				r.results[i] = r.readOne(i, fast)
			}
		})
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
}

// readOne reads the file at index i: with the fast path when fast is set
// and the fast path takes the file, and otherwise with the YAML reader.
func (r *reader) readOne(i int, fast bool) fileResult {
	name := r.display(r.names[i])
	src, msg := readBounded(r.fsys, r.names[i], r.files[i])
	if msg != "" {
		res := fileResult{whole: true}
		res.errs.Add(graph.Pos{File: name, Line: 1, Col: 1}, "%s", msg)
		return res
	}
	if fast {
		if ds, ok := readFast(name, src); ok {
			return fileResult{ds: ds, fast: true}
		}
	}
	res := fileResult{ds: &graph.Dataset{Invalid: map[string]bool{}}, hide: map[graph.Pos]bool{}}
	res.whole = !readFile(res.ds, name, src, &res.errs, res.hide)
	return res
}

// merge gathers the files' records into one dataset, in file order (and
// within a file in registry order, as the YAML reader adds them), with the
// problems that stopped whole files, the other problems of the files, and
// the positions whose semantic problems are hidden.
func (r *reader) merge() (ds *graph.Dataset, first, errs graph.ErrorList, hide map[graph.Pos]bool) {
	ds = &graph.Dataset{Invalid: map[string]bool{}}
	hide = map[graph.Pos]bool{}
	kinds := graph.Kinds()
	claims := 0
	for _, res := range r.results {
		if res.ds != nil {
			claims += len(res.ds.Claims)
		}
	}
	ds.Claims = make([]*graph.Claim, 0, claims)
	for _, res := range r.results {
		if res.whole {
			first = append(first, res.errs...)
		} else {
			errs = append(errs, res.errs...)
		}
		maps.Copy(hide, res.hide)
		if res.ds == nil {
			continue
		}
		maps.Copy(ds.Invalid, res.ds.Invalid)
		for _, k := range kinds {
			for _, rec := range res.ds.Records(k.Label) {
				k.AddTo(ds, rec)
			}
		}
		ds.Claims = append(ds.Claims, res.ds.Claims...)
	}
	return ds, first, errs, hide
}

// reread reads again, with the YAML reader, the files read by the fast path
// that the semantic problems found in ds concern, so that the problems are
// reported at the positions of the fields, as the YAML reader knows them:
// the files the problems are in, and the files that define an id defined
// more than once (a duplicate's message says where the id was first
// defined). It reports whether it read any file again.
func (r *reader) reread(ds *graph.Dataset, semantic graph.ErrorList) bool {
	if len(semantic) == 0 {
		return false
	}
	byName := map[string]int{}
	for i, res := range r.results {
		if res.fast {
			byName[r.display(r.names[i])] = i
		}
	}
	if len(byName) == 0 {
		return false
	}
	redo := r.definersOfDuplicates()
	for _, e := range semantic {
		if i, ok := byName[e.Pos.File]; ok {
			redo[i] = true
		}
	}
	if len(redo) == 0 {
		return false
	}
	r.readFiles(slices.Sorted(maps.Keys(redo)), false)
	return true
}

// definersOfDuplicates returns the indexes of the files read by the fast
// path that define an id some record (of any file) defines too.
func (r *reader) definersOfDuplicates() map[int]bool {
	first := map[string]int{}
	out := map[int]bool{}
	see := func(id string, i int) {
		if id == "" {
			return
		}
		j, dup := first[id]
		if !dup {
			first[id] = i
			return
		}
		for _, f := range []int{i, j} {
			if r.results[f].fast {
				out[f] = true
			}
		}
	}
	kinds := graph.Kinds()
	for i, res := range r.results {
		if res.ds == nil {
			continue
		}
		for _, k := range kinds {
			for _, rec := range res.ds.Records(k.Label) {
				see(graph.EntityOf(rec).ID, i)
			}
		}
		for _, c := range res.ds.Claims {
			see(c.ID, i)
		}
	}
	return out
}
