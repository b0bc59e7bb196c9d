package loader_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dyad-kg/dyad/graph"
	"github.com/dyad-kg/dyad/loader"
)

// FuzzReadFile feeds arbitrary bytes to the parser, the schema check and the
// validator: no input may crash them, and every problem must carry a
// position. Run it with:
//
//	go test ./loader -run '^$' -fuzz FuzzReadFile -fuzztime 1m -fuzzminimizetime 10s
//
// -fuzzminimizetime bounds how long a failing input is shrunk (60s by
// default, long enough to look like a hang); scripts/fuzz runs every fuzz
// target for a few seconds, as CI does.
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
	f.Add([]byte("a: &a \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\nb: [*a, *a, *a, *a, *a, *a, *a, *a]\n"))
	f.Add([]byte("events: [{id: e, name: E, date: 0100, kind: war, states: [RUS], sources: []}]"))
	f.Add([]byte("a: &a {x: 1}\nb:\n  <<: *a\n"))
	f.Add([]byte("states: [{id: RUS, name: \"R\x00\"}]"))
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

// FuzzReadDir fuzzes the folder reader: a dataset folder with a file of
// arbitrary contents, under a per-file size limit lowered to a fuzzed size
// (so that the limit is met often), and, chosen by the bits of special,
// a named pipe, a link to /dev/zero, a link out of the folder, a link to
// the file inside it and a folder, all named *.yaml. ReadDir must return
// (never block or crash), with problems that all carry a position; each
// special file is reported at its line 1, column 1. Run it with:
//
//	go test ./loader -run '^$' -fuzz FuzzReadDir -fuzztime 1m -fuzzminimizetime 10s
func FuzzReadDir(f *testing.F) {
	f.Add([]byte("states: [{id: RUS, name: Russia}]\n"), uint16(4096), uint8(0))
	f.Add([]byte("states: [{id: RUS, name: Russia}]\n"), uint16(10), uint8(0))
	f.Add([]byte("states: [{id: RUS, name: Russia}]\n"), uint16(4096), uint8(0xff))
	f.Add([]byte("a: &a \"xxxxxxxxxxxxxxxx\"\nb: [*a, *a, *a, *a]\n"), uint16(4096), uint8(1))
	f.Add([]byte("sources: [{id: s1, name: [x}]\nclaims: []\n"), uint16(4096), uint8(2))
	f.Fuzz(func(t *testing.T, src []byte, limit uint16, special uint8) {
		defer loader.SetMaxFileSize(int64(limit))()
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "a.yaml"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{} // file -> start of its problem at 1:1
		add := func(bit uint8, name string, mk func(path string) error, msg string) {
			if special&bit == 0 {
				return
			}
			if err := mk(filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
			want[name] = msg
		}
		add(1, "pipe.yaml", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file (a named pipe)")
		add(2, "zero.yaml", func(p string) error { return os.Symlink("/dev/zero", p) }, "a symbolic link out of the dataset folder")
		add(4, "out.yaml", func(p string) error { return os.Symlink("../../etc/hostname", p) }, "a symbolic link out of the dataset folder")
		add(8, "dir.yaml", func(p string) error { return os.Mkdir(p, 0o755) }, "")
		add(16, "link.yaml", func(p string) error { return os.Symlink("a.yaml", p) }, "")
		ds, err := loader.ReadDir(dir)
		if err == nil {
			if ds == nil {
				t.Fatal("no dataset and no error")
			}
			return
		}
		var list graph.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("want a graph.ErrorList, got %v", err)
		}
		at11 := map[string]string{}
		for _, e := range list {
			if e.Pos.File == "" || e.Pos.Line < 1 || e.Pos.Col < 1 || e.Msg == "" {
				t.Fatalf("problem without a position or message: %#v", e)
			}
			if e.Pos.Line == 1 && e.Pos.Col == 1 {
				at11[filepath.Base(e.Pos.File)] = e.Msg
			}
		}
		for name, msg := range want {
			if msg != "" && !strings.HasPrefix(at11[name], msg) {
				t.Fatalf("%s: want a problem at 1:1 starting %q, got %q (all: %v)", name, msg, at11[name], err)
			}
		}
	})
}
