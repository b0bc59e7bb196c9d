package neo4j

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBookmarkPath checks which URIs get a bookmark file and that its name
// keeps no credentials and tells servers and databases apart.
func TestBookmarkPath(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	assert.Empty(t, BookmarkPath("bolt://db.example:7687", "neo4j"), "one server needs no bookmarks")
	assert.Empty(t, BookmarkPath("bolt+s://db.example:7687", "neo4j"))
	p := BookmarkPath("neo4j+s://user:s3cret@db.example:7687", "neo4j")
	require.NotEmpty(t, p)
	assert.Equal(t, filepath.Join(os.Getenv("XDG_CACHE_HOME"), "dyad", "bookmarks"), filepath.Dir(p))
	assert.NotContains(t, p, "s3cret")
	assert.Equal(t, p, BookmarkPath("neo4j+s://db.example:7687", "neo4j"), "credentials do not change the file")
	assert.NotEqual(t, p, BookmarkPath("neo4j+s://db.example:7687", "other"))
	assert.NotEqual(t, p, BookmarkPath("neo4j+s://db2.example:7687", "neo4j"))
	assert.NotEmpty(t, BookmarkPath("NEO4J://db.example", ""))
}

// TestReadBookmarks checks that only a readable file saved less than
// BookmarkTTL ago gives bookmarks.
func TestReadBookmarks(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	at := func(tm time.Time) string {
		return `{"saved":"` + tm.Format(time.RFC3339Nano) + `","bookmarks":["FB:a","FB:b"]}`
	}
	tests := []struct {
		name string
		path string
		want []string
	}{
		{"fresh", write("fresh.json", at(now.Add(-time.Minute))), []string{"FB:a", "FB:b"}},
		{"just in time", write("edge.json", at(now.Add(-BookmarkTTL))), []string{"FB:a", "FB:b"}},
		{"too old", write("old.json", at(now.Add(-BookmarkTTL-time.Second))), nil},
		{"from the future", write("future.json", at(now.Add(time.Hour))), nil},
		{"not JSON", write("bad.json", "FB:a"), nil},
		{"missing", filepath.Join(dir, "none.json"), nil},
		{"no file", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, readBookmarks(tt.path, now))
		})
	}
}
