// Package testenv gives tests the real external tools they need (Neo4j,
// Python readers, Chromium) and decides what happens when one is missing: on
// a developer's machine the test skips with a line saying how to get the
// tool; in CI (CI=true) it fails, so a missing tool never passes silently.
package testenv

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/dyad-kg/dyad/neo4j"
)

// InCI reports whether the tests run in CI, where every tool must be present.
func InCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "0" && v != "false"
}

// Missing skips t with how to install the tool, or fails it in CI.
func Missing(t testing.TB, what, howToInstall string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s is missing, and CI=true requires it: %s", what, howToInstall)
	}
	t.Skipf("skipped: %s is missing; to run this test: %s", what, howToInstall)
}

// Neo4jEnv is the environment variable that names the Neo4j tests use.
// Its database is wiped by the tests: never point it at data you keep.
const Neo4jEnv = "DYAD_TEST_NEO4J_URI"

// Neo4jConfig returns the test server's connection settings, or skips
// (fails in CI) when none is configured.
func Neo4jConfig(t testing.TB) neo4j.Config {
	t.Helper()
	uri := os.Getenv(Neo4jEnv)
	if uri == "" {
		Missing(t, "a test Neo4j ("+Neo4jEnv+" is not set)",
			"run scripts/test, which starts one with scripts/neo4j and sets "+Neo4jEnv)
	}
	user := os.Getenv("DYAD_TEST_NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	pw := os.Getenv("DYAD_TEST_NEO4J_PASSWORD")
	if pw == "" {
		pw = "dyad-dev-password"
	}
	return neo4j.Config{URI: uri, Username: user, Password: pw, Database: os.Getenv("DYAD_TEST_NEO4J_DATABASE")}
}

// Neo4j returns an open connection to the test server holding an empty
// database, for the test's exclusive use: the packages' test binaries run in
// parallel, so it takes a file lock that is released (and the connection
// closed) when the test ends. A configured but unreachable server always
// fails the test.
func Neo4j(t testing.TB) *neo4j.DB {
	t.Helper()
	cfg := Neo4jConfig(t)
	lock(t, cfg.URI)
	ctx := context.Background()
	db, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("test Neo4j at %s: %v", cfg.URI, err)
	}
	t.Cleanup(func() { _ = db.Close(context.Background()) })
	Wipe(t, db)
	return db
}

// Wipe deletes every node and edge in db.
func Wipe(t testing.TB, db *neo4j.DB) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := db.Wipe(ctx); err != nil {
		t.Fatalf("wiping the test database: %v", err)
	}
}

// lock takes an exclusive file lock per server URI for the rest of the test.
func lock(t testing.TB, uri string) {
	t.Helper()
	name := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return '-'
	}, uri)
	path := filepath.Join(os.TempDir(), "dyad-test-neo4j-"+name+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatalf("test lock: %v", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		_ = f.Close()
		t.Fatalf("test lock: %v", err)
	}
	t.Cleanup(func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	})
}

// Python returns the path of a python3 that can import every module, or
// skips (fails in CI) with the pip command to install them.
func Python(t testing.TB, modules ...string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		Missing(t, "python3", "install Python 3 (apt install python3 python3-pip)")
	}
	for _, m := range modules {
		if err := exec.Command(py, "-c", "import "+m).Run(); err != nil {
			Missing(t, "the Python module "+m, "pip install -r scripts/requirements.txt")
		}
	}
	return py
}

// Commands skips t (fails it in CI) with the install line unless every named
// command is on the PATH.
func Commands(t testing.TB, install string, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			Missing(t, name, install)
		}
	}
}

// Chromium returns the path of the Chromium binary, or skips (fails in CI).
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Missing(t, "chromium", "apt install chromium")
	return ""
}

// Snapshot returns every node and edge in db as sorted lines, properties
// included (less any named in drop): two snapshots are equal only for
// identical graphs.
func Snapshot(t testing.TB, db *neo4j.DB, drop ...string) []string {
	t.Helper()
	lines, err := db.Snapshot(context.Background(), drop...)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	return lines
}
