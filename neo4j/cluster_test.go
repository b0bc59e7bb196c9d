package neo4j_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dyad-kg/dyad/internal/testenv"
	"github.com/dyad-kg/dyad/neo4j"
)

// routed returns cfg with its bolt scheme swapped for the routing scheme of
// the same security: bolt:// becomes neo4j://, bolt+s:// neo4j+s://.
func routed(t *testing.T, cfg neo4j.Config) neo4j.Config {
	t.Helper()
	u, err := url.Parse(cfg.URI)
	require.NoError(t, err)
	u.Scheme = strings.Replace(u.Scheme, "bolt", "neo4j", 1)
	cfg.URI = u.String()
	return cfg
}

// schemes opens the test server twice: as given (bolt://) and through the
// routing scheme (neo4j://), which fetches a routing table from the server
// and routes reads and writes by it, as on a cluster.
func schemes(t *testing.T) map[string]*neo4j.DB {
	t.Helper()
	direct := testenv.Neo4j(t) // takes the server's lock and wipes it
	cfg := routed(t, testenv.Neo4jConfig(t))
	require.True(t, strings.HasPrefix(cfg.URI, "neo4j"), cfg.URI)
	viaRouting, err := neo4j.Open(context.Background(), cfg)
	require.NoError(t, err, "opening %s", cfg.URI)
	t.Cleanup(func() { _ = viaRouting.Close(context.Background()) })
	return map[string]*neo4j.DB{"bolt": direct, "neo4j": viaRouting}
}

func count(t *testing.T, db *neo4j.DB, tag string) int64 {
	t.Helper()
	recs, err := db.Read(context.Background(), "MATCH (n:DyadTest {tag: $tag}) RETURN count(n) AS n", map[string]any{"tag": tag})
	require.NoError(t, err)
	return recs[0]["n"].(int64)
}

// TestWriteModes runs every kind of write through both schemes and reads
// it back at once: a managed write, a dry run, a write that checkpoints (run
// again in explicit transactions) and a write that fails.
func TestWriteModes(t *testing.T) {
	dbs := schemes(t)
	merge := func(tag string) func(*neo4j.Tx) error {
		return func(tx *neo4j.Tx) error {
			_, err := tx.Run(context.Background(), "MERGE (:DyadTest {tag: $tag})", map[string]any{"tag": tag})
			return err
		}
	}
	boom := errors.New("boom")
	tests := []struct {
		name    string
		commit  bool
		fn      func(tag string, calls *int, commits *int) func(*neo4j.Tx) error
		want    int64 // nodes written
		calls   int   // times fn ran
		commits int   // checkpoints committed in the last run
		wantErr error
	}{
		{"commit", true, func(tag string, calls, _ *int) func(*neo4j.Tx) error {
			return func(tx *neo4j.Tx) error { *calls++; return merge(tag)(tx) }
		}, 1, 1, 0, nil},
		{"dry run", false, func(tag string, calls, _ *int) func(*neo4j.Tx) error {
			return func(tx *neo4j.Tx) error { *calls++; return merge(tag)(tx) }
		}, 0, 1, 0, nil},
		{"checkpoint", true, func(tag string, calls, commits *int) func(*neo4j.Tx) error {
			return func(tx *neo4j.Tx) error {
				*calls++
				if err := merge(tag)(tx); err != nil {
					return err
				}
				if err := tx.Checkpoint(context.Background()); err != nil {
					return err
				}
				*commits = tx.Commits()
				return merge(tag + "-after")(tx)
			}
		}, 1, 2, 1, nil},
		{"error", true, func(tag string, calls, _ *int) func(*neo4j.Tx) error {
			return func(tx *neo4j.Tx) error {
				*calls++
				if err := merge(tag)(tx); err != nil {
					return err
				}
				return boom
			}
		}, 0, 1, 0, boom},
	}
	for scheme, db := range dbs {
		for _, tt := range tests {
			t.Run(scheme+"/"+tt.name, func(t *testing.T) {
				tag := scheme + "-" + tt.name
				var calls, commits int
				err := db.Write(context.Background(), tt.commit, tt.fn(tag, &calls, &commits))
				if tt.wantErr != nil {
					require.Error(t, err)
					assert.Contains(t, err.Error(), tt.wantErr.Error())
				} else {
					require.NoError(t, err)
				}
				assert.Equal(t, tt.want, count(t, db, tag), "nodes written")
				assert.Equal(t, tt.calls, calls, "runs of fn")
				assert.Equal(t, tt.commits, commits, "checkpoints")
				if tt.name == "checkpoint" {
					assert.Equal(t, int64(1), count(t, db, tag+"-after"))
				}
			})
		}
	}
}

// TestStreamAndExec checks the other two ways in through the routing
// scheme: an auto-commit statement, then a streamed read that sees it.
func TestStreamAndExec(t *testing.T) {
	db := schemes(t)["neo4j"]
	ctx := context.Background()
	require.NoError(t, db.Exec(ctx, "UNWIND range(1, 5) AS i CREATE (:DyadTest {tag: 'exec', i: i})", nil))
	var got []int64
	require.NoError(t, db.Stream(ctx, "MATCH (n:DyadTest {tag: 'exec'}) RETURN n.i ORDER BY n.i", nil, func(v []any) error {
		got = append(got, v[0].(int64))
		return nil
	}))
	assert.Equal(t, []int64{1, 2, 3, 4, 5}, got)
}

// TestWriteRetriesTransientErrors makes two writes deadlock, the transient
// error a cluster's leader change also gives: Neo4j fails one of them, and
// the driver runs it again, so both complete.
func TestWriteRetriesTransientErrors(t *testing.T) {
	db := schemes(t)["neo4j"]
	ctx := context.Background()
	require.NoError(t, db.Exec(ctx, "CREATE (:DyadTest {tag: 'lock', k: 'a', n: 0}), (:DyadTest {tag: 'lock', k: 'b', n: 0})", nil))
	var attempts atomic.Int32
	var holding sync.WaitGroup // both have locked their first node
	holding.Add(2)
	lock := func(tx *neo4j.Tx, k string) error {
		_, err := tx.Run(ctx, "MATCH (n:DyadTest {tag: 'lock', k: $k}) SET n.n = n.n + 1", map[string]any{"k": k})
		return err
	}
	write := func(first, second string) func(*neo4j.Tx) error {
		var tries int
		return func(tx *neo4j.Tx) error {
			attempts.Add(1)
			tries++
			if err := lock(tx, first); err != nil {
				return err
			}
			if tries == 1 {
				holding.Done()
				holding.Wait()
			}
			return lock(tx, second)
		}
	}
	errs := make(chan error, 2)
	go func() { errs <- db.Write(ctx, true, write("a", "b")) }()
	go func() { errs <- db.Write(ctx, true, write("b", "a")) }()
	require.NoError(t, <-errs)
	require.NoError(t, <-errs)
	assert.GreaterOrEqual(t, attempts.Load(), int32(3), "one of the two writes must have been run again")
	recs, err := db.Read(ctx, "MATCH (n:DyadTest {tag: 'lock'}) RETURN sum(n.n) AS total", nil)
	require.NoError(t, err)
	assert.Equal(t, int64(4), recs[0]["total"], "each write's two increments, once each")
}

// TestBookmarks checks that a DB's writes leave bookmarks, that another
// connection given them reads the writes, and that they are sent with every
// transaction: the server refuses one it cannot parse.
func TestBookmarks(t *testing.T) {
	db := schemes(t)["neo4j"]
	ctx := context.Background()
	before, err := db.Bookmarks(ctx)
	require.NoError(t, err)
	require.NoError(t, db.Write(ctx, true, func(tx *neo4j.Tx) error {
		_, err := tx.Run(ctx, "CREATE (:DyadTest {tag: 'bookmarked'})", nil)
		return err
	}))
	after, err := db.Bookmarks(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, after)
	assert.NotEqual(t, before, after, "a write moves the bookmarks on")

	cfg := routed(t, testenv.Neo4jConfig(t))
	cfg.Bookmarks = after
	other, err := neo4j.Open(ctx, cfg)
	require.NoError(t, err)
	defer other.Close(ctx)
	assert.Equal(t, int64(1), count(t, other, "bookmarked"))

	cfg.Bookmarks = []string{"not-a-bookmark"}
	_, err = neo4j.Open(ctx, cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Bookmark")
}

// TestBookmarkFile carries bookmarks from one connection to the next through
// a file, as from dyad load to dyad ask, and starts afresh when the server
// refuses the saved ones (a database restored since).
func TestBookmarkFile(t *testing.T) {
	db := schemes(t)["neo4j"]
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "bookmarks.json")
	cfg := routed(t, testenv.Neo4jConfig(t))
	cfg.BookmarkFile = file
	writer, err := neo4j.Open(ctx, cfg)
	require.NoError(t, err)
	defer writer.Close(ctx)
	require.NoError(t, writer.Write(ctx, true, func(tx *neo4j.Tx) error {
		_, err := tx.Run(ctx, "CREATE (:DyadTest {tag: 'filed'})", nil)
		return err
	}))
	want, err := writer.Bookmarks(ctx)
	require.NoError(t, err)
	saved, err := os.ReadFile(file)
	require.NoError(t, err, "a committed write saves the bookmarks")
	for _, bm := range want {
		assert.Contains(t, string(saved), bm)
	}

	reader, err := neo4j.Open(ctx, cfg)
	require.NoError(t, err)
	got, err := reader.Bookmarks(ctx)
	require.NoError(t, err)
	assert.Subset(t, got, want, "the next connection starts from the saved bookmarks")
	assert.Equal(t, int64(1), count(t, reader, "filed"))
	reader.Close(ctx)

	stale := `{"saved":"` + time.Now().UTC().Format(time.RFC3339Nano) + `","bookmarks":["not-a-bookmark"]}`
	require.NoError(t, os.WriteFile(file, []byte(stale), 0o600))
	again, err := neo4j.Open(ctx, cfg)
	require.NoError(t, err, "refused bookmarks are dropped, not fatal")
	defer again.Close(ctx)
	assert.NoFileExists(t, file)
	assert.Equal(t, int64(1), count(t, db, "filed"))
}
